using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Extensions;
using Pkcs10.Linting;
using Pkcs10.Linting.Rules;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;
using Pkcs10.Tests.Requests;

namespace Pkcs10.Tests.Linting;

/// <summary>Each built-in rule, with a request that triggers it and one that does not.</summary>
public class RequestLinterTests
{
    private static readonly Lazy<ECDsa> s_p256 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));
    private static readonly Lazy<RSA> s_rsa2048 = new(() => RSA.Create(2048));

    private static LintReport Lint(CertificationRequest request, RequestLintOptions? options = null) => new RequestLinter().Lint(request, options);

    private static CertificationRequest Good() => new CertificationRequestBuilder()
        .SetSubject("CN=app.example.com,O=Acme,C=US")
        .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("app.example.com").AddDnsName("*.api.example.com").AddIpAddress("192.0.2.1"))
        .AddKeyUsage(KeyUsageFlags.DigitalSignature)
        .AddExtendedKeyUsage("serverAuth")
        .Sign(s_p256.Value);

    // GeneralNames DER written without the builder's checks, for names the builder refuses.
    private static byte[] RawSan(params (int Tag, string Value)[] names)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach ((int tag, string value) in names)
            {
                var t = new System.Formats.Asn1.Asn1Tag(TagClass.ContextSpecific, tag);
                if (tag == 7)
                {
                    w.WriteOctetString(System.Net.IPAddress.Parse(value).GetAddressBytes(), t);
                }
                else
                {
                    w.WriteCharacterString(UniversalTagNumber.IA5String, value, t);
                }
            }
        }

        return w.Encode();
    }

    private static CertificationRequest WithRawSan(string subject, params (int Tag, string Value)[] names) =>
        new CertificationRequestBuilder().SetSubject(subject).AddExtension("2.5.29.17", RawSan(names)).Sign(s_p256.Value);

    // A request whose public key is given as is, with a signature that cannot verify: for key checks only.
    private static CertificationRequest WithRsaKey(BigInteger modulus, BigInteger exponent)
    {
        var key = new AsnWriter(AsnEncodingRules.DER);
        using (key.PushSequence())
        {
            key.WriteInteger(modulus);
            key.WriteInteger(exponent);
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

        byte[] info = new CertificationRequestBuilder().SetSubject("CN=key.example.com").SetPublicKey(spki.Encode()).EncodeInfo();
        var csr = new AsnWriter(AsnEncodingRules.DER);
        using (csr.PushSequence())
        {
            csr.WriteEncodedValue(info);
            csr.WriteEncodedValue(SignatureAlgorithmIdentifier.Create(SignatureKind.RsaPkcs1, HashAlgorithmName.SHA256).RawData.Span);
            csr.WriteBitString(new byte[modulus.GetByteCount(isUnsigned: true)]);
        }

        return CertificationRequest.Decode(csr.Encode());
    }

    private static void AssertFires(LintReport report, string ruleId, LintSeverity severity, string fragment)
    {
        LintFinding finding = Assert.Single(report.ForRule(ruleId));
        Assert.Equal(severity, finding.Severity);
        Assert.Contains(fragment, finding.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(finding.Reference));
        Assert.False(string.IsNullOrEmpty(finding.Fix));
    }

    [Fact]
    public void GoodRequest_HasNoFindings()
    {
        LintReport report = Lint(Good());
        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void BuiltInRules_HaveUniqueIds_AndEveryRuleHasATest()
    {
        Assert.Equal(RequestLinter.BuiltInRules.Count, RequestLinter.BuiltInRules.Select(r => r.Id).Distinct().Count());
        string source = File.ReadAllText(Path.Combine(RepoTestData.RepoRoot, "tests", "Pkcs10.Tests", "Linting", "RequestLinterTests.cs"));
        foreach (LintRule rule in RequestLinter.BuiltInRules)
        {
            Assert.Contains($"\"{rule.Id}\"", source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Signature_Tampered_IsAnError()
    {
        byte[] der = Good().RawData.ToArray();
        der[^5] ^= 0x01;
        AssertFires(Lint(CertificationRequest.Decode(der)), "csr.signature.invalid", LintSeverity.Error, "does not verify");
    }

    [Fact]
    public void Sha1Signature_IsAnError_Sha256IsNot()
    {
        CertificationRequest sha1 = CertificationRequest.Decode(RequestTestFiles.OpensslDer("rsa2048-sha1"));
        AssertFires(Lint(sha1), "csr.signature.weak_hash", LintSeverity.Error, "sha1WithRSAEncryption");
        Assert.Empty(Lint(Good()).ForRule("csr.signature.weak_hash"));
    }

    [Fact]
    public void RsaKeySize_Below2048_IsAnError()
    {
        using RSA small = RSA.Create(1024);
        AssertFires(Lint(new CertificationRequestBuilder().SetSubject("CN=x").Sign(small)), "csr.key.rsa_too_small", LintSeverity.Error, "1024 bits");
        Assert.Empty(Lint(new CertificationRequestBuilder().SetSubject("CN=x").Sign(s_rsa2048.Value)).ForRule("csr.key.rsa_too_small"));
    }

    [Fact]
    public void RsaExponent_EvenSmallOrUnusual()
    {
        BigInteger n = new(s_rsa2048.Value.ExportParameters(false).Modulus, isUnsigned: true, isBigEndian: true);
        AssertFires(Lint(WithRsaKey(n, 65536)), "csr.key.rsa_exponent", LintSeverity.Error, "not an odd number");
        AssertFires(Lint(WithRsaKey(n, 3)), "csr.key.rsa_exponent", LintSeverity.Warning, "outside 2^16+1");
        AssertFires(Lint(WithRsaKey(n, 65539)), "csr.key.rsa_exponent", LintSeverity.Notice, "65539");
        Assert.Empty(Lint(WithRsaKey(n, 65537)).ForRule("csr.key.rsa_exponent"));
    }

    [Fact]
    public void RsaModulus_EvenSmallFactorOrRoca_IsAnError()
    {
        BigInteger n = new(s_rsa2048.Value.ExportParameters(false).Modulus, isUnsigned: true, isBigEndian: true);
        AssertFires(Lint(WithRsaKey(n * 2, 65537)), "csr.key.rsa_weak_modulus", LintSeverity.Error, "even");
        AssertFires(Lint(WithRsaKey(n * 997, 65537)), "csr.key.rsa_weak_modulus", LintSeverity.Error, "divisible by 997");
        AssertFires(Lint(WithRsaKey(RocaShapedModulus(), 65537)), "csr.key.rsa_weak_modulus", LintSeverity.Error, "ROCA");
        Assert.Empty(Lint(WithRsaKey(n, 65537)).ForRule("csr.key.rsa_weak_modulus"));
    }

    // The structure of RSALib primes (Nemec et al., CCS 2017): p = k·M + (65537^a mod M), M the product of the
    // primes up to 167. The fingerprint depends only on the residues, so the factors need not be prime here.
    private static BigInteger RocaShapedModulus()
    {
        BigInteger m = Enumerable.Range(2, 166).Where(x => Enumerable.Range(2, Math.Max(0, (int)Math.Sqrt(x) - 1)).All(d => x % d != 0))
            .Aggregate(BigInteger.One, (acc, p) => acc * p);
        BigInteger Factor(int a, BigInteger k)
        {
            BigInteger candidate = (k * m) + BigInteger.ModPow(65537, a, m);
            while (Enumerable.Range(2, 998).Any(d => candidate % d == 0))
            {
                candidate += m;
            }

            return candidate;
        }

        BigInteger n = Factor(12345, BigInteger.Pow(2, 800) + 17) * Factor(67890, BigInteger.Pow(2, 801) + 29);
        Assert.True(RsaWeakModulusRule.HasRocaFingerprint(n));
        return n;
    }

    [Fact]
    public void RocaFingerprint_IsAbsentFromOrdinaryKeys()
    {
        for (int i = 0; i < 5; i++)
        {
            using RSA rsa = RSA.Create(2048);
            Assert.False(RsaWeakModulusRule.HasRocaFingerprint(new BigInteger(rsa.ExportParameters(false).Modulus, isUnsigned: true, isBigEndian: true)));
        }
    }

    [Fact]
    public void EcCurve_OutsideTheNistThree_IsAnError()
    {
        ECDsa k1;
        try
        {
            k1 = ECDsa.Create(ECCurve.CreateFromValue("1.3.132.0.10"));
        }
        catch (Exception e) when (e is PlatformNotSupportedException or CryptographicException)
        {
            Assert.Skip("the platform has no secp256k1");
            return;
        }

        using (k1)
        {
            AssertFires(Lint(new CertificationRequestBuilder().SetSubject("CN=x").Sign(k1)), "csr.key.ec_curve_not_allowed", LintSeverity.Error, "secp256k1");
        }

        Assert.Empty(Lint(Good()).ForRule("csr.key.ec_curve_not_allowed"));
    }

    [Fact]
    public void DsaKey_IsAnError()
    {
        CertificationRequest dsa = CertificationRequest.Load(File.ReadAllBytes(RepoTestData.TestVectors("pkcs10-made/dsa2048.csr")));
        AssertFires(Lint(dsa), "csr.key.dsa", LintSeverity.Error, "DSA");
        Assert.Empty(Lint(Good()).ForRule("csr.key.dsa"));
    }

    [Fact]
    public void MissingSan_IsAWarning()
    {
        AssertFires(Lint(new CertificationRequestBuilder().SetSubject("CN=app.example.com").Sign(s_p256.Value)), "csr.san.missing", LintSeverity.Warning, "no subjectAltName");
        Assert.Empty(Lint(Good()).ForRule("csr.san.missing"));
    }

    [Fact]
    public void CommonName_NotAmongTheSans_IsAnError_CaseOnlyAWarning()
    {
        AssertFires(Lint(WithRawSan("CN=www.example.com", (2, "app.example.com"))), "csr.subject.cn_not_in_san", LintSeverity.Error, "www.example.com");
        AssertFires(Lint(WithRawSan("CN=App.Example.com", (2, "app.example.com"))), "csr.subject.cn_not_in_san", LintSeverity.Warning, "letter case");
        Assert.Empty(Lint(WithRawSan("CN=192.0.2.7", (7, "192.0.2.7"))).ForRule("csr.subject.cn_not_in_san"));
        Assert.Empty(Lint(Good()).ForRule("csr.subject.cn_not_in_san"));
    }

    [Theory]
    [InlineData("*.com", "public suffix")]
    [InlineData("*.co.uk", "public suffix")]
    [InlineData("f*o.example.com", "part of a label")]
    [InlineData("app.*.example.com", "not in the left-most label")]
    [InlineData("*.*.example.com", "2 wildcards")]
    public void Wildcard_Misuse_IsAnError(string name, string fragment)
    {
        AssertFires(Lint(WithRawSan("CN=ok.example.com", (2, "ok.example.com"), (2, name))), "csr.san.wildcard_misuse", LintSeverity.Error, fragment);
    }

    [Fact]
    public void Wildcard_WholeLeftLabelOverARegisteredDomain_IsFine()
    {
        Assert.Empty(Lint(WithRawSan("CN=*.example.com", (2, "*.example.com"))).ForRule("csr.san.wildcard_misuse"));
        Assert.Empty(Lint(WithRawSan("CN=*.example.co.uk", (2, "*.example.co.uk"))).ForRule("csr.san.wildcard_misuse"));
    }

    [Theory]
    [InlineData("under_score.example.com", "'_'")]
    [InlineData("trailing.example.com.", "ends with '.'")]
    [InlineData("double..example.com", "empty label")]
    [InlineData("-hyphen.example.com", "starts or ends with '-'")]
    [InlineData("xn--a.example.com", "not a valid internationalized domain name")]
    public void DnsName_Malformed_IsAnError(string name, string fragment)
    {
        AssertFires(Lint(WithRawSan("CN=ok.example.com", (2, "ok.example.com"), (2, name))), "csr.san.invalid_dns_name", LintSeverity.Error, fragment);
    }

    [Fact]
    public void DnsName_LabelOver63_IsAnError_AndGoodNamesPass()
    {
        string name = new string('a', 64) + ".example.com";
        AssertFires(Lint(WithRawSan("CN=ok.example.com", (2, "ok.example.com"), (2, name))), "csr.san.invalid_dns_name", LintSeverity.Error, "64 characters long");
        Assert.Empty(Lint(WithRawSan("CN=xn--bcher-kva.example", (2, "xn--bcher-kva.example"))).ForRule("csr.san.invalid_dns_name"));
        Assert.Empty(Lint(Good()).ForRule("csr.san.invalid_dns_name"));
    }

    [Fact]
    public void IpAddress_InADnsName_IsAnError_InTheCnAWarning()
    {
        AssertFires(Lint(WithRawSan("CN=ok.example.com", (2, "ok.example.com"), (2, "192.0.2.9"))), "csr.name.ip_address_as_name", LintSeverity.Error, "192.0.2.9");
        AssertFires(Lint(WithRawSan("CN=192.0.2.7", (7, "192.0.2.7"))), "csr.name.ip_address_as_name", LintSeverity.Warning, "CN");
        Assert.Empty(Lint(Good()).ForRule("csr.name.ip_address_as_name"));
    }

    [Fact]
    public void Country_NotTwoCapitalLetters_IsAnError()
    {
        // The name is written by hand: the library's own name builders refuse such a country.
        var name = new AsnWriter(AsnEncodingRules.DER);
        using (name.PushSequence())
        {
            using (name.PushSetOf())
            using (name.PushSequence())
            {
                name.WriteObjectIdentifier("2.5.4.6");
                name.WriteCharacterString(UniversalTagNumber.PrintableString, "USA");
            }
        }

        CertificationRequest request = new CertificationRequestBuilder().SetSubject(DistinguishedName.Decode(name.Encode()))
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("x.example.com")).Sign(s_p256.Value);
        AssertFires(Lint(request), "csr.subject.country", LintSeverity.Error, "USA");
        Assert.Empty(Lint(Good()).ForRule("csr.subject.country"));
    }

    [Fact]
    public void EmptySubject_NeedsACriticalSan()
    {
        AssertFires(Lint(new CertificationRequestBuilder().Sign(s_p256.Value)), "csr.subject.empty_without_san", LintSeverity.Error, "name nobody");
        var names = new GeneralNamesBuilder().AddDnsName("x.example.com");
        AssertFires(Lint(new CertificationRequestBuilder().AddSubjectAlternativeNames(names, critical: false).Sign(s_p256.Value)),
            "csr.subject.empty_without_san", LintSeverity.Warning, "critical");
        Assert.Empty(Lint(new CertificationRequestBuilder().AddSubjectAlternativeNames(names).Sign(s_p256.Value)).ForRule("csr.subject.empty_without_san"));
    }

    [Fact]
    public void ExtensionRequest_WithTwoValues_IsReportedAfterLenientDecoding()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] extensions = Convert.FromHexString("3010300E0603551D0F0101FF040403020780");
        byte[] other = Convert.FromHexString("300B30090603551D1304023000");
        var info = new AsnWriter(AsnEncodingRules.DER);
        using (info.PushSequence())
        {
            info.WriteInteger(0);
            info.WriteEncodedValue(new X500DistinguishedName("CN=two values").RawData);
            info.WriteEncodedValue(key.ExportSubjectPublicKeyInfo());
            using (info.PushSetOf(new System.Formats.Asn1.Asn1Tag(TagClass.ContextSpecific, 0)))
            using (info.PushSequence())
            {
                info.WriteObjectIdentifier("1.2.840.113549.1.9.14");
                using (info.PushSetOf())
                {
                    info.WriteEncodedValue(extensions);
                    info.WriteEncodedValue(other);
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

        CertificationRequest lenient = CertificationRequest.Decode(csr.Encode(), CertificationRequestDecoderOptions.Lenient);
        AssertFires(Lint(lenient), "csr.attributes.extension_request", LintSeverity.Error, "exactly one value");
        Assert.Empty(Lint(Good()).ForRule("csr.attributes.extension_request"));
    }

    [Fact]
    public void CaRequest_IsAnErrorForALeaf_ExpectedForACa()
    {
        CertificationRequest ca = new CertificationRequestBuilder().SetSubject("CN=Issuing CA").AddBasicConstraints(true, 0).Sign(s_p256.Value);
        AssertFires(Lint(ca), "csr.extensions.ca_in_leaf", LintSeverity.Error, "cA TRUE");
        Assert.Empty(Lint(ca, new RequestLintOptions { CertificateAuthority = true }).ForRule("csr.extensions.ca_in_leaf"));
        AssertFires(Lint(Good(), new RequestLintOptions { CertificateAuthority = true }), "csr.extensions.ca_in_leaf", LintSeverity.Notice, "without");
        Assert.Empty(Lint(Good()).ForRule("csr.extensions.ca_in_leaf"));
    }

    [Fact]
    public void UnknownCriticalExtension_IsAnError()
    {
        CertificationRequest critical = new CertificationRequestBuilder().SetSubject("CN=x").AddExtension("1.3.6.1.4.1.99999.5", [0x05, 0x00], critical: true).Sign(s_p256.Value);
        AssertFires(Lint(critical), "csr.extensions.unknown_critical", LintSeverity.Error, "1.3.6.1.4.1.99999.5");
        CertificationRequest plain = new CertificationRequestBuilder().SetSubject("CN=x").AddExtension("1.3.6.1.4.1.99999.5", [0x05, 0x00]).Sign(s_p256.Value);
        Assert.Empty(Lint(plain).ForRule("csr.extensions.unknown_critical"));
    }

    [Fact]
    public void ChallengePassword_IsAWarning()
    {
        CertificationRequest withPassword = new CertificationRequestBuilder().SetSubject("CN=x").SetChallengePassword("secret").Sign(s_p256.Value);
        AssertFires(Lint(withPassword), "csr.attributes.challenge_password", LintSeverity.Warning, "challengePassword");
        Assert.Empty(Lint(Good()).ForRule("csr.attributes.challenge_password"));
    }

    [Fact]
    public void CallerRules_RunBesideTheBuiltIns_AndFindingsAreOrderedBySeverity()
    {
        var linter = new RequestLinter([.. RequestLinter.BuiltInRules, new OrganizationRequiredRule()]);
        LintReport report = linter.Lint(new CertificationRequestBuilder().SetSubject("CN=app.example.com").SetChallengePassword("x").Sign(s_p256.Value));
        Assert.Equal(["csr.custom.organization", "csr.san.missing", "csr.attributes.challenge_password"], report.Findings.Select(f => f.RuleId));
        Assert.Equal([LintSeverity.Error, LintSeverity.Warning, LintSeverity.Warning], report.Findings.Select(f => f.Severity));
        Assert.Throws<ArgumentException>(() => new RequestLinter([new OrganizationRequiredRule(), new OrganizationRequiredRule()]));
    }

    private sealed class OrganizationRequiredRule() : LintRule("csr.custom.organization", LintSeverity.Error, "local policy §1", "Add O=.")
    {
        public override void Check(LintContext context)
        {
            if (!context.SubjectAttributes("2.5.4.10").Any())
            {
                context.Report(this, "no organization", "subject.O");
            }
        }
    }
}
