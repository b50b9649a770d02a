using System.Diagnostics;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// ECDSA verification on one <see cref="WeierstrassCurve"/> (P-256, P-384) with fixed-size field and scalar types: the
/// same algorithm as the generic <see cref="ManagedEcdsa"/> path, specialized by the JIT for the two structs, with no
/// <see cref="Limbs"/> copies or modulus dispatch in the hot loop. Immutable after construction.
/// </summary>
/// <typeparam name="TField">Elements modulo the field prime p.</typeparam>
/// <typeparam name="TScalar">Elements modulo the group order n.</typeparam>
internal sealed partial class NistCurve<TField, TScalar>
    where TField : unmanaged, IMontgomeryElement<TField>
    where TScalar : unmanaged, IMontgomeryElement<TScalar>
{
    /// <summary>The window width of the generator's NAF (as <see cref="WeierstrassCurve.BaseWindow"/>).</summary>
    public const int BaseWindow = WeierstrassCurve.BaseWindow;

    /// <summary>The window width of the public key's NAF: 8 odd multiples, built per call.</summary>
    public const int PointWindow = WeierstrassCurve.PointWindow;

    private readonly AffinePoint<TField>[] _baseOddMultiples; // G, 3G, ..., (2^(w-1) - 1)G

    /// <summary>Wraps <paramref name="curve"/>, whose field and order must be those of TField and TScalar.</summary>
    public NistCurve(WeierstrassCurve curve)
    {
        Debug.Assert(curve.Field.LimbCount == TField.LimbCount && curve.Order.LimbCount == TScalar.LimbCount);
        Curve = curve;
        ReadOnlySpan<AffinePoint> table = curve.BaseOddMultiples;
        _baseOddMultiples = new AffinePoint<TField>[table.Length];
        for (int i = 0; i < table.Length; i++)
        {
            _baseOddMultiples[i] = Convert(table[i]);
        }
    }

    /// <summary>G, 3G, ..., (2^(w-1) - 1)G, affine.</summary>
    public ReadOnlySpan<AffinePoint<TField>> BaseOddMultiples => _baseOddMultiples;

    /// <summary>The generic curve: domain parameters, point decoding, scalar parsing.</summary>
    public WeierstrassCurve Curve { get; }

    /// <summary>A point of the generic curve (Montgomery form, same R) as fixed-size elements.</summary>
    public static AffinePoint<TField> Convert(in AffinePoint point) =>
        new() { X = TField.FromLimbs(point.X), Y = TField.FromLimbs(point.Y) };

    /// <summary>
    /// Verifies (r, s), plain scalars already checked to be in [1, n), for the decoded public key Q and e, the hash
    /// as a scalar below n: R = (e·w)·G + (r·w)·Q with w = s⁻¹ mod n; valid when R is finite and x_R mod n = r,
    /// checked without inverting Z (see <see cref="ManagedEcdsa"/>).
    /// </summary>
    public bool Verify(in Limbs r, in Limbs s, in AffinePoint q, in Limbs e)
    {
        // w = s⁻¹ (binary extended Euclid, plain), taken to Montgomery form s⁻¹·R; then the Montgomery products
        // e·(s⁻¹·R)·R⁻¹ = e·s⁻¹ and r·s⁻¹ come out plain.
        TScalar w = MontgomeryElement<TScalar>.ToMontgomery(MontgomeryElement<TScalar>.InvertPlain(TScalar.FromLimbs(s)));
        TScalar.ToLimbs(TScalar.Multiply(TScalar.FromLimbs(e), w), out Limbs u1);
        TScalar.ToLimbs(TScalar.Multiply(TScalar.FromLimbs(r), w), out Limbs u2);

        MultiplyAdd(u1, u2, Convert(q), out JacobianPoint<TField> point);
        if (TField.IsZero(point.Z))
        {
            return false;
        }

        // x_R mod n = r ⇔ X = x'·Z² for x' = r, or x' = r + n when that is below p (r < n < p: a field element).
        TField z2 = TField.Square(point.Z);
        TField candidate = TField.Multiply(MontgomeryElement<TField>.ToMontgomery(TField.FromLimbs(r)), z2);
        if (TField.AreEqual(candidate, point.X))
        {
            return true;
        }

        if (!TryAddOrder(r, out Limbs rPlusN))
        {
            return false;
        }

        candidate = TField.Multiply(MontgomeryElement<TField>.ToMontgomery(TField.FromLimbs(rPlusN)), z2);
        return TField.AreEqual(candidate, point.X);
    }

    /// <summary>
    /// result = u1·G + u2·Q for plain scalars u1, u2 &lt; n and a finite Q on the curve, by interleaved width-w NAFs
    /// (Shamir's trick): one chain of doublings; G's digits from the precomputed affine odd multiples (mixed
    /// additions), Q's from 8 odd multiples built here. Variable-time.
    /// </summary>
    public void MultiplyAdd(in Limbs u1, in Limbs u2, in AffinePoint<TField> q, out JacobianPoint<TField> result)
    {
        Span<sbyte> naf1 = stackalloc sbyte[MaxNafLength];
        Span<sbyte> naf2 = stackalloc sbyte[MaxNafLength];
        int top = ComputeNafs(u1, u2, naf1, naf2);

        // Q, 3Q, ..., 15Q.
        const int PointTableSize = 1 << (PointWindow - 2);
        Span<JacobianPoint<TField>> table = stackalloc JacobianPoint<TField>[PointTableSize];
        table[0] = new JacobianPoint<TField> { X = q.X, Y = q.Y, Z = TField.One };
        JacobianPoint<TField> twice = table[0];
        Double(ref twice);
        for (int i = 1; i < PointTableSize; i++)
        {
            table[i] = table[i - 1];
            Add(ref table[i], twice, negate: false);
        }

        AffinePoint<TField>[] baseTable = _baseOddMultiples;
        JacobianPoint<TField> acc = default;

        for (int i = top; i >= 0; i--)
        {
            if (i != top)
            {
                Double(ref acc);
            }

            int d1 = naf1[i];
            if (d1 != 0)
            {
                AddAffine(ref acc, baseTable[Math.Abs(d1) >> 1], negate: d1 < 0);
            }

            int d2 = naf2[i];
            if (d2 is 1 or -1)
            {
                AddAffine(ref acc, q, negate: d2 < 0); // ±Q itself: Z2 = 1, the cheaper mixed addition
            }
            else if (d2 != 0)
            {
                Add(ref acc, table[Math.Abs(d2) >> 1], negate: d2 < 0);
            }
        }

        result = acc;
    }

    /// <summary>The longest NAF of a scalar below n, plus one: P-384's n has 6 limbs.</summary>
    internal const int MaxNafLength = (6 * 64) + 1;

    /// <summary>
    /// Writes the width-<see cref="BaseWindow"/> NAF of u1 and the width-<see cref="PointWindow"/> NAF of u2
    /// (<see cref="MaxNafLength"/> digits of room each) and returns the highest position where either has a
    /// non-zero digit, or -1 when both scalars are zero.
    /// </summary>
    internal int ComputeNafs(in Limbs u1, in Limbs u2, Span<sbyte> naf1, Span<sbyte> naf2)
    {
        int limbs = TScalar.LimbCount;
        int length = Curve.OrderBits + 1;
        Debug.Assert(length <= MaxNafLength && naf1.Length >= length && naf2.Length >= length);
        ReadOnlySpan<ulong> s1 = u1;
        ReadOnlySpan<ulong> s2 = u2;
        Naf.Compute(s1[..limbs], BaseWindow, naf1[..length]);
        Naf.Compute(s2[..limbs], PointWindow, naf2[..length]);
        int top = length - 1;
        while (top >= 0 && naf1[top] == 0 && naf2[top] == 0)
        {
            top--;
        }

        return top;
    }

    /// <summary>r + n as a plain number, when it is below p.</summary>
    internal static bool TryAddOrder(in Limbs r, out Limbs result)
    {
        TScalar.ToLimbs(TScalar.Modulus, out Limbs n);
        TField.ToLimbs(TField.Modulus, out Limbs p);
        result = default;
        ulong carry = 0;
        unchecked
        {
            for (int i = 0; i < TField.LimbCount; i++)
            {
                ulong sum = r[i] + n[i];
                ulong c = sum < r[i] ? 1UL : 0UL;
                sum += carry;
                c += sum < carry ? 1UL : 0UL;
                result[i] = sum;
                carry = c;
            }
        }

        if (carry != 0)
        {
            return false;
        }

        for (int i = TField.LimbCount - 1; i >= 0; i--)
        {
            if (result[i] != p[i])
            {
                return result[i] < p[i];
            }
        }

        return false;
    }
}
