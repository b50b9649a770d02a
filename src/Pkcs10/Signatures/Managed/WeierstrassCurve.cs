using System.Diagnostics;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// A short Weierstrass curve y² = x³ - 3x + b over a prime field, of prime order n (cofactor 1) — the shape of
/// P-256, P-384 and P-521 (FIPS 186-5 / SP 800-186 §3.2.1). Holds the field and order arithmetic, b, and the
/// odd multiples of the generator G used by <see cref="MultiplyAdd"/>. Immutable after construction.
/// </summary>
/// <remarks>
/// Also requires p ≡ 3 (mod 4), so that square roots (point decompression) are one exponentiation.
/// </remarks>
internal sealed partial class WeierstrassCurve
{
    /// <summary>The window width of the generator's non-adjacent form: 2^(w-2) = 64 precomputed odd multiples.</summary>
    public const int BaseWindow = 8;

    /// <summary>The window width of the public key's non-adjacent form: 8 odd multiples, built per call.</summary>
    public const int PointWindow = 5;

    private readonly Limbs _b;             // b, Montgomery form
    private readonly Limbs _sqrtExponent;  // (p + 1) / 4
    private readonly AffinePoint _generator;
    private readonly AffinePoint[] _baseOddMultiples; // G, 3G, 5G, ..., (2^(w-1) - 1)G

    /// <summary>Creates a curve from its domain parameters, each big-endian.</summary>
    public WeierstrassCurve(string name, ReadOnlySpan<byte> prime, ReadOnlySpan<byte> b, ReadOnlySpan<byte> order, ReadOnlySpan<byte> generatorX, ReadOnlySpan<byte> generatorY)
    {
        Name = name;
        Field = new MontgomeryModulus(prime);
        Order = new MontgomeryModulus(order);
        FieldBytes = prime.Length;
        OrderBits = Keys.SubjectPublicKeyInfo.BitLength(order);
        if ((Field.Modulus[0] & 3) != 3)
        {
            throw new ArgumentException("p must be 3 mod 4.", nameof(prime));
        }

        ToField(b, out _b);
        ToField(generatorX, out _generator.X);
        ToField(generatorY, out _generator.Y);
        if (!IsOnCurve(_generator))
        {
            throw new ArgumentException("G is not on the curve.", nameof(generatorY));
        }

        // (p + 1) / 4: p + 1 cannot carry out (p < 2^(64L) - 1), and its two low bits are zero.
        Limbs e = Field.Modulus;
        int limbs = Field.LimbCount;
        for (int i = 0; i < limbs; i++)
        {
            e[i] = unchecked(e[i] + 1);
            if (e[i] != 0)
            {
                break;
            }
        }

        for (int i = 0; i < limbs; i++)
        {
            ulong next = i + 1 < limbs ? e[i + 1] : 0;
            e[i] = (e[i] >> 2) | unchecked(next << 62);
        }

        _sqrtExponent = e;
        _baseOddMultiples = BuildOddMultiples(_generator, 1 << (BaseWindow - 2));
    }

    /// <summary>The curve's name, e.g. "P-256".</summary>
    public string Name { get; }

    /// <summary>Arithmetic modulo the field prime p.</summary>
    public MontgomeryModulus Field { get; }

    /// <summary>Arithmetic modulo the group order n.</summary>
    public MontgomeryModulus Order { get; }

    /// <summary>The octet length of a field element (and of each coordinate of an encoded point).</summary>
    public int FieldBytes { get; }

    /// <summary>The bit length of n.</summary>
    public int OrderBits { get; }

    /// <summary>The generator G.</summary>
    public ref readonly AffinePoint Generator => ref _generator;

    /// <summary>G, 3G, 5G, ..., (2^(<see cref="BaseWindow"/>-1) - 1)G, affine (for <see cref="NistCurve{TField, TScalar}"/>).</summary>
    public ReadOnlySpan<AffinePoint> BaseOddMultiples => _baseOddMultiples;

