using System.Net;
using System.Security.Cryptography.X509Certificates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pkcs10.Extensions;
using Pkcs10.Names;
using Bcl = System.Formats.Asn1;

namespace Pkcs10.Tests.Extensions;

/// <summary>One generated SAN entry: the call to make and the text our decoder should show for it.</summary>
public sealed record SanEntry(string Kind, string Input, string Expected)
{
    public override string ToString() => $"{Kind}({Input})";
}

/// <summary>A generated SAN list.</summary>
public sealed record SanList(SanEntry[] Entries)
{
    public GeneralNamesBuilder Build()
    {
        var b = new GeneralNamesBuilder();
        foreach (SanEntry e in Entries)
        {
            switch (e.Kind)
            {
                case "dns": b.AddDnsName(e.Input); break;
                case "ip": b.AddIpAddress(e.Input); break;
                case "email": b.AddEmailAddress(e.Input); break;
                case "uri": b.AddUri(e.Input); break;
                case "upn": b.AddUserPrincipalName(e.Input); break;
                case "rid": b.AddRegisteredId(e.Input); break;
                case "dir": b.AddDirectoryName(DistinguishedName.Parse(e.Input)); break;
                default: throw new InvalidOperationException(e.Kind);
            }
        }

        return b;
    }

    public override string ToString() => string.Join(", ", Entries.Select(e => e.ToString()));
}

/// <summary>Generators: host names with IDN labels and mixed case, IPv4 and IPv6 in their usual text forms, emails, URIs, UPNs, OIDs, names.</summary>
public static class SanArbitraries
{
    public static Arbitrary<SanList> Lists() => Arb.From(
        from n in Gen.Choose(1, 8)
        from entries in Gen.ArrayOf(EntryGen, n)
        select new SanList([.. entries.DistinctBy(e => e.Kind + ":" + e.Expected)]));

    /// <summary>Lists of the entries the BCL's SubjectAlternativeNameBuilder writes the same way (lowercase ASCII names).</summary>
    public static Arbitrary<BclComparableSanList> BclComparable() => Arb.From(
        from n in Gen.Choose(1, 8)
        from entries in Gen.ArrayOf(Gen.OneOf(AsciiDnsGen, IpGen, EmailGen(ascii: true), UpnGen, HttpsUriGen(ascii: true)), n)
        select new BclComparableSanList(new SanList([.. entries.DistinctBy(e => e.Kind + ":" + e.Expected)])));

    private static readonly Gen<string> AsciiLabelGen =
        from n in Gen.Choose(1, 12)
        from chars in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()), n)
        from hyphenAt in Gen.Choose(0, 10)
        let s = new string(chars)
        select hyphenAt > 0 && hyphenAt < s.Length - 1 ? s[..hyphenAt] + "-" + s[hyphenAt..] : s;

    // IDN labels with their A-labels (computed by IdnMapping, which the builder uses too, in the property).
    private static readonly string[] s_unicodeLabels = ["bücher", "münchen", "例え", "テスト", "straße", "ελληνικά", "пример"];

    private static readonly Gen<(string Input, string Ascii)> LabelGen = Gen.Frequency(
        (6, AsciiLabelGen.Select(l => (l, l))),
        (2, AsciiLabelGen.Select(l => (l.ToUpperInvariant(), l))),
        (1, Gen.Elements(s_unicodeLabels).Select(l => (l, new System.Globalization.IdnMapping { UseStd3AsciiRules = true }.GetAscii(l)))));

    private static readonly Gen<(string Input, string Ascii)> HostGen =
        from n in Gen.Choose(1, 4)
        from labels in Gen.ArrayOf(LabelGen, n)
        from tld in Gen.Elements("com", "example", "org", "test", "de")
        select (string.Join(".", labels.Select(l => l.Input).Append(tld)), string.Join(".", labels.Select(l => l.Ascii).Append(tld)));

    private static readonly Gen<SanEntry> DnsGen =
        from host in HostGen
        from wildcard in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select wildcard ? new SanEntry("dns", "*." + host.Input, "dns:*." + host.Ascii) : new SanEntry("dns", host.Input, "dns:" + host.Ascii);

    private static readonly Gen<SanEntry> AsciiDnsGen =
        from n in Gen.Choose(1, 3)
        from labels in Gen.ArrayOf(AsciiLabelGen, n)
        let host = string.Join(".", labels) + ".example"
        select new SanEntry("dns", host, "dns:" + host);

    private static readonly Gen<SanEntry> IpGen = Gen.OneOf(
        Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), 4).Select(b => new IPAddress(b)),
        Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(0, 255))).Select(i => (byte)i), 16).Select(b => new IPAddress(b)))
        .Select(ip => new SanEntry("ip", ip.ToString(), "ip:" + ip));

    private static Gen<SanEntry> EmailGen(bool ascii) =>
        from local in Gen.OneOf(AsciiLabelGen, Gen.Elements("a.b", "first.last+tag", "o'neil", "\"john doe\"", "x_y"))
        from host in ascii ? AsciiDnsGen.Select(d => (Input: d.Input, Ascii: d.Input)) : HostGen
        select new SanEntry("email", local + "@" + host.Input, "email:" + local + "@" + host.Ascii);

    private static readonly Gen<SanEntry> UpnGen =
        from user in Gen.OneOf(AsciiLabelGen, Gen.Elements("Jörg", "名前"))
        from host in AsciiDnsGen
        select new SanEntry("upn", user + "@" + host.Input, "otherName:1.3.6.1.4.1.311.20.2.3:" + user + "@" + host.Input);

    private static Gen<SanEntry> HttpsUriGen(bool ascii) =>
        from host in ascii ? AsciiDnsGen.Select(d => (Input: d.Input, Ascii: d.Input)) : HostGen
        from path in Gen.Elements("/", "/a", "/a/b%20c", "/x?y=1", "/p#frag", "/~user/")
        select new SanEntry("uri", "https://" + host.Input + path, "uri:https://" + host.Ascii + path);

    private static readonly Gen<SanEntry> OtherUriGen = Gen.Elements(
        new SanEntry("uri", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "uri:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"),
        new SanEntry("uri", "spiffe://example.org/ns/x", "uri:spiffe://example.org/ns/x"),
        new SanEntry("uri", "HTTPS://[2001:DB8::1]:8443/", "uri:https://[2001:db8::1]:8443/"));

    private static readonly Gen<SanEntry> RidGen =
        from a in Gen.Choose(1, 99999)
        select new SanEntry("rid", $"1.3.6.1.4.1.{a}.1", $"registeredId:1.3.6.1.4.1.{a}.1");

    private static readonly Gen<SanEntry> DirGen = Gen.Elements(
        new SanEntry("dir", "CN=x,O=y,C=US", "directoryName:CN=x,O=y,C=US"),
        new SanEntry("dir", "CN=a\\,b+UID=7", "directoryName:CN=a\\,b+UID=7"),
        new SanEntry("dir", "CN=Lu\\C4\\8Di\\C4\\87", "directoryName:CN=Lučić"));

    private static readonly Gen<SanEntry> EntryGen = Gen.Frequency(
        (5, DnsGen), (3, IpGen), (2, EmailGen(ascii: false)), (2, HttpsUriGen(ascii: false)), (1, OtherUriGen),
        (1, UpnGen), (1, RidGen), (1, DirGen));
}

