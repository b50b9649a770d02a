using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Tests.Requests;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>
/// The openssl Ed25519 and Ed448 requests (TestVectors/openssl, made by make.sh with <c>openssl req -new</c>) verify,
/// and no single-bit change to the signed CertificationRequestInfo or to the signature does.
/// </summary>
public sealed class EdDsaRequestTests
{
    [Theory]
    [InlineData("ed25519", SignatureKind.Ed25519)]
    [InlineData("ed448", SignatureKind.Ed448)]
    public void OpensslRequest_Verifies(string id, SignatureKind kind)
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));
        Assert.Equal(kind, request.SignatureAlgorithm.Kind);
        Assert.Null(request.SignatureAlgorithm.RawParameters);
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.True(request.VerifySignature());
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("ed448")]
    public void EveryBitFlip_InTheInfoOrTheSignature_IsInvalid(string id)
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));
        byte[] info = request.RawInfo.ToArray();
        byte[] signature = request.Signature.ToArray();
        int flips = 0;
        foreach (byte[] victim in new[] { info, signature })
        {
            for (int bit = 0; bit < victim.Length * 8; bit++)
            {
                victim[bit / 8] ^= (byte)(1 << (bit % 8));
                SignatureStatus status = SignatureVerifier.Verify(request.SignatureAlgorithm, request.PublicKey, info, signature);
                victim[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.True(status == SignatureStatus.Invalid, $"{id}: bit {bit} of the {(victim == info ? "info" : "signature")} flipped: {status}");
                flips++;
            }
        }

        Assert.Equal((info.Length + signature.Length) * 8, flips);
        Assert.Equal(SignatureStatus.Valid, SignatureVerifier.Verify(request.SignatureAlgorithm, request.PublicKey, info, signature));
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("ed448")]
    public void FlippedBitInTheEncodedRequest_DecodesButDoesNotVerify(string id)
    {
        // Through the whole request: the CN's first letter in the info, and the signature's last byte.
        foreach (bool inSignature in new[] { false, true })
        {
            byte[] der = RequestTestFiles.OpensslDer(id);
            int index = inSignature ? der.Length - 1 : der.AsSpan().IndexOf("pkcs10-test"u8);
            der[index] ^= 0x01;
            CertificationRequest tampered = CertificationRequest.Decode(der);
            Assert.Equal(SignatureStatus.Invalid, tampered.CheckSignature());
            Assert.False(tampered.VerifySignature());
        }
    }
}
