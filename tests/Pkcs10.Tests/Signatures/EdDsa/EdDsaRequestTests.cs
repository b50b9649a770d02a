using System.Formats.Asn1;
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

    [Theory]
    [InlineData("ed25519")]
    [InlineData("ed448")]
    public void SignatureAlgorithmWithParameters_IsRejected_StrictAndLenient(string id)
    {
        // RFC 8410 §3: for id-Ed25519 / id-Ed448 the parameters MUST be absent. Rebuild the request with NULL
        // parameters in its signatureAlgorithm (the signed info is unchanged).
        byte[] der = RequestTestFiles.OpensslDer(id);
        AsnReader outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        ReadOnlyMemory<byte> info = outer.ReadEncodedValue();
        AsnReader algorithm = outer.ReadSequence();
        string oid = algorithm.ReadObjectIdentifier();
        byte[] signature = outer.ReadBitString(out _);
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteEncodedValue(info.Span);
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(oid);
                w.WriteNull();
            }

            w.WriteBitString(signature);
        }

        byte[] withNull = w.Encode();
        foreach (CertificationRequestDecoderOptions options in new[] { CertificationRequestDecoderOptions.Strict, CertificationRequestDecoderOptions.Lenient })
        {
            Assert.Equal(Pkcs10ErrorCode.InvalidAlgorithmParameters, Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(withNull, options)).Code);
        }
    }
}