/// <summary>A SAN list the BCL's builder encodes the same way.</summary>
public sealed record BclComparableSanList(SanList List)
{
    public override string ToString() => List.ToString();
}

/// <summary>Generated SAN lists: our decoder, the BCL's SAN extension, AsnReader and the BCL's builder as oracles.</summary>
public class GeneralNamesPropertyTests
{
    [Property(Arbitrary = [typeof(SanArbitraries)], MaxTest = 300)]
    public void Encode_DecodesToTheNormalizedEntries(SanList list)
    {
        byte[] encoded = list.Build().Encode();
        Assert.Equal(list.Entries.Select(e => e.Expected), ExtensionDecoder.DecodeSubjectAltName(encoded).Select(n => n.ToString()));
    }

    [Property(Arbitrary = [typeof(SanArbitraries)], MaxTest = 300)]
    public void BclSanExtension_SeesTheSameDnsNamesAndAddresses(SanList list)
    {
        byte[] encoded = list.Build().Encode();
        var bcl = new X509SubjectAlternativeNameExtension(encoded);
        Assert.Equal(list.Entries.Where(e => e.Kind == "dns").Select(e => e.Expected["dns:".Length..]), bcl.EnumerateDnsNames());
        Assert.Equal(list.Entries.Where(e => e.Kind == "ip").Select(e => IPAddress.Parse(e.Input)), bcl.EnumerateIPAddresses());
    }

    [Property(Arbitrary = [typeof(SanArbitraries)], MaxTest = 300)]
    public void AsnReader_ReadsOurDerStrictly(SanList list)
    {
        byte[] encoded = list.Build().Encode();
        var reader = new Bcl.AsnReader(encoded, Bcl.AsnEncodingRules.DER);
        Bcl.AsnReader seq = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        foreach (SanEntry e in list.Entries)
        {
            Bcl.Asn1Tag tag = seq.PeekTag();
            Assert.Equal(Bcl.TagClass.ContextSpecific, tag.TagClass);
            switch (e.Kind)
            {
                case "dns":
                case "email":
                case "uri":
                    Assert.Equal(e.Expected[(e.Expected.IndexOf(':', StringComparison.Ordinal) + 1)..], seq.ReadCharacterString(Bcl.UniversalTagNumber.IA5String, tag));
                    break;
                case "ip":
                    Assert.Equal(IPAddress.Parse(e.Input).GetAddressBytes(), seq.ReadOctetString(tag));
                    break;
                case "rid":
                    Assert.Equal(e.Input, seq.ReadObjectIdentifier(tag));
                    break;
                default:
                    Bcl.AsnReader inner = seq.ReadSequence(tag);
                    _ = inner.ReadEncodedValue();
                    break;
            }
        }

        seq.ThrowIfNotEmpty();
    }

    [Property(Arbitrary = [typeof(SanArbitraries)], MaxTest = 300)]
    public void SameCalls_OnTheBclsBuilder_GiveTheSameBytes(BclComparableSanList comparable)
    {
        var bcl = new SubjectAlternativeNameBuilder();
        foreach (SanEntry e in comparable.List.Entries)
        {
            switch (e.Kind)
            {
                case "dns": bcl.AddDnsName(e.Input); break;
                case "ip": bcl.AddIpAddress(IPAddress.Parse(e.Input)); break;
                case "email": bcl.AddEmailAddress(e.Input); break;
                case "upn": bcl.AddUserPrincipalName(e.Input); break;
                case "uri": bcl.AddUri(new Uri(e.Input)); break;
                default: throw new InvalidOperationException(e.Kind);
            }
        }

        Assert.Equal(Convert.ToHexString(bcl.Build().RawData), Convert.ToHexString(comparable.List.Build().Encode()));
    }
}
