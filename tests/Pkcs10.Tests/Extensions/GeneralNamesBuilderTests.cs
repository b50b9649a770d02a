using System.Net;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Extensions;
using Pkcs10.Names;
using Bcl = System.Formats.Asn1;

namespace Pkcs10.Tests.Extensions;

/// <summary><see cref="GeneralNamesBuilder"/>: every GeneralName form, the validation rules, and the BCL as an oracle.</summary>
public class GeneralNamesBuilderTests
{
    private const string Upn = "1.3.6.1.4.1.311.20.2.3";

    private static Bcl.Asn1Tag Ctx(int n, bool constructed = false) => new(Bcl.TagClass.ContextSpecific, n, constructed);

    private static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexString(b);

    private static string[] Read(byte[] generalNames) => [.. ExtensionDecoder.DecodeSubjectAltName(generalNames).Select(n => n.ToString())];

    [Fact]
    public void EveryForm_MatchesTheAsnWriterOracle_AndReadsBack()
    {
        DistinguishedName dn = DistinguishedName.Parse("CN=x,O=y");
        var builder = new GeneralNamesBuilder()
            .AddDnsName("device-42.example.com")
            .AddDnsName("*.example.com")
            .AddIpAddress("192.0.2.42")
            .AddIpAddress("2001:db8::42")
            .AddIpAddress(IPAddress.Parse("10.0.0.1"))
            .AddEmailAddress("alice@example.com")
            .AddUri("https://example.com/device/42")
            .AddUserPrincipalName("alice@corp.example.com")
            .AddOtherName("1.3.6.1.5.5.7.8.9", Convert.FromHexString("0C0178"))
            .AddDirectoryName(dn)
            .AddRegisteredId("1.2.3.4");
        Assert.Equal(11, builder.Count);

        var w = new Bcl.AsnWriter(Bcl.AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteCharacterString(Bcl.UniversalTagNumber.IA5String, "device-42.example.com", Ctx(2));
            w.WriteCharacterString(Bcl.UniversalTagNumber.IA5String, "*.example.com", Ctx(2));
            w.WriteOctetString([192, 0, 2, 42], Ctx(7));
            w.WriteOctetString(IPAddress.Parse("2001:db8::42").GetAddressBytes(), Ctx(7));
            w.WriteOctetString([10, 0, 0, 1], Ctx(7));
            w.WriteCharacterString(Bcl.UniversalTagNumber.IA5String, "alice@example.com", Ctx(1));
            w.WriteCharacterString(Bcl.UniversalTagNumber.IA5String, "https://example.com/device/42", Ctx(6));
            using (w.PushSequence(Ctx(0, true)))
            {
                w.WriteObjectIdentifier(Upn);
                using (w.PushSequence(Ctx(0, true)))
                {
                    w.WriteCharacterString(Bcl.UniversalTagNumber.UTF8String, "alice@corp.example.com");
                }
            }

            using (w.PushSequence(Ctx(0, true)))
            {
                w.WriteObjectIdentifier("1.3.6.1.5.5.7.8.9");
                using (w.PushSequence(Ctx(0, true)))
                {
                    w.WriteCharacterString(Bcl.UniversalTagNumber.UTF8String, "x");
                }
            }

            using (w.PushSequence(Ctx(4, true)))
            {
                w.WriteEncodedValue(dn.Encode());
            }

            w.WriteObjectIdentifier("1.2.3.4", Ctx(8));
        }

        byte[] encoded = builder.Encode();
        Assert.Equal(Hex(w.Encode()), Hex(encoded));
        Assert.Equal(
            [
                "dns:device-42.example.com", "dns:*.example.com", "ip:192.0.2.42", "ip:2001:db8::42", "ip:10.0.0.1",
                "email:alice@example.com", "uri:https://example.com/device/42", $"otherName:{Upn}:alice@corp.example.com",
                "otherName:1.3.6.1.5.5.7.8.9:x", "directoryName:CN=x,O=y", "registeredId:1.2.3.4",
            ],
            Read(encoded));
    }

