using System.Numerics;
using System.Security.Cryptography;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Ecdsa;

/// <summary>
/// <see cref="NistCurve{TField, TScalar}"/> (the fixed-size P-256 and P-384 paths) against the affine
/// <see cref="BigInteger"/> oracle <see cref="EcReference"/> and against the generic <see cref="WeierstrassCurve"/> code:
/// doubling and both additions with their special cases, u1·G + u2·Q, and whole verifications (valid, tampered and
/// edge-case signatures) on both paths.
/// </summary>
public sealed class NistCurveTests
{
    [Property(MaxTest = 60)]
    public void DoubleAndAdd_MatchTheOracle(bool p384, byte[] k1Bytes, byte[] k2Bytes, byte[] zBytes, byte mode, bool negate)
    {
        if (p384)
        {
            DoubleAndAdd<P384Field, P384Scalar>(EcReference.P384, k1Bytes, k2Bytes, zBytes, mode, negate);
        }
        else
        {
            DoubleAndAdd<P256Field, P256Scalar>(EcReference.P256, k1Bytes, k2Bytes, zBytes, mode, negate);
        }
    }

    [Property(MaxTest = 16)]
    public void MultiplyAdd_MatchesTheOracleAndTheGenericCode(bool p384, byte[] u1Bytes, byte[] u2Bytes, byte[] kBytes, byte mode)
    {
        if (p384)
        {
            MultiplyAdd(EcReference.P384, NistCurves.P384Fixed, u1Bytes, u2Bytes, kBytes, mode);
        }
        else
        {
            MultiplyAdd(EcReference.P256, NistCurves.P256Fixed, u1Bytes, u2Bytes, kBytes, mode);
        }
    }

    [Fact]
    public void MultiplyAdd_SmallScalars()
    {
        SmallScalars(EcReference.P256, NistCurves.P256Fixed);
        SmallScalars(EcReference.P384, NistCurves.P384Fixed);
    }

    [Fact]
    public void BaseTable_IsTheGenericTable()
    {
        Assert.Equal(1 << (WeierstrassCurve.BaseWindow - 2), NistCurves.P256.BaseOddMultiples.Length);
        var g3 = EcReference.P256.Multiply(3, EcReference.P256.G);
        AffinePoint<P256Field> converted = NistCurve<P256Field, P256Scalar>.Convert(NistCurves.P256.BaseOddMultiples[1]);
        Assert.Equal(g3, EcReference.P256.ToAffine(ToGeneric(new JacobianPoint<P256Field> { X = converted.X, Y = converted.Y, Z = P256Field.One })));
    }

    // Random keys and messages, signed by the BCL: both paths accept, and both reject every tampering alike.
    [Property(MaxTest = 30)]
    public void Verify_LaneFixedAndGenericPathsAgree(bool p384, byte[] message, byte flip)
    {
        ECCurve named = p384 ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256;
        WeierstrassCurve curve = p384 ? NistCurves.P384 : NistCurves.P256;
        using var ec = ECDsa.Create(named);
        ECParameters parameters = ec.ExportParameters(false);
        byte[] key = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
        byte[] hash = p384 ? SHA384.HashData(message) : SHA256.HashData(message);
        byte[] signature = ec.SignHash(hash);

        Assert.True(ManagedEcdsa.VerifyP1363(curve, key, hash, signature));
        Assert.True(ManagedEcdsa.VerifyP1363(curve, key, hash, signature, EcdsaArithmetic.Generic));
        Assert.True(ManagedEcdsa.VerifyP1363(curve, key, hash, signature, EcdsaArithmetic.Fixed));

        byte[] bad = (byte[])signature.Clone();
        bad[flip % bad.Length] ^= (byte)(1 << (flip % 8));
        Assert.False(ManagedEcdsa.VerifyP1363(curve, key, hash, bad));
        Assert.False(ManagedEcdsa.VerifyP1363(curve, key, hash, bad, EcdsaArithmetic.Generic));
        Assert.False(ManagedEcdsa.VerifyP1363(curve, key, hash, bad, EcdsaArithmetic.Fixed));

        byte[] otherHash = (byte[])hash.Clone();
        otherHash[flip % otherHash.Length] ^= 1;
        Assert.False(ManagedEcdsa.VerifyP1363(curve, key, otherHash, signature));
        Assert.False(ManagedEcdsa.VerifyP1363(curve, key, otherHash, signature, EcdsaArithmetic.Generic));
        Assert.False(ManagedEcdsa.VerifyP1363(curve, key, otherHash, signature, EcdsaArithmetic.Fixed));
    }

