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
    /// a⁻¹ mod m for a plain (not Montgomery form) a in [1, m), m an odd prime: the binary GCD in blocks of 31 steps
    /// (T. Pornin, "Optimized Binary GCD for Modular Inversion", 2020). With x = a, y = m, u = 1, v = 0 and
    /// x ≡ u·a, y ≡ v·a (mod m) throughout, each block runs 31 steps (halve x when even; when odd, subtract the
    /// smaller of x, y from the larger, then halve) on 64-bit stand-ins for x and y (their low 31 bits, exact, and
    /// their top 33), recording them as x' = (f0·x + g0·y)/2^31, y' = (f1·x + g1·y)/2^31 with |f|, |g| ≤ 2^31; then
    /// applies that to the full x, y (negating a negative result, which the stand-ins' rounding can give) and to u, v
    /// (with a division by 2^31 mod m). When x reaches 0, y = gcd = 1 and v = a⁻¹. Variable-time (public data only).
    /// </summary>
    public static T InvertPlain(in T a)
    {
        Debug.Assert(!T.IsZero(a), "zero has no inverse");
        int limbs = T.LimbCount;
        T.ToLimbs(a, out Limbs x);
        T.ToLimbs(T.Modulus, out Limbs m);
        Limbs y = m;
        Limbs u = default;
        Limbs v = default;
        u[0] = 1;
        ulong inverse31 = NegativeInverse31(m[0]);
        while (!IsZero(x, limbs))
        {
            int n = Math.Max(BitLength(x, limbs), BitLength(y, limbs));
            ulong xs = Approximate(x, n);
            ulong ys = Approximate(y, n);
            long f0 = 1, g0 = 0, f1 = 0, g1 = 1;
            for (int i = 0; i < 31; i++)
            {
                if ((xs & 1) != 0)
                {
                    if (xs < ys)
                    {
                        (xs, ys) = (ys, xs);
                        (f0, f1) = (f1, f0);
                        (g0, g1) = (g1, g0);
                    }

                    xs -= ys;
                    f0 -= f1;
                    g0 -= g1;
                }

                xs >>= 1;
                f1 <<= 1;
                g1 <<= 1;
            }

            if (Combine(x, y, f0, g0, limbs, out Limbs nextX))
            {
                f0 = -f0;
                g0 = -g0;
            }

            if (Combine(x, y, f1, g1, limbs, out Limbs nextY))
            {
                f1 = -f1;
                g1 = -g1;
            }

            CombineModulo(u, v, f0, g0, m, inverse31, limbs, out Limbs nextU);
            CombineModulo(u, v, f1, g1, m, inverse31, limbs, out Limbs nextV);
            u = nextU;
            v = nextV;
            x = nextX;
            y = nextY;
        }

        Debug.Assert(y[0] == 1 && BitLength(y, limbs) == 1, "gcd 1: m prime, a non-zero");
        return T.FromLimbs(v);
    }

    // -m⁻¹ mod 2^31 for odd m0 (Newton's iteration: each step doubles the correct low bits).
    private static ulong NegativeInverse31(ulong m0)
    {
        ulong inverse = m0; // correct to 3 bits for odd m0
        unchecked
        {
            for (int i = 0; i < 4; i++)
            {
                inverse *= 2 - (m0 * inverse);
            }

            return (0 - inverse) & 0x7FFFFFFF;
        }
    }

    private static bool IsZero(in Limbs x, int limbs)
    {
        ulong any = 0;
        for (int i = 0; i < limbs; i++)
        {
            any |= x[i];
        }

        return any == 0;
    }

    private static int BitLength(in Limbs x, int limbs)
    {
        for (int i = limbs - 1; i >= 0; i--)
        {
            if (x[i] != 0)
            {
                return (64 * i) + 64 - System.Numerics.BitOperations.LeadingZeroCount(x[i]);
            }
        }

        return 0;
    }

    // x itself when n ≤ 64; else its low 31 bits under its bits n-33 .. n-1 (the top 33 of the longer of x, y).
    private static ulong Approximate(in Limbs x, int n)
    {
        if (n <= 64)
        {
            return x[0];
        }

        int shift = n - 33;
        int word = shift >> 6;
        int bit = shift & 63;
        ulong top = x[word] >> bit;
        if (bit > 31 && word + 1 < Limbs.Capacity)
        {
            top |= x[word + 1] << (64 - bit);
        }

        return (x[0] & 0x7FFFFFFF) | ((top & 0x1FFFFFFFF) << 31);
    }

    // t = f·x + g·y in L + 1 limbs, two's complement (|f|, |g| ≤ 2^31, so |t| < 2^(64L + 32)).
    private static void LinearCombination(in Limbs x, in Limbs y, long f, long g, int limbs, out Limbs t)
    {
        t = default;
        ulong carryLow = 0, carryHigh = 0;
        unchecked
        {
            for (int i = 0; i < limbs; i++)
            {
                ulong xi = x[i], yi = y[i];
                ulong h1 = Math.BigMul((ulong)f, xi, out ulong l1);
                ulong h2 = Math.BigMul((ulong)g, yi, out ulong l2);
                h1 -= f < 0 ? xi : 0; // (2^64 + f)·xi: take 2^64·xi back out
                h2 -= g < 0 ? yi : 0;
                ulong low = l1 + l2;
                ulong high = h1 + h2 + (low < l1 ? 1UL : 0UL);
                low += carryLow;
                high += carryHigh + (low < carryLow ? 1UL : 0UL);
                t[i] = low;
                carryLow = high;
                carryHigh = (ulong)((long)high >> 63); // the sign of the carry, extended
            }

            t[limbs] = carryLow;
        }
    }

    // x' = |f·x + g·y| / 2^31; returns whether f·x + g·y was negative. The division is exact.
    private static bool Combine(in Limbs x, in Limbs y, long f, long g, int limbs, out Limbs result)
    {
        LinearCombination(x, y, f, g, limbs, out result);
        bool negative = unchecked((long)result[limbs]) < 0;
        if (negative)
        {
            Negate(ref result, limbs + 1);
        }

        Debug.Assert((result[0] & 0x7FFFFFFF) == 0, "exact division by 2^31");
        ShiftRight31(ref result, limbs + 1);
        Debug.Assert(result[limbs] == 0, "fits in L limbs");
        return negative;
    }

    // (f·u + g·v)·2^-31 mod m for u, v < m: add 2^31·m when negative, then one Montgomery step by 2^31 (q·m clears
    // the low 31 bits), giving a value below 2m, and one conditional subtraction.
    private static void CombineModulo(in Limbs u, in Limbs v, long f, long g, in Limbs m, ulong inverse31, int limbs, out Limbs result)
    {
        LinearCombination(u, v, f, g, limbs, out result);
        unchecked
        {
            if (unchecked((long)result[limbs]) < 0)
            {
                AddShifted(ref result, m, 1UL << 31, limbs); // + 2^31·m
            }

            ulong q = (result[0] * inverse31) & 0x7FFFFFFF;
            AddShifted(ref result, m, q, limbs);
        }

        Debug.Assert((result[0] & 0x7FFFFFFF) == 0 && unchecked((long)result[limbs]) >= 0, "exact and non-negative");
        ShiftRight31(ref result, limbs + 1);
        if (result[limbs] != 0 || Compare(result, m, limbs) >= 0)
        {
            SubtractWrapping(ref result, m, limbs + 1);
        }

        Debug.Assert(result[limbs] == 0 && Compare(result, m, limbs) < 0, "below m");
    }

    // t = t + k·m over L + 1 limbs (k < 2^32).
    private static void AddShifted(ref Limbs t, in Limbs m, ulong k, int limbs)
    {
        ulong carry = 0;
        unchecked
        {
            for (int i = 0; i < limbs; i++)
            {
                ulong high = Math.BigMul(k, m[i], out ulong low);
                low += carry;
                high += low < carry ? 1UL : 0UL;
                ulong sum = t[i] + low;
                high += sum < low ? 1UL : 0UL;
                t[i] = sum;
                carry = high;
            }

            t[limbs] += carry;
        }
    }

    private static void Negate(ref Limbs x, int count)
    {
        ulong borrow = 0;
        unchecked
        {
            for (int i = 0; i < count; i++)
            {
                ulong xi = x[i];
                ulong d = 0 - xi - borrow;
                borrow = (xi | borrow) != 0 ? 1UL : 0UL;
                x[i] = d;
            }
        }
    }

    private static void ShiftRight31(ref Limbs x, int count)
    {
        for (int i = 0; i < count - 1; i++)
        {
            x[i] = (x[i] >> 31) | (x[i + 1] << 33);
        }

        x[count - 1] = unchecked((ulong)((long)x[count - 1] >> 31));
    }

    /// <summary>The sign of a - b over the low <paramref name="limbs"/> limbs.</summary>
    internal static int Compare(in Limbs a, in Limbs b, int limbs)
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

    /// <summary>a = a - b mod 2^(64·<paramref name="limbs"/>).</summary>
    internal static void SubtractWrapping(ref Limbs a, in Limbs b, int limbs)
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
    }

    private static int Bit(in Limbs x, int index) => (int)((x[index >> 6] >> (index & 63)) & 1);
}
