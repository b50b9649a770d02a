using System.Numerics;
using FsCheck.Xunit;
using Pkcs10.Signatures;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>
/// Properties with keys and messages from the test-only reference signer (<see cref="EdDsaReference"/>): a signature
/// verifies; any single-bit change to the message, the key or the signature makes it invalid; and on crafted edge
/// inputs (torsion in A and R, small-order points, random S) the library agrees with the reference verifier run
/// under the library's rules.
/// </summary>
public sealed class EdDsaPropertyTests
{
    private static EdDsaReference Curve(bool is448) => is448 ? EdDsaReference.Ed448 : EdDsaReference.Ed25519;

    private static byte[] SecretKey(byte[] seed, EdDsaReference curve)
    {
        byte[] key = new byte[curve.EncodedLength];
        seed.AsSpan(0, Math.Min(seed.Length, key.Length)).CopyTo(key);
        return key;
    }

    private static SignatureStatus Verify(EdDsaReference curve, byte[] publicKey, byte[] message, byte[] signature)
    {
        SignatureStatus status = EdDsaTestKeys.Verify(curve, publicKey, message, signature);
        bool direct = EdDsaTestKeys.Is448(curve)
            ? Ed448.Verify(publicKey, message, signature, useBclShake256: false)
            : Ed25519.Verify(publicKey, message, signature);
        Assert.Equal(status == SignatureStatus.Valid, direct);
        return status;
    }

    [Property(MaxTest = 100)]
    public void ReferenceSignature_Verifies(byte[] seed, byte[] message, bool is448)
    {
        EdDsaReference curve = Curve(is448);
        Assert.SkipWhen(is448 && !System.Security.Cryptography.Shake256.IsSupported, "the reference Ed448 signer uses the BCL's SHAKE256");
        byte[] secretKey = SecretKey(seed, curve);
        byte[] publicKey = curve.PublicKey(secretKey);
        byte[] signature = curve.Sign(secretKey, message);
        Assert.Equal(SignatureStatus.Valid, Verify(curve, publicKey, message, signature));
    }

    [Property(MaxTest = 200)]
    public void AnySingleBitFlip_InMessageKeyOrSignature_IsInvalid(byte[] seed, byte[] message, bool is448, byte target, int bitSeed)
    {
        EdDsaReference curve = Curve(is448);
        Assert.SkipWhen(is448 && !System.Security.Cryptography.Shake256.IsSupported, "the reference Ed448 signer uses the BCL's SHAKE256");
        byte[] secretKey = SecretKey(seed, curve);
        byte[] publicKey = curve.PublicKey(secretKey);
        byte[] signature = curve.Sign(secretKey, message);

        byte[] victim = (target % 3) switch
        {
            0 when message.Length > 0 => message,
            1 => publicKey,
            _ => signature,
        };
        int bit = (int)((uint)bitSeed % (uint)(victim.Length * 8));
        victim[bit / 8] ^= (byte)(1 << (bit % 8));

        Assert.Equal(SignatureStatus.Invalid, Verify(curve, publicKey, message, signature));
    }

    [Property(MaxTest = 150)]
    public void CraftedEdgeInputs_AgreeWithTheReferenceUnderTheLibrarysRules(
        bool is448, byte[] secretSeed, byte[] nonceSeed, byte keyKind, byte rKind, byte sKind, byte[] message)
    {
        EdDsaReference curve = Curve(is448);
        BigInteger secret = EdDsaReference.Mod(new BigInteger(secretSeed, isUnsigned: true) + 1, curve.L);
        BigInteger nonce = EdDsaReference.Mod(new BigInteger(nonceSeed, isUnsigned: true) + 1, curve.L);
        IReadOnlyList<byte[]> smallOrder = curve.SmallOrderEncodings();
        RefPoint torsion = curve.TorsionGenerator();

        // A: prime order, prime order + torsion, or a small-order point.
        RefPoint primeA = curve.Multiply(secret, curve.B);
        byte[] a = (keyKind % 3) switch
        {
            0 => curve.Encode(primeA),
            1 => curve.Encode(curve.Add(primeA, curve.Multiply(1 + (keyKind / 3), torsion))),
            _ => smallOrder[keyKind % smallOrder.Count],
        };

        // R: [nonce]B, plus torsion, a small-order point (with nonce 0), or random bytes.
        RefPoint primeR = curve.Multiply(nonce, curve.B);
        (byte[] r, BigInteger rNonce) = (rKind % 4) switch
        {
            0 => (curve.Encode(primeR), nonce),
            1 => (curve.Encode(curve.Add(primeR, curve.Multiply(1 + (rKind / 4), torsion))), nonce),
            2 => (smallOrder[rKind % smallOrder.Count], BigInteger.Zero),
            _ => (nonceSeed.Concat(new byte[curve.EncodedLength]).Take(curve.EncodedLength).ToArray(), nonce),
        };

        byte[] signature = curve.SignRaw(secret, a, rNonce, r, message);
        if (sKind % 5 == 0)
        {
            // A random S below 2^(8·len), which is usually not below L.
            byte[] s = secretSeed.Concat(nonceSeed).Concat(new byte[curve.EncodedLength]).Take(curve.EncodedLength).ToArray();
            signature = [.. r, .. s];
        }

        bool expected = curve.Verify(a, message, signature, cofactored: true, rejectSmallOrderKey: true);
        Assert.Equal(expected ? SignatureStatus.Valid : SignatureStatus.Invalid, Verify(curve, a, message, signature));
    }
}
