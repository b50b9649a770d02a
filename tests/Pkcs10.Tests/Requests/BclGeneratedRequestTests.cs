using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pkcs10.Extensions;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Requests;

/// <summary>What <see cref="BclGeneratedRequestTests"/> asks the BCL's <see cref="CertificateRequest"/> to build.</summary>
public sealed record BclRequestSpec(
    string KeyKind, string Hash, string CommonName, string? Organization, string? Country, string[] DnsNames,
    int KeyUsageBits, string[] Ekus, bool? CertificateAuthority, int? PathLength, string? ChallengePassword)
{
    public override string ToString() =>
        $"{KeyKind}/{Hash} CN='{CommonName}' O='{Organization}' C={Country} dns=[{string.Join(",", DnsNames)}] ku={KeyUsageBits:X} " +
        $"eku=[{string.Join(",", Ekus)}] ca={CertificateAuthority} pathlen={PathLength} challenge='{ChallengePassword}'";
}

/// <summary>Generators for <see cref="BclGeneratedRequestTests"/>.</summary>
public static class BclRequestArbitraries
{
    private static readonly string[] s_pieces = ["a", "Z", "0", " ", "-", ".", ",", "+", "\"", "\\", "<", ">", ";", "#", "=", "é", "東", "☃", "😀", "_", "*"];

    public static Arbitrary<BclRequestSpec> Spec()
    {
        Gen<string> text = Gen.Choose(1, 12).SelectMany(n => Gen.Elements(s_pieces).ArrayOf(n)).Select(string.Concat);
        Gen<string> label = Gen.Choose(1, 8).SelectMany(n => Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()).ArrayOf(n)).Select(c => new string(c));
        Gen<string> dns = Gen.Choose(1, 3).SelectMany(n => label.ArrayOf(n)).Select(l => string.Join(".", l));

        Gen<BclRequestSpec> spec =
            from key in Gen.Elements("EC-P256", "EC-P384", "RSA", "RSA-PSS")
            from hash in Gen.Elements("SHA256", "SHA384", "SHA512")
            from cn in text
            from o in Gen.OrNull(text)
            from c in Gen.Elements<string?>(null, "US", "DE")
            from dnsNames in Gen.Choose(0, 3).SelectMany(n => dns.ArrayOf(n))
            from ku in Gen.Choose(0, 0x1FF)
            from ekus in Gen.SubListOf("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", "1.3.6.1.4.1.99999.7").Select(l => l.ToArray())
            from ca in Gen.Elements<bool?>(null, false, true)
            from pathLen in Gen.Elements<int?>(null, 0, 3, 1000)
            from challenge in Gen.OrNull(text)
            select new BclRequestSpec(key, hash, cn, o, c, dnsNames, ku, ekus, ca, ca == true ? pathLen : null, challenge);
        return spec.ToArbitrary();
    }
}

