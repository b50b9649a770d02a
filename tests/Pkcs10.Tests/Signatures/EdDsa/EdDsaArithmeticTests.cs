using System.Numerics;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>
/// The managed engines' building blocks against <see cref="BigInteger"/>: field arithmetic mod 2^255 - 19 and
/// 2^448 - 2^224 - 1, reduction of hash outputs mod L, the NAF recoding, and point decoding against
/// <see cref="EdDsaReference"/>.
/// </summary>
public sealed class EdDsaArithmeticTests
{
    private static readonly BigInteger s_p25519 = EdDsaReference.Ed25519.P;
    private static readonly BigInteger s_p448 = EdDsaReference.Ed448.P;

    private static BigInteger ToInteger(ReadOnlySpan<byte> littleEndian) => new(littleEndian, isUnsigned: true, isBigEndian: false);

    private static BigInteger Value(in Field25519 a)
    {
        Span<byte> b = stackalloc byte[32];
        Field25519.ToBytes(b, a);
        return ToInteger(b);
    }

    private static Field25519 Fe25519(byte[] bytes32)
    {
        Field25519.FromBytes(out Field25519 r, bytes32);
        return r;
    }

    private static BigInteger Value(in Field448 a)
    {
        Span<byte> b = stackalloc byte[56];
        Field448.ToBytes(b, a);
        return ToInteger(b);
    }

    private static Field448 Fe448(byte[] bytes56)
    {
        Field448.FromBytes(out Field448 r, bytes56);
        return r;
    }

    private static byte[] Pad(byte[] bytes, int length)
    {
        byte[] r = new byte[length];
        bytes.AsSpan(0, Math.Min(length, bytes.Length)).CopyTo(r);
        return r;
    }

    // Values near 0 and near p as well as random ones.
    private static byte[] Edge25519(byte[] random, byte selector)
    {
        byte[] b = Pad(random, 32);
        switch (selector % 4)
        {
            case 0: b.AsSpan().Fill(0xFF); b[0] = (byte)(0xEC - (random.Length % 3)); b[31] = 0x7F; break;   // p - 1 .. p - 3
            case 1: b.AsSpan(1).Clear(); break;                                                              // small
            default: b[31] &= 0x7F; break;
        }

        return b;
    }

