using System.Security.Cryptography;
using Pkcs10.Keys;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Signatures.Rsa;

/// <summary>The managed engine allocates nothing per verification once warm (stack scratch, pooled buffers).</summary>
public sealed class RsaAllocationTests
{
    [Theory]
    [InlineData("rsa2048", false)]
    [InlineData("rsa2048", true)]
    [InlineData("rsa4096", false)]
    [InlineData("rsa4096", true)]
    public void ManagedVerify_AllocatesNothing(string keyName, bool pss)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(RepoTestData.TestVectors($"openssl/{keyName}.key.pem")));
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.Decode(rsa.ExportSubjectPublicKeyInfo());
        SignatureAlgorithmIdentifier algorithm = pss
            ? SignatureAlgorithmIdentifier.CreateRsaPss(HashAlgorithmName.SHA256)
            : SignatureAlgorithmIdentifier.Create(SignatureKind.RsaPkcs1, HashAlgorithmName.SHA256);
        byte[] message = "allocation-free"u8.ToArray();
        byte[] signature = rsa.SignData(message, HashAlgorithmName.SHA256, pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        byte[] bad = (byte[])signature.Clone();
        bad[^1] ^= 1;

        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(SignatureStatus.Valid, SignatureVerifier.Verify(algorithm, key, message, signature, VerificationEngine.Managed));
            Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(algorithm, key, message, bad, VerificationEngine.Managed));
        }

        int valid = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            valid += SignatureVerifier.Verify(algorithm, key, message, signature, VerificationEngine.Managed) == SignatureStatus.Valid ? 1 : 0;
            valid += SignatureVerifier.Verify(algorithm, key, message, bad, VerificationEngine.Managed) == SignatureStatus.Valid ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100, valid);
        Assert.Equal(0, allocated);
    }
}
