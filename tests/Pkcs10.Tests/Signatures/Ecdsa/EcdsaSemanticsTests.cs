using System.Formats.Asn1;
using System.Security.Cryptography;
using Pkcs10.Keys;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Signatures.Managed;
using Pkcs10.Tests.Requests;

namespace Pkcs10.Tests.Signatures.Ecdsa;

/// <summary>
/// The managed ECDSA engine's documented edges: compressed keys (the one divergence from the platform engine),
/// curves without managed code (the BCL on both engines), exact IEEE P1363 lengths, and no allocation.
/// </summary>
public sealed class EcdsaSemanticsTests
{
    public static TheoryData<string> Curves => new("P-256", "P-384", "P-521");

    private static ECCurve Named(string name) => name switch
    {
        "P-256" => ECCurve.NamedCurves.nistP256,
        "P-384" => ECCurve.NamedCurves.nistP384,
        _ => ECCurve.NamedCurves.nistP521,
    };

    private static string CurveOid(string name) => name switch
    {
        "P-256" => "1.2.840.10045.3.1.7",
        "P-384" => "1.3.132.0.34",
        _ => "1.3.132.0.35",
    };

    [Theory, MemberData(nameof(Curves))]
    public void CompressedKey_ManagedDecompresses_PlatformCannotImport(string curve)
    {
        using ECDsa ec = ECDsa.Create(Named(curve));
        ECParameters p = ec.ExportParameters(false);
        byte[] compressed = [(byte)(0x02 | (p.Q.Y![^1] & 1)), .. p.Q.X!];
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.2.840.10045.2.1");
                w.WriteObjectIdentifier(CurveOid(curve));
            }

            w.WriteBitString(compressed);
        }

        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.Decode(w.Encode());
        byte[] message = [1, 2, 3, 4];
        byte[] signature = ec.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        SignatureAlgorithmIdentifier algorithm = SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA256);

        Assert.Equal(SignatureStatus.Valid, SignatureVerifier.Verify(algorithm, key, message, signature, VerificationEngine.Managed));
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(algorithm, key, [1, 2, 3, 5], signature, VerificationEngine.Managed));
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(algorithm, key, message, signature, VerificationEngine.Platform));

        // The other parity names the other point (x, -y): the signature does not verify under it.
        compressed[0] ^= 1;
        var other = new AsnWriter(AsnEncodingRules.DER);
        using (other.PushSequence())
        {
            using (other.PushSequence())
            {
                other.WriteObjectIdentifier("1.2.840.10045.2.1");
                other.WriteObjectIdentifier(CurveOid(curve));
            }

            other.WriteBitString(compressed);
        }

        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(algorithm, SubjectPublicKeyInfo.Decode(other.Encode()), message, signature, VerificationEngine.Managed));
    }

    [Fact]
    public void OtherCurves_UseThePlatformOnBothEngines()
    {
        ECDsa ec;
        try
        {
            ec = ECDsa.Create(ECCurve.CreateFromValue("1.3.132.0.10")); // secp256k1
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            Assert.Skip("the platform has no secp256k1");
            return;
        }

        using (ec)
        {
            Assert.Null(NistCurves.Find(SubjectPublicKeyInfo.Decode(ec.ExportSubjectPublicKeyInfo()).RawCurveOid.Span));
            SubjectPublicKeyInfo key = SubjectPublicKeyInfo.Decode(ec.ExportSubjectPublicKeyInfo());
            byte[] message = [9, 8, 7];
            byte[] signature = ec.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            SignatureAlgorithmIdentifier algorithm = SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA256);
            foreach (VerificationEngine engine in new[] { VerificationEngine.Managed, VerificationEngine.Platform })
            {
                Assert.Equal(SignatureStatus.Valid, SignatureVerifier.Verify(algorithm, key, message, signature, engine));
                Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(algorithm, key, [9, 8, 6], signature, engine));
            }
        }
    }

    [Theory, MemberData(nameof(Curves))]
    public void P1363_OnlyTheExactLength(string curve)
    {
        using ECDsa ec = ECDsa.Create(Named(curve));
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.Decode(ec.ExportSubjectPublicKeyInfo());
        WeierstrassCurve managed = NistCurves.Find(key.RawCurveOid.Span)!;
        byte[] hash = SHA256.HashData([5, 5, 5]);
        byte[] signature = ec.SignHash(hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        int half = signature.Length / 2;
        Assert.Equal(2 * ((managed.OrderBits + 7) / 8), signature.Length);

        Assert.True(ManagedEcdsa.VerifyP1363(managed, key.EcPoint.Span, hash, signature));
        Assert.False(ManagedEcdsa.VerifyP1363(managed, key.EcPoint.Span, hash, [0, .. signature[..half], 0, .. signature[half..]]));
        Assert.False(ManagedEcdsa.VerifyP1363(managed, key.EcPoint.Span, hash, signature.AsSpan(1)));
        Assert.False(ManagedEcdsa.VerifyP1363(managed, key.EcPoint.Span, hash, [.. signature, 0]));
        Assert.False(ManagedEcdsa.VerifyP1363(managed, key.EcPoint.Span, hash, []));

        // The same r and s, as unsigned integers of any width, verify through the core.
        Assert.True(ManagedEcdsa.Verify(managed, key.EcPoint.Span, hash, [0, 0, .. signature[..half]], signature.AsSpan(half)));
    }

    [Theory]
    [InlineData("p256-sha256")]
    [InlineData("p384-sha384")]
    [InlineData("p521-sha512")]
    public void ManagedEcdsa_AllocatesNothing(string id)
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));
        bool ok = true;
        for (int i = 0; i < 5; i++)
        {
            ok &= request.CheckSignature() == SignatureStatus.Valid;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            ok &= request.CheckSignature() == SignatureStatus.Valid;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(ok);
    }
}