    [Fact]
    public void SameCalls_AsTheBclsBuilder_GiveTheSameBytes()
    {
        var bcl = new SubjectAlternativeNameBuilder();
        bcl.AddDnsName("device-42.example.com");
        bcl.AddDnsName("*.example.com");
        bcl.AddIpAddress(IPAddress.Parse("192.0.2.42"));
        bcl.AddIpAddress(IPAddress.Parse("2001:db8::42"));
        bcl.AddIpAddress(IPAddress.Parse("::ffff:192.0.2.1"));
        bcl.AddEmailAddress("alice@example.com");
        bcl.AddUri(new Uri("https://example.com/device/42"));
        bcl.AddUri(new Uri("https://example.com"));
        bcl.AddUserPrincipalName("alice@corp.example.com");
        X509Extension bclExtension = bcl.Build(critical: true);

        CertificateExtension ours = new GeneralNamesBuilder()
            .AddDnsName("device-42.example.com")
            .AddDnsName("*.example.com")
            .AddIpAddress(IPAddress.Parse("192.0.2.42"))
            .AddIpAddress("2001:db8::42")
            .AddIpAddress("::ffff:192.0.2.1")
            .AddEmailAddress("alice@example.com")
            .AddUri(new Uri("https://example.com/device/42"))
            .AddUri(new Uri("https://example.com"))
            .AddUserPrincipalName("alice@corp.example.com")
            .BuildSubjectAltName(critical: true);

        Assert.Equal(Hex(bclExtension.RawData), Hex(ours.Value.Span));
        Assert.Equal(bclExtension.Oid!.Value, ours.Oid);
        Assert.Equal(bclExtension.Critical, ours.Critical);
    }

    [Fact]
    public void BclSanExtension_ReadsOurDnsNamesAndAddresses()
    {
        byte[] encoded = new GeneralNamesBuilder()
            .AddDnsName("bücher.example").AddIpAddress("192.0.2.1").AddEmailAddress("a@b.example").AddIpAddress("fe80::1").AddDnsName("*.example.org")
            .Encode();
        var bcl = new X509SubjectAlternativeNameExtension(encoded);
        Assert.Equal(["xn--bcher-kva.example", "*.example.org"], bcl.EnumerateDnsNames());
        Assert.Equal([IPAddress.Parse("192.0.2.1"), IPAddress.Parse("fe80::1")], bcl.EnumerateIPAddresses());
    }

    // ---- DNS names ----

    public static TheoryData<string, string> GoodDnsNames => new()
    {
        { "example.com", "example.com" },
        { "EXAMPLE.Com", "example.com" },
        { "localhost", "localhost" },
        { "a-b.c-d.example", "a-b.c-d.example" },
        { "r3---sn-abc.googlevideo.com", "r3---sn-abc.googlevideo.com" },
        { "123.example", "123.example" },
        { "*.example.com", "*.example.com" },
        { "*.Example.COM", "*.example.com" },
        { "bücher.example", "xn--bcher-kva.example" },
        { "Bücher.Example", "xn--bcher-kva.example" },
        { "*.bücher.example", "*.xn--bcher-kva.example" },
        { "münchen.de", "xn--mnchen-3ya.de" },
        { "xn--bcher-kva.example", "xn--bcher-kva.example" },
        { "XN--BCHER-KVA.example", "xn--bcher-kva.example" },
        { "例え.テスト", "xn--r8jz45g.xn--zckzah" },
        { new string('a', 63) + ".com", new string('a', 63) + ".com" },
        { string.Join(".", Enumerable.Repeat(new string('a', 49), 5)) + ".abc", string.Join(".", Enumerable.Repeat(new string('a', 49), 5)) + ".abc" },
    };

    [Theory, MemberData(nameof(GoodDnsNames))]
    public void AddDnsName_Good_IsNormalized(string input, string expected)
    {
        byte[] encoded = new GeneralNamesBuilder().AddDnsName(input).Encode();
        Assert.Equal(["dns:" + expected], Read(encoded));
    }

    public static TheoryData<string, string> BadDnsNames => new()
    {
        { "", "empty" },
        { "example.com.", "drop the final dot" },
        { "a..b", "empty label" },
        { ".a.com", "empty label" },
        { "a_b.com", "'_'" },
        { "a b.com", "U+0020" },
        { "exa\0mple.com", "U+0000" },
        { "foo.*.com", "whole leftmost label" },
        { "f*o.example.com", "whole leftmost label" },
        { "*", "whole leftmost label" },
        { "*.", "drop the final dot" },
        { "**.example.com", "whole leftmost label" },
        { "*.*.example.com", "whole leftmost label" },
        { "-a.com", "starts or ends with '-'" },
        { "a-.com", "starts or ends with '-'" },
        { new string('a', 64) + ".com", "at most 63" },
        { string.Join(".", Enumerable.Repeat(new string('a', 50), 5)) + ".abc", "at most 253" },
        { "1.2.3.4", "IPv4 address" },
        { "example.123", "IPv4 address" },
        { "xn--zz.com", "internationalized domain name" },
        { "ex@mple.com", "'@'" },
        { "https://example.com", "':'" },
    };

