using System.Diagnostics;

namespace Pkcs10.Signatures.Managed;

/// <summary>Operations built from the primitives of <see cref="IMontgomeryElement{T}"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal static class MontgomeryElement<T>
    where T : unmanaged, IMontgomeryElement<T>
{
    /// <summary>x·R mod m for a plain x &lt; m.</summary>
    public static T ToMontgomery(in T plain) => T.Multiply(plain, T.RSquared);

    /// <summary>x·R⁻¹ mod m: from Montgomery form back to the plain value.</summary>
    public static T FromMontgomery(in T x)
    {
        Limbs one = default;
        one[0] = 1;
        return T.Multiply(x, T.FromLimbs(one));
    }

    /// <summary>
    /// a^e (a and the result in Montgomery form; e plain, <see cref="IMontgomeryElement{T}.LimbCount"/> limbs),
    /// by a sliding window of 5 bits over the 16 odd powers a, a³, ..., a³¹ (Menezes et al., Handbook of Applied
    /// Cryptography, Algorithm 14.85). Variable-time in e.
    /// </summary>
    public static T Power(in T a, in Limbs exponent)
    {
        const int Window = 5;
        Span<T> odd = stackalloc T[1 << (Window - 1)];
        odd[0] = a;
        T a2 = T.Square(a);
        for (int i = 1; i < odd.Length; i++)
        {
            odd[i] = T.Multiply(odd[i - 1], a2);
        }

        T acc = T.One;
        int bit = (T.LimbCount * 64) - 1;
        while (bit >= 0 && Bit(exponent, bit) == 0)
        {
            bit--;
        }

        bool started = false;
        while (bit >= 0)
        {
            if (Bit(exponent, bit) == 0)
            {
                acc = T.Square(acc);
                bit--;
                continue;
            }

            // The longest window [bit .. low] of at most 5 bits that ends in a one.
            int low = Math.Max(bit - Window + 1, 0);
            while (Bit(exponent, low) == 0)
            {
                low++;
            }

            int value = 0;
            for (int i = bit; i >= low; i--)
            {
                value = (value << 1) | Bit(exponent, i);
                if (started)
                {
                    acc = T.Square(acc);
                }
            }

            acc = started ? T.Multiply(acc, odd[value >> 1]) : odd[value >> 1];
            started = true;
            bit = low - 1;
        }

        return acc;
    }

    /// <summary>a⁻¹ (Montgomery form in and out) by Fermat, a^(m-2); m must be prime and a non-zero.</summary>
    public static T Invert(in T a)
    {
        Debug.Assert(!T.IsZero(a), "zero has no inverse");
        T.ToLimbs(T.Modulus, out Limbs exponent);
        exponent[0] -= 2; // m is odd and above 2^64: no borrow.
        return Power(a, exponent);
    }

    /// <summary>
    /// a⁻¹ mod m for a plain (not Montgomery form) a in [1, m), m an odd prime, by the binary extended Euclidean
    /// algorithm (Menezes et al., Handbook of Applied Cryptography, Algorithm 14.61 for odd moduli): u = a, v = m,
    /// x1·a ≡ u and x2·a ≡ v (mod m) throughout; halve the even one of u, v (and its x, adding m first when odd), then
    /// subtract the smaller from the larger, until one reaches 1. Plain result. Variable-time (public data only), and
    /// several times faster than <see cref="Invert"/> as it needs no multiplications.
    /// </summary>
    public static T InvertPlain(in T a)
    {
        Debug.Assert(!T.IsZero(a), "zero has no inverse");
        int limbs = T.LimbCount;
        T.ToLimbs(a, out Limbs u);
        T.ToLimbs(T.Modulus, out Limbs m);
        Limbs v = m;
        Limbs x1 = default;
        Limbs x2 = default;
        x1[0] = 1;
        while (!IsOne(u, limbs) && !IsOne(v, limbs))
        {
            while ((u[0] & 1) == 0)
            {
                ShiftRight(ref u, 0, limbs);
                Halve(ref x1, m, limbs);
            }

            while ((v[0] & 1) == 0)
            {
                ShiftRight(ref v, 0, limbs);
                Halve(ref x2, m, limbs);
            }

            if (Compare(u, v, limbs) >= 0)
            {
                SubtractInPlace(ref u, v, limbs);
                SubtractModulo(ref x1, x2, m, limbs);
            }
            else
            {
                SubtractInPlace(ref v, u, limbs);
                SubtractModulo(ref x2, x1, m, limbs);
            }
        }

        return T.FromLimbs(IsOne(u, limbs) ? x1 : x2);
    }

    private static bool IsOne(in Limbs x, int limbs)
    {
        ulong any = x[0] ^ 1;
        for (int i = 1; i < limbs; i++)
        {
            any |= x[i];
        }

        return any == 0;
    }

    private static int Compare(in Limbs a, in Limbs b, int limbs)
    {
        for (int i = limbs - 1; i >= 0; i--)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i] ? -1 : 1;
            }
        }

        return 0;
    }

    // x = (x + topBit·2^(64·limbs)) / 2.
    private static void ShiftRight(ref Limbs x, ulong topBit, int limbs)
    {
        for (int i = 0; i < limbs - 1; i++)
        {
            x[i] = (x[i] >> 1) | (x[i + 1] << 63);
        }

        x[limbs - 1] = (x[limbs - 1] >> 1) | (topBit << 63);
    }

    // x = x / 2 mod m for x < m: x is even, or x + m is (and below 2m < 2^(64·limbs + 1)).
    private static void Halve(ref Limbs x, in Limbs m, int limbs)
    {
        ulong carry = (x[0] & 1) != 0 ? AddWrapping(ref x, m, limbs) : 0;
        ShiftRight(ref x, carry, limbs);
    }

    // a = a - b for a ≥ b.
    private static void SubtractInPlace(ref Limbs a, in Limbs b, int limbs)
    {
        ulong borrow = SubtractWrapping(ref a, b, limbs);
        Debug.Assert(borrow == 0, "a ≥ b");
    }

    // a = a - b mod m for a, b < m.
    private static void SubtractModulo(ref Limbs a, in Limbs b, in Limbs m, int limbs)
    {
        if (Compare(a, b, limbs) < 0)
        {
            // a - b + m: add m first (a + m < 2m fits with a carry bit that the subtraction consumes).
            AddWrapping(ref a, m, limbs);
        }

        SubtractWrapping(ref a, b, limbs);
    }

    // a = a + b mod 2^(64·limbs); returns the carry out.
    private static ulong AddWrapping(ref Limbs a, in Limbs b, int limbs)
    {
        ulong carry = 0;
        unchecked
        {
            for (int i = 0; i < limbs; i++)
            {
                ulong ai = a[i];
                ulong sum = ai + b[i];
                ulong c = sum < ai ? 1UL : 0UL;
                sum += carry;
                c += sum < carry ? 1UL : 0UL;
                a[i] = sum;
                carry = c;
            }
        }

        return carry;
    }

    // a = a - b mod 2^(64·limbs); returns the borrow out.
    private static ulong SubtractWrapping(ref Limbs a, in Limbs b, int limbs)
    {
        ulong borrow = 0;
        unchecked
        {
            for (int i = 0; i < limbs; i++)
            {
                ulong ai = a[i];
                ulong bi = b[i];
                ulong diff = ai - bi;
                ulong d = ai < bi ? 1UL : 0UL;
                d += diff < borrow ? 1UL : 0UL;
                a[i] = diff - borrow;
                borrow = d;
            }
        }

        return borrow;
    }

    private static int Bit(in Limbs x, int index) => (int)((x[index >> 6] >> (index & 63)) & 1);
}