    [Property(MaxTest = 500)]
    public void Field25519_MatchesBigInteger(byte[] x, byte[] y, byte sx, byte sy)
    {
        byte[] xb = Edge25519(x, sx), yb = Edge25519(y, sy);
        xb[31] &= 0x7F;
        yb[31] &= 0x7F;
        BigInteger a = ToInteger(xb) % s_p25519, b = ToInteger(yb) % s_p25519;
        Field25519 fa = Fe25519(xb), fb = Fe25519(yb);

        Field25519.Mul(out Field25519 m, fa, fb);
        Assert.Equal(a * b % s_p25519, Value(m));
        Field25519.Square(out Field25519 s, fa);
        Assert.Equal(a * a % s_p25519, Value(s));
        Field25519.Add(out Field25519 sum, fa, fb);
        Assert.Equal((a + b) % s_p25519, Value(sum));
        Field25519.Sub(out Field25519 difference, fa, fb);
        Assert.Equal(EdDsaReference.Mod(a - b, s_p25519), Value(difference));
        Field25519.Invert(out Field25519 inverse, fa);
        Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, s_p25519 - 2, s_p25519), Value(inverse));
        Field25519.Pow22523(out Field25519 pow, fa);
        Assert.Equal(BigInteger.ModPow(a, (s_p25519 - 5) / 8, s_p25519), Value(pow));

        // Chains of operations on unreduced limbs.
        Field25519.Sub(out Field25519 t, m, sum);
        Field25519.Mul(out t, t, difference);
        Field25519.Add(out t, t, t);
        Field25519.Square(out t, t);
        BigInteger expected = EdDsaReference.Mod((a * b) - (a + b), s_p25519) * EdDsaReference.Mod(a - b, s_p25519) * 2 % s_p25519;
        Assert.Equal(expected * expected % s_p25519, Value(t));
        Assert.Equal(Value(fa) == Value(fb), Field25519.AreEqual(fa, fb));
    }

    [Theory]
    [InlineData("p - 1", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("p (reads as 0)", "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("p + 18 (reads as 18)", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("zero", "0000000000000000000000000000000000000000000000000000000000000000")]
    public void Field25519_ToBytesIsCanonical(string why, string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        Field25519 a = Fe25519(bytes);
        Assert.Equal(ToInteger(bytes) % s_p25519, Value(a));
        Assert.Equal(Value(a).IsZero, Field25519.IsZero(a));
        _ = why;
    }

    [Property(MaxTest = 300)]
    public void Field448_MatchesBigInteger(byte[] x, byte[] y, bool nearP)
    {
        byte[] xb = Pad(x, 56), yb = Pad(y, 56);
        if (nearP)
        {
            // p - 1 - (small): 0xFE..FE, 0xFF.. pattern of p = (2^224 - 2)·2^224 + 2^224 - 1.
            xb.AsSpan().Fill(0xFF);
            xb[28] = 0xFE;
            xb[0] = (byte)(0xFE - (x.Length % 5));
        }

        BigInteger a = ToInteger(xb) % s_p448, b = ToInteger(yb) % s_p448;
        Field448 fa = Fe448(xb), fb = Fe448(yb);

        Field448.Mul(out Field448 m, fa, fb);
        Assert.Equal(a * b % s_p448, Value(m));
        Field448.Square(out Field448 s, fa);
        Assert.Equal(a * a % s_p448, Value(s));
        Field448.Add(out Field448 sum, fa, fb);
        Assert.Equal((a + b) % s_p448, Value(sum));
        Field448.Sub(out Field448 difference, fa, fb);
        Assert.Equal(EdDsaReference.Mod(a - b, s_p448), Value(difference));
        Field448.PowPMinus3Over4(out Field448 pow, fa);
        Assert.Equal(BigInteger.ModPow(a, (s_p448 - 3) / 4, s_p448), Value(pow));

        Field448.Sub(out Field448 t, m, sum);
        Field448.Mul(out t, t, difference);
        Field448.Add(out t, t, t);
        Field448.Square(out t, t);
        BigInteger expected = EdDsaReference.Mod((a * b) - (a + b), s_p448) * EdDsaReference.Mod(a - b, s_p448) * 2 % s_p448;
        Assert.Equal(expected * expected % s_p448, Value(t));
    }

    [Property(MaxTest = 500)]
    public void Scalar25519_ReduceWide_MatchesBigInteger(byte[] random, bool allOnes)
    {
        byte[] wide = allOnes ? Enumerable.Repeat((byte)0xFF, 64).ToArray() : Pad(random, 64);
        Span<ulong> words = stackalloc ulong[4];
        Scalar25519.ReduceWide(wide, words);
        byte[] result = new byte[32];
        for (int i = 0; i < 4; i++)
        {
            BitConverter.TryWriteBytes(result.AsSpan(8 * i), words[i]);
        }

        Assert.Equal(ToInteger(wide) % EdDsaReference.Ed25519.L, ToInteger(result));
    }

    [Property(MaxTest = 300)]
    public void Scalar448_ReduceWide_MatchesBigInteger(byte[] random, bool allOnes)
    {
        byte[] wide = allOnes ? Enumerable.Repeat((byte)0xFF, 114).ToArray() : Pad(random, 114);
        Span<ulong> words = stackalloc ulong[Scalar448.Words];
        Scalar448.ReduceWide(wide, words);
        byte[] result = new byte[56];
        for (int i = 0; i < Scalar448.Words; i++)
        {
            BitConverter.TryWriteBytes(result.AsSpan(8 * i), words[i]);
        }

        Assert.Equal(ToInteger(wide) % EdDsaReference.Ed448.L, ToInteger(result));
    }

    [Theory]
    [InlineData("0", false, true)]
    [InlineData("L - 1", false, true)]
    [InlineData("L", false, false)]
    [InlineData("L + 1", false, false)]
    [InlineData("2^256 - 1", false, false)]
    [InlineData("0", true, true)]
    [InlineData("L - 1", true, true)]
    [InlineData("L", true, false)]
    [InlineData("2^448", true, false)]
    [InlineData("2^456 - 1", true, false)]
    public void Scalar_IsCanonical_IsSBelowL(string value, bool is448, bool expected)
    {
        EdDsaReference curve = is448 ? EdDsaReference.Ed448 : EdDsaReference.Ed25519;
        BigInteger s = value switch
        {
            "0" => 0,
            "L - 1" => curve.L - 1,
            "L" => curve.L,
            "L + 1" => curve.L + 1,
            "2^256 - 1" => BigInteger.Pow(2, 256) - 1,
            "2^448" => BigInteger.Pow(2, 448),
            _ => BigInteger.Pow(2, 456) - 1,
        };
        byte[] encoded = curve.EncodeScalar(s);
        Assert.Equal(expected, is448 ? Scalar448.IsCanonical(encoded) : Scalar25519.IsCanonical(encoded));
    }

    [Property(MaxTest = 500)]
    public void Naf_SumsToTheScalar_WithOddBoundedSparseDigits(byte[] random, byte widthSelector)
    {
        int width = 2 + (widthSelector % 7);
        byte[] bytes = Pad(random, 56);
        bytes[55] &= 0x3F;   // below 2^446
        Span<ulong> words = stackalloc ulong[7];
        for (int i = 0; i < 7; i++)
        {
            words[i] = BitConverter.ToUInt64(bytes, 8 * i);
        }

        Span<sbyte> naf = stackalloc sbyte[448];
        Naf.Compute(words, width, naf);
        BigInteger sum = 0;
        int lastNonZero = -width;
        for (int i = naf.Length - 1; i >= 0; i--)
        {
            sum = (sum * 2) + naf[i];
        }

        for (int i = 0; i < naf.Length; i++)
        {
            if (naf[i] != 0)
            {
                Assert.True((naf[i] & 1) != 0 && Math.Abs((int)naf[i]) < (1 << (width - 1)), $"digit {naf[i]} at {i}");
                Assert.True(i - lastNonZero >= width, $"digits at {lastNonZero} and {i} for width {width}");
                lastNonZero = i;
            }
        }

        Assert.Equal(ToInteger(bytes), sum);
    }

    [Property(MaxTest = 300)]
    public void Decode_AgreesWithTheReference(byte[] random, bool is448, byte tweak)
    {
        EdDsaReference curve = is448 ? EdDsaReference.Ed448 : EdDsaReference.Ed25519;
        byte[] encoded = Pad(random, curve.EncodedLength);
        if (tweak % 3 == 0)
        {
            // A real point (a multiple of B, possibly plus torsion), so that decoding often succeeds.
            RefPoint point = curve.Multiply(new BigInteger(random, isUnsigned: true) + 1, curve.B);
            if (tweak % 2 == 0)
            {
                point = curve.Add(point, curve.TorsionGenerator());
            }

            encoded = curve.Encode(point);
        }

        RefPoint? expected = curve.Decode(encoded);
        bool decoded;
        BigInteger x, y;
        if (is448)
        {
            decoded = Ed448.TryDecode(encoded, out Ed448.Point p);
            x = Value(p.X);
            y = Value(p.Y);
        }
        else
        {
            decoded = Ed25519.TryDecode(encoded, out Ed25519.Point p);
            x = Value(p.X);
            y = Value(p.Y);
        }

        Assert.Equal(expected is not null, decoded);
        if (expected is not null)
        {
            Assert.Equal(curve.Affine(expected), (x, y));
        }
    }
}
