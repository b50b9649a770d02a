using System.Numerics;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Ecdsa;

/// <summary>
/// The fixed-size Montgomery types of NistFields.P256.cs and NistFields.P384.cs (<see cref="P256Field"/>,
/// <see cref="P256Scalar"/>, <see cref="P384Field"/>, <see cref="P384Scalar"/>) against <see cref="BigInteger"/>:
/// every operation on random values and on values next to 0 and to the modulus, the Montgomery constants, inversion
/// (Fermat and binary extended Euclid) and powers, and agreement with <see cref="MontgomeryModulus"/> (same representation, limb for limb).
/// </summary>
public sealed class NistFieldTests
{
    // A value below m: random, small, or m - small.
    private static BigInteger Pick(byte[] random, byte selector, BigInteger m)
    {
        BigInteger r = new BigInteger(random, isUnsigned: true) % m;
        return (selector % 4) switch
        {
            0 => m - 1 - (r % 5),
            1 => r % 3,
            _ => r,
        };
    }

    private static T Element<T>(BigInteger value)
        where T : unmanaged, IMontgomeryElement<T> => T.FromLimbs(EcReference.ToLimbs(value));

    private static BigInteger Value<T>(in T element)
        where T : unmanaged, IMontgomeryElement<T>
    {
        T.ToLimbs(element, out Limbs limbs);
        for (int i = T.LimbCount; i < Limbs.Capacity; i++)
        {
            Assert.Equal(0UL, limbs[i]);
        }

        return EcReference.Value(limbs, T.LimbCount);
    }

    // Every operation on plain a, b < m, checked against BigInteger; and the same Montgomery product as the generic code.
    private static void CheckAll<T>(BigInteger m, MontgomeryModulus generic, BigInteger a, BigInteger b)
        where T : unmanaged, IMontgomeryElement<T>
    {
        BigInteger r = BigInteger.One << (64 * T.LimbCount);
        BigInteger rInverse = BigInteger.ModPow(r, m - 2, m);
        T ea = Element<T>(a), eb = Element<T>(b);
        Assert.Equal(a, Value(ea));

        Assert.Equal(a * b * rInverse % m, Value(T.Multiply(ea, eb)));
        Assert.Equal(a * a * rInverse % m, Value(T.Square(ea)));
        Assert.Equal((a + b) % m, Value(T.Add(ea, eb)));
        Assert.Equal(2 * a % m, Value(T.Twice(ea)));
        Assert.Equal(EcReference.Mod(a - b, m), Value(T.Subtract(ea, eb)));
        Assert.Equal(EcReference.Mod(-a, m), Value(T.Negate(ea)));
        Assert.Equal(a.IsZero, T.IsZero(ea));
        Assert.Equal(a == b, T.AreEqual(ea, eb));
        Assert.True(T.AreEqual(ea, Element<T>(a)));

        Assert.Equal(a * r % m, Value(MontgomeryElement<T>.ToMontgomery(ea)));
        Assert.Equal(a * rInverse % m, Value(MontgomeryElement<T>.FromMontgomery(ea)));

        generic.Multiply(EcReference.ToLimbs(a), EcReference.ToLimbs(b), out Limbs product);
        Assert.Equal(EcReference.Value(product, T.LimbCount), Value(T.Multiply(ea, eb)));
    }

    private static void CheckConstants<T>(BigInteger m)
        where T : unmanaged, IMontgomeryElement<T>
    {
        BigInteger r = BigInteger.One << (64 * T.LimbCount);
        Assert.Equal(m, Value(T.Modulus));
        Assert.Equal(r % m, Value(T.One));
        Assert.Equal(r * r % m, Value(T.RSquared));
    }

    private static void CheckInverse<T>(BigInteger m, BigInteger a, BigInteger e)
        where T : unmanaged, IMontgomeryElement<T>
    {
        BigInteger r = BigInteger.One << (64 * T.LimbCount);
        T ma = Element<T>(a * r % m);
        BigInteger inverse = Value(MontgomeryElement<T>.FromMontgomery(MontgomeryElement<T>.Invert(ma)));
        Assert.Equal(BigInteger.One, a * inverse % m);
        Assert.Equal(inverse, Value(MontgomeryElement<T>.InvertPlain(Element<T>(a))));
        BigInteger power = Value(MontgomeryElement<T>.FromMontgomery(MontgomeryElement<T>.Power(ma, EcReference.ToLimbs(e))));
        Assert.Equal(BigInteger.ModPow(a, e, m), power);
    }

    [Property(MaxTest = 800)]
    public void EveryOperation_MatchesBigInteger(byte which, byte[] x, byte[] y, byte sx, byte sy)
    {
        int index = which % 4; // 0: P-256 p, 1: P-256 n, 2: P-384 p, 3: P-384 n
        EcReference reference = EcReference.Get(index / 2);
        BigInteger m = index % 2 == 0 ? reference.P : reference.N;
        MontgomeryModulus generic = index % 2 == 0 ? reference.Curve.Field : reference.Curve.Order;
        BigInteger a = Pick(x, sx, m), b = Pick(y, sy, m);
        switch (index)
        {
            case 0: CheckAll<P256Field>(m, generic, a, b); break;
            case 1: CheckAll<P256Scalar>(m, generic, a, b); break;
            case 2: CheckAll<P384Field>(m, generic, a, b); break;
            default: CheckAll<P384Scalar>(m, generic, a, b); break;
        }
    }

