using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Extensions;
using Pkcs10.Names;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Chains;

/// <summary>RFC 5280 §4.2.1.10 name constraints: the per-type primitives (with x509-limbo edge cases), the certificate check, and NIST PKITS §4.13.</summary>
public class NameConstraintMatcherTests
{
    [Theory]
    [InlineData("exact", "example.com", "example.com", "Match")]
    [InlineData("subdomain (limbo permitted-dns-match-more)", "foo.bar.example.com", "example.com", "Match")]
    [InlineData("case-insensitive", "FOO.Example.COM", "example.COM", "Match")]
    [InlineData("label boundary", "notexample.com", "example.com", "NoMatch")]
    [InlineData("parent is not inside", "com", "example.com", "NoMatch")]
    [InlineData("other domain (limbo permitted-dns-mismatch)", "example.org", "example.com", "NoMatch")]
    [InlineData("leading-dot dNSName constraint is malformed (limbo rfc5280::nc::invalid-dnsname-leading-period)", "www.example.com", ".example.com", "MalformedConstraint")]
    [InlineData("leading-dot dNSName constraint is malformed for the domain itself too", "example.com", ".example.com", "MalformedConstraint")]
    [InlineData("empty constraint matches all", "anything.test", "", "Match")]
    [InlineData("wildcard name inside (webpki nc-permits-dns-san-pattern)", "*.foo.com", "foo.com", "Match")]
    [InlineData("wildcard name not all inside", "*.example.com", "bar.example.com", "NoMatch")]
    [InlineData("wildcard constraint is malformed (limbo invalid-dnsname-wildcard)", "foo.example.com", "*.example.com", "MalformedConstraint")]
    [InlineData("trailing-dot constraint is malformed", "foo.example.com", "example.com.", "MalformedConstraint")]
    [InlineData("leading-dot SAN is malformed (limbo nc-permits-invalid-dns-san)", ".example.com", "example.com", "MalformedName")]
    [InlineData("trailing-dot SAN is malformed", "foo.example.com.", "example.com", "MalformedName")]
    [InlineData("IP address as dNSName is malformed", "192.0.2.1", "example.com", "MalformedName")]
    [InlineData("bare wildcard SAN is malformed", "*", "example.com", "MalformedName")]
    public void MatchDns_Permitted(string why, string name, string constraint, string expected) =>
        Assert.True(Enum.Parse<SubtreeMatch>(expected) == NameConstraintMatcher.MatchDns(name, constraint, forExclusion: false), why);

    [Theory]
    [InlineData("wildcard overlaps an excluded host (limbo nc-forbids-dnsname-wildcard-san)", "*.example.com", "bar.example.com", "Match")]
    [InlineData("wildcard cannot reach two labels down", "*.example.com", "a.bar.example.com", "NoMatch")]
    [InlineData("wildcard under excluded domain", "*.a.example.com", "example.com", "Match")]
    [InlineData("plain name excluded", "example.com", "example.com", "Match")]
    public void MatchDns_Excluded(string why, string name, string constraint, string expected) =>
        Assert.True(Enum.Parse<SubtreeMatch>(expected) == NameConstraintMatcher.MatchDns(name, constraint, forExclusion: true), why);

    [Theory]
    [InlineData("mailbox exact (limbo nc-permits-email-exact)", "foo@example.com", "foo@example.com", "Match")]
    [InlineData("mailbox domain is case-insensitive", "foo@EXAMPLE.com", "foo@example.com", "Match")]
    [InlineData("mailbox local part is case-sensitive", "Foo@example.com", "foo@example.com", "NoMatch")]
    [InlineData("host form (limbo nc-permits-email-domain)", "foo@example.com", "example.com", "Match")]
    [InlineData("host form excludes subdomains", "foo@mail.example.com", "example.com", "NoMatch")]
    [InlineData("domain form: subdomain", "foo@mail.example.com", ".example.com", "Match")]
    [InlineData("domain form: not the host itself", "foo@example.com", ".example.com", "NoMatch")]
    [InlineData("literal asterisk exact (limbo)", "*@example.com", "*@example.com", "Match")]
    [InlineData("literal asterisk is not a wildcard (limbo)", "user@example.com", "*@example.com", "NoMatch")]
    [InlineData("double asterisk vs single (limbo)", "*@example.com", "**@example.com", "NoMatch")]
    [InlineData("malformed constraint (limbo invalid-email-address)", "foo@example.com", "invalid@invalid@example.com", "MalformedConstraint")]
    [InlineData("malformed name (limbo nc-permits-invalid-email-san)", "invalid@address@example.com", "example.com", "MalformedName")]
    public void MatchEmail(string why, string name, string constraint, string expected) =>
        Assert.True(Enum.Parse<SubtreeMatch>(expected) == NameConstraintMatcher.MatchEmail(name, constraint), why);

