using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pkcs10.Extensions;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Tests.Extensions;
using Pkcs10.Tests.Names;

namespace Pkcs10.Tests.Requests;

/// <summary>A generated request: subject, SANs, key usage, extended key usage, basic constraints and the key to sign with.</summary>
public sealed record GeneratedRequest(GeneratedName Subject, SanList? Sans, int KeyUsageBits, string[] Ekus, bool? CertificateAuthority, string KeyKind)
{
    public override string ToString() =>
        $"{KeyKind}; subject {Subject}; SANs [{Sans}]; KU 0x{KeyUsageBits:X}; EKU [{string.Join(",", Ekus)}]; CA {CertificateAuthority?.ToString() ?? "-"}";
}

public static class GeneratedRequestArbitraries
{
    private static readonly string[] s_purposes =
        [KeyPurposes.ServerAuth, KeyPurposes.ClientAuth, KeyPurposes.CodeSigning, KeyPurposes.EmailProtection, "1.3.6.1.4.1.99999.42", "2.25.329800735698586629295641978511506172918"];

    public static Arbitrary<GeneratedRequest> Requests() => Arb.From(
        from subject in NameArbitraries.Names().Generator
        from hasSans in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from sans in SanArbitraries.Lists().Generator
        from ku in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 0x1FF)))
        from ekuCount in Gen.Choose(0, 3)
        from ekus in Gen.Shuffle(s_purposes)
        from ca in Gen.Elements<bool?>(null, false, true)
        from key in Gen.Elements("rsa-pkcs1", "rsa-pss", "p256", "p384")
        select new GeneratedRequest(subject, hasSans ? sans : null, ku, [.. ekus.Take(ekuCount)], ca, key));
}

public class BuilderPropertyTests
{
    private static readonly Lazy<RSA> s_rsa = new(() => RSA.Create(2048));
    private static readonly Lazy<ECDsa> s_p256 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));
    private static readonly Lazy<ECDsa> s_p384 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP384));

    [Property(Arbitrary = [typeof(GeneratedRequestArbitraries)], MaxTest = 150)]
    public void GeneratedRequests_RoundTripByteExactly_AndTheBclReadsTheSameValues(GeneratedRequest spec)
    {
        Pkcs10.Names.DistinguishedName subject = spec.Subject.Build();
        var builder = new CertificationRequestBuilder(subject);
        if (spec.Sans is not null)
        {
            builder.AddExtension(spec.Sans.Build().BuildSubjectAltName(critical: subject.IsEmpty));
        }

        if (spec.KeyUsageBits != 0)
        {
            builder.AddKeyUsage((KeyUsageFlags)spec.KeyUsageBits);
        }

        if (spec.Ekus.Length > 0)
        {
            builder.AddExtendedKeyUsage(spec.Ekus);
        }

        if (spec.CertificateAuthority is bool ca)
        {
            builder.AddBasicConstraints(ca, ca ? 0 : null);
        }

        Signer signer = spec.KeyKind switch
        {
            "rsa-pkcs1" => Signer.Create(s_rsa.Value),
            "rsa-pss" => Signer.Create(s_rsa.Value, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            "p256" => Signer.Create(s_p256.Value),
            _ => Signer.Create(s_p384.Value),
        };

        CertificationRequest request = builder.Sign(signer);
        byte[] der = request.RawData.ToArray();

        // Byte-exact round trips, and the decoded model is what was built.
        CertificationRequest again = CertificationRequest.Decode(der);
        Assert.Empty(again.Findings);
        Assert.Equal(der, again.Encode());
        Assert.True(again.VerifySignature());
        Assert.Equal(subject.RawData.ToArray(), again.Subject.RawData.ToArray());
        Assert.Equal(spec.Sans?.Entries.Select(e => e.Expected), again.SubjectAlternativeNames?.Select(n => n.ToString()));
        Assert.Equal(spec.KeyUsageBits == 0 ? null : (KeyUsageFlags)spec.KeyUsageBits, again.KeyUsage);
        Assert.Equal(spec.Ekus.Length == 0 ? null : spec.Ekus, again.ExtendedKeyUsage);
        Assert.Equal(spec.CertificateAuthority is bool c ? new BasicConstraints(c, c ? 0 : null) : null, again.BasicConstraints);

        // The BCL loads it with the signature checked, with the same subject bytes and extension values.
        CertificateRequest bcl = CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256,
            CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions, spec.KeyKind == "rsa-pss" ? RSASignaturePadding.Pss : null);
        Assert.Equal(subject.RawData.ToArray(), bcl.SubjectName.RawData);
        Assert.Equal(again.Extensions.Select(e => (e.Oid, e.Critical, Convert.ToHexString(e.Value.Span))),
            bcl.CertificateExtensions.Select(e => (e.Oid!.Value!, e.Critical, Convert.ToHexString(e.RawData))));
        if (bcl.CertificateExtensions.OfType<X509SubjectAlternativeNameExtension>().SingleOrDefault() is { } bclSan)
        {
            Assert.Equal(spec.Sans!.Entries.Where(e => e.Kind == "dns").Select(e => e.Expected[4..]), bclSan.EnumerateDnsNames());
        }
    }
}
