namespace Pkcs10.Signatures.Managed;

/// <summary>Jacobian point arithmetic (a = -3) on fixed-size field elements, with every special case of the group law.</summary>
internal sealed partial class NistCurve<TField, TScalar>
{
    /// <summary>
    /// p = 2p in place ("dbl-2001-b", Bernstein–Lange Explicit-Formulas Database, a = -3, with Z3 = 2·Y1·Z1 instead
    /// of (Y1 + Z1)² - gamma - delta: 4M + 4S). Infinity stays infinity (Z3 = 0); a prime-order curve has no point
    /// of order 2.
    /// </summary>
    public static void Double(ref JacobianPoint<TField> p)
    {
        TField delta = TField.Square(p.Z);
        TField gamma = TField.Square(p.Y);
        TField beta = TField.Multiply(p.X, gamma);

        // alpha = 3·(X1 - delta)·(X1 + delta)
        TField t = TField.Multiply(TField.Subtract(p.X, delta), TField.Add(p.X, delta));
        TField alpha = TField.Add(TField.Twice(t), t);

        // Z3 = 2·Y1·Z1 (before Y is overwritten)
        TField yz = TField.Multiply(p.Y, p.Z);
        p.Z = TField.Twice(yz);

        // X3 = alpha² - 8·beta
        TField beta4 = TField.Twice(TField.Twice(beta));
        TField beta8 = TField.Twice(beta4);
        p.X = TField.Subtract(TField.Square(alpha), beta8);

        // Y3 = alpha·(4·beta - X3) - 8·gamma²
        TField gamma2 = TField.Square(gamma);
        gamma2 = TField.Twice(TField.Twice(TField.Twice(gamma2)));
        p.Y = TField.Subtract(TField.Multiply(alpha, TField.Subtract(beta4, p.X)), gamma2);
    }

    /// <summary>
    /// p = p + q, or p - q when <paramref name="negate"/>, for an affine (finite) q ("madd-2004-hmv"-style mixed
    /// addition, Z2 = 1: 8M + 3S). p = ±q doubles, p = ∓q gives infinity, infinity + q = q.
    /// </summary>
    public static void AddAffine(ref JacobianPoint<TField> p, in AffinePoint<TField> q, bool negate)
    {
        if (TField.IsZero(p.Z))
        {
            p.X = q.X;
            p.Y = negate ? TField.Negate(q.Y) : q.Y;
            p.Z = TField.One;
            return;
        }

        TField z1z1 = TField.Square(p.Z);
        TField u2 = TField.Multiply(q.X, z1z1);
        TField s2 = TField.Multiply(q.Y, TField.Multiply(p.Z, z1z1));
        if (negate)
        {
            s2 = TField.Negate(s2);
        }

        Finish(ref p, p.X, u2, p.Y, s2, p.Z);
    }

    /// <summary>
    /// p = p + q, or p - q when <paramref name="negate"/>, for any Jacobian q ("add-1998-cmo-2": 12M + 4S), with the
    /// special cases of <see cref="AddAffine"/> and q = infinity.
    /// </summary>
    public static void Add(ref JacobianPoint<TField> p, in JacobianPoint<TField> q, bool negate)
    {
        if (TField.IsZero(q.Z))
        {
            return;
        }

        if (TField.IsZero(p.Z))
        {
            p = q;
            if (negate)
            {
                p.Y = TField.Negate(p.Y);
            }

            return;
        }

        TField z1z1 = TField.Square(p.Z);
        TField z2z2 = TField.Square(q.Z);
        TField u1 = TField.Multiply(p.X, z2z2);
        TField u2 = TField.Multiply(q.X, z1z1);
        TField s1 = TField.Multiply(p.Y, TField.Multiply(q.Z, z2z2));
        TField s2 = TField.Multiply(q.Y, TField.Multiply(p.Z, z1z1));
        if (negate)
        {
            s2 = TField.Negate(s2);
        }

        Finish(ref p, u1, u2, s1, s2, TField.Multiply(p.Z, q.Z));
    }

    // The shared tail of both additions: H = U2 - U1, R = S2 - S1,
    // X3 = R² - H³ - 2·U1·H², Y3 = R·(U1·H² - X3) - S1·H³, Z3 = Z1·Z2·H.
    private static void Finish(ref JacobianPoint<TField> p, TField u1, in TField u2, TField s1, in TField s2, in TField z1z2)
    {
        TField h = TField.Subtract(u2, u1);
        TField r = TField.Subtract(s2, s1);
        if (TField.IsZero(h))
        {
            if (TField.IsZero(r))
            {
                // Same point: u1 = u2 and s1 = s2 with the inputs' Z, so p (unchanged so far) is the one to double.
                Double(ref p);
            }
            else
            {
                p = default; // p = -q
            }

            return;
        }

        TField hh = TField.Square(h);
        TField hhh = TField.Multiply(h, hh);
        TField v = TField.Multiply(u1, hh);
        p.Z = TField.Multiply(z1z2, h);
        TField x3 = TField.Subtract(TField.Subtract(TField.Square(r), hhh), TField.Twice(v));
        p.X = x3;
        p.Y = TField.Subtract(TField.Multiply(r, TField.Subtract(v, x3)), TField.Multiply(s1, hhh));
    }
}