    /// <summary>
    /// Decodes a SEC 1 §2.3.4 point: uncompressed 04‖x‖y, or compressed 02/03‖x (decompressed with
    /// y = (x³ - 3x + b)^((p+1)/4)). Both coordinates must be below p and the point on the curve; the
    /// encoding of infinity (00) is refused.
    /// </summary>
    public bool TryDecodePoint(ReadOnlySpan<byte> encoded, out AffinePoint point)
    {
        point = default;
        if (encoded.Length == 1 + (2 * FieldBytes) && encoded[0] == 0x04)
        {
            return TryToField(encoded.Slice(1, FieldBytes), out point.X) &&
                TryToField(encoded.Slice(1 + FieldBytes, FieldBytes), out point.Y) &&
                IsOnCurve(point);
        }

        if (encoded.Length == 1 + FieldBytes && encoded[0] is 0x02 or 0x03)
        {
            if (!TryToField(encoded[1..], out point.X))
            {
                return false;
            }

            RightHandSide(point.X, out Limbs rhs);
            Field.Power(rhs, _sqrtExponent, out point.Y);
            Field.Square(point.Y, out Limbs check);
            if (!Field.AreEqual(check, rhs))
            {
                return false; // x³ - 3x + b is not a square: no point has this x.
            }

            Field.FromMontgomery(point.Y, out Limbs plainY);
            if ((int)(plainY[0] & 1) != (encoded[0] & 1))
            {
                if (Field.IsZero(point.Y))
                {
                    return false; // y = 0 has no odd twin (and no such point exists on a prime-order curve).
                }

                Field.Negate(point.Y, out point.Y);
            }

            return true;
        }

        return false;
    }

    /// <summary>Whether y² = x³ - 3x + b.</summary>
    public bool IsOnCurve(in AffinePoint point)
    {
        RightHandSide(point.X, out Limbs rhs);
        Field.Square(point.Y, out Limbs lhs);
        return Field.AreEqual(lhs, rhs);
    }

    /// <summary>x³ - 3x + b = x·(x² - 3) + b.</summary>
    private void RightHandSide(in Limbs x, out Limbs result)
    {
        Field.Square(x, out Limbs t);
        Field.Subtract(t, Field.One, out t);
        Field.Subtract(t, Field.One, out t);
        Field.Subtract(t, Field.One, out t);
        Field.Multiply(t, x, out t);
        Field.Add(t, _b, out result);
    }

    private bool TryToField(ReadOnlySpan<byte> bigEndian, out Limbs result)
    {
        if (!Limbs.TryFromBigEndian(bigEndian, Field.LimbCount, out Limbs plain) || !Field.IsReduced(plain))
        {
            result = default;
            return false;
        }

        Field.ToMontgomery(plain, out result);
        return true;
    }

    private void ToField(ReadOnlySpan<byte> bigEndian, out Limbs result)
    {
        if (!TryToField(bigEndian, out result))
        {
            throw new ArgumentException("A curve parameter is not a field element.", nameof(bigEndian));
        }
    }

    /// <summary>P, 3P, 5P, ..., (2·count - 1)P in affine form (one field inversion for all, Montgomery's trick).</summary>
    private AffinePoint[] BuildOddMultiples(in AffinePoint p, int count)
    {
        var jacobian = new JacobianPoint[count];
        jacobian[0] = new JacobianPoint { X = p.X, Y = p.Y, Z = Field.One };
        Double(jacobian[0], out JacobianPoint twice);
        for (int i = 1; i < count; i++)
        {
            Add(jacobian[i - 1], twice, out jacobian[i]);
        }

        // prefix[i] = Z_0 · ... · Z_i; then walk back with the inverse of the whole product.
        var prefix = new Limbs[count];
        prefix[0] = jacobian[0].Z;
        for (int i = 1; i < count; i++)
        {
            Field.Multiply(prefix[i - 1], jacobian[i].Z, out prefix[i]);
        }

        Debug.Assert(!Field.IsZero(prefix[count - 1]), "no odd multiple below n is infinity");
        Field.Invert(prefix[count - 1], out Limbs inverse);
        var result = new AffinePoint[count];
        for (int i = count - 1; i >= 0; i--)
        {
            Limbs zInverse;
            if (i > 0)
            {
                Field.Multiply(inverse, prefix[i - 1], out zInverse);
                Field.Multiply(inverse, jacobian[i].Z, out inverse);
            }
            else
            {
                zInverse = inverse;
            }

            ToAffine(jacobian[i], zInverse, out result[i]);
        }

        return result;
    }

    /// <summary>(X/Z², Y/Z³) given 1/Z.</summary>
    private void ToAffine(in JacobianPoint p, in Limbs zInverse, out AffinePoint result)
    {
        Field.Square(zInverse, out Limbs z2);
        Field.Multiply(z2, zInverse, out Limbs z3);
        Field.Multiply(p.X, z2, out result.X);
        Field.Multiply(p.Y, z3, out result.Y);
    }
}