    [Theory]
    [InlineData("v4 in /24 (limbo permitted-ipv4-match)", "C0000201", "C0000200FFFFFF00", "Match")]
    [InlineData("v4 outside /24 (limbo permitted-ip-mismatch)", "C0000301", "C0000200FFFFFF00", "NoMatch")]
    [InlineData("v4 /0 matches all v4", "08080808", "0000000000000000", "Match")]
    [InlineData("v4 /20 mask inside an octet", "C0A80F01", "C0A80000FFFFF000", "Match")]
    [InlineData("v4 /20 mask outside", "C0A81001", "C0A80000FFFFF000", "NoMatch")]
    [InlineData("v6 ::1/128 (limbo permitted-ipv6-match)", "00000000000000000000000000000001", "00000000000000000000000000000001FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "Match")]
    [InlineData("v4 name never matches a v6 constraint", "00000000", "00000000000000000000000000000000" + "00000000000000000000000000000000", "NoMatch")]
    [InlineData("v4-mapped v6 name does not match a v4 constraint", "00000000000000000000FFFFC0000201", "C0000200FFFFFF00", "NoMatch")]
    [InlineData("non-contiguous mask (limbo invalid-ipv4-address)", "C0000201", "C0000200FF00FF00", "MalformedConstraint")]
    [InlineData("mask 0xFE then ones", "C0000201", "C0000200FEFFFF00", "MalformedConstraint")]
    [InlineData("wrong constraint length", "C0000201", "C0000200FFFFFF", "MalformedConstraint")]
    [InlineData("wrong name length (limbo nc-permits-invalid-ip-san)", "C0000200FFFFFF00", "C0000200FFFFFF00", "MalformedName")]
    public void MatchIPAddress(string why, string name, string constraint, string expected) =>
        Assert.True(Enum.Parse<SubtreeMatch>(expected) == NameConstraintMatcher.MatchIPAddress(Convert.FromHexString(name), Convert.FromHexString(constraint)), why);

    [Theory]
    [InlineData("host exact", "http://host.example.com/foo", "host.example.com", "Match")]
    [InlineData("host form is exact (RFC 5280 example)", "http://host1.example.com/foo", "host.example.com", "NoMatch")]
    [InlineData("domain form", "https://www.example.com:8443/x?y#z", ".example.com", "Match")]
    [InlineData("domain form not the domain", "https://example.com/", ".example.com", "NoMatch")]
    [InlineData("userinfo and case", "ldap://user@HOST.Example.com", "host.example.com", "Match")]
    [InlineData("no host (urn)", "urn:uuid:1234", "example.com", "NoMatch")]
    [InlineData("IPv4 host does not match a host constraint", "http://192.0.2.1/", "192.0.2.1", "MalformedConstraint")]
    [InlineData("IPv4 host never matches", "http://192.0.2.1/", ".example.com", "NoMatch")]
    [InlineData("IPv6 literal never matches", "http://[::1]/", ".example.com", "NoMatch")]
    [InlineData("no scheme", "example.com", "example.com", "MalformedName")]
    public void MatchUri(string why, string uri, string constraint, string expected) =>
        Assert.True(Enum.Parse<SubtreeMatch>(expected) == NameConstraintMatcher.MatchUri(uri, constraint), why);

    // ---- the certificate check ----

    private static Certificate MakeCert(string subject, Action<SubjectAlternativeNameBuilder>? san = null, X509Extension? extra = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (san is not null)
        {
            var builder = new SubjectAlternativeNameBuilder();
            san(builder);
            request.CertificateExtensions.Add(builder.Build());
        }

        if (extra is not null)
        {
            request.CertificateExtensions.Add(extra);
        }

        using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(60));
        return Certificate.FromX509Certificate2(cert, CertificateDecoderOptions.Lenient);
    }

    // GeneralSubtree lists: (context tag number, content bytes; for directoryName the Name DER), minimum/maximum optional.
    private static NameConstraints Constraints((int Tag, byte[] Value)[]? permitted, (int Tag, byte[] Value)[]? excluded, int? minimum = null, int? maximum = null)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WriteSubtrees(writer, 0, permitted, minimum, maximum);
            WriteSubtrees(writer, 1, excluded, minimum, maximum);
        }