    [Theory, MemberData(nameof(BadDnsNames))]
    public void AddDnsName_Bad_ThrowsWithMessage(string input, string fragment)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new GeneralNamesBuilder().AddDnsName(input));
        Assert.Equal("dnsName", e.ParamName);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    // ---- IP addresses ----

    public static TheoryData<string> GoodIpTexts => new()
    {
        "0.0.0.0", "255.255.255.255", "192.0.2.1", "10.0.0.1",
        "::", "::1", "1::", "2001:db8::1", "2001:DB8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "1:2:3:4:5:6:7:8",
        "1::8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "::ffff:192.0.2.1", "::192.0.2.1", "1:2:3:4:5:6:192.0.2.1", "64:ff9b::192.0.2.33",
        "fe80::1", "ff02::1:ff00:0",
    };

    [Theory, MemberData(nameof(GoodIpTexts))]
    public void AddIpAddress_GoodText_MatchesIPAddressParse(string text)
    {
        byte[] encoded = new GeneralNamesBuilder().AddIpAddress(text).Encode();
        GeneralName name = ExtensionDecoder.DecodeSubjectAltName(encoded).Single();
        Assert.Equal(Hex(IPAddress.Parse(text).GetAddressBytes()), Hex(name.IPAddress!.GetAddressBytes()));
    }

    public static TheoryData<string, string> BadIpTexts => new()
    {
        { "", "empty" },
        { "127.1", "four" },
        { "10.1.1", "four" },
        { "1.2.3.4.5", "four" },
        { "1.2.3.", "four" },
        { ".1.2.3", "four" },
        { "010.1.1.1", "leading zero" },
        { "1.2.3.00", "leading zero" },
        { "0x7f.0.0.1", "not a decimal number" },
        { "256.1.1.1", "above 255" },
        { "1.2.3.1000", "above 255" },
        { " 1.2.3.4", "not a decimal number" },
        { "1.2.3.4 ", "not a decimal number" },
        { "1.2.3.4%eth0", "not a decimal number" },
        { "+1.2.3.4", "not a decimal number" },
        { "fe80::1%eth0", "zone identifier" },
        { "fe80::1%4", "zone identifier" },
        { "[::1]", "brackets" },
        { "::1/128", "prefix length" },
        { "1::2::3", "only once" },
        { ":::", "empty group" },
        { ":1::2", "empty group" },
        { "1::2:", "empty group" },
        { "1:2:3:4:5:6:7:8:9", "at most eight groups" },
        { "1:2:3:4:5:6:7", "eight groups" },
        { "1:2:3:4:5:6:7:8::", "too many groups" },
        { "12345::", "one to four hex digits" },
        { "g::1", "one to four hex digits" },
        { "::1.2.3", "embedded IPv4" },
        { "::1.2.3.04", "embedded IPv4" },
        { "1.2.3.4::", "one to four hex digits" },
        { "1:2:3:4:5:6:7:1.2.3.4", "too many groups" },
        { "::ffff:1.2.3.4.5", "embedded IPv4" },
    };

    [Theory, MemberData(nameof(BadIpTexts))]
    public void AddIpAddress_BadText_ThrowsWithMessage(string text, string fragment)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new GeneralNamesBuilder().AddIpAddress(text));
        Assert.Equal("ipAddress", e.ParamName);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddIpAddress_Object_RefusesScopeIdsAndKeepsMappedAddressesAt16Bytes()
    {
        Assert.Throws<ArgumentException>(() => new GeneralNamesBuilder().AddIpAddress(IPAddress.Parse("fe80::1%4")));
        Assert.Throws<ArgumentNullException>(() => new GeneralNamesBuilder().AddIpAddress((IPAddress)null!));
        Assert.Throws<ArgumentNullException>(() => new GeneralNamesBuilder().AddIpAddress((string)null!));
        byte[] encoded = new GeneralNamesBuilder().AddIpAddress(IPAddress.Parse("192.0.2.1").MapToIPv6()).Encode();
        Assert.Equal(16, ExtensionDecoder.DecodeSubjectAltName(encoded).Single().IPAddress!.GetAddressBytes().Length);
    }

    // ---- email ----

    public static TheoryData<string, string> GoodEmails => new()
    {
        { "alice@example.com", "alice@example.com" },
        { "Alice.Smith+tag@Example.COM", "Alice.Smith+tag@example.com" },
        { "\"a b\"@example.com", "\"a b\"@example.com" },
        { "\"a\\\"b@c\"@example.com", "\"a\\\"b@c\"@example.com" },
        { "user@bücher.example", "user@xn--bcher-kva.example" },
        { "!#$%&'*+-/=?^_`{|}~@example.com", "!#$%&'*+-/=?^_`{|}~@example.com" },
        { "root@localhost", "root@localhost" },
        { new string('a', 64) + "@example.com", new string('a', 64) + "@example.com" },
    };

    [Theory, MemberData(nameof(GoodEmails))]
    public void AddEmailAddress_Good_KeepsTheLocalPartAndNormalizesTheDomain(string input, string expected)
    {
        Assert.Equal(["email:" + expected], Read(new GeneralNamesBuilder().AddEmailAddress(input).Encode()));
    }

    public static TheoryData<string, string> BadEmails => new()
    {
        { "", "empty" },
        { "alice", "no '@'" },
        { "@example.com", "local part before '@' is empty" },
        { "alice@", "domain after '@' is empty" },
        { "Alice <alice@example.com>", "display names and angle brackets" },
        { "<alice@example.com>", "angle brackets" },
        { "alice@[192.0.2.1]", "address literals" },
        { "é@example.com", "SmtpUTF8Mailbox" },
        { "a..b@example.com", "doubled '.'" },
        { ".a@example.com", "leading" },
        { "a.@example.com", "trailing" },
        { "a b@example.com", "U+0020" },
        { "a@b@example.com", "'@'" },
        { "a(comment)@example.com", "'('" },
        { "\"unterminated@example.com", "must end with '\"'" },
        { "\"a\"b\"@example.com", "'\"'" },
        { new string('a', 65) + "@example.com", "at most 64" },
        { "alice@example.com.", "final dot" },
        { "alice@*.example.com", "wildcard" },
        { "alice@exa_mple.com", "'_'" },
        { "alice@" + string.Join(".", Enumerable.Repeat(new string('a', 62), 4)), "at most 254" },
    };

    [Theory, MemberData(nameof(BadEmails))]
    public void AddEmailAddress_Bad_ThrowsWithMessage(string input, string fragment)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new GeneralNamesBuilder().AddEmailAddress(input));
        Assert.Equal("emailAddress", e.ParamName);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    // ---- URIs ----

    public static TheoryData<string, string> GoodUris => new()
    {
        { "https://example.com/a?b#c", "https://example.com/a?b#c" },
        { "HTTPS://Example.COM:8443/Path", "https://example.com:8443/Path" },
        { "https://bücher.example/x", "https://xn--bcher-kva.example/x" },
        { "https://example.com", "https://example.com" },
        { "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6" },
        { "mailto:alice@example.com", "mailto:alice@example.com" },
        { "spiffe://example.org/ns/default/sa/x", "spiffe://example.org/ns/default/sa/x" },
        { "https://[2001:DB8::1]:443/", "https://[2001:db8::1]:443/" },
        { "ldap://ldap.example.com/cn=x,dc=example?cert", "ldap://ldap.example.com/cn=x,dc=example?cert" },
        { "https://user:pw@example.com/", "https://user:pw@example.com/" },
        { "https://192.0.2.1/", "https://192.0.2.1/" },
        { "https://example.com/%E2%82%AC", "https://example.com/%E2%82%AC" },
        { "https://example.com:/", "https://example.com:/" },
        { "tag:example.com,2005:x", "tag:example.com,2005:x" },
    };

    [Theory, MemberData(nameof(GoodUris))]
    public void AddUri_Good_LowercasesSchemeAndHostOnly(string input, string expected)
    {
        Assert.Equal(["uri:" + expected], Read(new GeneralNamesBuilder().AddUri(input).Encode()));
    }

    public static TheoryData<string, string> BadUris => new()
    {
        { "", "empty" },
        { "/relative", "not an absolute URI" },
        { "example.com/x", "not an absolute URI" },
        { "1http://x", "not an absolute URI" },
        { "https:", "nothing follows the scheme" },
        { "https:/x", "needs an authority" },
        { "spiffe:x", "needs an authority" },
        { "http:///x", "no host" },
        { "ldap:///cn=x", "no host" },
        { "https://", "no host" },
        { "https://:443/", "no host" },
        { "https://ex ample.com/", "U+0020" },
        { "https://example.com/a b", "U+0020" },
        { "https://example.com/é", "percent-encode non-ASCII" },
        { "https://example.com/%zz", "percent-encoded octet" },
        { "https://example.com/%4", "percent-encoded octet" },
        { "https://[::1/", "no closing ']'" },
        { "https://[v1.x]/", "IPvFuture" },
        { "https://[1.2.3.4]/", "IPv6" },
        { "https://[fe80::1%25eth0]/", "IPv6" },
        { "https://example.com:99999/", "not a valid port" },
        { "https://example.com:8a/", "not a valid port" },
        { "https://exa%41mple.com/", "percent-encoded host" },
        { "https://1.2.3/", "not a valid IPv4 address" },
        { "https://010.0.0.1/", "not a valid IPv4 address" },
        { "https://example.com/#a#b", "'#'" },
        { "https://example.com/<x>", "'<'" },
        { "https://example.com/a\\b", "'\\'" },
        { "https://*.example.com/", "wildcard" },
        { "https://example.com./", "final dot" },
    };

    [Theory, MemberData(nameof(BadUris))]
    public void AddUri_Bad_ThrowsWithMessage(string input, string fragment)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new GeneralNamesBuilder().AddUri(input));
        Assert.Equal("uri", e.ParamName);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddUri_UriObject_UsesAbsoluteUri_AndConvertsAnIdnHost()
    {
        Assert.Equal(["uri:https://example.com/a%20b"], Read(new GeneralNamesBuilder().AddUri(new Uri("HTTPS://Example.COM/a b")).Encode()));

        // Where the BCL's builder throws (AbsoluteUri keeps a Unicode host), we write the A-label.
        Assert.ThrowsAny<Exception>(() => new SubjectAlternativeNameBuilder().AddUri(new Uri("https://bücher.example/x")));
        Assert.Equal(["uri:https://xn--bcher-kva.example/x"], Read(new GeneralNamesBuilder().AddUri(new Uri("https://bücher.example/x")).Encode()));

        Assert.Throws<ArgumentException>(() => new GeneralNamesBuilder().AddUri(new Uri("/relative", UriKind.Relative)));
        Assert.Throws<ArgumentNullException>(() => new GeneralNamesBuilder().AddUri((Uri)null!));
    }

    // ---- otherName, UPN, directoryName, registeredID ----

    [Fact]
    public void AddUserPrincipalName_ChecksTheForm()
    {
        Assert.Equal([$"otherName:{Upn}:Jörg@corp.example"], Read(new GeneralNamesBuilder().AddUserPrincipalName("Jörg@corp.example").Encode()));
        foreach (string bad in (string[])["", "alice", "@corp", "alice@", "a\uD800@corp"])
        {
            ArgumentException e = Assert.Throws<ArgumentException>(() => new GeneralNamesBuilder().AddUserPrincipalName(bad));
            Assert.Equal("userPrincipalName", e.ParamName);
        }
    }

    [Fact]
    public void AddOtherName_ValidatesTheOidAndTheValue()
    {
        byte[] encoded = new GeneralNamesBuilder().AddOtherName("1.3.6.1.5.5.7.8.4", Convert.FromHexString("300C06032B06010405010203040A")).Encode();
        Assert.Equal("otherName:1.3.6.1.5.5.7.8.4:#300c06032b06010405010203040a", Read(encoded).Single());

        var b = new GeneralNamesBuilder();
        Assert.Equal("typeId", Assert.Throws<ArgumentException>(() => b.AddOtherName("1.2.x", [0x05, 0x00])).ParamName);
        Assert.Equal("encodedValue", Assert.Throws<ArgumentException>(() => b.AddOtherName("1.2.3", [])).ParamName);
        Assert.Contains("NonMinimalInteger", Assert.Throws<ArgumentException>(() => b.AddOtherName("1.2.3", [0x02, 0x02, 0x00, 0x01])).Message, StringComparison.Ordinal);
        Assert.Contains("TrailingData", Assert.Throws<ArgumentException>(() => b.AddOtherName("1.2.3", [0x05, 0x00, 0x05, 0x00])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDirectoryName_RefusesTheEmptyName()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new GeneralNamesBuilder().AddDirectoryName(DistinguishedName.Parse(""))).ParamName);
        Assert.Throws<ArgumentNullException>(() => new GeneralNamesBuilder().AddDirectoryName(null!));
        GeneralName read = ExtensionDecoder.DecodeSubjectAltName(new GeneralNamesBuilder().AddDirectoryName(DistinguishedName.Parse("CN=a+UID=b,C=US")).Encode()).Single();
        Assert.Equal("CN=a+UID=b,C=US", read.DirectoryName!.ToString());
    }

    [Fact]
    public void AddRegisteredId_ValidatesTheOid()
    {
        Assert.Equal(["registeredId:2.25.329800735698586629295641978511506172918"], Read(new GeneralNamesBuilder().AddRegisteredId("2.25.329800735698586629295641978511506172918").Encode()));
        Assert.Equal("oid", Assert.Throws<ArgumentException>(() => new GeneralNamesBuilder().AddRegisteredId("1")).ParamName);
    }

    // ---- list rules ----

    [Fact]
    public void Duplicates_AreRefused_AfterNormalization()
    {
        var b = new GeneralNamesBuilder().AddDnsName("example.com").AddIpAddress("192.0.2.1").AddEmailAddress("a@example.com").AddUri("https://example.com/");
        Assert.Contains("already in the list", Assert.Throws<ArgumentException>(() => b.AddDnsName("EXAMPLE.com")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => b.AddIpAddress(IPAddress.Parse("192.0.2.1")));
        Assert.Throws<ArgumentException>(() => b.AddEmailAddress("a@EXAMPLE.COM"));
        Assert.Throws<ArgumentException>(() => b.AddUri("HTTPS://EXAMPLE.COM/"));
        Assert.Equal(4, b.Count);

        // Different names that only look alike are kept: the local part of an address is case-sensitive.
        b.AddEmailAddress("A@example.com").AddDnsName("www.example.com").AddIpAddress("::ffff:192.0.2.1");
        Assert.Equal(7, b.Count);
    }

    [Fact]
    public void Empty_CannotBeEncoded()
    {
        var b = new GeneralNamesBuilder();
        Assert.Throws<InvalidOperationException>(() => b.Encode());
        Assert.Throws<InvalidOperationException>(() => b.TryEncode(new byte[16], out _));
        Assert.Throws<InvalidOperationException>(() => b.BuildSubjectAltName());
    }

    [Fact]
    public void MaxEntries_IsTheDecodersLimit()
    {
        var b = new GeneralNamesBuilder();
        for (int i = 0; i < ExtensionDecoder.MaxEntries; i++)
        {
            b.AddIpAddress(new IPAddress(BitConverter.GetBytes(i + 1)));
        }

        Assert.Throws<InvalidOperationException>(() => b.AddDnsName("one-more.example"));
        Assert.Equal(ExtensionDecoder.MaxEntries, ExtensionDecoder.DecodeSubjectAltName(b.Encode()).Count);
    }

    [Fact]
    public void TryEncode_AndBuildSubjectAltName()
    {
        var b = new GeneralNamesBuilder().AddDnsName("example.com");
        byte[] expected = b.Encode();
        Assert.False(b.TryEncode(new byte[expected.Length - 1], out int written));
        Assert.Equal(0, written);
        byte[] buffer = new byte[expected.Length + 4];
        Assert.True(b.TryEncode(buffer, out written));
        Assert.Equal(expected, buffer[..written]);

        CertificateExtension plain = b.BuildSubjectAltName();
        Assert.Equal("2.5.29.17", plain.Oid);
        Assert.False(plain.Critical);
        Assert.Equal(expected, plain.Value.ToArray());
        Assert.Equal(-1, plain.Offset);
        Assert.True(b.BuildSubjectAltName(critical: true).Critical);
    }
}
