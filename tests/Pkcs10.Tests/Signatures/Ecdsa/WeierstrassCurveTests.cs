using System.Numerics;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Ecdsa;

/// <summary>
/// <see cref="WeierstrassCurve"/> point arithmetic against the affine <see cref="BigInteger"/> oracle
/// <see cref="EcReference"/>: the domain parameters against the BCL's, doubling and both additions (with random
/// Z, and the special cases P = Q, P = -Q and infinity), u1·G + u2·Q, point decoding (uncompressed and compressed)
/// and the hash-to-scalar truncation of SEC 1 §4.1.3 step 5.
/// </summary>
public sealed class WeierstrassCurveTests
{
    [Theory]
    [InlineData(0), InlineData(1), InlineData(2)]
    public void DomainParameters_EqualTheBcls(int index)
    {
        EcReference reference = EcReference.Get(index);
        WeierstrassCurve curve = reference.Curve;
        Assert.Equal(reference.P, EcReference.Value(curve.Field.Modulus, curve.Field.LimbCount));
        Assert.Equal(reference.N, EcReference.Value(curve.Order.Modulus, curve.Order.LimbCount));
        Assert.Equal(reference.P - 3, reference.A);
        Assert.Equal((BigInteger?)reference.G.X, (BigInteger?)reference.FromField(curve.Generator.X));
        Assert.Equal((BigInteger?)reference.G.Y, (BigInteger?)reference.FromField(curve.Generator.Y));
        Assert.True(reference.IsOnCurve(reference.G));
        Assert.Equal((int)reference.N.GetBitLength(), curve.OrderBits);
        Assert.Equal((int)((reference.P.GetBitLength() + 7) / 8), curve.FieldBytes);

        // b: G is on our curve, and so is a point the reference computes; (x, y + 1) is not.
        Assert.True(curve.IsOnCurve(curve.Generator));
        var g3 = reference.Multiply(3, reference.G)!.Value;
        Assert.True(curve.IsOnCurve(reference.ToAffinePoint(g3)));
        Assert.False(curve.IsOnCurve(reference.ToAffinePoint((g3.X, (g3.Y + 1) % reference.P))));
    }

    [Property(MaxTest = 60)]
    public void DoubleAndAdd_MatchTheOracle(byte which, byte[] k1Bytes, byte[] k2Bytes, byte[] zBytes, byte mode)
    {
        EcReference reference = EcReference.Get(which % 3);
        WeierstrassCurve curve = reference.Curve;
        BigInteger k1 = (new BigInteger(k1Bytes, isUnsigned: true) % 1000) + 1;
        BigInteger k2 = (mode % 4) switch
        {
            0 => k1,                    // P = Q
            1 => reference.N - k1,      // P = -Q
            2 => 0,                     // Q = infinity
            _ => (new BigInteger(k2Bytes, isUnsigned: true) % 1000) + 1,
        };
        var p = reference.Multiply(k1, reference.G);
        var q = reference.Multiply(k2, reference.G);
        BigInteger z = new BigInteger(zBytes, isUnsigned: true) + 2;
        JacobianPoint jp = reference.ToJacobian(p, z);
        JacobianPoint jq = reference.ToJacobian(q, z * 7);

        curve.Double(jp, out JacobianPoint doubled);
        Assert.Equal(reference.Add(p, p), reference.ToAffine(doubled));

        curve.Add(jp, jq, out JacobianPoint sum);
        Assert.Equal(reference.Add(p, q), reference.ToAffine(sum));
        curve.Add(jq, jp, out sum);
        Assert.Equal(reference.Add(p, q), reference.ToAffine(sum));

        if (q is { } finiteQ)
        {
            curve.AddAffine(jp, reference.ToAffinePoint(finiteQ), out JacobianPoint mixed);
            Assert.Equal(reference.Add(p, q), reference.ToAffine(mixed));
            JacobianPoint infinity = default;
            curve.AddAffine(infinity, reference.ToAffinePoint(finiteQ), out mixed);
            Assert.Equal(q, reference.ToAffine(mixed));
        }

        // Infinity doubles to infinity, and the results may overwrite the inputs.
        JacobianPoint none = default;
        curve.Double(none, out JacobianPoint stillNone);
        Assert.True(curve.IsInfinity(stillNone));
        JacobianPoint alias = jp;
        curve.Add(alias, jq, out alias);
        Assert.Equal(reference.Add(p, q), reference.ToAffine(alias));
        alias = jp;
        curve.Double(alias, out alias);
        Assert.Equal(reference.Add(p, p), reference.ToAffine(alias));
    }

    [Property(MaxTest = 12)]
    public void MultiplyAdd_MatchesTheOracle(byte which, byte[] u1Bytes, byte[] u2Bytes, byte[] kBytes, byte mode)
    {
        EcReference reference = EcReference.Get(which % 3);
        WeierstrassCurve curve = reference.Curve;
        BigInteger k = (new BigInteger(kBytes, isUnsigned: true) % (reference.N - 1)) + 1;
        BigInteger u1 = new BigInteger(u1Bytes, isUnsigned: true) % reference.N;
        BigInteger u2 = new BigInteger(u2Bytes, isUnsigned: true) % reference.N;
        switch (mode % 5)
        {
            case 0: u1 = reference.N - 1 - (u1 % 7); u2 = reference.N - 1 - (u2 % 7); break; // long scalars
            case 1: u2 = EcReference.Mod(-u1 * BigInteger.ModPow(k, reference.N - 2, reference.N), reference.N); break; // u1·G = -u2·Q
            case 2: u1 = 0; break;
            default: break;
        }

        var q = reference.Multiply(k, reference.G)!.Value;
        curve.MultiplyAdd(EcReference.ToLimbs(u1), EcReference.ToLimbs(u2), reference.ToAffinePoint(q), out JacobianPoint result);
        var expected = reference.Multiply(EcReference.Mod(u1 + (u2 * k), reference.N), reference.G);
        Assert.Equal(expected, reference.ToAffine(result));
    }

