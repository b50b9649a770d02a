using System.Numerics;
using System.Runtime.Intrinsics.X86;
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

    /// <summary>The exponentiations to check: the limb form everywhere, the digit form where AVX2 exists.</summary>
    private static IEnumerable<(string Name, ModPow Run)> Engines()
    {
        yield return ("limbs", RsaPublicOperation.TryModPowLimbs);
        if (Avx2.IsSupported)
        {
            yield return ("digits", RsaPublicOperation.TryModPowDigits);
        }
    }

    private delegate bool ModPow(ReadOnlySpan<byte> modulus, ulong exponent, ReadOnlySpan<byte> signature, Span<byte> output);

    [Fact]
    public void TryModPow_UsesTheDigitFormWhereAvx2Exists()
    {
        // The dispatcher and the engine list agree; on this project's x64 CI machines both forms run.
        Assert.Equal(Avx2.IsSupported ? 2 : 1, Engines().Count());
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
        string expected = Convert.ToHexString(Fixed(BigInteger.ModPow(sBig, e, nBig), bytes));
        byte[] above = Fixed(nBig + 1 + RandomBelow(random, (BigInteger.One << (8 * bytes)) - nBig - 1), bytes);

        Assert.True(RsaPublicOperation.TryModPow(modulus, e, signature, output));
        Assert.Equal(expected, Convert.ToHexString(output));
        foreach ((string name, ModPow run) in Engines())
        {
            Array.Clear(output);
            Assert.True(run(modulus, e, signature, output), name);
            Assert.Equal(expected, Convert.ToHexString(output));

            // s = n and s > n are out of range.
            Assert.False(run(modulus, e, modulus, output), name);
            Assert.False(run(modulus, e, above, output), name);
        }
    }

    [Theory]
    [InlineData("smallest values", 1)]
    [InlineData("n - 1", 2)]
    public void TryModPow_EdgeSignatures(string why, int which)
    {
        Assert.NotNull(why);
        foreach (int bits in new[] { 1024, 2047, 2048, 2049, 3470, 3471, 4096, 4160, 8192, 16384 })
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
                foreach ((string name, ModPow run) in Engines())
                {
                    byte[] output = new byte[modulus.Length];
                    Assert.True(run(modulus, 65537, Fixed(s, modulus.Length), output), name);
                    Assert.Equal(BigInteger.ModPow(s, 65537, nBig), new BigInteger(output, isUnsigned: true, isBigEndian: true));
                }
            }
        }
    }

    [Property(MaxTest = 300)]
    public void MultiplyByPowerOfTwoAndToMontgomery_AreXTimesAPowerOfTwoModN(int seed, byte limbChoice, ushort shiftChoice, byte edge)
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
        int shift = shiftChoice % 3000;
        ulong[] x = ToLimbs(xBig, limbs), result = new ulong[limbs], temp = new ulong[limbs];

        RsaPublicOperation.MultiplyByPowerOfTwo(x, n, shift, result, temp);
        Assert.Equal((xBig << shift) % nBig, FromLimbs(result));

        // ToMontgomery is the whole-R case, x·2^(64L) mod n.
        RsaPublicOperation.ToMontgomery(x, n, result, temp);
        Assert.Equal((xBig << (64 * limbs)) % nBig, FromLimbs(result));
    }

    [Fact]
    public void DigitLayout_KeepsEveryColumnBelowTwoToThe64AndRAboveFourN()
    {
        for (int bits = 16; bits <= 16384; bits++)
        {
            (int w, int digits) = RsaPublicOperation.DigitLayout(bits);
            Assert.Equal(0, digits % 4);
            Assert.True(w * digits >= bits + 2, $"R ≥ 4n at {bits} bits");
            Assert.True(w * (digits - 4) < bits + 2, $"no spare block of digits at {bits} bits");
            BigInteger worstColumn = (2 * digits * BigInteger.Pow((BigInteger.One << w) - 1, 2)) + (BigInteger.One << (64 - w));
            Assert.True(worstColumn < BigInteger.One << 64, $"columns fit at {bits} bits");
        }

        Assert.Equal((28, 76), RsaPublicOperation.DigitLayout(2048));
        Assert.Equal((28, 124), RsaPublicOperation.DigitLayout(3470));
        Assert.Equal((27, 132), RsaPublicOperation.DigitLayout(3471));
        Assert.Equal((27, 152), RsaPublicOperation.DigitLayout(4096));
    }

    [Property(MaxTest = 200)]
    public void AlmostMontgomeryMultiplyAndSquare_AreProductsOverRAndBelowTwoN(int seed, ushort bitsChoice, byte edge)
    {
        if (!Avx2.IsSupported)
        {
            return; // the digit form exists only with AVX2 (TryModPow_UsesTheDigitFormWhereAvx2Exists checks which run)
        }

        var random = new Random(seed);
        int bits = 16 + (bitsChoice % 4500);
        BigInteger nBig = (edge % 3) switch
        {
            0 => (BigInteger.One << bits) - 1, // all ones: the largest digits everywhere
            _ => (BigInteger.One << (bits - 1)) | RandomBelow(random, BigInteger.One << (bits - 1)) | 1,
        };
        BigInteger twoN = 2 * nBig;
        BigInteger aBig = edge % 2 == 0 ? twoN - 1 : RandomBelow(random, twoN);
        BigInteger bBig = edge % 5 == 0 ? twoN - 1 : RandomBelow(random, twoN);
        (int w, int digits) = RsaPublicOperation.DigitLayout(bits);
        int limbs = ((bits + 1) / 64) + 1;
        ulong[] a = ToDigits(aBig, limbs, w, digits), b = ToDigits(bBig, limbs, w, digits), n = ToDigits(nBig, limbs, w, digits);
        ulong inverse = RsaPublicOperation.NegativeInverse(ToLimbs(nBig, limbs)[0]) & ((1UL << w) - 1);
        ulong[] columns = new ulong[2 * digits];

        ulong[] squared = (ulong[])a.Clone();

        RsaPublicOperation.AlmostMontgomeryMultiply(a, b, n, inverse, w, digits, columns);
        RsaPublicOperation.AlmostMontgomerySquare(squared, n, inverse, w, digits, columns);

        BigInteger r = BigInteger.One << (w * digits);
        BigInteger result = FromDigits(a, limbs, w, digits);
        Assert.True(result < twoN, "almost reduced");
        Assert.Equal(aBig * bBig % nBig, result * r % nBig);
        Assert.All(a.AsSpan(0, digits).ToArray(), d => Assert.True(d < 1UL << w));
        Assert.All(a.AsSpan(digits).ToArray(), d => Assert.Equal(0UL, d));

        BigInteger square = FromDigits(squared, limbs, w, digits);
        Assert.True(square < twoN, "almost reduced square");
        Assert.Equal(aBig * aBig % nBig, square * r % nBig);
        Assert.All(squared.AsSpan(0, digits).ToArray(), d => Assert.True(d < 1UL << w));
        Assert.All(squared.AsSpan(digits).ToArray(), d => Assert.Equal(0UL, d));
    }

    private static ulong[] ToDigits(BigInteger value, int limbs, int w, int digits)
    {
        ulong[] result = new ulong[digits + 4];
        RsaPublicOperation.ToDigits(ToLimbs(value, limbs), w, result);
        return result;
    }

    private static BigInteger FromDigits(ulong[] digits, int limbs, int w, int count)
    {
        ulong[] result = new ulong[limbs];
        RsaPublicOperation.FromDigits(digits.AsSpan(0, count), w, result);
        return FromLimbs(result);
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