        return ExtensionDecoder.DecodeNameConstraints(writer.Encode());
    }

    private static void WriteSubtrees(AsnWriter writer, int tag, (int Tag, byte[] Value)[]? subtrees, int? minimum, int? maximum)
    {
        if (subtrees is null)
        {
            return;
        }

        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, tag)))
        {
            foreach ((int t, byte[] value) in subtrees)
            {
                using (writer.PushSequence())
                {
                    if (t == 4)
                    {
                        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4)))
                        {
                            writer.WriteEncodedValue(value);
                        }
                    }
                    else if (t == 0)
                    {
                        writer.WriteEncodedValue(value); // a whole otherName [0] element
                    }
                    else
                    {
                        writer.WriteOctetString(value, new Asn1Tag(TagClass.ContextSpecific, t));
                    }

                    if (minimum is { } min)
                    {
                        writer.WriteInteger(min, new Asn1Tag(TagClass.ContextSpecific, 0));
                    }

                    if (maximum is { } max)
                    {
                        writer.WriteInteger(max, new Asn1Tag(TagClass.ContextSpecific, 1));
                    }
                }
            }
        }
    }

    private static (int, byte[]) Dns(string s) => (2, System.Text.Encoding.ASCII.GetBytes(s));

    private static (int, byte[]) Email(string s) => (1, System.Text.Encoding.ASCII.GetBytes(s));

    private static (int, byte[]) Ip(string hex) => (7, Convert.FromHexString(hex));

    private static (int, byte[]) Dn(string name) => (4, new X500DistinguishedName(name).RawData);

    private static NameConstraintViolation? Check(Certificate cert, NameConstraints nc, bool isLeaf = true)
    {
        int budget = 1000;
        return NameConstraintMatcher.Check(cert, nc, isLeaf, ref budget);
    }

    [Fact]
    public void Check_PermittedAndExcludedDns()
    {
        Certificate cert = MakeCert("CN=leaf", b => { b.AddDnsName("a.example.com"); b.AddDnsName("b.example.com"); });
        Assert.Null(Check(cert, Constraints([Dns("example.com")], null)));
        Assert.Equal(NameConstraintViolationKind.NotPermitted, Check(cert, Constraints([Dns("a.example.com")], null))!.Kind);

        NameConstraintViolation excluded = Check(cert, Constraints(null, [Dns("b.example.com")]))!;
        Assert.Equal(NameConstraintViolationKind.Excluded, excluded.Kind);
        Assert.True(excluded.IsExcluded);
        Assert.Equal("dns:b.example.com", excluded.Name);

        // limbo excluded-match-permitted-and-excluded: excluded wins over permitted.
        Assert.Equal(NameConstraintViolationKind.Excluded, Check(cert, Constraints([Dns("example.com")], [Dns("example.com")]))!.Kind);

        // limbo permitted/excluded-different-constraint-type: constraints of other types do not apply.
        Assert.Null(Check(cert, Constraints([Ip("C0000200FFFFFF00")], null)));
        Assert.Null(Check(cert, Constraints(null, [Ip("C0000200FFFFFF00")])));
    }

    [Fact]
    public void Check_IPAddressSans()
    {
        Certificate cert = MakeCert("CN=leaf", b => b.AddIpAddress(IPAddress.Parse("192.0.2.1")));
        Assert.Null(Check(cert, Constraints([Ip("C0000200FFFFFF00")], null)));
        Assert.Equal(NameConstraintViolationKind.NotPermitted, Check(cert, Constraints([Ip("C0000300FFFFFF00")], null))!.Kind);
        Assert.Equal(NameConstraintViolationKind.Excluded, Check(cert, Constraints(null, [Ip("C0000201FFFFFFFF")]))!.Kind);
        Assert.Equal(NameConstraintViolationKind.MalformedConstraint, Check(cert, Constraints([Ip("C0000200FF00FF00")], null))!.Kind);
    }

    [Fact]
    public void Check_SubjectIsADirectoryName_EvenWhenTheSanMatches()
    {
        // limbo permitted-dn-match-subject-san-mismatch: the subject must be within the permitted DN too.
        Certificate cert = MakeCert("CN=not-foo", b => b.AddDnsName("example.com"));
        Assert.Equal(NameConstraintViolationKind.NotPermitted, Check(cert, Constraints([Dn("CN=foo")], null))!.Kind);

        // limbo excluded-dn-match-sub-mismatch: an excluded DN matching the subject rejects.
        Certificate foo = MakeCert("CN=foo", b => b.AddDnsName("example.com"));
        Assert.Equal(NameConstraintViolationKind.Excluded, Check(foo, Constraints(null, [Dn("CN=foo")]))!.Kind);
        Assert.Null(Check(foo, Constraints([Dn("CN=foo")], null)));

        // Prefix matching with case and string-type differences.
        // (BCL strings list the most specific RDN first; the DER starts with C.)
        Certificate deep = MakeCert("CN=leaf, O=Acme, C=US");
        Assert.Null(Check(deep, Constraints([Dn("O=ACME, C=US")], null)));
        Assert.Equal(NameConstraintViolationKind.NotPermitted, Check(deep, Constraints([Dn("O=Other, C=US")], null))!.Kind);
    }

    [Fact]
    public void Check_SubjectEmailAddress_IsAnRfc822Name()
    {
        Certificate cert = MakeCert("E=user@example.com, CN=leaf");
        Assert.Null(Check(cert, Constraints([Email("example.com")], null)));
        Assert.Equal(NameConstraintViolationKind.NotPermitted, Check(cert, Constraints([Email("other.com")], null))!.Kind);
        Assert.Equal(NameConstraintViolationKind.Excluded, Check(cert, Constraints(null, [Email("user@example.com")]))!.Kind);
    }

    [Fact]
    public void Check_LeafWithOnlyACommonName_IsCheckedAsDns_OrIP()
    {
        Certificate dnsCn = MakeCert("CN=www.other.com");
        Assert.Equal(NameConstraintViolationKind.NotPermitted, Check(dnsCn, Constraints([Dns("example.com")], null))!.Kind);
        Assert.Null(Check(dnsCn, Constraints([Dns("example.com")], null), isLeaf: false));

        Certificate ipCn = MakeCert("CN=192.0.2.9");
        Assert.Equal(NameConstraintViolationKind.Excluded, Check(ipCn, Constraints(null, [Ip("C0000200FFFFFF00")]))!.Kind);

        // A CN that is not a host name is not a DNS name; and with a SAN present the CN is ignored.
        Assert.Null(Check(MakeCert("CN=John Smith"), Constraints([Dns("example.com")], null)));
        Assert.Null(Check(MakeCert("CN=www.other.com", b => b.AddDnsName("www.example.com")), Constraints([Dns("example.com")], null)));
    }

    [Fact]
    public void Check_UnsupportedNameTypes_WithConstraintsOfThatType()
    {
        byte[] otherName = [0xA0, 0x0C, 0x06, 0x03, 0x2A, 0x03, 0x04, 0xA0, 0x05, 0x0C, 0x03, 0x61, 0x62, 0x63];
        Certificate withOther = MakeCert("CN=leaf", extra: new X509Extension("2.5.29.17", [0x30, (byte)otherName.Length, .. otherName], false));
        // limbo nc-forbids-othername / nc-forbids-othername-noop
        Assert.Equal(NameConstraintViolationKind.UnsupportedNameType, Check(withOther, Constraints(null, [(0, otherName)]))!.Kind);
        Assert.Null(Check(MakeCert("CN=leaf", b => b.AddDnsName("example.com")), Constraints(null, [(0, otherName)])));
        Assert.Null(Check(withOther, Constraints([Dns("example.com")], null)));
    }

    [Fact]
    public void Check_MinimumAndMaximum_AreMalformed()
    {
        Certificate cert = MakeCert("CN=leaf", b => b.AddDnsName("example.com"));
        NameConstraints lenientMin = ExtensionDecoderLenient(Constraints_Der([Dns("example.com")], 1, null));
        Assert.Equal(NameConstraintViolationKind.MalformedConstraint, Check(cert, lenientMin)!.Kind);
        NameConstraints lenientMax = ExtensionDecoderLenient(Constraints_Der([Dns("example.com")], null, 3));
        Assert.Equal(NameConstraintViolationKind.MalformedConstraint, Check(cert, lenientMax)!.Kind);
    }

    private static byte[] Constraints_Der((int, byte[])[] permitted, int? minimum, int? maximum)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WriteSubtrees(writer, 0, permitted, minimum, maximum);
        }

        return writer.Encode();
    }

    // The strict public decoder refuses a minimum or maximum; a certificate decoded leniently keeps them.
    private static NameConstraints ExtensionDecoderLenient(byte[] der)
    {
        Certificate ca = MakeCert("CN=ca", extra: new X509Extension("2.5.29.30", der, true));
        Assert.Throws<Pkcs10Exception>(() => Certificate.Decode(ca.RawData));
        return ca.NameConstraints!;
    }

    [Fact]
    public void Check_Budget_IsSpent_AndExhaustionIsReported()
    {
        Certificate cert = MakeCert("CN=leaf", b => { b.AddDnsName("a.example.com"); b.AddDnsName("b.example.com"); });
        NameConstraints nc = Constraints([Dns("x.com"), Dns("example.com")], [Dns("y.com")]);
        int budget = 1000;
        Assert.Null(NameConstraintMatcher.Check(cert, nc, true, ref budget));
        Assert.InRange(1000 - budget, 5, 20);
        budget = 4;
        Assert.Equal(NameConstraintViolationKind.BudgetExhausted, NameConstraintMatcher.Check(cert, nc, true, ref budget)!.Kind);
        Assert.Equal(0, budget);
    }

    private static Certificate Pkits(string name) =>
        Certificate.Decode(File.ReadAllBytes(Path.Combine(SharedTestData.Require(Path.Combine("nist-pkits", "certs")), name + ".crt")), CertificateDecoderOptions.Lenient);

    [Fact]
    public void PkitsNameConstraints_4_13_Agree()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(SharedTestData.Require(Path.Combine("nist-pkits", "pkits-tests.json"))));
        var disagreements = new List<string>();
        int count = 0;
        foreach (JsonElement test in doc.RootElement.EnumerateArray())
        {
            if (!test.GetProperty("test_number").GetString()!.StartsWith("4.13.", StringComparison.Ordinal))
            {
                continue;
            }

            count++;
            Certificate[] path = [.. test.GetProperty("certs").EnumerateArray().Skip(1).Select(e => Pkits(e.GetString()!))];
            NameConstraintViolation? violation = null;
            int budget = 10_000;
            for (int i = 0; i < path.Length && violation is null; i++)
            {
                if (path[i].NameConstraints is not { } nc)
                {
                    continue;
                }

                for (int j = i + 1; j < path.Length && violation is null; j++)
                {
                    bool leaf = j == path.Length - 1;
                    if (!leaf && NameComparer.Equal(path[j].Subject, path[j].Issuer))
                    {
                        continue; // RFC 5280 §6.1.3 (b): self-issued intermediates are not checked.
                    }

                    violation = NameConstraintMatcher.Check(path[j], nc, leaf, ref budget);
                }
            }

            if ((violation is null) != test.GetProperty("should_validate").GetBoolean())
            {
                disagreements.Add($"{test.GetProperty("test_number").GetString()} {test.GetProperty("title").GetString()}: {violation}");
            }
        }

        Assert.Equal(38, count);
        Assert.Empty(disagreements);
    }
}
