using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Issuance;
using Pkcs10.Linting;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using static Pkcs10.Tests.Issuance.IssuanceTestPki;

namespace Pkcs10.Tests.Issuance;

public class CertificateIssuerTests
{
    private const string BasicConstraintsLeaf = "2.5.29.19 critical 3000";
    private const string ServerAuth = "2.5.29.37 300A06082B06010505070301";
    private const string ClientAuth = "2.5.29.37 300A06082B06010505070302";

    // Every issued certificate: strict decode, BCL load, signature under the issuer, v3.
    private static Certificate Check(Certificate certificate, Certificate issuer)
    {
        Certificate decoded = Certificate.Decode(certificate.RawData.ToArray());
        Assert.Equal(3, decoded.Version);
        Assert.Equal(SignatureStatus.Valid, decoded.CheckSignature(issuer));
        Assert.Equal(issuer.Subject.RawData.ToArray(), decoded.Issuer.RawData.ToArray());
        using X509Certificate2 bcl = X509CertificateLoader.LoadCertificate(certificate.RawData.Span);
        Assert.Equal(certificate.SerialNumberHex, bcl.SerialNumber);
        return decoded;
    }

    [Theory, InlineData(true), InlineData(false)]
    public void TlsServer_CopiesDnsCnToSan_AndSetsKeyUsageByKeyType(bool rsa)
    {
        CertificateIssuer ca = IntermediateIssuer(rsa);
        CertificationRequest request = Request(Key(rsa, 2), "CN=www.example.com,OU=Web,O=Example,C=US");

        IssuanceResult result = ca.Issue(request, IssuanceProfile.TlsServer, Options);

        Certificate cert = Check(result.EnsureIssued(), ca.CaCertificate);
        Assert.Equal("CN=www.example.com,O=Example,C=US", cert.Subject.ToString());
        Assert.Equal(
            [
                BasicConstraintsLeaf,
                "2.5.29.15 critical " + (rsa ? "030205A0" : "03020780"),
                ServerAuth,
                "2.5.29.17 " + San(n => n.AddDnsName("www.example.com")),
                "2.5.29.14 " + Ski(cert),
                "2.5.29.35 " + Aki(ca.CaCertificate),
            ],
            Describe(cert));
        Assert.Equal(Now.AddMinutes(-5), cert.NotBefore);
        Assert.Equal(Now.AddMinutes(-5).AddDays(90).AddSeconds(-1), cert.NotAfter);
        Assert.Contains(result.Report.Decisions, d => d == new IssuanceDecision("subjectAltName", IssuanceAction.Added, "dns:www.example.com, copied from the subject CN"));
        Assert.Contains(result.Report.Decisions, d => d == new IssuanceDecision("subject", IssuanceAction.Dropped, "OU=Web: not an attribute the TlsServer profile keeps"));
    }

