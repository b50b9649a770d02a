using System.Formats.Asn1;
using Pkcs10.Keys;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>
/// Ed25519 and Ed448 requests are built through the caller-provided signer (the package has no EdDSA signer):
/// here the test-only reference signer plays the HSM, and the request must come back verified.
/// </summary>
public class EdDsaRequestBuildingTests
{
    [Theory]
    [InlineData("1.3.101.112", SignatureKind.Ed25519, 32)]
    [InlineData("1.3.101.113", SignatureKind.Ed448, 57)]
    public void RequestSignedByACallback_IsVerified_AndTamperingIsCaught(string oid, SignatureKind kind, int keyLength)
    {
        EdDsaReference reference = kind == SignatureKind.Ed25519 ? EdDsaReference.Ed25519 : EdDsaReference.Ed448;
        byte[] secret = new byte[keyLength];
        System.Security.Cryptography.RandomNumberGenerator.Fill(secret);
        byte[] publicKey = reference.PublicKey(secret);

        var spki = new AsnWriter(AsnEncodingRules.DER);
        using (spki.PushSequence())
        {
            using (spki.PushSequence())
            {
                spki.WriteObjectIdentifier(oid);
            }

            spki.WriteBitString(publicKey);
        }

        int calls = 0;
        Signer signer = Signer.Create(SubjectPublicKeyInfo.Decode(spki.Encode()), SignatureAlgorithmIdentifier.Create(kind), (data, algorithm) =>
        {
            calls++;
            Assert.Equal(kind, algorithm.Kind);
            return reference.Sign(secret, data.ToArray());
        });

        CertificationRequest request = new CertificationRequestBuilder().SetSubject("CN=edwards-device,O=Acme").AddKeyUsage(Pkcs10.Extensions.KeyUsageFlags.DigitalSignature).Sign(signer);

        Assert.Equal(1, calls);
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.Null(request.SignatureAlgorithm.RawParameters);
        Assert.Equal(kind == SignatureKind.Ed25519 ? "Ed25519" : "Ed448", request.PublicKey.AlgorithmName);

        // A signature made over other bytes is refused by the builder, not returned.
        Signer wrong = Signer.Create(request.PublicKey, SignatureAlgorithmIdentifier.Create(kind), (data, _) => reference.Sign(secret, [.. data.ToArray(), 0]));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => new CertificationRequestBuilder().SetSubject("CN=x").Sign(wrong));
    }
}