    [Theory]
    [InlineData(0), InlineData(1), InlineData(2)]
    public void MultiplyAdd_SmallScalars(int index)
    {
        EcReference reference = EcReference.Get(index);
        WeierstrassCurve curve = reference.Curve;
        var q = reference.Multiply(5, reference.G)!.Value;
        for (int u1 = 0; u1 < 20; u1++)
        {
            for (int u2 = 0; u2 < 20; u2 += 3)
            {
                curve.MultiplyAdd(EcReference.ToLimbs(u1), EcReference.ToLimbs(u2), reference.ToAffinePoint(q), out JacobianPoint result);
                Assert.Equal(reference.Multiply(u1 + (5 * u2), reference.G), reference.ToAffine(result));
            }
        }
    }

    [Property(MaxTest = 40)]
    public void DecodePoint_UncompressedAndCompressed(byte which, byte[] kBytes, byte damage)
    {
        EcReference reference = EcReference.Get(which % 3);
        WeierstrassCurve curve = reference.Curve;
        int size = curve.FieldBytes;
        var point = reference.Multiply((new BigInteger(kBytes, isUnsigned: true) % (reference.N - 1)) + 1, reference.G)!.Value;
        byte[] x = Fixed(point.X, size), y = Fixed(point.Y, size);

        Assert.True(curve.TryDecodePoint([0x04, .. x, .. y], out AffinePoint decoded));
        Assert.Equal(point, (reference.FromField(decoded.X), reference.FromField(decoded.Y)));

        byte prefix = (byte)(point.Y.IsEven ? 0x02 : 0x03);
        Assert.True(curve.TryDecodePoint([prefix, .. x], out decoded));
        Assert.Equal(point, (reference.FromField(decoded.X), reference.FromField(decoded.Y)));
        Assert.True(curve.TryDecodePoint([(byte)(prefix ^ 1), .. x], out decoded));
        Assert.Equal((point.X, reference.P - point.Y), (reference.FromField(decoded.X), reference.FromField(decoded.Y)));

        // Off the curve, coordinates ≥ p, wrong lengths and forms.
        byte[] badY = (byte[])y.Clone();
        badY[size - 1 - (damage % size)] ^= (byte)(1 << (damage % 8));
        Assert.False(curve.TryDecodePoint([0x04, .. x, .. badY], out _));
        Assert.False(curve.TryDecodePoint([0x04, .. Fixed(point.X + reference.P, size + 1)[1..], .. y], out _));
        Assert.False(curve.TryDecodePoint([0x04, .. x, .. Fixed(point.Y + reference.P, size + 1)[1..]], out _));
        Assert.False(curve.TryDecodePoint([0x04, .. x, .. y, 0], out _));
        Assert.False(curve.TryDecodePoint([0x04, .. x], out _));
        Assert.False(curve.TryDecodePoint([0x06, .. x, .. y], out _));
        Assert.False(curve.TryDecodePoint([0x00], out _));
        Assert.False(curve.TryDecodePoint([prefix, .. Fixed(reference.P, size)], out _));
    }

    [Theory]
    [InlineData(0), InlineData(1), InlineData(2)]
    public void DecodePoint_CompressedXWithoutAPoint_IsRefused(int index)
    {
        EcReference reference = EcReference.Get(index);
        int found = 0;
        for (BigInteger x = 1; found < 3; x++)
        {
            BigInteger rhs = EcReference.Mod((x * x * x) + (reference.A * x) + reference.B, reference.P);
            if (BigInteger.ModPow(rhs, (reference.P - 1) / 2, reference.P) == reference.P - 1)
            {
                Assert.False(reference.Curve.TryDecodePoint([0x02, .. Fixed(x, reference.Curve.FieldBytes)], out _));
                found++;
            }
        }
    }

    [Property(MaxTest = 200)]
    public void HashToScalar_TakesTheLeftmostBitsOfN(byte which, byte[] hash)
    {
        EcReference reference = EcReference.Get(which % 3);
        hash = hash.Length > 80 ? hash[..80] : hash; // digests are at most 64 octets; a little more still works
        int bits = (int)reference.N.GetBitLength();
        BigInteger h = hash.Length == 0 ? 0 : EcReference.Big(hash);
        if (hash.Length * 8 > bits)
        {
            h >>= (hash.Length * 8) - bits;
        }

        ManagedEcdsa.HashToScalar(reference.Curve, hash, out Limbs e);
        Assert.Equal(h % reference.N, EcReference.Value(e, reference.Curve.Order.LimbCount));
    }

    private static byte[] Fixed(BigInteger value, int size)
    {
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] result = new byte[size];
        bytes.AsSpan(Math.Max(0, bytes.Length - size)).CopyTo(result.AsSpan(Math.Max(0, size - bytes.Length)));
        return result;
    }
}
