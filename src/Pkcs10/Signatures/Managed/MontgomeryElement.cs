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

    private static int Bit(in Limbs x, int index) => (int)((x[index >> 6] >> (index & 63)) & 1);
}
