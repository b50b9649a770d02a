using System.Numerics;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Rsa;

/// <summary>
/// <see cref="RsaPublicOperation"/>'s Montgomery arithmetic against <see cref="BigInteger"/>: random odd moduli
/// of 1 to 40 limbs (any top limb, so the normalizing shift takes every value), and the exponentiation on random e &lt; 2^33.
/// </summary>
public sealed class RsaPublicOperationTests
{
    [Property(MaxTest = 300)]
    public void NegativeInverse_IsMinusInverseModTwoToThe64(ulong value)
    {
        ulong n0 = value | 1;
        Assert.Equal(ulong.MaxValue, unchecked(n0 * RsaPublicOperation.NegativeInverse(n0)));
    }

    [Property(MaxTest = 300)]
    public void Multiply_IsABTimesRInverseModN(int seed, byte limbChoice)
    {
        var random = new Random(seed);
        int limbs = 1 + (limbChoice % 40);
        (ulong[] n, BigInteger nBig) = RandomModulus(random, limbs);
        BigInteger aBig = RandomBelow(random, nBig), bBig = RandomBelow(random, nBig);
        ulong[] a = ToLimbs(aBig, limbs), b = ToLimbs(bBig, limbs), result = new ulong[limbs], row = new ulong[limbs + 2];
        BigInteger r = BigInteger.One << (64 * limbs);
        BigInteger rInverse = ModInverse(r % nBig, nBig);

        RsaPublicOperation.Multiply(a, b, n, RsaPublicOperation.NegativeInverse(n[0]), result, row);
        Assert.Equal(aBig * bBig * rInverse % nBig, FromLimbs(result));

        // Aliasing: the result may overwrite an operand.
        RsaPublicOperation.Multiply(a, a, n, RsaPublicOperation.NegativeInverse(n[0]), a, row);
        Assert.Equal(aBig * aBig * rInverse % nBig, FromLimbs(a));
    }

    [Property(MaxTest = 300)]
    public void Square_IsASquaredTimesRInverseModN(int seed, byte limbChoice, bool maximal)
    {
        var random = new Random(seed);
        int limbs = 1 + (limbChoice % 40);
        (ulong[] n, BigInteger nBig) = RandomModulus(random, limbs);
        BigInteger aBig = maximal ? nBig - 1 : RandomBelow(random, nBig);
        ulong[] a = ToLimbs(aBig, limbs), result = new ulong[limbs], row = new ulong[(2 * limbs) + 2];
        BigInteger rInverse = ModInverse((BigInteger.One << (64 * limbs)) % nBig, nBig);

        RsaPublicOperation.Square(a, n, RsaPublicOperation.NegativeInverse(n[0]), result, row);
        Assert.Equal(aBig * aBig * rInverse % nBig, FromLimbs(result));

        RsaPublicOperation.Square(a, n, RsaPublicOperation.NegativeInverse(n[0]), a, row);
        Assert.Equal(aBig * aBig * rInverse % nBig, FromLimbs(a));
    }

    [Property(MaxTest = 300)]
    public void ToMontgomery_IsXTimesRModN(int seed, byte limbChoice, byte edge)
    {
        var random = new Random(seed);
        int limbs = 1 + (limbChoice % 40);
        (ulong[] n, BigInteger nBig) = RandomModulus(random, limbs);
        BigInteger xBig = (edge % 4) switch
        {
            0 => 0,
            1 => nBig - 1,
            _ => RandomBelow(random, nBig),
        };
        ulong[] x = ToLimbs(xBig, limbs), result = new ulong[limbs], temp = new ulong[limbs];

        RsaPublicOperation.ToMontgomery(x, n, result, temp);
        Assert.Equal((xBig << (64 * limbs)) % nBig, FromLimbs(result));
    }

