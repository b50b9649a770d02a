using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Signatures.Managed;
using Pkcs10.Tests.Requests;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>Ed25519 verification allocates nothing once warm (stack scratch, pooled hash input for long messages).</summary>
public sealed class EdDsaAllocationTests
{
    private const int Calls = 50;

    private static long AllocatedBy(Action action)
    {
        for (int i = 0; i < 5; i++)
        {
            action();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(150)]     // fits the 256-byte stack buffer with R and A
    [InlineData(5000)]    // pooled buffer
    public void Ed25519Verify_AllocatesNothing(int messageLength)
    {
        EdDsaReference curve = EdDsaReference.Ed25519;
        byte[] secretKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        byte[] message = Enumerable.Range(0, messageLength).Select(i => (byte)i).ToArray();
        byte[] publicKey = curve.PublicKey(secretKey);
        byte[] signature = curve.Sign(secretKey, message);
        var key = EdDsaTestKeys.Spki(publicKey);
        SignatureAlgorithmIdentifier algorithm = EdDsaTestKeys.Ed25519Algorithm;
        bool ok = true;

        long direct = AllocatedBy(() => ok &= Ed25519.Verify(publicKey, message, signature));
        long entry = AllocatedBy(() => ok &= SignatureVerifier.Verify(algorithm, key, message, signature) == SignatureStatus.Valid);

        Assert.True(ok);
        Assert.Equal(0, direct);
        Assert.Equal(0, entry);
    }

    [Fact]
    public void Ed25519Request_CheckSignature_AllocatesNothing()
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer("ed25519"));
        bool ok = true;
        Assert.Equal(0, AllocatedBy(() => ok &= request.CheckSignature() == SignatureStatus.Valid));
        Assert.True(ok);
    }

    [Fact]
    public void Ed448Verify_WithManagedShake256_AllocatesNothing()
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer("ed448"));
        byte[] key = request.PublicKey.PublicKey.ToArray(), info = request.RawInfo.ToArray(), signature = request.Signature.ToArray();
        bool ok = true;
        Assert.Equal(0, AllocatedBy(() => ok &= Ed448.Verify(key, info, signature, useBclShake256: false)));
        Assert.True(ok);
    }
}