    [Fact]
    public void TlsServer_WritesCrlAndAiaLocations_AndHonoursTlsFeature()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        IssuanceProfile profile = IssuanceProfile.TlsServer with
        {
            CrlDistributionPoints = ["http://crl.example.com/inter.crl"],
            OcspResponders = ["http://ocsp.example.com"],
            CaIssuers = ["http://ca.example.com/inter.cer"],
        };
        CertificationRequest request = Request(Key(false, 2), "CN=api.example.com", b => b
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("api.example.com").AddIpAddress("192.0.2.7"))
            .AddExtension(IssuanceProfile.TlsFeatureOid, Convert.FromHexString("3003020105"))
            .AddExtension("1.2.3.4.5", Convert.FromHexString("0500")));

        IssuanceResult result = ca.Issue(request, profile, Options);

        Certificate cert = Check(result.EnsureIssued(), ca.CaCertificate);
        var crl = new AsnWriter(AsnEncodingRules.DER);
        using (crl.PushSequence())
        using (crl.PushSequence())
        using (crl.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
        using (crl.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
        {
            crl.WriteCharacterString(UniversalTagNumber.IA5String, "http://crl.example.com/inter.crl", new Asn1Tag(TagClass.ContextSpecific, 6));
        }

        var aia = new AsnWriter(AsnEncodingRules.DER);
        using (aia.PushSequence())
        {
            foreach ((string method, string url) in new[] { ("1.3.6.1.5.5.7.48.1", "http://ocsp.example.com"), ("1.3.6.1.5.5.7.48.2", "http://ca.example.com/inter.cer") })
            {
                using (aia.PushSequence())
                {
                    aia.WriteObjectIdentifier(method);
                    aia.WriteCharacterString(UniversalTagNumber.IA5String, url, new Asn1Tag(TagClass.ContextSpecific, 6));
                }
            }
        }

        Assert.Equal(
            [
                BasicConstraintsLeaf,
                "2.5.29.15 critical 03020780",
                ServerAuth,
                "2.5.29.17 " + San(n => n.AddDnsName("api.example.com").AddIpAddress("192.0.2.7")),
                "2.5.29.14 " + Ski(cert),
                "2.5.29.35 " + Aki(ca.CaCertificate),
                "2.5.29.31 " + Convert.ToHexString(crl.Encode()),
                "1.3.6.1.5.5.7.1.1 " + Convert.ToHexString(aia.Encode()),
                "1.3.6.1.5.5.7.1.24 3003020105",
            ],
            Describe(cert));
        Assert.Equal("http://crl.example.com/inter.crl", Assert.Single(Assert.Single(cert.CrlDistributionPoints!).FullName!).Value);
        Assert.Equal(new IssuanceDecision("subjectAltName", IssuanceAction.Taken, "dns:api.example.com, ip:192.0.2.7"), result.Report.Decisions.Single(d => d.Field == "subjectAltName"));
        Assert.Equal(new IssuanceDecision("1.2.3.4.5", IssuanceAction.Dropped, "not an extension the TlsServer profile honours"), result.Report.Decisions[^1]);
    }

    [Fact]
    public void TlsClient_KeepsEmailAndDropsOtherName()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: true);
        CertificationRequest request = Request(Key(true, 2), "CN=alice,O=Example,L=Paris,C=FR", b => b
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddEmailAddress("alice@example.com").AddUserPrincipalName("alice@corp.example.com")));

        IssuanceResult result = ca.Issue(request, IssuanceProfile.TlsClient, Options with { ValidityDays = 1000 });

        Certificate cert = Check(result.EnsureIssued(), ca.CaCertificate);
        Assert.Equal("CN=alice,O=Example,C=FR", cert.Subject.ToString());
        Assert.Equal(
            [
                BasicConstraintsLeaf,
                "2.5.29.15 critical 03020780",
                ClientAuth,
                "2.5.29.17 " + San(n => n.AddEmailAddress("alice@example.com")),
                "2.5.29.14 " + Ski(cert),
                "2.5.29.35 " + Aki(ca.CaCertificate),
            ],
            Describe(cert));
        Assert.Equal(Now.AddMinutes(-5).AddDays(398).AddSeconds(-1), cert.NotAfter);
        Assert.Equal(
            [
                new("subject", IssuanceAction.Dropped, "L=Paris: not an attribute the TlsClient profile keeps"),
                new("subject", IssuanceAction.Changed, "requested CN=alice,O=Example,L=Paris,C=FR; issued CN=alice,O=Example,C=FR"),
                new("validity", IssuanceAction.Changed, "1000 days asked; the TlsClient profile allows at most 398"),
            ],
            result.Report.Decisions.Take(3));
        Assert.Contains(new IssuanceDecision("subjectAltName", IssuanceAction.Dropped, "otherName:1.3.6.1.4.1.311.20.2.3:alice@corp.example.com: otherName entries are not allowed by the TlsClient profile"),
            result.Report.Decisions);
    }

    [Fact]
    public void Device_AllowsHardwareModuleNameAndUri()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        var hw = new AsnWriter(AsnEncodingRules.DER);
        using (hw.PushSequence())
        {
            hw.WriteObjectIdentifier("1.3.6.1.4.1.99999.1");
            hw.WriteOctetString([0x00, 0x42, 0x13, 0x37]);
        }

        byte[] hardwareModuleName = hw.Encode();
        CertificationRequest request = Request(Key(false, 2), "CN=sensor-0042,O=Example Devices", b => b
            .AddSubjectAlternativeNames(new GeneralNamesBuilder()
                .AddOtherName(IssuanceProfile.HardwareModuleNameOid, hardwareModuleName)
                .AddUri("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")
                .AddEmailAddress("ops@example.com"))
            .AddKeyUsage(KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyAgreement));

        IssuanceResult result = ca.Issue(request, IssuanceProfile.Device, Options);

        Certificate cert = Check(result.EnsureIssued(), ca.CaCertificate);
        Assert.Equal("CN=sensor-0042,O=Example Devices", cert.Subject.ToString());
        Assert.Equal(
            [
                BasicConstraintsLeaf,
                "2.5.29.15 critical 03020780",
                ClientAuth,
                "2.5.29.17 " + San(n => n.AddOtherName(IssuanceProfile.HardwareModuleNameOid, hardwareModuleName).AddUri("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")),
                "2.5.29.14 " + Ski(cert),
                "2.5.29.35 " + Aki(ca.CaCertificate),
            ],
            Describe(cert));
        // Ten years of the Device profile end at the intermediate's notAfter, five years away.
        Assert.Equal(ca.CaCertificate.NotAfter, cert.NotAfter);
        Assert.Contains(new IssuanceDecision("validity", IssuanceAction.Changed, "notAfter 2036-01-13T11:54:59Z capped to the CA certificate's notAfter 2031-01-15T11:54:59Z"),
            result.Report.Decisions);
        Assert.Contains(new IssuanceDecision("keyUsage", IssuanceAction.Changed, "requested critical, digitalSignature, keyAgreement; issued critical, digitalSignature"), result.Report.Decisions);
        Assert.Contains(new IssuanceDecision("subjectAltName", IssuanceAction.Dropped, "email:ops@example.com: email entries are not allowed by the Device profile"), result.Report.Decisions);
    }

    [Fact]
    public void CodeSigning_DeniesSubjectAltName()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: true);
        CertificationRequest request = Request(Key(true, 2), "CN=Example Code,OU=Build,O=Example,L=Berlin,ST=Berlin,C=DE", b => b
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddEmailAddress("build@example.com")));

        IssuanceResult result = ca.Issue(request, IssuanceProfile.CodeSigning, Options);

        Certificate cert = Check(result.EnsureIssued(), ca.CaCertificate);
        Assert.Equal("CN=Example Code,O=Example,L=Berlin,ST=Berlin,C=DE", cert.Subject.ToString());
        Assert.Equal(
            [
                BasicConstraintsLeaf,
                "2.5.29.15 critical 03020780",
                "2.5.29.37 300A06082B06010505070303",
                "2.5.29.14 " + Ski(cert),
                "2.5.29.35 " + Aki(ca.CaCertificate),
            ],
            Describe(cert));
        Assert.Contains(new IssuanceDecision("subjectAltName", IssuanceAction.Dropped, "the CodeSigning profile issues no subjectAltName"), result.Report.Decisions);
    }

    [Theory, InlineData(true), InlineData(false)]
    public void IntermediateCa_HasPathLengthAndCaKeyUsage(bool rsa)
    {
        Certificate root = Root(rsa);
        Certificate inter = Intermediate(rsa, pathLength: 0);

        Check(inter, root);
        Assert.Equal(
            [
                "2.5.29.19 critical 30060101FF020100",
                "2.5.29.15 critical 03020106",
                "2.5.29.14 " + Ski(inter),
                "2.5.29.35 " + Aki(root),
            ],
            Describe(inter));
        Assert.Equal(Now.AddMinutes(-5).AddDays(1826).AddSeconds(-1), inter.NotAfter);
    }

    [Theory, InlineData(true), InlineData(false)]
    public void RootCa_SelfSigned_IsAcceptedByTheBcl(bool rsa)
    {
        Certificate root = Root(rsa);

        Check(root, root);
        Assert.True(root.IsSelfIssued);
        Assert.Equal(
            [
                "2.5.29.19 critical 30030101FF",
                "2.5.29.15 critical 03020106",
                "2.5.29.14 " + Ski(root),
                "2.5.29.35 3016" + "8014" + Ski(root)[4..],
            ],
            Describe(root));
        using X509Certificate2 bcl = X509CertificateLoader.LoadCertificate(root.RawData.Span);
        X509BasicConstraintsExtension bc = Assert.IsType<X509BasicConstraintsExtension>(bcl.Extensions["2.5.29.19"]);
        Assert.True(bc.CertificateAuthority);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(bcl);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        Assert.True(chain.Build(bcl), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public async Task RootCa_FromItsOwnRequest_WithAnAsyncCallbackSigner()
    {
        var key = (ECDsa)Key(false, 0);
        CertificationRequest request = Request(key, "CN=Async Root,O=Pkcs10 Tests");
        int calls = 0;
        Signer hsm = Signer.Create(request.PublicKey, SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA384),
            (data, _, _) =>
            {
                calls++;
                return ValueTask.FromResult(key.SignData(data.Span, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
            },
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        IssuanceResult result = await CertificateIssuer.IssueSelfSignedAsync(request, hsm, IssuanceProfile.RootCa, Options, TestContext.Current.CancellationToken);

        Certificate root = Check(result.EnsureIssued(), result.Certificate!);
        Assert.Equal(1, calls);
        Assert.Equal("ecdsa-with-SHA384", root.SignatureAlgorithm.Name);
    }

    [Fact]
    public async Task EmptySubject_MakesSanCritical_WithIssueAsync()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        CertificationRequest request = new CertificationRequestBuilder().SetPublicKey(Key(false, 2))
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("empty.example.com"))
            .Sign(SignerFor(Key(false, 2)));

        IssuanceResult result = await ca.IssueAsync(request, IssuanceProfile.TlsServer, Options, TestContext.Current.CancellationToken);

        Certificate cert = Check(result.EnsureIssued(), ca.CaCertificate);
        Assert.True(cert.Subject.IsEmpty);
        Assert.Equal("2.5.29.17 critical " + San(n => n.AddDnsName("empty.example.com")), Describe(cert)[3]);
        Assert.Contains(new IssuanceDecision("subjectAltName", IssuanceAction.Taken, "critical, dns:empty.example.com"), result.Report.Decisions);
    }

    [Fact]
    public void CallerSubjectAndNames_ReplaceTheRequests()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        CertificationRequest request = Request(Key(false, 2), "CN=alice", b => b.AddSubjectAlternativeNames(new GeneralNamesBuilder().AddEmailAddress("alice@example.com")));
        IssuanceOptions options = Options with
        {
            Subject = DistinguishedName.Parse("CN=bob,O=Example"),
            SubjectAlternativeNames = new GeneralNamesBuilder().AddEmailAddress("bob@example.com"),
        };

        IssuanceResult result = ca.Issue(request, IssuanceProfile.TlsClient with { SubjectAltNamePolicy = SubjectAltNamePolicy.Override }, options);

        Certificate cert = Check(result.EnsureIssued(), ca.CaCertificate);
        Assert.Equal("CN=bob,O=Example", cert.Subject.ToString());
        Assert.Equal(["bob@example.com"], cert.SubjectAlternativeNames!.Select(n => n.Value));
        Assert.Equal(new IssuanceDecision("subject", IssuanceAction.Changed, "requested CN=alice; issued CN=bob,O=Example, given by the caller"), result.Report.Decisions[0]);
        Assert.Contains(new IssuanceDecision("subjectAltName", IssuanceAction.Changed, "requested email:alice@example.com; issued email:bob@example.com, given by the caller"),
            result.Report.Decisions);
        Assert.Throws<ArgumentException>(() => ca.Issue(request, IssuanceProfile.TlsClient with { SubjectAltNamePolicy = SubjectAltNamePolicy.Override }, Options));
    }

    [Fact]
    public void Report_IsExact_ForCaTrueExtraEkuAndOutOfDomainSan()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        IssuanceProfile profile = IssuanceProfile.TlsServer with { AllowedDomains = [new AllowedDomain("example.com", IncludeSubdomains: true)] };
        CertificationRequest request = Request(Key(false, 2), "CN=www.example.com", b => b
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("www.example.com").AddDnsName("evil.example.net"))
            .AddExtendedKeyUsage("serverAuth", "codeSigning")
            .AddBasicConstraints(certificateAuthority: true));

        IssuanceResult result = ca.Issue(request, profile, Options);

        Certificate cert = Check(result.EnsureIssued(), ca.CaCertificate);
        string ski = Convert.ToHexString(ExtensionEncoder.ComputeSubjectKeyIdentifier(cert.PublicKey));
        string aki = Convert.ToHexString(ca.CaCertificate.SubjectKeyIdentifier!.Value.Span);
        Assert.Equal(
            [
                new("subject", IssuanceAction.Taken, "CN=www.example.com"),
                new("basicConstraints", IssuanceAction.Dropped, "cA TRUE was requested; the TlsServer profile issues end-entity certificates"),
                new("basicConstraints", IssuanceAction.Changed, "requested critical, cA TRUE; issued critical, cA FALSE"),
                new("keyUsage", IssuanceAction.Added, "critical, digitalSignature"),
                new("extendedKeyUsage", IssuanceAction.Dropped, "codeSigning is not a purpose of the TlsServer profile"),
                new("extendedKeyUsage", IssuanceAction.Changed, "requested serverAuth, codeSigning; issued serverAuth"),
                new("subjectAltName", IssuanceAction.Dropped, "dns:evil.example.net: outside the TlsServer profile's allowed domains"),
                new("subjectAltName", IssuanceAction.Changed, "requested dns:www.example.com, dns:evil.example.net; issued dns:www.example.com"),
                new("subjectKeyIdentifier", IssuanceAction.Added, ski),
                new IssuanceDecision("authorityKeyIdentifier", IssuanceAction.Added, "keyIdentifier " + aki),
            ],
            result.Report.Decisions);
        Assert.Equal(["www.example.com"], cert.SubjectAlternativeNames!.Select(n => n.Value));
        Assert.Equal([KeyPurposes.ServerAuth], cert.ExtendedKeyUsage!);
        Assert.False(cert.BasicConstraints!.CertificateAuthority);
    }

    [Fact]
    public void OutOfDomainSan_IsRefused_WhenTheProfileSaysSo()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        IssuanceProfile profile = IssuanceProfile.TlsServer with
        {
            AllowedDomains = [new AllowedDomain("example.com", IncludeSubdomains: true)],
            DisallowedNames = DisallowedNameAction.Refuse,
        };
        CertificationRequest request = Request(Key(false, 2), "CN=www.example.com", b => b
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("www.example.com").AddDnsName("evil.example.net")));

        IssuanceResult result = ca.Issue(request, profile, Options);

        Assert.True(result.Refused);
        Assert.Null(result.Certificate);
        Assert.Equal([new IssuanceRefusal(IssuanceRefusalCode.NameOutsideAllowedDomains, "subjectAltName dns:evil.example.net: outside the TlsServer profile's allowed domains")],
            result.Refusals);
        IssuanceException e = Assert.Throws<IssuanceException>(() => result.EnsureIssued());
        Assert.Equal(result.Refusals, e.Refusals);
    }

    [Fact]
    public void Refuses_NonCaIssuer()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        Certificate leaf = ca.Issue(Request(Key(false, 2), "CN=leaf.example.com"), IssuanceProfile.TlsServer, Options).EnsureIssued();
        var fromLeaf = new CertificateIssuer(leaf, SignerFor(Key(false, 2)));

        IssuanceResult result = fromLeaf.Issue(Request(Key(false, 1), "CN=other.example.com"), IssuanceProfile.TlsServer, Options);

        Assert.True(result.Refused);
        Assert.Equal([IssuanceRefusalCode.IssuerNotCertificateAuthority, IssuanceRefusalCode.IssuerKeyUsage], result.Refusals.Select(r => r.Code));
    }

    [Fact]
    public void Refuses_ExpiredCa_AndCapsNotAfterToTheCa()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        CertificationRequest request = Request(Key(false, 2), "CN=device-1", b => b.AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("device-1.example.com")));

        IssuanceResult expired = ca.Issue(request, IssuanceProfile.TlsServer, new IssuanceOptions { Now = ca.CaCertificate.NotAfter.AddSeconds(1) });
        IssuanceResult capped = ca.Issue(request, IssuanceProfile.Device, new IssuanceOptions { Now = ca.CaCertificate.NotAfter.AddDays(-10) });

        Assert.Equal(IssuanceRefusalCode.IssuerNotValidAtTime, Assert.Single(expired.Refusals).Code);
        Assert.Equal(ca.CaCertificate.NotAfter, capped.EnsureIssued().NotAfter);
        Assert.Contains(capped.Report.Decisions, d => d.Field == "validity" && d.Action == IssuanceAction.Changed && d.Detail.Contains("capped to the CA certificate's notAfter", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_IntermediateBelowPathLengthZero_ButLowersLargerPathLengths()
    {
        CertificateIssuer zero = IntermediateIssuer(rsa: false, pathLength: 0);
        CertificateIssuer one = IntermediateIssuer(rsa: false, pathLength: 1);
        CertificationRequest request = Request(Key(false, 2), "CN=Sub CA,O=Pkcs10 Tests");

        IssuanceResult refused = zero.Issue(request, IssuanceProfile.IntermediateCa(null), Options);
        IssuanceResult lowered = one.Issue(request, IssuanceProfile.IntermediateCa(5), Options);
        IssuanceResult leaf = zero.Issue(Request(Key(false, 2), "CN=ok.example.com"), IssuanceProfile.TlsServer, Options);

        Assert.Equal(IssuanceRefusalCode.IssuerPathLength, Assert.Single(refused.Refusals).Code);
        Assert.Equal(0, lowered.EnsureIssued().BasicConstraints!.PathLengthConstraint);
        Assert.Contains(new IssuanceDecision("basicConstraints", IssuanceAction.Added, "critical, cA TRUE, pathLenConstraint 0; pathLenConstraint 5 lowered to 0 under the CA certificate's 1"),
            lowered.Report.Decisions);
        Assert.True(leaf.IsIssued);
    }

    [Fact]
    public void Refuses_BadRequestSignature()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: true);
        byte[] der = Request(Key(true, 2), "CN=www.example.com").RawData.ToArray();
        der[^1] ^= 0x01;

        IssuanceResult result = ca.Issue(CertificationRequest.Decode(der), IssuanceProfile.TlsServer, Options);

        Assert.True(result.Refused);
        Assert.Equal(IssuanceRefusalCode.RequestSignatureInvalid, Assert.Single(result.Refusals).Code);
    }

    [Fact]
    public void Refuses_WhatTheRequestPolicyRejects()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        IssuanceProfile profile = IssuanceProfile.TlsServer with { RequestPolicy = new RequestPolicy { AllowedCurves = new HashSet<string> { "P-384" } } };

        IssuanceResult result = ca.Issue(Request(Key(false, 2), "CN=www.example.com"), profile, Options);

        IssuanceRefusal refusal = Assert.Single(result.Refusals);
        Assert.Equal(IssuanceRefusalCode.RequestPolicyRejected, refusal.Code);
        Assert.Contains("P-256", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_NamesOutsideTheCasNameConstraints()
    {
        // An intermediate constrained to example.com (its request's nameConstraints honoured by the root's profile).
        var nc = new AsnWriter(AsnEncodingRules.DER);
        using (nc.PushSequence())
        using (nc.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
        using (nc.PushSequence())
        {
            nc.WriteCharacterString(UniversalTagNumber.IA5String, "example.com", new Asn1Tag(TagClass.ContextSpecific, 2));
        }

        CertificationRequest interRequest = Request(Key(false, 1), "CN=Constrained CA", b => b.AddExtension("2.5.29.30", nc.Encode(), critical: true));
        Certificate inter = RootIssuer(rsa: false).Issue(interRequest, IssuanceProfile.IntermediateCa(0) with { AllowedRequestedExtensions = ["2.5.29.30"] }, Options).EnsureIssued();
        Assert.NotNull(inter.NameConstraints);
        var ca = new CertificateIssuer(inter, SignerFor(Key(false, 1)));

        IssuanceResult inside = ca.Issue(Request(Key(false, 2), "CN=a.example.com"), IssuanceProfile.TlsServer, Options);
        IssuanceResult outside = ca.Issue(Request(Key(false, 2), "CN=a.example.com", b => b
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("a.example.com").AddDnsName("b.example.org"))), IssuanceProfile.TlsServer, Options);

        Assert.True(inside.IsIssued);
        Assert.Equal([new IssuanceRefusal(IssuanceRefusalCode.NameConstraintsViolated, "dns:b.example.org is not within the CA's permitted dns subtrees (RFC 5280 §4.2.1.10)")],
            outside.Refusals);
    }

    [Fact]
    public void Serials_ArePositiveMinimalUniqueAndAtMost20Octets()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        CertificationRequest request = Request(Key(false, 2), "CN=serial.example.com");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 100; i++)
        {
            Certificate cert = ca.Issue(request, IssuanceProfile.TlsServer, Options).EnsureIssued();
            byte[] serial = cert.SerialNumber.ToArray();
            Assert.InRange(serial.Length, 1, 20);
            Assert.True(serial[0] is > 0 and < 0x80, cert.SerialNumberHex);
            Assert.True(seen.Add(cert.SerialNumberHex));
        }

        for (int i = 0; i < 10_000; i++)
        {
            byte[] serial = SerialNumbers.CreateRandom();
            Assert.Equal(16, serial.Length);
            Assert.True(serial[0] is > 0 and < 0x80);
            Assert.True(seen.Add(Convert.ToHexString(serial)));
        }
    }

    [Fact]
    public void SerialOverride_IsWrittenMinimally_AndBadOnesThrow()
    {
        CertificateIssuer ca = IntermediateIssuer(rsa: false);
        CertificationRequest request = Request(Key(false, 2), "CN=serial.example.com");

        Certificate cert = ca.Issue(request, IssuanceProfile.TlsServer, Options with { SerialNumber = new byte[] { 0x00, 0x00, 0x80, 0x01 } }).EnsureIssued();

        Assert.Equal("008001", cert.SerialNumberHex);
        Assert.Throws<ArgumentException>(() => ca.Issue(request, IssuanceProfile.TlsServer, Options with { SerialNumber = new byte[] { 0 } }));
        Assert.Throws<ArgumentException>(() => ca.Issue(request, IssuanceProfile.TlsServer, Options with { SerialNumber = Enumerable.Repeat((byte)0xFF, 20).ToArray() }));
    }

    [Fact]
    public void Times_SwitchToGeneralizedTimeFrom2050()
    {
        CertificateIssuer ca = RootIssuer(rsa: false);
        Certificate inter = ca.Issue(Request(Key(false, 1), "CN=Long CA"), IssuanceProfile.IntermediateCa(0), Options with { ValidityDays = 3652 }).EnsureIssued();
        Certificate root = Root(rsa: false, now: new DateTimeOffset(2049, 12, 31, 23, 0, 0, TimeSpan.Zero));

        Assert.Equal(2036, inter.NotAfter.Year);
        Assert.Contains("170D", Convert.ToHexString(inter.RawTbs.Span), StringComparison.Ordinal); // UTCTime
        using X509Certificate2 bcl = X509CertificateLoader.LoadCertificate(root.RawData.Span);
        Assert.Equal(root.NotAfter.UtcDateTime, bcl.NotAfter.ToUniversalTime());
        Assert.Contains("180F", Convert.ToHexString(root.RawTbs.Span), StringComparison.Ordinal); // GeneralizedTime notAfter
        Assert.Contains("170D", Convert.ToHexString(root.RawTbs.Span), StringComparison.Ordinal); // UTCTime notBefore in 2049
    }

    [Fact]
    public void Constructor_RefusesASignerForAnotherKey()
    {
        Certificate root = Root(rsa: false);
        Assert.Throws<ArgumentException>(() => new CertificateIssuer(root, SignerFor(Key(false, 1))));
    }

    [Theory, InlineData(true), InlineData(false)]
    public void X509Chain_BuildsRootIntermediateLeaf(bool rsa)
    {
        Certificate root = Root(rsa);
        CertificateIssuer ca = IntermediateIssuer(rsa);
        Certificate leaf = ca.Issue(Request(Key(rsa, 2), "CN=chain.example.com"), IssuanceProfile.TlsServer, Options).EnsureIssued();

        using X509Certificate2 bclRoot = root.ToX509Certificate2();
        using X509Certificate2 bclInter = ca.CaCertificate.ToX509Certificate2();
        using X509Certificate2 bclLeaf = leaf.ToX509Certificate2();
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(bclRoot);
        chain.ChainPolicy.ExtraStore.Add(bclInter);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(KeyPurposes.ServerAuth));

        Assert.True(chain.Build(bclLeaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal([bclLeaf.Thumbprint, bclInter.Thumbprint, bclRoot.Thumbprint], chain.ChainElements.Select(e => e.Certificate.Thumbprint));
    }
}
