using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Ecdsa;

/// <summary>
/// The AVX2 lane arithmetic (<see cref="P256Lanes"/>, <see cref="P384Lanes"/>) against <see cref="BigInteger"/>, at
/// random values and at the digit bounds its callers rely on, and <see cref="NistLaneCurve{TField, TScalar, TLanes}"/>
/// against the affine oracle: a finite result is always the right point, and a zero Z² (a special case of the group
/// law) only where the scalar code then decides.
/// </summary>
public sealed class NistLaneCurveTests
{
    private static readonly BigInteger P256Prime = BigInteger.Pow(2, 256) - BigInteger.Pow(2, 224) + BigInteger.Pow(2, 192) + BigInteger.Pow(2, 96) - 1;
    private static readonly BigInteger P384Prime = BigInteger.Pow(2, 384) - BigInteger.Pow(2, 128) - BigInteger.Pow(2, 96) + BigInteger.Pow(2, 32) - 1;

    [Property(MaxTest = 200)]
    public void Multiply_IsTheMontgomeryProduct_BelowTwoP(bool p384, byte[][] seeds, byte spread)
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        if (p384)
        {
            CheckMultiply<P384Lanes>(P384Prime, seeds, spread);
        }
        else
        {
            CheckMultiply<P256Lanes>(P256Prime, seeds, spread);
        }
    }

    [Fact]
    public void Multiply_DigitsAtTheBound_DoNotOverflow()
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        // Every digit of both inputs at 2^30 - 1 (digit products up to the documented 2^60): the column sums are at
        // their largest, and the result is still a·b·R⁻¹ mod p.
        CheckAllDigits<P256Lanes>(P256Prime, (1UL << 30) - 1, (1UL << 30) - 1);
        CheckAllDigits<P384Lanes>(P384Prime, (1UL << 30) - 1, (1UL << 30) - 1);
    }

    [Fact]
    public void Subtract_AddsTheStatedMultipleOfP_AndNoDigitGoesNegative()
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        CheckSubtract<P256Lanes>(P256Prime);
        CheckSubtract<P384Lanes>(P384Prime);
    }

    [Property(MaxTest = 24)]
    public void MultiplyAdd_FiniteResultsAreRight(bool p384, byte[] u1Bytes, byte[] u2Bytes, byte[] kBytes, byte mode)
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        if (p384)
        {
            MultiplyAdd(EcReference.P384, NistCurves.P384Lanes, u1Bytes, u2Bytes, kBytes, mode);
        }
        else
        {
            MultiplyAdd(EcReference.P256, NistCurves.P256Lanes, u1Bytes, u2Bytes, kBytes, mode);
        }
    }

    [Fact]
    public void MultiplyAdd_SmallScalars_RightOrSentToTheScalarCode()
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        int special = SmallScalars(EcReference.P256, NistCurves.P256Lanes) + SmallScalars(EcReference.P384, NistCurves.P384Lanes);

        // Q = G and small scalars make the accumulator meet ±(a table point): those sums must come back as Z² = 0.
        Assert.True(special > 0, "some small-scalar sums hit a special case of the group law");
    }

    private static void CheckMultiply<T>(BigInteger p, byte[][] seeds, byte spread)
        where T : unmanaged, ILaneElement<T>
    {
        int digits = T.DigitCount;
        BigInteger r = BigInteger.Pow(2, T.DigitBits * digits);
        BigInteger rInverse = ModInverse(r, p);
        var random = new Random(seeds.Length + spread);
        T a = default, b = default;
        var av = new BigInteger[4];
        var bv = new BigInteger[4];
        for (int lane = 0; lane < 4; lane++)
        {
            // Values below 2^7·p (a product below the documented 2^14·p²), with digits spread up to 2^30 (a product
            // of digit bounds of 2^60, the documented limit).
            av[lane] = RandomBelow(random, p << 7, seeds, lane);
            bv[lane] = RandomBelow(random, p << 7, seeds, lane + 4);
            SetLane(ref a, lane, Spread(av[lane], digits, T.DigitBits, 30, random, spread));
            SetLane(ref b, lane, Spread(bv[lane], digits, T.DigitBits, 30, random, spread));
        }

        T.Multiply(a, b, out T product);
        for (int lane = 0; lane < 4; lane++)
        {
            ulong[] result = GetLane(product, lane);
            BigInteger value = Value(result, T.DigitBits);
            Assert.Equal(EcReference.Mod(av[lane] * bv[lane] * rInverse, p), EcReference.Mod(value, p));
            Assert.True(value < 2 * p, "below 2p");
            Assert.All(result, d => Assert.True(d < (1UL << T.DigitBits), "normalized digits"));
        }
    }

    private static void CheckAllDigits<T>(BigInteger p, ulong digitOfA, ulong digitOfB)
        where T : unmanaged, ILaneElement<T>
    {
        int digits = T.DigitCount;
        BigInteger rInverse = ModInverse(BigInteger.Pow(2, T.DigitBits * digits), p);
        T a = default, b = default;
        ulong[] allA = Enumerable.Repeat(digitOfA, digits).ToArray();
        ulong[] allB = Enumerable.Repeat(digitOfB, digits).ToArray();
        for (int lane = 0; lane < 4; lane++)
        {
            SetLane(ref a, lane, allA);
            SetLane(ref b, lane, allB);
        }

        T.Multiply(a, b, out T product);
        BigInteger expected = EcReference.Mod(Value(allA, T.DigitBits) * Value(allB, T.DigitBits) * rInverse, p);
        for (int lane = 0; lane < 4; lane++)
        {
            Assert.Equal(expected, EcReference.Mod(Value(GetLane(product, lane), T.DigitBits), p));
        }
    }

    private static void CheckSubtract<T>(BigInteger p)
        where T : unmanaged, ILaneElement<T>
    {
        int digits = T.DigitCount;
        int w = T.DigitBits;
        ulong normalized = (1UL << w) - 1;
        T zero = default;

        // Subtrahends at the largest digits allowed, with the largest top digit their value bound (2p, 16p) allows.
        foreach ((ulong max, BigInteger bound, bool eight) in new[] { (normalized, 2 * p, false), (8 * normalized, 16 * p, true) })
        {
            T b = default;
            ulong[] digitsOfB = Enumerable.Repeat(max, digits).ToArray();
            digitsOfB[^1] = (ulong)(bound >> (w * (digits - 1)));
            for (int lane = 0; lane < 4; lane++)
            {
                SetLane(ref b, lane, digitsOfB);
            }

            T difference;
            if (eight)
            {
                T.SubtractEight(zero, b, out difference);
            }
            else
            {
                T.SubtractProduct(zero, b, out difference);
            }

            int multiple = eight ? T.EightBiasMultiple : T.ProductBiasMultiple;
            ulong[] result = GetLane(difference, 2);
            Assert.All(result, d => Assert.True(d < (1UL << 40), "no digit wrapped below zero"));
            Assert.Equal((multiple * p) - Value(digitsOfB, w), Value(result, w));
        }
    }

    private static void MultiplyAdd<TField, TScalar, TLanes>(EcReference reference, NistLaneCurve<TField, TScalar, TLanes> curve, byte[] u1Bytes, byte[] u2Bytes, byte[] kBytes, byte mode)
        where TField : unmanaged, IMontgomeryElement<TField>
        where TScalar : unmanaged, IMontgomeryElement<TScalar>
        where TLanes : unmanaged, ILaneElement<TLanes>
    {
        BigInteger n = reference.N;
        BigInteger k = (new BigInteger(kBytes, isUnsigned: true) % (n - 1)) + 1;
        BigInteger u1 = new BigInteger(u1Bytes, isUnsigned: true) % n;
        BigInteger u2 = new BigInteger(u2Bytes, isUnsigned: true) % n;
        switch (mode % 5)
        {
            case 0: u1 = n - 1 - (u1 % 7); u2 = n - 1 - (u2 % 7); break; // long scalars
            case 1: u2 = EcReference.Mod(-u1 * ModInverse(k, n), n); break; // u1·G = -u2·Q: infinity
            case 2: u1 = 0; break;
            default: break;
        }

        if (u2.IsZero)
        {
            u2 = 1;
        }

        var q = reference.Multiply(k, reference.G)!.Value;
        var expected = reference.Multiply(EcReference.Mod(u1 + (u2 * k), n), reference.G);
        Check(reference, curve, u1, u2, q, expected);
    }

    // u1·G + u2·(5G) for small u1, u2, and u1·G + u2·G: returns how many came back as Z² = 0.
    private static int SmallScalars<TField, TScalar, TLanes>(EcReference reference, NistLaneCurve<TField, TScalar, TLanes> curve)
        where TField : unmanaged, IMontgomeryElement<TField>
        where TScalar : unmanaged, IMontgomeryElement<TScalar>
        where TLanes : unmanaged, ILaneElement<TLanes>
    {
        int special = 0;
        foreach (int multiple in new[] { 5, 1 })
        {
            var q = reference.Multiply(multiple, reference.G)!.Value;
            for (int u1 = 0; u1 < 20; u1++)
            {
                for (int u2 = 1; u2 < 20; u2 += 3)
                {
                    special += Check(reference, curve, u1, u2, q, reference.Multiply(u1 + (multiple * u2), reference.G)) ? 0 : 1;
                }
            }
        }

        return special;
    }

    // A finite result must be the expected point's x; Z² = 0 is allowed (the scalar code decides) but counted.
    private static bool Check<TField, TScalar, TLanes>(EcReference reference, NistLaneCurve<TField, TScalar, TLanes> curve, BigInteger u1, BigInteger u2, (BigInteger X, BigInteger Y) q, (BigInteger X, BigInteger Y)? expected)
        where TField : unmanaged, IMontgomeryElement<TField>
        where TScalar : unmanaged, IMontgomeryElement<TScalar>
        where TLanes : unmanaged, ILaneElement<TLanes>
    {
        AffinePoint<TField> fixedQ = NistCurve<TField, TScalar>.Convert(reference.ToAffinePoint(q));
        curve.MultiplyAdd(EcReference.ToLimbs(u1), EcReference.ToLimbs(u2), fixedQ, out Limbs x, out Limbs zz);
        BigInteger p = reference.P;
        BigInteger xValue = EcReference.Value(x, TField.LimbCount);
        BigInteger zzValue = EcReference.Value(zz, TField.LimbCount);
        Assert.True(xValue < p && zzValue < p, "fully reduced");
        if (zzValue.IsZero)
        {
            return false;
        }

        Assert.True(expected.HasValue, "a finite result for a sum at infinity");
        Assert.Equal(expected!.Value.X, EcReference.Mod(xValue * ModInverse(zzValue, p), p));
        return true;
    }

    private static BigInteger RandomBelow(Random random, BigInteger bound, byte[][] seeds, int index)
    {
        byte[] bytes = new byte[(int)(bound.GetBitLength() / 8) + 2];
        random.NextBytes(bytes);
        if (index < seeds.Length && seeds[index] is { Length: > 0 } seed)
        {
            // FsCheck's bytes steer some values to small and structured ones.
            seed.AsSpan(0, Math.Min(seed.Length, bytes.Length)).CopyTo(bytes);
            if (seed[0] % 3 == 0)
            {
                return new BigInteger(seed, isUnsigned: true) % bound;
            }
        }

        return new BigInteger(bytes, isUnsigned: true) % bound;
    }

    // The w-bit digits of value, then some of each digit's weight moved down into the one below (digit i gains
    // m·2^w, digit i + 1 loses m) while every digit stays below 2^maxBits.
    private static ulong[] Spread(BigInteger value, int count, int w, int maxBits, Random random, byte spread)
    {
        var digits = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            digits[i] = (ulong)((value >> (w * i)) & ((1UL << w) - 1));
        }

        Assert.True(value >> (w * count) == 0);
        if (spread % 2 == 1)
        {
            for (int i = 0; i < count - 1; i++)
            {
                ulong room = ((1UL << maxBits) - 1 - digits[i]) >> w;
                ulong move = Math.Min(digits[i + 1], (ulong)random.NextInt64((long)room + 1));
                digits[i] += move << w;
                digits[i + 1] -= move;
            }
        }

        Assert.Equal(value, Value(digits, w));
        return digits;
    }

    private static BigInteger Value(ulong[] digits, int w)
    {
        BigInteger value = 0;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            value = (value << w) + digits[i];
        }

        return value;
    }

    private static void SetLane<T>(ref T value, int lane, ulong[] digits)
        where T : unmanaged
    {
        Span<ulong> all = MemoryMarshal.CreateSpan(ref Unsafe.As<T, ulong>(ref value), Unsafe.SizeOf<T>() / 8);
        for (int i = 0; i < digits.Length; i++)
        {
            all[(4 * i) + lane] = digits[i];
        }
    }

    private static ulong[] GetLane<T>(T value, int lane)
        where T : unmanaged
    {
        Span<ulong> all = MemoryMarshal.CreateSpan(ref Unsafe.As<T, ulong>(ref value), Unsafe.SizeOf<T>() / 8);
        var digits = new ulong[all.Length / 4];
        for (int i = 0; i < digits.Length; i++)
        {
            digits[i] = all[(4 * i) + lane];
        }

        return digits;
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger m) => BigInteger.ModPow(EcReference.Mod(a, m), m - 2, m);
}
