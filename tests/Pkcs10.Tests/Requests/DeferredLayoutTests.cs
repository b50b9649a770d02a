using System.Formats.Asn1;
using System.Security.Cryptography;
using Pkcs10.Keys;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Requests;

/// <summary>
/// A decoded request keeps only the extent of its public key and signature algorithm and reads their layouts again
/// when first asked for. The second reading must give what a reading of those bytes on their own gives, and must
/// neither throw nor add findings for what a lenient decode already accepted.
/// </summary>
public sealed class DeferredLayoutTests
{
    public static TheoryData<string> StrictIds => new(RequestTestFiles.OpensslStrictIds);

    [Theory, MemberData(nameof(StrictIds))]
    public void KeyAndAlgorithm_AreWhatTheirOwnBytesDecodeTo(string id)
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));

        SubjectPublicKeyInfo key = request.PublicKey;
        SubjectPublicKeyInfo alone = SubjectPublicKeyInfo.Decode(key.RawData.ToArray());
        Assert.Equal(alone.Algorithm, key.Algorithm);
        Assert.Equal(alone.KeySize, key.KeySize);
        Assert.Equal(alone.AlgorithmOid, key.AlgorithmOid);
        Assert.Equal(alone.PublicKey.ToArray(), key.PublicKey.ToArray());
        Assert.Equal(alone.RawParameters?.ToArray(), key.RawParameters?.ToArray());

        SignatureAlgorithmIdentifier algorithm = request.SignatureAlgorithm;
        SignatureAlgorithmIdentifier algorithmAlone = SignatureAlgorithmIdentifier.Decode(algorithm.RawData.ToArray());
        Assert.Equal(algorithmAlone.Kind, algorithm.Kind);
        Assert.Equal(algorithmAlone.Hash, algorithm.Hash);
        Assert.Equal(algorithmAlone.Name, algorithm.Name);
        Assert.Equal(algorithmAlone.Oid, algorithm.Oid);

        // The extents are the ones in the request (the same array): the key right after the subject, the algorithm
        // right after the info.
        Assert.Equal(Offset(request.Subject.RawData) + request.Subject.RawData.Length, Offset(key.RawData));
        Assert.Equal(Offset(request.RawInfo) + request.RawInfo.Length, Offset(algorithm.RawData));
    }

    [Fact]
    public void LenientDecode_AlgorithmWithoutNull_IsReadAgainWithoutNewFindings()
    {
        // sha256WithRSAEncryption whose parameters are absent instead of NULL (RFC 4055 §5: MUST be NULL); the
        // signature covers only the info, so it still verifies.
        CertificationRequest original = CertificationRequest.Decode(RequestTestFiles.OpensslDer(RsaSha256Id()));
        byte[] modified = WithoutAlgorithmNull(original);

        Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(modified));
        CertificationRequest lenient = CertificationRequest.Decode(modified, CertificationRequestDecoderOptions.Lenient);
        int findings = lenient.Findings.Count;
        Assert.True(findings >= 1);

        Assert.Equal(SignatureKind.RsaPkcs1, lenient.SignatureAlgorithm.Kind);
        Assert.Equal(HashAlgorithmName.SHA256, lenient.SignatureAlgorithm.Hash);
        Assert.Null(lenient.SignatureAlgorithm.RawParameters);
        Assert.Equal(original.PublicKey.RawData.ToArray(), lenient.PublicKey.RawData.ToArray());
        Assert.Equal(SignatureStatus.Valid, lenient.CheckSignature());
        Assert.Equal(findings, lenient.Findings.Count);
    }

    private static string RsaSha256Id() =>
        RequestTestFiles.OpensslStrictIds.First(id =>
        {
            CertificationRequest r = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));
            return r.SignatureAlgorithm.Kind == SignatureKind.RsaPkcs1 && r.SignatureAlgorithm.Hash == HashAlgorithmName.SHA256;
        });

    private static byte[] WithoutAlgorithmNull(CertificationRequest request)
    {
        var reader = new AsnReader(request.RawData, AsnEncodingRules.DER);
        AsnReader outer = reader.ReadSequence();
        ReadOnlyMemory<byte> info = outer.ReadEncodedValue();
        AsnReader algorithm = outer.ReadSequence();
        string oid = algorithm.ReadObjectIdentifier();
        ReadOnlyMemory<byte> signature = outer.ReadEncodedValue();

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(info.Span);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
            }

            writer.WriteEncodedValue(signature.Span);
        }

        return writer.Encode();
    }

    private static int Offset(ReadOnlyMemory<byte> slice)
    {
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(slice, out ArraySegment<byte> segment));
        return segment.Offset;
    }
}