/// <summary>
/// Differential tests over requests the BCL's <see cref="CertificateRequest"/> builds and signs: they decode
/// strictly, re-encode byte for byte, verify, and every value reads back as the BCL wrote it. Also builds the
/// lenient-mode inputs that need a real signature.
/// </summary>
public sealed class BclGeneratedRequestTests
{
    private static readonly Lazy<ECDsa> s_p256 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));
    private static readonly Lazy<ECDsa> s_p384 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP384));
    private static readonly Lazy<RSA> s_rsa = new(() => RSA.Create(2048));

    [Property(Arbitrary = [typeof(BclRequestArbitraries)], MaxTest = 100)]
    public void BclMadeRequest_DecodesStrictly_AndAgreesWithTheBcl(BclRequestSpec spec)
    {
        (byte[] der, X500DistinguishedName subject) = Build(spec);
        CertificationRequest request = CertificationRequest.Decode(der);

        Assert.Empty(request.Findings);
        Assert.Equal(der, request.Encode());
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.True(request.VerifySignature());
        Assert.Equal(spec.KeyKind switch { "RSA" => SignatureKind.RsaPkcs1, "RSA-PSS" => SignatureKind.RsaPss, _ => SignatureKind.Ecdsa }, request.SignatureAlgorithm.Kind);
        Assert.Equal(spec.Hash, request.SignatureAlgorithm.Hash?.Name);

        // Subject values, in DER order.
        Assert.Equal(subject.RawData, request.Subject.RawData.ToArray());
        Assert.Equal(
            subject.EnumerateRelativeDistinguishedNames(reversed: false).Select(r => (r.GetSingleElementType().Value, r.GetSingleElementValue())),
            request.Subject.Rdns.Select(r => ((string?)Assert.Single(r.Attributes).Oid, r.Attributes[0].Value)));
        AttributeTypeAndValue cn = request.Subject.Rdns.SelectMany(r => r.Attributes).Single(a => a.ShortName == "CN");
        Assert.Equal(spec.CommonName, cn.Value);

        // Requested extensions.
        Assert.Equal(spec.DnsNames.Length == 0 ? null : spec.DnsNames, request.SubjectAlternativeNames?.Select(n => n.Value).ToArray());
        Assert.Equal(spec.KeyUsageBits == 0 ? null : (KeyUsageFlags)spec.KeyUsageBits, request.KeyUsage);
        Assert.Equal(spec.Ekus.Length == 0 ? null : spec.Ekus, request.ExtendedKeyUsage?.ToArray());
        Assert.Equal(spec.CertificateAuthority is null ? null : new BasicConstraints(spec.CertificateAuthority.Value, spec.PathLength), request.BasicConstraints);
        Assert.Equal(spec.ChallengePassword, request.ChallengePassword);
    }

    [Theory]
    [InlineData("explicit cA FALSE", "3003010100", Pkcs10ErrorCode.DefaultValueEncoded, false)]
    [InlineData("BER TRUE (0x01)", "3003010101", Pkcs10ErrorCode.InvalidBoolean, true)]
    public void LenientBasicConstraints_TheViewAgreesWithTheFinding(string why, string valueHex, Pkcs10ErrorCode finding, bool ca)
    {
        _ = why;
        var request = new CertificateRequest("CN=lenient", s_p256.Value, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509Extension("2.5.29.19", Convert.FromHexString(valueHex), critical: true));
        byte[] der = request.CreateSigningRequest();

        Assert.Equal(finding, Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der)).Code);
        CertificationRequest lenient = CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient);
        Assert.Equal(finding, Assert.Single(lenient.Findings).Code);
        Assert.Equal(SignatureStatus.Valid, lenient.CheckSignature());

        // Lenient decoding accepted this value, so its typed view must read it rather than throw.
        Assert.Equal(new BasicConstraints(ca, null), lenient.BasicConstraints);
    }

    [Fact]
    public void LenientChallengePassword_NotADirectoryString_IsShownAsHex()
    {
        var request = new CertificateRequest("CN=lenient", s_p256.Value, HashAlgorithmName.SHA256);
        request.OtherRequestAttributes.Add(new AsnEncodedData("1.2.840.113549.1.9.7", Convert.FromHexString("020101")));
        byte[] der = request.CreateSigningRequest();

        Assert.Equal(Pkcs10ErrorCode.InvalidAttribute, Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der)).Code);
        CertificationRequest lenient = CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient);
        Assert.Equal("#020101", lenient.ChallengePassword);
        Assert.Equal(SignatureStatus.Valid, lenient.CheckSignature());
    }

    [Fact]
    public void MissingAttributesField_IsALenientFinding()
    {
        // RFC 2986 §4.1: attributes [0] is not OPTIONAL. Build the info without it and sign it.
        ECDsa key = s_p256.Value;
        var info = new AsnWriter(AsnEncodingRules.DER);
        using (info.PushSequence())
        {
            info.WriteInteger(0);
            info.WriteEncodedValue(new X500DistinguishedName("CN=no attributes").RawData);
            info.WriteEncodedValue(key.ExportSubjectPublicKeyInfo());
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
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der));
        Assert.Equal(Pkcs10ErrorCode.UnexpectedTag, e.Code);
        CertificationRequest lenient = CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient);
        Assert.False(lenient.HasAttributesField);
        Assert.Equal(Pkcs10ErrorCode.UnexpectedTag, Assert.Single(lenient.Findings).Code);
        Assert.Equal(SignatureStatus.Valid, lenient.CheckSignature());
    }

    private static (byte[] Der, X500DistinguishedName Subject) Build(BclRequestSpec spec)
    {
        var names = new X500DistinguishedNameBuilder();
        if (spec.Country is not null)
        {
            names.AddCountryOrRegion(spec.Country);
        }

        if (spec.Organization is not null)
        {
            names.AddOrganizationName(spec.Organization);
        }

        names.AddCommonName(spec.CommonName);
        X500DistinguishedName subject = names.Build();
        var hash = new HashAlgorithmName(spec.Hash);
        CertificateRequest request = spec.KeyKind switch
        {
            "EC-P256" => new CertificateRequest(subject, s_p256.Value, hash),
            "EC-P384" => new CertificateRequest(subject, s_p384.Value, hash),
            "RSA" => new CertificateRequest(subject, s_rsa.Value, hash, RSASignaturePadding.Pkcs1),
            _ => new CertificateRequest(subject, s_rsa.Value, hash, RSASignaturePadding.Pss),
        };

        if (spec.DnsNames.Length > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (string dns in spec.DnsNames)
            {
                san.AddDnsName(dns);
            }

            request.CertificateExtensions.Add(san.Build());
        }

        if (spec.KeyUsageBits != 0)
        {
            // Named-bit BIT STRING, DER-minimal (X.690 §11.2.2), written directly so every bit pattern is possible.
            var w = new AsnWriter(AsnEncodingRules.DER);
            byte[] bits = [(byte)ReverseBits(spec.KeyUsageBits & 0xFF), (byte)ReverseBits((spec.KeyUsageBits >> 8) & 0x01)];
            int length = bits[1] != 0 ? 2 : 1;
            int unused = System.Numerics.BitOperations.TrailingZeroCount(bits[length - 1] | 0x100);
            w.WriteBitString(bits.AsSpan(0, length), unused);
            request.CertificateExtensions.Add(new X509Extension("2.5.29.15", w.Encode(), critical: true));
        }

        if (spec.Ekus.Length > 0)
        {
            var oids = new OidCollection();
            foreach (string eku in spec.Ekus)
            {
                oids.Add(new Oid(eku));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        }

        if (spec.CertificateAuthority is bool ca)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, spec.PathLength is not null, spec.PathLength ?? 0, critical: true));
        }

        if (spec.ChallengePassword is not null)
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            w.WriteCharacterString(UniversalTagNumber.UTF8String, spec.ChallengePassword);
            request.OtherRequestAttributes.Add(new AsnEncodedData("1.2.840.113549.1.9.7", w.Encode()));
        }

        return (request.CreateSigningRequest(), subject);
    }

    private static int ReverseBits(int b)
    {
        int r = 0;
        for (int i = 0; i < 8; i++)
        {
            r = (r << 1) | ((b >> i) & 1);
        }

        return r;
    }
}
