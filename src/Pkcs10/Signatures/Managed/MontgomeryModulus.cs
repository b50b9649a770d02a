using System.Diagnostics;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// Arithmetic modulo a fixed odd modulus m of 2 to 9 limbs (a prime field or a group order), with elements in
/// Montgomery form x·R mod m, R = 2^(64·L). Immutable after construction; every operation is a pure function of
/// its arguments, so one instance serves all threads. Variable-time: only public data passes through here.
/// </summary>
/// <remarks>
/// Multiplication is CIOS (Koç, Acar, Kaliski 1996) with the multiply and reduce rows fused, as in
/// <see cref="RsaPublicOperation"/>, on a fixed <see cref="Limbs"/> buffer; results are always fully reduced
/// (below m). Every result parameter may alias an input. Limbs above <see cref="LimbCount"/> are never read, and
/// results leave them unspecified. This is the general form, for P-521 and as the oracle: P-256 and P-384 verify on
/// the fixed-size types of NistFields.P256.cs and NistFields.P384.cs, which keep the same Montgomery form.
/// </remarks>
internal sealed partial class MontgomeryModulus
{
    private readonly Limbs _modulus;
    private readonly Limbs _modulusMinusTwo;
    private readonly Limbs _one;       // R mod m
    private readonly Limbs _rSquared;  // R² mod m
    private readonly ulong _inverse;   // -m⁻¹ mod 2^64

    /// <summary>Creates the arithmetic for the odd modulus given big-endian.</summary>
    /// <param name="modulus">m, big-endian, odd, at least 65 bits and at most 576 bits.</param>
    public MontgomeryModulus(ReadOnlySpan<byte> modulus)
    {
        LimbCount = (modulus.Length - modulus.IndexOfAnyExcept((byte)0) + 7) / 8;
        if (LimbCount is < 2 or > Limbs.Capacity || !Limbs.TryFromBigEndian(modulus, LimbCount, out _modulus) || (_modulus[0] & 1) == 0)
        {
            throw new ArgumentException("The modulus must be odd and 2 to 9 limbs long.", nameof(modulus));
        }

        _inverse = RsaPublicOperation.NegativeInverse(_modulus[0]);
        _modulusMinusTwo = _modulus;
        _modulusMinusTwo[0] -= 2; // m is odd and above 2^64: no borrow.

        // R mod m and R² mod m, each as "x·R mod m" of the previous one, starting from 1.
        Span<ulong> one = stackalloc ulong[LimbCount];
        Span<ulong> temp = stackalloc ulong[LimbCount];
        one.Clear();
        one[0] = 1;
        ReadOnlySpan<ulong> m = _modulus;
        m = m[..LimbCount];
        Span<ulong> r = _one;
        RsaPublicOperation.ToMontgomery(one, m, r[..LimbCount], temp);
        Span<ulong> r2 = _rSquared;
        RsaPublicOperation.ToMontgomery(r[..LimbCount], m, r2[..LimbCount], temp);
    }

    /// <summary>L, the number of 64-bit limbs of m.</summary>
    public int LimbCount { get; }

    /// <summary>m itself, as plain limbs.</summary>
    public ref readonly Limbs Modulus => ref _modulus;

    /// <summary>1 in Montgomery form (R mod m).</summary>
    public ref readonly Limbs One => ref _one;

    /// <summary>Whether x (plain or Montgomery form) is below m.</summary>
    public bool IsReduced(in Limbs x) => Compare(x, _modulus) < 0;

    /// <summary>result = x·R mod m, for x &lt; m.</summary>
    public void ToMontgomery(in Limbs x, out Limbs result) => Multiply(x, _rSquared, out result);

    /// <summary>result = x·R⁻¹ mod m: from Montgomery form back to the plain value.</summary>
    public void FromMontgomery(in Limbs x, out Limbs result)
    {
        Limbs plainOne = default;
        plainOne[0] = 1;
        Multiply(x, plainOne, out result);
    }

    /// <summary>result = a·b·R⁻¹ mod m (the Montgomery product), for a, b &lt; m: <see cref="RsaPublicOperation.Multiply"/>'s CIOS loop.</summary>
    public void Multiply(in Limbs a, in Limbs b, out Limbs result)
    {
        int limbs = LimbCount;
        ReadOnlySpan<ulong> x = a, y = b, m = _modulus;
        Span<ulong> row = stackalloc ulong[Limbs.Capacity + 2];
        Limbs t = default; // not result itself: result may be a or b
        Span<ulong> product = t;
        RsaPublicOperation.Multiply(x[..limbs], y[..limbs], m[..limbs], _inverse, product[..limbs], row);
        result = t;
    }

    /// <summary>result = a² · R⁻¹ mod m.</summary>
    public void Square(in Limbs a, out Limbs result) => Multiply(a, a, out result);