    [Property(MaxTest = 200)]
    public void TryModPow_MatchesBigInteger(int seed, ushort bytesChoice, bool f4)
    {
        var random = new Random(seed);
        int bytes = 2 + (bytesChoice % 300);
        byte[] modulus = new byte[bytes];
        random.NextBytes(modulus);
        modulus[0] |= (byte)(1 + random.Next(255));
        modulus[^1] |= 1;
        var nBig = new BigInteger(modulus, isUnsigned: true, isBigEndian: true);
        ulong e = f4 ? 65537UL : ((ulong)random.NextInt64(1L << 33) | 1UL) is ulong x && x >= 3 ? x : 3UL;
        BigInteger sBig = RandomBelow(random, nBig);
        byte[] signature = Fixed(sBig, bytes), output = new byte[bytes];

        Assert.True(RsaPublicOperation.TryModPow(modulus, e, signature, output));
        Assert.Equal(Convert.ToHexString(Fixed(BigInteger.ModPow(sBig, e, nBig), bytes)), Convert.ToHexString(output));

        // s = n and s > n are out of range.
        Assert.False(RsaPublicOperation.TryModPow(modulus, e, modulus, output));
        byte[] above = Fixed(nBig + 1 + RandomBelow(random, (BigInteger.One << (8 * bytes)) - nBig - 1), bytes);
        Assert.False(RsaPublicOperation.TryModPow(modulus, e, above, output));
    }

    [Theory]
    [InlineData("smallest values", 1)]
    [InlineData("n - 1", 2)]
    public void TryModPow_EdgeSignatures(string why, int which)
    {
        Assert.NotNull(why);
        foreach (int bits in new[] { 1024, 2047, 2048, 2049, 4096, 4160, 8192 })
        {
            var random = new Random(bits);
            byte[] modulus = new byte[(bits + 7) / 8];
            random.NextBytes(modulus);
            modulus[0] = (byte)(1 << ((bits - 1) % 8));
            modulus[0] |= (byte)(random.Next(256) & (modulus[0] - 1));
            modulus[^1] |= 1;
            var nBig = new BigInteger(modulus, isUnsigned: true, isBigEndian: true);
            foreach (BigInteger s in which == 1 ? new BigInteger[] { 0, 1, 2 } : [nBig - 1, nBig - 2])
            {
                byte[] output = new byte[modulus.Length];
                Assert.True(RsaPublicOperation.TryModPow(modulus, 65537, Fixed(s, modulus.Length), output));
                Assert.Equal(BigInteger.ModPow(s, 65537, nBig), new BigInteger(output, isUnsigned: true, isBigEndian: true));
            }
        }
    }

    // R⁻¹ mod n by the extended Euclidean algorithm (R is a power of two and n is odd, so it exists).
    private static BigInteger ModInverse(BigInteger a, BigInteger n)
    {
        BigInteger t = 0, newT = 1, r = n, newR = a;
        while (newR != 0)
        {
            BigInteger q = r / newR;
            (t, newT) = (newT, t - (q * newT));
            (r, newR) = (newR, r - (q * newR));
        }

        Assert.Equal(BigInteger.One, r);
        return t < 0 ? t + n : t;
    }

    private static (ulong[] Limbs, BigInteger Value) RandomModulus(Random random, int limbs)
    {
        byte[] bytes = new byte[8 * limbs];
        random.NextBytes(bytes);
        bytes[0] |= (byte)(1 + random.Next(255)); // a non-zero top limb of any size
        bytes[^1] |= 1;
        if (limbs == 1 && bytes.AsSpan(0, 7).IndexOfAnyExcept((byte)0) < 0 && bytes[7] == 1)
        {
            bytes[7] = 3;
        }

        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return (ToLimbs(value, limbs), value);
    }

    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        byte[] bytes = new byte[bound.GetByteCount(isUnsigned: true) + 8];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % bound;
    }

    private static ulong[] ToLimbs(BigInteger value, int limbs)
    {
        ulong[] result = new ulong[limbs];
        RsaPublicOperation.FromBigEndian(Fixed(value, 8 * limbs), result);
        return result;
    }

    private static BigInteger FromLimbs(ulong[] limbs)
    {
        byte[] bytes = new byte[8 * limbs.Length];
        RsaPublicOperation.ToBigEndian(limbs, bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static byte[] Fixed(BigInteger value, int length)
    {
        byte[] result = new byte[length];
        value.TryWriteBytes(result.AsSpan(length - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return result;
    }
}