    [Fact]
    public void ExtremeValuesAndConstants_MatchBigInteger()
    {
        for (int index = 0; index < 4; index++)
        {
            EcReference reference = EcReference.Get(index / 2);
            BigInteger m = index % 2 == 0 ? reference.P : reference.N;
            MontgomeryModulus generic = index % 2 == 0 ? reference.Curve.Field : reference.Curve.Order;
            int limbs = generic.LimbCount;
            BigInteger[] values = [0, 1, 2, 3, m - 1, m - 2, m - 3, (m - 1) / 2, (m + 1) / 2, ulong.MaxValue, (BigInteger.One << (64 * (limbs - 1))) - 1, BigInteger.One << (64 * (limbs - 1)), (BigInteger.One << 255) % m, (BigInteger.One << 383) % m];
            foreach (BigInteger a in values)
            {
                foreach (BigInteger b in values)
                {
                    switch (index)
                    {
                        case 0: CheckAll<P256Field>(m, generic, a, b); break;
                        case 1: CheckAll<P256Scalar>(m, generic, a, b); break;
                        case 2: CheckAll<P384Field>(m, generic, a, b); break;
                        default: CheckAll<P384Scalar>(m, generic, a, b); break;
                    }
                }
            }
        }

        foreach (int index in new[] { 0, 1, 2, 3 })
        {
            EcReference reference = EcReference.Get(index / 2);
            BigInteger m = index % 2 == 0 ? reference.P : reference.N;
            foreach (BigInteger a in new[] { BigInteger.One, 2, 3, m - 1, m - 2, (m + 1) / 2, BigInteger.One << 200, ulong.MaxValue })
            {
                switch (index)
                {
                    case 0: CheckInverse<P256Field>(m, a, a); break;
                    case 1: CheckInverse<P256Scalar>(m, a, a); break;
                    case 2: CheckInverse<P384Field>(m, a, a); break;
                    default: CheckInverse<P384Scalar>(m, a, a); break;
                }
            }
        }

        CheckConstants<P256Field>(EcReference.P256.P);
        CheckConstants<P256Scalar>(EcReference.P256.N);
        CheckConstants<P384Field>(EcReference.P384.P);
        CheckConstants<P384Scalar>(EcReference.P384.N);
    }

    // The blocked binary GCD decides each block's steps on 64-bit stand-ins (low 31 and top 33 bits): values made of
    // long runs of ones and zeros, near m and near powers of two are where those stand-ins are least faithful.
    [Fact]
    public void InvertPlain_ManyStructuredValues_MatchBigInteger()
    {
        var random = new Random(20261127);
        for (int index = 0; index < 4; index++)
        {
            EcReference reference = EcReference.Get(index / 2);
            BigInteger m = index % 2 == 0 ? reference.P : reference.N;
            int bits = (int)m.GetBitLength();
            for (int i = 0; i < 3000; i++)
            {
                BigInteger a = (i % 5) switch
                {
                    0 => new BigInteger(RandomBytes(random, (bits / 8) + 1), isUnsigned: true) % m,
                    1 => Runs(random, bits) % m,
                    2 => m - 1 - random.Next(1000),
                    3 => (BigInteger.One << random.Next(bits - 1)) + random.Next(-2, 3),
                    _ => random.Next(1, 1 << 20),
                };
                if (a <= 0)
                {
                    a = 1;
                }

                BigInteger expected = BigInteger.ModPow(a, m - 2, m);
                BigInteger actual = index switch
                {
                    0 => Value(MontgomeryElement<P256Field>.InvertPlain(Element<P256Field>(a))),
                    1 => Value(MontgomeryElement<P256Scalar>.InvertPlain(Element<P256Scalar>(a))),
                    2 => Value(MontgomeryElement<P384Field>.InvertPlain(Element<P384Field>(a))),
                    _ => Value(MontgomeryElement<P384Scalar>.InvertPlain(Element<P384Scalar>(a))),
                };
                Assert.Equal(expected, actual);
            }
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // A number of the given bit length made of alternating runs of ones and zeros of random lengths (1 to 80 bits).
    private static BigInteger Runs(Random random, int bits)
    {
        BigInteger value = 0;
        bool one = random.Next(2) == 0;
        int position = 0;
        while (position < bits)
        {
            int length = Math.Min(random.Next(1, 81), bits - position);
            if (one)
            {
                value |= ((BigInteger.One << length) - 1) << position;
            }

            position += length;
            one = !one;
        }

        return value;
    }

    [Property(MaxTest = 80)]
    public void InvertAndPower_MatchBigInteger(byte which, byte[] x, byte sx, byte[] exponent)
    {
        int index = which % 4;
        EcReference reference = EcReference.Get(index / 2);
        BigInteger m = index % 2 == 0 ? reference.P : reference.N;
        BigInteger a = Pick(x, sx, m);
        if (a.IsZero)
        {
            a = 1;
        }

        BigInteger e = new BigInteger(exponent, isUnsigned: true) % m;
        switch (index)
        {
            case 0: CheckInverse<P256Field>(m, a, e); break;
            case 1: CheckInverse<P256Scalar>(m, a, e); break;
            case 2: CheckInverse<P384Field>(m, a, e); break;
            default: CheckInverse<P384Scalar>(m, a, e); break;
        }
    }
}