    /// <summary>result = a + b mod m, for a, b &lt; m.</summary>
    public void Add(in Limbs a, in Limbs b, out Limbs result)
    {
        int limbs = LimbCount;
        Limbs t = default;
        ulong carry = 0;
        unchecked
        {
            for (int i = 0; i < limbs; i++)
            {
                ulong x = a[i];
                ulong sum = x + b[i];
                ulong c = sum < x ? 1UL : 0UL;
                sum += carry;
                c += sum < carry ? 1UL : 0UL;
                t[i] = sum;
                carry = c;
            }
        }

        if (carry != 0 || Compare(t, _modulus) >= 0)
        {
            SubtractModulus(ref t);
        }

        result = t;
    }

    /// <summary>result = a - b mod m, for a, b &lt; m.</summary>
    public void Subtract(in Limbs a, in Limbs b, out Limbs result)
    {
        int limbs = LimbCount;
        Limbs t = default;
        ulong borrow = 0;
        unchecked
        {
            for (int i = 0; i < limbs; i++)
            {
                ulong x = a[i];
                ulong y = b[i];
                ulong diff = x - y;
                ulong b1 = x < y ? 1UL : 0UL;
                ulong diff2 = diff - borrow;
                b1 += diff < borrow ? 1UL : 0UL;
                t[i] = diff2;
                borrow = b1;
            }

            if (borrow != 0)
            {
                ulong carry = 0;
                for (int i = 0; i < limbs; i++)
                {
                    ulong x = t[i];
                    ulong sum = x + _modulus[i];
                    ulong c = sum < x ? 1UL : 0UL;
                    sum += carry;
                    c += sum < carry ? 1UL : 0UL;
                    t[i] = sum;
                    carry = c;
                }
            }
        }

        result = t;
    }

    /// <summary>result = -a mod m, for a &lt; m.</summary>
    public void Negate(in Limbs a, out Limbs result)
    {
        Limbs zero = default;
        Subtract(zero, a, out result);
    }

    /// <summary>
    /// result = a^e in Montgomery form (a and the result in Montgomery form, e a plain number of
    /// <see cref="LimbCount"/> limbs), by a fixed 4-bit window.
    /// </summary>
    public void Power(in Limbs a, in Limbs exponent, out Limbs result)
    {
        Span<Limbs> table = stackalloc Limbs[16];
        table[0] = _one;
        table[1] = a;
        for (int i = 2; i < 16; i++)
        {
            Multiply(table[i - 1], a, out table[i]);
        }

        Limbs acc = _one;
        bool started = false;
        for (int nibble = (LimbCount * 16) - 1; nibble >= 0; nibble--)
        {
            int digit = (int)((exponent[nibble >> 4] >> ((nibble & 15) * 4)) & 0xF);
            if (started)
            {
                for (int k = 0; k < 4; k++)
                {
                    Square(acc, out acc);
                }
            }

            if (digit != 0)
            {
                Multiply(acc, table[digit], out acc);
                started = true;
            }
        }

        result = acc;
    }

    /// <summary>result = a⁻¹ (Montgomery form in and out) by Fermat, a^(m-2); m must be prime and a non-zero.</summary>
    public void Invert(in Limbs a, out Limbs result)
    {
        Debug.Assert(!IsZero(a), "zero has no inverse");
        Power(a, _modulusMinusTwo, out result);
    }

    /// <summary>Whether x is zero.</summary>
    public bool IsZero(in Limbs x)
    {
        ulong any = 0;
        for (int i = 0; i < LimbCount; i++)
        {
            any |= x[i];
        }

        return any == 0;
    }

    /// <summary>Whether a equals b (both reduced).</summary>
    public bool AreEqual(in Limbs a, in Limbs b)
    {
        ulong diff = 0;
        for (int i = 0; i < LimbCount; i++)
        {
            diff |= a[i] ^ b[i];
        }

        return diff == 0;
    }

    /// <summary>Compares a and b as plain numbers of <see cref="LimbCount"/> limbs.</summary>
    public int Compare(in Limbs a, in Limbs b)
    {
        for (int i = LimbCount - 1; i >= 0; i--)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i] ? -1 : 1;
            }
        }

        return 0;
    }

    /// <summary>x = x - m, for x ≥ m (or x + 2^(64L) ≥ m when the caller's top carry was set).</summary>
    private void SubtractModulus(ref Limbs x)
    {
        ulong borrow = 0;
        unchecked
        {
            for (int i = 0; i < LimbCount; i++)
            {
                ulong xi = x[i];
                ulong mi = _modulus[i];
                ulong diff = xi - mi;
                ulong b1 = xi < mi ? 1UL : 0UL;
                ulong diff2 = diff - borrow;
                b1 += diff < borrow ? 1UL : 0UL;
                x[i] = diff2;
                borrow = b1;
            }
        }
    }

}
