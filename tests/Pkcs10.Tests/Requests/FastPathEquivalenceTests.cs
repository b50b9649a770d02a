using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Asn1;
using Asn1Tag = System.Formats.Asn1.Asn1Tag;
using TagClass = System.Formats.Asn1.TagClass;
using Pkcs10.Extensions;
using Pkcs10.Internal;
using Pkcs10.Keys;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Requests;

/// <summary>
/// The decoder matches the most common shapes (an RSA SubjectPublicKeyInfo, the six usual signature
/// AlgorithmIdentifiers, version 0) in one pass. Each fast path must agree with the element-by-element path
/// on every input: the same layout when valid, the same error code and offset otherwise. These tests compare
/// the two on every fixture and on every single-byte mutation, truncation and depth limit of it.
/// </summary>
public class FastPathEquivalenceTests
{
    private static readonly byte[] s_mutations = [0x00, 0x01, 0x7F, 0x80, 0x82, 0xFF];

    public static TheoryData<string> StrictIds => new(RequestTestFiles.OpensslStrictIds);

    [Theory, MemberData(nameof(StrictIds))]
    public void PublicKey_FastPathAgreesWithGeneralPath_OnEveryMutation(string id)
    {
        byte[] spki = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id)).PublicKey.RawData.ToArray();
        int fastAccepted = ForEachVariant(spki, CompareKey);

        // The original itself is always among the accepted variants.
        Assert.True(fastAccepted >= 1);
    }

    [Theory, MemberData(nameof(StrictIds))]
    public void SignatureAlgorithm_FastPathAgreesWithGeneralPath_OnEveryMutation(string id)
    {
        byte[] algorithm = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id)).SignatureAlgorithm.RawData.ToArray();
        int accepted = ForEachVariant(algorithm, CompareAlgorithm);
        Assert.True(accepted >= 1);
    }

    [Fact]
    public void RsaKeyOfEveryCommonSize_TakesTheFastPath()
    {
        foreach (int bits in new[] { 2048, 3072, 4096 })
        {
            using RSA rsa = RSA.Create(bits);
            byte[] spki = rsa.ExportSubjectPublicKeyInfo();
            var reader = new DerReader(spki);
            SubjectPublicKeyInfo.Layout layout = SubjectPublicKeyInfo.ReadLayout(ref reader, 0, DecodeContext.Strict);
            var general = new DerReader(spki);
            Assert.Equal(SubjectPublicKeyInfo.ReadLayoutGeneral(ref general, 0, DecodeContext.Strict), layout);
            Assert.Equal(bits, layout.KeySize);

            var key = new SubjectPublicKeyInfo(spki, layout);
            RSAParameters p = rsa.ExportParameters(false);
            Assert.Equal(p.Modulus, key.RsaModulus.ToArray());
            Assert.Equal(p.Exponent, key.RsaExponent.ToArray());
        }
    }

    [Theory]
    [InlineData("exponent 3 (one octet)", "03")]
    [InlineData("exponent 65537", "010001")]
    [InlineData("exponent with a sign octet (0x00 0x80 ...)", "0080000001")]
    [InlineData("non-minimal exponent (leading zero)", "00010001")]
    [InlineData("zero exponent", "00")]
    [InlineData("negative exponent", "81")]
    public void RsaExponentForms_AgreeWithGeneralPath(string why, string exponentHex)
    {
        _ = why;
        using RSA rsa = RSA.Create(2048);
        byte[] modulus = rsa.ExportParameters(false).Modulus!;
        var key = new AsnWriter(AsnEncodingRules.BER);
        using (key.PushSequence())
        {
            key.WriteInteger(new System.Numerics.BigInteger(modulus, isUnsigned: true, isBigEndian: true));
            key.WriteEncodedValue([0x02, (byte)(exponentHex.Length / 2), .. Convert.FromHexString(exponentHex)]);
        }

        var spki = new AsnWriter(AsnEncodingRules.DER);
        using (spki.PushSequence())
        {
            using (spki.PushSequence())
            {
                spki.WriteObjectIdentifier("1.2.840.113549.1.1.1");
                spki.WriteNull();
            }

            spki.WriteBitString(key.Encode());
        }

        CompareKey(spki.Encode(), DerReader.DefaultMaxDepth);
    }

    [Fact]
    public void Extensions_AreMadeOnceOnFirstRead_AndMatchTheDecodedBytes()
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(RequestTestFiles.OpensslStrictIds.First(id =>
            CertificationRequest.Decode(RequestTestFiles.OpensslDer(id)).Extensions.Count > 1)));

        IReadOnlyList<CertificateExtension> first = request.Extensions;
        Assert.Same(first, request.Extensions);
        Assert.Same(request.Subject, request.Subject);
        Assert.Same(request.PublicKey, request.PublicKey);
        Assert.Same(request.SignatureAlgorithm, request.SignatureAlgorithm);

        // The System.Formats.Asn1 view of the same extensionRequest.
        var reader = new AsnReader(request.RawData, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        reader.ReadInteger();
        reader.ReadEncodedValue();
        reader.ReadEncodedValue();
        AsnReader attributes = reader.ReadSetOf(new Asn1Tag(TagClass.ContextSpecific, 0));
        AsnReader? extensions = null;
        while (attributes.HasData)
        {
            AsnReader attribute = attributes.ReadSequence();
            if (attribute.ReadObjectIdentifier() == "1.2.840.113549.1.9.14")
            {
                extensions = attribute.ReadSetOf().ReadSequence();
            }
        }

        Assert.NotNull(extensions);
        var expected = new List<(string, bool, string)>();
        while (extensions.HasData)
        {
            AsnReader e = extensions.ReadSequence();
            string oid = e.ReadObjectIdentifier();
            bool critical = e.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && e.ReadBoolean();
            expected.Add((oid, critical, Convert.ToHexString(e.ReadOctetString())));
        }

        Assert.Equal(expected, first.Select(e => (e.Oid, e.Critical, Convert.ToHexString(e.Value.Span))));
    }

    [Fact]
    public void LenientBerCriticalFlag_IsMaterialisedAsCritical()
    {
        // An Extension whose critical BOOLEAN is the BER TRUE 0x01: strict decoding refuses it, lenient
        // decoding accepts it with a finding, and the extension made later must still say critical.
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var extensions = new AsnWriter(AsnEncodingRules.BER);
        using (extensions.PushSequence())
        {
            using (extensions.PushSequence())
            {
                extensions.WriteObjectIdentifier("2.5.29.15");
                extensions.WriteEncodedValue([0x01, 0x01, 0x01]);
                extensions.WriteOctetString([0x03, 0x02, 0x07, 0x80]);
            }
        }

        var info = new AsnWriter(AsnEncodingRules.DER);
        using (info.PushSequence())
        {
            info.WriteInteger(0);
            info.WriteEncodedValue(new X500DistinguishedName("CN=ber critical").RawData);
            info.WriteEncodedValue(key.ExportSubjectPublicKeyInfo());
            using (info.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                using (info.PushSequence())
                {
                    info.WriteObjectIdentifier("1.2.840.113549.1.9.14");
                    using (info.PushSetOf())
                    {
                        info.WriteEncodedValue(extensions.Encode());
                    }
                }
            }
        }

        byte[] infoDer = info.Encode();
        var csr = new AsnWriter(AsnEncodingRules.DER);
        using (csr.PushSequence())
        {
            csr.WriteEncodedValue(infoDer);
            using (csr.PushSequence())
            {
                csr.WriteObjectIdentifier("1.2.840.10045.4.3.2");
            }

            csr.WriteBitString(key.SignData(infoDer, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }

        byte[] der = csr.Encode();
        Assert.Equal(Pkcs10ErrorCode.InvalidBoolean, Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der)).Code);
        CertificationRequest lenient = CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient);
        Assert.Equal(Pkcs10ErrorCode.InvalidBoolean, Assert.Single(lenient.Findings).Code);
        CertificateExtension ku = Assert.Single(lenient.Extensions);
        Assert.True(ku.Critical);
        Assert.Equal(KeyUsageFlags.DigitalSignature, lenient.KeyUsage);
        Assert.True(lenient.VerifySignature());
    }

    // Runs the comparison on the input, every single-byte mutation, every truncation and one trailing byte;
    // returns how many variants were accepted.
    private static int ForEachVariant(byte[] original, Func<byte[], int, bool> compare)
    {
        // Depth limits on the original only: 1 and 2 stop the general path inside the structure.
        int accepted = compare(original, DerReader.DefaultMaxDepth) ? 1 : 0;
        foreach (int maxDepth in new[] { 1, 2, 3 })
        {
            compare(original, maxDepth);
        }

        for (int i = 0; i < original.Length; i++)
        {
            foreach (byte m in s_mutations)
            {
                if (original[i] == m)
                {
                    continue;
                }

                byte[] variant = (byte[])original.Clone();
                variant[i] = m;
                accepted += compare(variant, DerReader.DefaultMaxDepth) ? 1 : 0;
            }
        }

        for (int length = 0; length < original.Length; length++)
        {
            accepted += compare(original[..length], DerReader.DefaultMaxDepth) ? 1 : 0;
        }

        accepted += compare([.. original, 0x00], DerReader.DefaultMaxDepth) ? 1 : 0;
        return accepted;
    }

    private static bool CompareKey(byte[] data, int maxDepth)
    {
        bool accepted = false;
        foreach (bool lenient in new[] { false, true })
        {
            string fast = Outcome(data, maxDepth, lenient, general: false, key: true);
            string general = Outcome(data, maxDepth, lenient, general: true, key: true);
            Assert.Equal(general, fast);
            accepted |= !fast.StartsWith("error", StringComparison.Ordinal);
        }

        return accepted;
    }

    private static bool CompareAlgorithm(byte[] data, int maxDepth)
    {
        bool accepted = false;
        foreach (bool lenient in new[] { false, true })
        {
            string fast = Outcome(data, maxDepth, lenient, general: false, key: false);
            string general = Outcome(data, maxDepth, lenient, general: true, key: false);
            Assert.Equal(general, fast);
            accepted |= !fast.StartsWith("error", StringComparison.Ordinal);
        }

        return accepted;
    }

    private static string Outcome(byte[] data, int maxDepth, bool lenient, bool general, bool key)
    {
        DecodeContext context = lenient ? new DecodeContext(true) : DecodeContext.Strict;
        try
        {
            var reader = new DerReader(data, 0, maxDepth);
            string layout;
            if (key)
            {
                SubjectPublicKeyInfo.Layout l = general
                    ? SubjectPublicKeyInfo.ReadLayoutGeneral(ref reader, 0, context)
                    : SubjectPublicKeyInfo.ReadLayout(ref reader, 0, context);
                layout = l.ToString();
            }
            else
            {
                SignatureAlgorithmIdentifier.Layout l = general
                    ? SignatureAlgorithmIdentifier.ReadLayoutGeneral(ref reader, 0, context)
                    : SignatureAlgorithmIdentifier.ReadLayout(ref reader, 0, context);
                layout = l.ToString();
            }

            return $"{layout} next={reader.Offset} findings={string.Join(",", context.Findings.Select(f => $"{f.Code}@{f.Offset}"))}";
        }
        catch (Pkcs10Exception e)
        {
            return $"error {e.Code} at {e.Offset}";
        }
    }
}
