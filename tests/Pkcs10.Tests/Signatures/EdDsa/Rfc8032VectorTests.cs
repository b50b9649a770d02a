using System.Security.Cryptography;
using Pkcs10.Signatures;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>Every RFC 8032 §7.1 Ed25519 and §7.4 Ed448 vector (<see cref="Rfc8032Vectors"/>).</summary>
public sealed class Rfc8032VectorTests
{
    public static TheoryData<string, string, string, string, string, string> Ed25519Vectors => Rfc8032Vectors.Ed25519;

    public static TheoryData<string, string, string, string, string, string> Ed448Vectors => Rfc8032Vectors.Ed448;

    [Fact]
    public void Tables_HaveEveryVectorOfTheRfc()
    {
        Assert.Equal(5, Rfc8032Vectors.Ed25519.Count);
        Assert.Equal(9, Rfc8032Vectors.Ed448.Count);
    }

    [Theory, MemberData(nameof(Ed25519Vectors))]
    public void Ed25519_Verifies(string name, string secretKey, string publicKey, string message, string context, string signature)
    {
        Assert.Equal("", context);
        byte[] pk = Convert.FromHexString(publicKey), msg = Convert.FromHexString(message), sig = Convert.FromHexString(signature);

        Assert.True(Ed25519.Verify(pk, msg, sig), name);
        Assert.Equal(SignatureStatus.Valid, EdDsaTestKeys.Verify(EdDsaReference.Ed25519, pk, msg, sig));

        // The test-only reference signer reproduces the key and the (deterministic) signature.
        Assert.Equal(publicKey, Convert.ToHexStringLower(EdDsaReference.Ed25519.PublicKey(Convert.FromHexString(secretKey))));
        Assert.Equal(signature, Convert.ToHexStringLower(EdDsaReference.Ed25519.Sign(Convert.FromHexString(secretKey), msg)));
    }

    [Theory, MemberData(nameof(Ed448Vectors))]
    public void Ed448_VerifiesPureEd448_AndRefusesTheContextVector(string name, string secretKey, string publicKey, string message, string context, string signature)
    {
        byte[] pk = Convert.FromHexString(publicKey), msg = Convert.FromHexString(message), sig = Convert.FromHexString(signature);
        bool pure = context.Length == 0;

        // Both SHAKE256 implementations, and the public entry point.
        Assert.Equal(pure, Ed448.Verify(pk, msg, sig, useBclShake256: false));
        if (Shake256.IsSupported)
        {
            Assert.Equal(pure, Ed448.Verify(pk, msg, sig, useBclShake256: true));
        }

        Assert.Equal(pure ? SignatureStatus.Valid : SignatureStatus.Invalid, EdDsaTestKeys.Verify(EdDsaReference.Ed448, pk, msg, sig));

        if (Shake256.IsSupported)
        {
            Assert.Equal(publicKey, Convert.ToHexStringLower(EdDsaReference.Ed448.PublicKey(Convert.FromHexString(secretKey))));
            Assert.Equal(signature, Convert.ToHexStringLower(EdDsaReference.Ed448.Sign(Convert.FromHexString(secretKey), msg, Convert.FromHexString(context))));
        }

        _ = name;
    }
}