    // Signatures built from the oracle with chosen nonces and hashes (e = 0 gives u1 = 0, e = n - 1 a long u1), and
    // u1·G = -u2·Q (R at infinity), all decided alike by both paths and as the oracle says. (The x_R ≥ n branch is
    // covered by the Wycheproof vectors.)
    [Theory]
    [InlineData(false), InlineData(true)]
    public void Verify_EdgeCases_AgreeWithTheOracle(bool p384)
    {
        EcReference reference = p384 ? EcReference.P384 : EcReference.P256;
        WeierstrassCurve curve = reference.Curve;
        int size = curve.FieldBytes;
        BigInteger n = reference.N;
        BigInteger d = 0x1234567;
        var q = reference.Multiply(d, reference.G)!.Value;
        byte[] key = [0x04, .. Fixed(q.X, size), .. Fixed(q.Y, size)];

        foreach (BigInteger eValue in new BigInteger[] { 0, 1, n - 1, 12345 })
        {
            for (BigInteger k = 1; k < 40; k++)
            {
                // s = k⁻¹(e + r·d): a valid signature on e with nonce k.
                BigInteger r = reference.Multiply(k, reference.G)!.Value.X % n;
                BigInteger s = EcReference.Mod(BigInteger.ModPow(k, n - 2, n) * (eValue + (r * d)), n);
                if (s.IsZero)
                {
                    continue;
                }

                byte[] hash = Fixed(eValue, size);
                byte[] signature = [.. Fixed(r, size), .. Fixed(s, size)];
                Assert.True(ManagedEcdsa.VerifyP1363(curve, key, hash, signature));
                Assert.True(ManagedEcdsa.VerifyP1363(curve, key, hash, signature, EcdsaArithmetic.Generic));
                Assert.True(ManagedEcdsa.VerifyP1363(curve, key, hash, signature, EcdsaArithmetic.Fixed));

                // Any other r' (here r + 1) fails on both.
                byte[] wrong = [.. Fixed((r + 1) % n, size), .. Fixed(s, size)];
                Assert.False(ManagedEcdsa.VerifyP1363(curve, key, hash, wrong));
                Assert.False(ManagedEcdsa.VerifyP1363(curve, key, hash, wrong, EcdsaArithmetic.Generic));
                Assert.False(ManagedEcdsa.VerifyP1363(curve, key, hash, wrong, EcdsaArithmetic.Fixed));
            }
        }

        // R at infinity: e = -r·d, so u1·G + u2·Q = s⁻¹(e + r·d)·G = O; must be rejected.
        BigInteger r0 = 5, s0 = 7;
        byte[] infinityHash = Fixed(EcReference.Mod(-r0 * d, n), size);
        byte[] infinitySignature = [.. Fixed(r0, size), .. Fixed(s0, size)];
        Assert.False(ManagedEcdsa.VerifyP1363(curve, key, infinityHash, infinitySignature));
        Assert.False(ManagedEcdsa.VerifyP1363(curve, key, infinityHash, infinitySignature, EcdsaArithmetic.Generic));
        Assert.False(ManagedEcdsa.VerifyP1363(curve, key, infinityHash, infinitySignature, EcdsaArithmetic.Fixed));
    }

