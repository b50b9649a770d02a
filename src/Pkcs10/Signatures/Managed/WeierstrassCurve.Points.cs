namespace Pkcs10.Signatures.Managed;

/// <summary>Point arithmetic in Jacobian coordinates (a = -3), with every special case of the group law.</summary>
internal sealed partial class WeierstrassCurve
{
    /// <summary>Whether the point is the point at infinity (Z = 0; <c>default</c> is infinity).</summary>
    public bool IsInfinity(in JacobianPoint p) => Field.IsZero(p.Z);

    /// <summary>
    /// result = 2P ("dbl-2001-b", Bernstein–Lange Explicit-Formulas Database, a = -3: 3M + 5S). Infinity maps to
    /// infinity (Z3 = 2·Y·Z = 0); there are no points of order 2 on a prime-order curve.
    /// </summary>
    public void Double(in JacobianPoint p, out JacobianPoint result)
    {
        MontgomeryModulus f = Field;
        f.Square(p.Z, out Limbs delta);
        f.Square(p.Y, out Limbs gamma);
        f.Multiply(p.X, gamma, out Limbs beta);

        // alpha = 3·(X - delta)·(X + delta)
        f.Subtract(p.X, delta, out Limbs t0);
        f.Add(p.X, delta, out Limbs t1);
        f.Multiply(t0, t1, out t0);
        f.Add(t0, t0, out Limbs alpha);
        f.Add(alpha, t0, out alpha);

        // Z3 = (Y + Z)² - gamma - delta (before X and Y are overwritten when result aliases p)
        f.Add(p.Y, p.Z, out t1);
        f.Square(t1, out t1);
        f.Subtract(t1, gamma, out t1);
        f.Subtract(t1, delta, out result.Z);

        // X3 = alpha² - 8·beta
        f.Add(beta, beta, out beta);
        f.Add(beta, beta, out beta);          // 4·beta
        f.Square(alpha, out t0);
        f.Subtract(t0, beta, out t0);
        f.Subtract(t0, beta, out result.X);

        // Y3 = alpha·(4·beta - X3) - 8·gamma²
        f.Subtract(beta, result.X, out t0);
        f.Multiply(alpha, t0, out t0);
        f.Square(gamma, out gamma);
        f.Add(gamma, gamma, out gamma);
        f.Add(gamma, gamma, out gamma);
        f.Add(gamma, gamma, out gamma);
        f.Subtract(t0, gamma, out result.Y);
    }

    /// <summary>
    /// result = P + Q for any two points ("add-1998-cmo-2": 12M + 4S): infinity on either side, P = Q (doubles)
    /// and P = -Q (infinity) are handled. result may alias P or Q.
    /// </summary>
    public void Add(in JacobianPoint p, in JacobianPoint q, out JacobianPoint result)
    {
        MontgomeryModulus f = Field;
        if (f.IsZero(p.Z))
        {
            result = q;
            return;
        }

        if (f.IsZero(q.Z))
        {
            result = p;
            return;
        }

        f.Square(p.Z, out Limbs z1z1);
        f.Square(q.Z, out Limbs z2z2);
        f.Multiply(p.X, z2z2, out Limbs u1);
        f.Multiply(q.X, z1z1, out Limbs u2);
        f.Multiply(p.Y, q.Z, out Limbs s1);
        f.Multiply(s1, z2z2, out s1);
        f.Multiply(q.Y, p.Z, out Limbs s2);
        f.Multiply(s2, z1z1, out s2);
        f.Multiply(p.Z, q.Z, out Limbs z1z2);
        Finish(u1, u2, s1, s2, z1z2, p, out result);
    }

    /// <summary>
    /// result = P + Q for an affine (finite) Q ("madd-2004-hmv"-style mixed addition with Z2 = 1: 8M + 3S),
    /// with the same special cases as <see cref="Add"/>. result may alias P.
    /// </summary>
    public void AddAffine(in JacobianPoint p, in AffinePoint q, out JacobianPoint result)
    {
        MontgomeryModulus f = Field;
        if (f.IsZero(p.Z))
        {
            result.X = q.X;
            result.Y = q.Y;
            result.Z = f.One;
            return;
        }

        f.Square(p.Z, out Limbs z1z1);
        f.Multiply(q.X, z1z1, out Limbs u2);
        f.Multiply(q.Y, p.Z, out Limbs s2);
        f.Multiply(s2, z1z1, out s2);
        Finish(p.X, u2, p.Y, s2, p.Z, p, out result);
    }

    // The shared tail of both additions: H = U2 - U1, R = S2 - S1,
    // X3 = R² - H³ - 2·U1·H², Y3 = R·(U1·H² - X3) - S1·H³, Z3 = Z1·Z2·H.
    private void Finish(in Limbs u1, in Limbs u2, in Limbs s1, in Limbs s2, in Limbs z1z2, in JacobianPoint p, out JacobianPoint result)
    {
        MontgomeryModulus f = Field;
        f.Subtract(u2, u1, out Limbs h);
        f.Subtract(s2, s1, out Limbs r);
        if (f.IsZero(h))
        {
            if (f.IsZero(r))
            {
                Double(p, out result); // P = Q
            }
            else
            {
                result = default;      // P = -Q
            }

            return;
        }

        f.Square(h, out Limbs hh);
        f.Multiply(h, hh, out Limbs hhh);
        f.Multiply(u1, hh, out Limbs v);
        f.Multiply(s1, hhh, out Limbs s1hhh);
        f.Multiply(z1z2, h, out Limbs z3);

        f.Square(r, out Limbs x3);
        f.Subtract(x3, hhh, out x3);
        f.Subtract(x3, v, out x3);
        f.Subtract(x3, v, out x3);

        f.Subtract(v, x3, out v);
        f.Multiply(r, v, out v);
        f.Subtract(v, s1hhh, out result.Y);
        result.X = x3;
        result.Z = z3;
    }
}
