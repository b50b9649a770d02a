using System.Security.Cryptography;
using Pkcs10.Extensions;
using Pkcs10.Keys;
using Pkcs10.Linting;
using Pkcs10.Requests;
using Pkcs10.Tests.Requests;

namespace Pkcs10.Tests.Linting;

/// <summary>The CA's request policy: keys, algorithms, domains, name counts and lint errors.</summary>
public class RequestPolicyTests
{
    private static readonly Lazy<ECDsa> s_p256 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private static CertificationRequest Request(string cn, params string[] dnsNames)
    {
        var names = new GeneralNamesBuilder();
        foreach (string n in dnsNames)
        {
            names.AddDnsName(n);
        }

        return new CertificationRequestBuilder().SetSubject($"CN={cn}").AddSubjectAlternativeNames(names).Sign(s_p256.Value);
    }

    [Fact]
    public void DefaultPolicy_AllowsASoundRequest()
    {
        PolicyDecision decision = RequestPolicy.Default.Evaluate(Request("app.example.com", "app.example.com"));
        Assert.True(decision.IsAllowed, string.Join("; ", decision.Reasons));
        Assert.Empty(decision.Lint.Findings);
    }

    [Theory]
    [InlineData("app.example.com", false, false, false)]
    [InlineData("example.com", false, false, true)]
    [InlineData("app.example.com", true, false, false, "example.org")]
    [InlineData("a.b.example.com", true, false, true)]
    [InlineData("a.b.example.com", false, false, false)]
    [InlineData("*.example.com", false, true, true)]
    [InlineData("*.example.com", false, false, false)]
    [InlineData("*.api.example.com", false, true, false)]
    [InlineData("*.api.example.com", true, true, true)]
    [InlineData("evil-example.com", true, true, false)]
    public void Domains_WithSubdomainAndWildcardSwitches(string name, bool subdomains, bool wildcards, bool allowed, string domain = "example.com")
    {
        var policy = new RequestPolicy { AllowedDomains = [new AllowedDomain(domain, subdomains, wildcards)] };
        PolicyDecision decision = policy.Evaluate(Request(name, name));
        Assert.Equal(allowed, decision.IsAllowed);
        if (allowed)
        {
            Assert.Empty(decision.Reasons);
        }
        else
        {
            Assert.All(decision.Reasons, r => Assert.Equal($"\"{name}\" is outside the allowed domains", r));
            Assert.NotEmpty(decision.Reasons);
        }
    }

    [Fact]
    public void Covers_FollowsTheSwitches()
    {
        Assert.True(new AllowedDomain("example.com").Covers("example.com"));
        Assert.True(new AllowedDomain("example.com").Covers("EXAMPLE.com"));
        Assert.False(new AllowedDomain("example.com").Covers("app.example.com"));
        Assert.True(new AllowedDomain("example.com", IncludeSubdomains: true).Covers("a.b.example.com"));
        Assert.False(new AllowedDomain("example.com", IncludeSubdomains: true).Covers("badexample.com"));
        Assert.False(new AllowedDomain("example.com", IncludeSubdomains: true).Covers("*.example.com"));
        Assert.True(new AllowedDomain("example.com", AllowWildcards: true).Covers("*.example.com"));
        Assert.False(new AllowedDomain("example.com", AllowWildcards: true).Covers("*.api.example.com"));
        Assert.True(new AllowedDomain("example.com", IncludeSubdomains: true, AllowWildcards: true).Covers("*.api.example.com"));
    }

    [Fact]
    public void KeysAndAlgorithms_OutsideThePolicy_AreRefusedWithReasons()
    {
        using RSA small = RSA.Create(2048);
        CertificationRequest rsa = new CertificationRequestBuilder().SetSubject("CN=x.example.com")
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("x.example.com")).Sign(small);
        PolicyDecision strict = new RequestPolicy { MinimumRsaKeySize = 3072 }.Evaluate(rsa);
        Assert.Contains("RSA-2048 is outside the accepted 3072–8192 bits", strict.Reasons);

        PolicyDecision noEc = new RequestPolicy { AllowedCurves = new HashSet<string> { "P-384" } }.Evaluate(Request("app.example.com", "app.example.com"));
        Assert.Contains(noEc.Reasons, r => r.StartsWith("EC keys on P-256 are not accepted", StringComparison.Ordinal));

        PolicyDecision noSha256 = new RequestPolicy { AllowedSignatureHashes = new HashSet<HashAlgorithmName> { HashAlgorithmName.SHA384 } }
            .Evaluate(Request("app.example.com", "app.example.com"));
        Assert.Contains(noSha256.Reasons, r => r.Contains("ecdsa-with-SHA256", StringComparison.Ordinal));

        CertificationRequest dsa = CertificationRequest.Load(File.ReadAllBytes(Infrastructure.RepoTestData.TestVectors("pkcs10-made/dsa2048.csr")));
        PolicyDecision dsaDecision = RequestPolicy.Default.Evaluate(dsa);
        Assert.Contains("DSA keys are not accepted", dsaDecision.Reasons);
        Assert.Contains(dsaDecision.Reasons, r => r.StartsWith("lint csr.key.dsa", StringComparison.Ordinal));

        PolicyDecision ed = new RequestPolicy { OtherAllowedKeyAlgorithms = new HashSet<KeyAlgorithm>() }
            .Evaluate(CertificationRequest.Decode(RequestTestFiles.OpensslDer("ed25519")));
        Assert.Contains("Ed25519 keys are not accepted", ed.Reasons);
    }

    [Fact]
    public void NameCountsIpAddressesAndLintErrors()
    {
        string[] many = [.. Enumerable.Range(0, 5).Select(i => $"n{i}.example.com")];
        PolicyDecision tooMany = new RequestPolicy { MaximumNames = 4 }.Evaluate(Request("n0.example.com", many));
        Assert.Contains("5 subjectAltName entries, more than the 4 accepted", tooMany.Reasons);

        CertificationRequest withIp = new CertificationRequestBuilder().SetSubject("CN=a.example.com")
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("a.example.com").AddIpAddress("192.0.2.1")).Sign(s_p256.Value);
        Assert.Contains("IP address names (192.0.2.1) are not accepted", new RequestPolicy { AllowIpAddresses = false }.Evaluate(withIp).Reasons);

        // CN not among the SANs is a lint error: refused by default, allowed when lint errors do not count.
        CertificationRequest mismatch = Request("www.example.com", "app.example.com");
        Assert.False(RequestPolicy.Default.Evaluate(mismatch).IsAllowed);
        Assert.True(new RequestPolicy { RefuseOnLintErrors = false }.Evaluate(mismatch).IsAllowed);
    }
}