    private static void DoubleAndAdd<TField, TScalar>(EcReference reference, byte[] k1Bytes, byte[] k2Bytes, byte[] zBytes, byte mode, bool negate)
        where TField : unmanaged, IMontgomeryElement<TField>
        where TScalar : unmanaged, IMontgomeryElement<TScalar>
    {
        BigInteger k1 = (new BigInteger(k1Bytes, isUnsigned: true) % 1000) + 1;
        BigInteger k2 = (mode % 4) switch
        {
            0 => negate ? reference.N - k1 : k1,     // P + Q = 2P
            1 => negate ? k1 : reference.N - k1,     // P + Q = infinity
            2 => 0,                                  // Q = infinity
            _ => (new BigInteger(k2Bytes, isUnsigned: true) % 1000) + 1,
        };
        var p = reference.Multiply(k1, reference.G);
        var q = reference.Multiply(k2, reference.G);
        var signedQ = negate ? reference.Negate(q) : q;
        BigInteger z = new BigInteger(zBytes, isUnsigned: true) + 2;
        JacobianPoint<TField> jp = FromGeneric<TField>(reference.ToJacobian(p, z));
        JacobianPoint<TField> jq = FromGeneric<TField>(reference.ToJacobian(q, z * 7));

        JacobianPoint<TField> doubled = jp;
        NistCurve<TField, TScalar>.Double(ref doubled);
        Assert.Equal(reference.Add(p, p), reference.ToAffine(ToGeneric(doubled)));

        JacobianPoint<TField> sum = jp;
        NistCurve<TField, TScalar>.Add(ref sum, jq, negate);
        Assert.Equal(reference.Add(p, signedQ), reference.ToAffine(ToGeneric(sum)));

        // Infinity on the left: the result is ±Q.
        JacobianPoint<TField> fromInfinity = default;
        NistCurve<TField, TScalar>.Add(ref fromInfinity, jq, negate);
        Assert.Equal(signedQ, reference.ToAffine(ToGeneric(fromInfinity)));

        if (q is { } finiteQ)
        {
            AffinePoint<TField> affineQ = NistCurve<TField, TScalar>.Convert(reference.ToAffinePoint(finiteQ));
            JacobianPoint<TField> mixed = jp;
            NistCurve<TField, TScalar>.AddAffine(ref mixed, affineQ, negate);
            Assert.Equal(reference.Add(p, signedQ), reference.ToAffine(ToGeneric(mixed)));
            mixed = default;
            NistCurve<TField, TScalar>.AddAffine(ref mixed, affineQ, negate);
            Assert.Equal(signedQ, reference.ToAffine(ToGeneric(mixed)));
        }

        JacobianPoint<TField> none = default;
        NistCurve<TField, TScalar>.Double(ref none);
        Assert.True(TField.IsZero(none.Z));
    }

    private static void MultiplyAdd<TField, TScalar>(EcReference reference, NistCurve<TField, TScalar> fixedCurve, byte[] u1Bytes, byte[] u2Bytes, byte[] kBytes, byte mode)
        where TField : unmanaged, IMontgomeryElement<TField>
        where TScalar : unmanaged, IMontgomeryElement<TScalar>
    {
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
        AffinePoint genericQ = reference.ToAffinePoint(q);
        fixedCurve.MultiplyAdd(EcReference.ToLimbs(u1), EcReference.ToLimbs(u2), NistCurve<TField, TScalar>.Convert(genericQ), out JacobianPoint<TField> result);
        var expected = reference.Multiply(EcReference.Mod(u1 + (u2 * k), reference.N), reference.G);
        Assert.Equal(expected, reference.ToAffine(ToGeneric(result)));

        reference.Curve.MultiplyAdd(EcReference.ToLimbs(u1), EcReference.ToLimbs(u2), genericQ, out JacobianPoint genericResult);
        Assert.Equal(reference.ToAffine(genericResult), reference.ToAffine(ToGeneric(result)));
    }

    private static void SmallScalars<TField, TScalar>(EcReference reference, NistCurve<TField, TScalar> fixedCurve)
        where TField : unmanaged, IMontgomeryElement<TField>
        where TScalar : unmanaged, IMontgomeryElement<TScalar>
    {
        var q = reference.Multiply(5, reference.G)!.Value;
        AffinePoint<TField> fixedQ = NistCurve<TField, TScalar>.Convert(reference.ToAffinePoint(q));
        for (int u1 = 0; u1 < 20; u1++)
        {
            for (int u2 = 0; u2 < 20; u2 += 3)
            {
                fixedCurve.MultiplyAdd(EcReference.ToLimbs(u1), EcReference.ToLimbs(u2), fixedQ, out JacobianPoint<TField> result);
                Assert.Equal(reference.Multiply(u1 + (5 * u2), reference.G), reference.ToAffine(ToGeneric(result)));
            }
        }
    }

    private static JacobianPoint<T> FromGeneric<T>(in JacobianPoint p)
        where T : unmanaged, IMontgomeryElement<T> =>
        new() { X = T.FromLimbs(p.X), Y = T.FromLimbs(p.Y), Z = T.FromLimbs(p.Z) };

    private static JacobianPoint ToGeneric<T>(in JacobianPoint<T> p)
        where T : unmanaged, IMontgomeryElement<T>
    {
        T.ToLimbs(p.X, out Limbs x);
        T.ToLimbs(p.Y, out Limbs y);
        T.ToLimbs(p.Z, out Limbs z);
        return new JacobianPoint { X = x, Y = y, Z = z };
    }

    private static byte[] Fixed(BigInteger value, int size)
    {
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] result = new byte[size];
        bytes.AsSpan(Math.Max(0, bytes.Length - size)).CopyTo(result.AsSpan(Math.Max(0, size - bytes.Length)));
        return result;
    }
}
