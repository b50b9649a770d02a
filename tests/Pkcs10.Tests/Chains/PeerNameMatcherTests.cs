using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;
using Pkcs10.Chains;

namespace Pkcs10.Tests.Chains;

/// <summary>RFC 9525 peer-name matching, with the x509-limbo webpki::san::* edge cases.</summary>
public class PeerNameMatcherTests
{
    [Theory]
    [InlineData("exact (webpki exact-dns-san)", "example.com", "example.com", true)]
    [InlineData("case-insensitive", "Example.COM", "example.com", true)]
    [InlineData("host trailing dot ignored once", "example.com", "example.com.", true)]
    [InlineData("host two trailing dots", "example.com", "example.com..", false)]
    [InlineData("pattern trailing dot is not a valid reference", "example.com.", "example.com", false)]
    [InlineData("other domain (webpki mismatch-domain-san)", "example.com", "example2.com", false)]
    [InlineData("sibling (webpki mismatch-subdomain-san)", "abc.example.com", "def.example.com", false)]
    [InlineData("apex vs subdomain (webpki mismatch-subdomain-apex-san)", "example.com", "abc.example.com", false)]
    [InlineData("subdomain vs apex (webpki mismatch-apex-subdomain-san)", "abc.example.com", "example.com", false)]
    [InlineData("leftmost wildcard (webpki leftmost-wildcard-san)", "*.example.com", "foo.example.com", true)]
    [InlineData("wildcard is not the apex", "*.example.com", "example.com", false)]
    [InlineData("wildcard is one label (webpki wildcard-match-across-labels-san)", "*.example.com", "foo.bar.example.com", false)]
    [InlineData("partial wildcard (webpki wildcard-embedded-leftmost-san)", "ba*.example.com", "baz.example.com", false)]
    [InlineData("wildcard not leftmost (webpki wildcard-not-in-leftmost-san)", "foo.*.example.com", "foo.bar.example.com", false)]
    [InlineData("wildcard in an A-label (webpki wildcard-embedded-ulabel-san)", "xn--*-1b3c148a.example.com", "xn--bliss-1b3c148a.example.com", false)]
    [InlineData("wildcard over a TLD (webpki public-suffix-wildcard-san)", "*.com", "example.com", false)]
    [InlineData("bare wildcard (webpki san-wildcard-only)", "*", "example.com", false)]
    [InlineData("bare wildcard vs TLD (webpki san-wildcard-only-tld)", "*", "com", false)]
    [InlineData("U-label in the pattern (webpki unicode-emoji-san)", "😜.example.com", "xn--628h.example.com", false)]
    [InlineData("U-label host converts to A-label", "xn--bcher-kva.example", "bücher.example", true)]
    [InlineData("wildcard host is not a host", "*.example.com", "*.example.com", false)]
    [InlineData("IP text is never matched against dNSName", "127.0.0.1", "127.0.0.1", false)]
    public void MatchesDnsPattern(string why, string pattern, string host, bool expected) =>
        Assert.True(expected == PeerNameMatcher.MatchesDnsPattern(pattern, host), why);

    private static Certificate MakeLeaf(string subject, Action<SubjectAlternativeNameBuilder>? san)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (san is not null)
        {
            var builder = new SubjectAlternativeNameBuilder();
            san(builder);
            request.CertificateExtensions.Add(builder.Build());
        }

        using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(60));
        return Certificate.FromX509Certificate2(cert);
    }

    [Fact]
    public void MatchesHost_UsesSanDnsNames_Only()
    {
        Certificate leaf = MakeLeaf("CN=cn.example.com", b => { b.AddDnsName("www.example.com"); b.AddDnsName("*.api.example.com"); b.AddIpAddress(IPAddress.Parse("127.0.0.1")); });
        Assert.True(PeerNameMatcher.MatchesHost(leaf, "www.example.com"));
        Assert.True(PeerNameMatcher.MatchesHost(leaf, "WWW.Example.Com."));
        Assert.True(PeerNameMatcher.MatchesHost(leaf, "v1.api.example.com"));
        Assert.False(PeerNameMatcher.MatchesHost(leaf, "api.example.com"));
        Assert.False(PeerNameMatcher.MatchesHost(leaf, "cn.example.com")); // no CN fallback when a SAN exists

        // An IP in text form is matched against the iPAddress entries (webpki exact-localhost-ip-san).
        Assert.True(PeerNameMatcher.MatchesHost(leaf, "127.0.0.1"));
        Assert.False(PeerNameMatcher.MatchesHost(leaf, "127.0.0.2"));
    }

    [Fact]
    public void NoSanExtension_MatchesNothing()
    {
        // webpki no-san: the CN is never used.
        Certificate leaf = MakeLeaf("CN=example.com", null);
        Assert.False(PeerNameMatcher.MatchesHost(leaf, "example.com"));
        Assert.False(PeerNameMatcher.MatchesIPAddress(leaf, IPAddress.Loopback));
        Assert.False(PeerNameMatcher.MatchesEmail(leaf, "a@example.com"));
    }

    [Fact]
    public void MatchesIPAddress_Exactly()
    {
        Certificate leaf = MakeLeaf("CN=x", b => { b.AddIpAddress(IPAddress.Parse("192.0.2.1")); b.AddIpAddress(IPAddress.Parse("2001:db8::1")); });
        Assert.True(PeerNameMatcher.MatchesIPAddress(leaf, IPAddress.Parse("192.0.2.1")));
        Assert.True(PeerNameMatcher.MatchesIPAddress(leaf, IPAddress.Parse("2001:DB8:0::1")));
        Assert.False(PeerNameMatcher.MatchesIPAddress(leaf, IPAddress.Parse("192.0.2.2")));
        Assert.False(PeerNameMatcher.MatchesIPAddress(leaf, IPAddress.Parse("::ffff:192.0.2.1"))); // mapped is not equal
        Assert.False(PeerNameMatcher.MatchesHost(leaf, "2001:db8::2"));
        Assert.True(PeerNameMatcher.MatchesHost(leaf, "2001:db8::1"));
    }

    [Fact]
    public void MatchesEmail_LocalExact_DomainCaseInsensitive()
    {
        Certificate leaf = MakeLeaf("CN=x", b => b.AddEmailAddress("Alice@Example.com"));
        Assert.True(PeerNameMatcher.MatchesEmail(leaf, "Alice@example.COM"));
        Assert.False(PeerNameMatcher.MatchesEmail(leaf, "alice@example.com"));
        Assert.False(PeerNameMatcher.MatchesEmail(leaf, "Alice@other.com"));
        Assert.False(PeerNameMatcher.MatchesEmail(leaf, "not-an-address"));
    }
}
