using System.Diagnostics;

namespace Pkcs10.Signatures.Managed;

/// <summary>Scalar multiplication: u1·G + u2·Q by interleaved width-w NAFs (Shamir's trick).</summary>
internal sealed partial class WeierstrassCurve
{
    /// <summary>
    /// result = u1·G + u2·Q, for plain scalars u1, u2 &lt; n (<see cref="Order"/> limbs) and a finite Q on the
    /// curve. One shared chain of doublings; G's digits come from the precomputed affine odd multiples (mixed
    /// additions), Q's from 8 odd multiples built here. Variable-time.
    /// </summary>
    public void MultiplyAdd(in Limbs u1, in Limbs u2, in AffinePoint q, out JacobianPoint result)
    {
        int limbs = Order.LimbCount;
        int length = OrderBits + 1;
        Span<sbyte> naf1 = stackalloc sbyte[(Limbs.Capacity * 64) + 1];
        Span<sbyte> naf2 = stackalloc sbyte[(Limbs.Capacity * 64) + 1];
        naf1 = naf1[..length];
        naf2 = naf2[..length];
        ReadOnlySpan<ulong> s1 = u1;
        ReadOnlySpan<ulong> s2 = u2;
        Naf.Compute(s1[..limbs], BaseWindow, naf1);
        Naf.Compute(s2[..limbs], PointWindow, naf2);

        // Q, 3Q, ..., 15Q.
        const int PointTableSize = 1 << (PointWindow - 2);
        Span<JacobianPoint> table = stackalloc JacobianPoint[PointTableSize];
        table[0] = new JacobianPoint { X = q.X, Y = q.Y, Z = Field.One };
        Double(table[0], out JacobianPoint twice);
        for (int i = 1; i < PointTableSize; i++)
        {
            Add(table[i - 1], twice, out table[i]);
        }

        AffinePoint[] baseTable = _baseOddMultiples;
        JacobianPoint acc = default;
        bool started = false;
        for (int i = length - 1; i >= 0; i--)
        {
            if (started)
            {
                Double(acc, out acc);
            }

            int d1 = naf1[i];
            if (d1 > 0)
            {
                AddAffine(acc, baseTable[d1 >> 1], out acc);
                started = true;
            }
            else if (d1 < 0)
            {
                AffinePoint negated;
                negated.X = baseTable[(-d1) >> 1].X;
                Field.Negate(baseTable[(-d1) >> 1].Y, out negated.Y);
                AddAffine(acc, negated, out acc);
                started = true;
            }

            int d2 = naf2[i];
            if (d2 > 0)
            {
                Add(acc, table[d2 >> 1], out acc);
                started = true;
            }
            else if (d2 < 0)
            {
                JacobianPoint negated = table[(-d2) >> 1];
                Field.Negate(negated.Y, out negated.Y);
                Add(acc, negated, out acc);
                started = true;
            }
        }

        Debug.Assert(started || (Order.IsZero(u1) && Order.IsZero(u2)));
        result = acc;
    }
}
