using Pkcs10.Asn1;
using Pkcs10.Names;
using static Pkcs10.Tests.Names.NameOracle;
using A = Pkcs10.Tests.Names.OracleAttribute;

namespace Pkcs10.Tests.Names;

/// <summary><see cref="DistinguishedName.Parse(string, DistinguishedNameEncodingOptions?)"/>: RFC 4514 §3 text to DER.</summary>
public class DistinguishedNameParseTests
{
    // ---- RFC 4514 §4 examples: the DER comes from System.Formats.Asn1, the text back from our formatter ----

    public static TheoryData<string, string, string> Rfc4514Examples => new()
    {
        {
            "UID=jsmith,DC=example,DC=net",
            Hex(Simple(A.IA5(DC, "net"), A.IA5(DC, "example"), A.Utf8(UID, "jsmith"))),
            "UID=jsmith,DC=example,DC=net"
        },
        {
            "OU=Sales+CN=J.  Smith,DC=example,DC=net",
            Hex(Name([A.IA5(DC, "net")], [A.IA5(DC, "example")], [A.Utf8(OU, "Sales"), A.Utf8(CN, "J.  Smith")])),
            "OU=Sales+CN=J.  Smith,DC=example,DC=net"
        },
        {
            "CN=James \\\"Jim\\\" Smith\\, III,DC=example,DC=net",
            Hex(Simple(A.IA5(DC, "net"), A.IA5(DC, "example"), A.Utf8(CN, "James \"Jim\" Smith, III"))),
            "CN=James \\\"Jim\\\" Smith\\, III,DC=example,DC=net"
        },
        {
            "CN=Before\\0dAfter,DC=example,DC=net",
            Hex(Simple(A.IA5(DC, "net"), A.IA5(DC, "example"), A.Utf8(CN, "Before\rAfter"))),
            "CN=Before\\0dAfter,DC=example,DC=net"
        },
        {
            "1.3.6.1.4.1.1466.0=#04024869,DC=example,DC=com",
            Hex(Simple(A.IA5(DC, "com"), A.IA5(DC, "example"), A.Raw("1.3.6.1.4.1.1466.0", "04024869"))),
            "1.3.6.1.4.1.1466.0=#04024869,DC=example,DC=com"
        },
        {
            "CN=Lu\\C4\\8Di\\C4\\87",
            Hex(Simple(A.Utf8(CN, "Lučić"))),
            "CN=Lučić"
        },
    };

    [Theory, MemberData(nameof(Rfc4514Examples))]
    public void Parse_Rfc4514Section4Example_MatchesOracleAndFormatsBack(string text, string expectedDer, string formatted)
    {
        DistinguishedName name = DistinguishedName.Parse(text);
        Assert.Equal(expectedDer, Hex(name.RawData));
        Assert.Equal(formatted, name.ToString());
        Assert.Equal(expectedDer, Hex(DistinguishedName.Parse(name.ToString()).RawData));
    }

    [Fact]
    public void Parse_TextOrder_IsReverseOfEncodedOrder()
    {
        DistinguishedName name = DistinguishedName.Parse("CN=device-42,O=Acme\\, Inc.,C=US");
        AssertDer(Simple(A.Printable(C, "US"), A.Utf8(O, "Acme, Inc."), A.Utf8(CN, "device-42")), name);
        Assert.Equal(["2.5.4.6", "2.5.4.10", "2.5.4.3"], name.Rdns.Select(r => r.Attributes[0].Oid));
    }

    // ---- tricky values: each text parses to one CN whose value is given; the formatter writes the canonical text ----

    public static TheoryData<string, string, string, string> TrickyValues => new()
    {
        { "leading '#' escaped", "CN=\\#hash", "#hash", "CN=\\#hash" },
        { "'#' inside needs no escape", "CN=a#b", "a#b", "CN=a#b" },
        { "leading space escaped", "CN=\\ x", " x", "CN=\\ x" },
        { "trailing space escaped", "CN=x\\ ", "x ", "CN=x\\ " },
        { "leading and trailing spaces escaped", "CN=\\  x  \\ ", "  x   ", "CN=\\  x  \\ " },
        { "a value of one space", "CN=\\ ", " ", "CN=\\ " },
        { "a value of three spaces", "CN=\\  \\ ", "   ", "CN=\\  \\ " },
        { "unescaped spaces around '=' and at the end are ignored", "CN =  x  ", "x", "CN=x" },
        { "interior spaces are kept", "CN=a   b", "a   b", "CN=a   b" },
        { "escaped '+'", "CN=a\\+b", "a+b", "CN=a\\+b" },
        { "escaped ','", "CN=a\\,b", "a,b", "CN=a\\,b" },
        { "escaped '\\'", "CN=a\\\\b", "a\\b", "CN=a\\\\b" },
        { "escaped '\"'", "CN=a\\\"b", "a\"b", "CN=a\\\"b" },
        { "escaped ';'", "CN=a\\;b", "a;b", "CN=a\\;b" },
        { "escaped '<' and '>'", "CN=\\<a\\>", "<a>", "CN=\\<a\\>" },
        { "'=' needs no escape", "CN=a=b", "a=b", "CN=a=b" },
        { "escaped '='", "CN=a\\=b", "a=b", "CN=a=b" },
        { "NUL as a hex pair", "CN=a\\00b", "a\0b", "CN=a\\00b" },
        { "control characters as hex pairs", "CN=\\01\\1f\\7f", "\u0001\u001f\u007f", "CN=\\01\\1f\\7f" },
        { "special characters as hex pairs", "CN=\\2C\\2b\\22", ",+\"", "CN=\\,\\+\\\"" },
        { "literal é", "CN=é", "é", "CN=é" },
        { "é as UTF-8 hex pairs", "CN=\\C3\\A9", "é", "CN=é" },
        { "lowercase hex pairs", "CN=\\c3\\a9", "é", "CN=é" },
        { "CJK", "CN=漢字", "漢字", "CN=漢字" },
        { "CJK as hex pairs", "CN=\\E6\\BC\\A2\\E5\\AD\\97", "漢字", "CN=漢字" },
        { "emoji (a surrogate pair)", "CN=😀", "😀", "CN=😀" },
        { "emoji as hex pairs", "CN=\\F0\\9F\\98\\80", "😀", "CN=😀" },
        { "hex pairs and literals mixed", "CN=Lu\\C4\\8Di\\c4\\87 x", "Lučić x", "CN=Lučić x" },
        { "everything at once", "CN=\\#\\\"\\+\\,\\;\\<\\>\\\\\\=\\00é\\ ", "#\"+,;<>\\=\0é ", "CN=\\#\\\"\\+\\,\\;\\<\\>\\\\=\\00é\\ " },
    };

    [Theory, MemberData(nameof(TrickyValues))]
    public void Parse_TrickyValue_DecodesAndFormatsCanonically(string why, string text, string value, string canonical)
    {
        DistinguishedName name = DistinguishedName.Parse(text);
        AssertDer(Simple(A.Utf8(CN, value)), name);
        Assert.Equal(value, name.Rdns[0].Attributes[0].Value);
        Assert.Equal(canonical, name.ToString());
        Assert.True(name.RawData.Span.SequenceEqual(DistinguishedName.Parse(canonical).RawData.Span), why);
    }

    [Fact]
    public void Parse_SpacesAroundSeparators_AreIgnored()
    {
        DistinguishedName name = DistinguishedName.Parse("  CN = a ,  O=b+ OU = c ,C=US  ");
        AssertDer(Name([A.Printable(C, "US")], [A.Utf8(O, "b"), A.Utf8(OU, "c")], [A.Utf8(CN, "a")]), name);
        Assert.Equal("CN=a,O=b+OU=c,C=US", name.ToString());
    }

    // ---- multi-valued RDNs and #hex values ----

    [Fact]
    public void Parse_MultiValuedRdn_IsSortedIntoDerOrder()
    {
        DistinguishedName name = DistinguishedName.Parse("CN=b+CN=a+UID=u");
        Assert.Single(name.Rdns);
        Assert.True(name.Rdns[0].IsMultiValued);
        AssertDer(Name([A.Utf8(CN, "b"), A.Utf8(CN, "a"), A.Utf8(UID, "u")]), name);
        Assert.Equal(["a", "b", "u"], name.Rdns[0].Attributes.Select(a => a.Value));
        Assert.Equal("CN=a+CN=b+UID=u", name.ToString());
    }

    public static TheoryData<string, string, string> HexValues => new()
    {
        { "a UTF8String, kept as is", "CN=#0c03616263", "0C03616263" },
        { "a PrintableString for CN (not the default type)", "CN=#1303616263", "1303616263" },
        { "a BMPString", "CN=#1e0400e90041", "1E0400E90041" },
        { "an INTEGER", "1.2.3.4=#020180", "020180" },
        { "an OCTET STRING", "1.3.6.1.4.1.1466.0=#04024869", "04024869" },
        { "a SEQUENCE of an INTEGER and a BOOLEAN", "1.2.3.4=#30060201050101ff", "30060201050101FF" },
        { "a sorted SET", "1.2.3.4=#3106020101020102", "3106020101020102" },
        { "an empty UTF8String for an unknown type", "1.2.3.4=#0c00", "0C00" },
        { "a context-specific primitive", "1.2.3.4=#8001ff", "8001FF" },
        { "uppercase hex, spaces after", "CN=#0C0161  ,O=x", "0C0161" },
    };

    [Theory, MemberData(nameof(HexValues))]
    public void Parse_HexValue_KeepsTheEncodingExactly(string why, string text, string valueHex)
    {
        DistinguishedName name = DistinguishedName.Parse(text);
        AttributeTypeAndValue first = name.Rdns[^1].Attributes[0];
        Assert.True(valueHex == Hex(first.RawValue), why);
    }

    [Fact]
    public void Parse_HexValue_SkipsSizeLimitsAndStringTypeRules()
    {
        // A 65-character CN and a three-letter C are refused as text but accepted as #hex (the caller's exact bytes).
        string longCn = "0C41" + string.Concat(Enumerable.Repeat("61", 65));
        Assert.Throws<Pkcs10Exception>(() => DistinguishedName.Parse("CN=" + new string('a', 65)));
        Assert.Equal(65, DistinguishedName.Parse("CN=#" + longCn).Rdns[0].Attributes[0].Value!.Length);
        Assert.Equal("USA", DistinguishedName.Parse("C=#1303555341").Rdns[0].Attributes[0].Value);
    }

    // ---- attribute types ----

    public static TheoryData<string, string> TypeNames => new()
    {
        { "CN", "2.5.4.3" }, { "cn", "2.5.4.3" }, { "commonName", "2.5.4.3" }, { "2.5.4.3", "2.5.4.3" }, { "OID.2.5.4.3", "2.5.4.3" }, { "oid.2.5.4.3", "2.5.4.3" },
        { "O", "2.5.4.10" }, { "organizationName", "2.5.4.10" },
        { "OU", "2.5.4.11" }, { "ou", "2.5.4.11" }, { "organizationalUnitName", "2.5.4.11" },
        { "L", "2.5.4.7" }, { "localityName", "2.5.4.7" },
        { "ST", "2.5.4.8" }, { "S", "2.5.4.8" }, { "stateOrProvinceName", "2.5.4.8" },
        { "STREET", "2.5.4.9" }, { "street", "2.5.4.9" }, { "streetAddress", "2.5.4.9" },
        { "UID", "0.9.2342.19200300.100.1.1" }, { "userid", "0.9.2342.19200300.100.1.1" },
        { "SN", "2.5.4.4" }, { "surname", "2.5.4.4" },
        { "GN", "2.5.4.42" }, { "givenName", "2.5.4.42" }, { "G", "2.5.4.42" },
        { "title", "2.5.4.12" }, { "T", "2.5.4.12" },
        { "initials", "2.5.4.43" }, { "I", "2.5.4.43" },
        { "postalCode", "2.5.4.17" }, { "PostalCode", "2.5.4.17" },
        { "pseudonym", "2.5.4.65" },
        { "generationQualifier", "2.5.4.44" },
        { "organizationIdentifier", "2.5.4.97" },
        { "1.3.6.1.4.1.311.60.2.1.3", "1.3.6.1.4.1.311.60.2.1.3" },
        { "2.5.4.15", "2.5.4.15" },
    };

    [Theory, MemberData(nameof(TypeNames))]
    public void Parse_TypeName_ResolvesCaseInsensitively(string type, string oid)
    {
        DistinguishedName name = DistinguishedName.Parse(type + "=value");
        Assert.Equal(oid, name.Rdns[0].Attributes[0].Oid);
        Assert.Equal(UniversalTagNumber.Utf8String, name.Rdns[0].Attributes[0].StringType);
    }

    public static TheoryData<string, string, UniversalTagNumber> StringTypes => new()
    {
        { "C=US", "US", UniversalTagNumber.PrintableString },
        { "C=us", "us", UniversalTagNumber.PrintableString },
        { "2.5.4.6=DE", "DE", UniversalTagNumber.PrintableString },
        { "serialNumber=ABC 123-4", "ABC 123-4", UniversalTagNumber.PrintableString },
        { "SERIALNUMBER=abc_1", "abc_1", UniversalTagNumber.Utf8String },
        { "dnQualifier=x(1)", "x(1)", UniversalTagNumber.PrintableString },
        { "dnQualifier=x*1", "x*1", UniversalTagNumber.Utf8String },
        { "emailAddress=alice@example.com", "alice@example.com", UniversalTagNumber.IA5String },
        { "E=a_b@example.com", "a_b@example.com", UniversalTagNumber.IA5String },
        { "DC=example", "example", UniversalTagNumber.IA5String },
        { "CN=plain", "plain", UniversalTagNumber.Utf8String },
        { "O=Acme", "Acme", UniversalTagNumber.Utf8String },
        { "1.2.3.4=anything", "anything", UniversalTagNumber.Utf8String },
    };

    [Theory, MemberData(nameof(StringTypes))]
    public void Parse_StringType_FollowsRfc5280(string text, string value, UniversalTagNumber type)
    {
        AttributeTypeAndValue a = DistinguishedName.Parse(text).Rdns[0].Attributes[0];
        Assert.Equal(type, a.StringType);
        Assert.Equal(value, a.Value);
    }

    [Fact]
    public void Parse_StringTypeOverride_AppliesPerAttributeType()
    {
        var options = new DistinguishedNameEncodingOptions
        {
            StringTypes = new Dictionary<string, UniversalTagNumber>
            {
                ["CN"] = UniversalTagNumber.PrintableString,
                ["2.5.4.10"] = UniversalTagNumber.BmpString,
                ["emailAddress"] = UniversalTagNumber.Utf8String,
            },
        };
        DistinguishedName name = DistinguishedName.Parse("CN=abc,O=Acmé,E=é@example.com,OU=x", options);
        Assert.Equal(
            [UniversalTagNumber.Utf8String, UniversalTagNumber.Utf8String, UniversalTagNumber.BmpString, UniversalTagNumber.PrintableString],
            name.Rdns.Select(r => r.Attributes[0].StringType!.Value));

        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => DistinguishedName.Parse("CN=a_b", options));
        Assert.Equal(3, e.Offset);
        Assert.Contains("PrintableString", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BadKeyOrType_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new DistinguishedNameEncodingOptions { StringTypes = new Dictionary<string, UniversalTagNumber> { ["NOPE"] = UniversalTagNumber.Utf8String } });
        Assert.Throws<ArgumentException>(() => new DistinguishedNameEncodingOptions { StringTypes = new Dictionary<string, UniversalTagNumber> { ["CN"] = UniversalTagNumber.GeneralString } });
        Assert.Throws<ArgumentException>(() => new DistinguishedNameEncodingOptions { StringTypes = new Dictionary<string, UniversalTagNumber> { ["CN"] = UniversalTagNumber.Integer } });
    }

    // ---- size limits ----

    public static TheoryData<string, int> Limits => new()
    {
        { "CN", 64 }, { "O", 64 }, { "OU", 64 }, { "title", 64 }, { "serialNumber", 64 },
        { "L", 128 }, { "ST", 128 }, { "STREET", 128 }, { "pseudonym", 128 },
        { "emailAddress", 255 }, { "postalCode", 40 }, { "UID", 256 }, { "DC", 63 },
        { "SN", 32768 }, { "GN", 32768 }, { "initials", 32768 }, { "generationQualifier", 32768 },
    };

    [Theory, MemberData(nameof(Limits))]
    public void Parse_SizeLimit_IsEnforcedInCharactersAndCanBeTurnedOff(string type, int limit)
    {
        DistinguishedName atLimit = DistinguishedName.Parse($"{type}={new string('a', limit)}");
        Assert.Equal(limit, atLimit.Rdns[0].Attributes[0].Value!.Length);

        string over = $"{type}={new string('a', limit + 1)}";
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => DistinguishedName.Parse(over));
        Assert.Equal(Pkcs10ErrorCode.InvalidDistinguishedNameText, e.Code);
        Assert.Equal(type.Length + 1, e.Offset);
        Assert.Contains($"upper bound is {limit}", e.Detail, StringComparison.Ordinal);
        Assert.Contains("EnforceSizeLimits", e.Detail, StringComparison.Ordinal);

        DistinguishedName lenient = DistinguishedName.Parse(over, new DistinguishedNameEncodingOptions { EnforceSizeLimits = false });
        Assert.Equal(limit + 1, lenient.Rdns[0].Attributes[0].Value!.Length);
    }

    [Fact]
    public void Parse_SizeLimit_CountsCharactersNotUtf16UnitsOrBytes()
    {
        // 64 emoji: 128 UTF-16 code units and 256 UTF-8 bytes, but 64 characters.
        string value = string.Concat(Enumerable.Repeat("😀", 64));
        Assert.Equal(value, DistinguishedName.Parse("CN=" + value).Rdns[0].Attributes[0].Value);
        Assert.Throws<Pkcs10Exception>(() => DistinguishedName.Parse("CN=" + value + "😀"));
    }

    [Fact]
    public void Parse_UnboundedAndUnknownTypes_HaveNoLimit()
    {
        string big = new('a', 5000);
        Assert.Equal(5000, DistinguishedName.Parse("organizationIdentifier=" + big).Rdns[0].Attributes[0].Value!.Length);
        Assert.Equal(5000, DistinguishedName.Parse("dnQualifier=" + big).Rdns[0].Attributes[0].Value!.Length);
        Assert.Equal(5000, DistinguishedName.Parse("1.2.3.4=" + big).Rdns[0].Attributes[0].Value!.Length);
        Assert.Equal("", DistinguishedName.Parse("1.2.3.4=").Rdns[0].Attributes[0].Value);
    }

    [Fact]
    public void Parse_Empty_IsTheEmptyName()
    {
        foreach (string text in (string[])["", "   "])
        {
            DistinguishedName name = DistinguishedName.Parse(text);
            Assert.True(name.IsEmpty);
            Assert.Equal("3000", Hex(name.RawData));
            Assert.Equal("", name.ToString());
        }
    }

    // ---- malformed text: the error code and the character position ----

    public static TheoryData<string, string, int> Malformed => new()
    {
        { "unescaped '\"'", "CN=a\"b", 4 },
        { "quoted value (RFC 1779)", "CN=\"a,b\"", 3 },
        { "';' separator (RFC 2253)", "CN=a;O=b", 4 },
        { "unescaped '<'", "CN=a<b", 4 },
        { "unescaped '>'", "CN=a>b", 4 },
        { "raw NUL", "CN=a\0b", 4 },
        { "trailing ','", "CN=a,", 5 },
        { "trailing ',' and spaces", "CN=a,  ", 7 },
        { "leading ','", ",CN=a", 0 },
        { "empty RDN between commas", "CN=a,,O=b", 5 },
        { "trailing '+'", "CN=a+", 5 },
        { "'+' without an attribute", "CN=a++O=b", 5 },
        { "no '='", "CN", 2 },
        { "no '=' before the next RDN", "CN,O=b", 2 },
        { "no type", "=a", 0 },
        { "type with a space inside", "C N=x", 2 },
        { "type starting with '-'", "-CN=x", 0 },
        { "type starting with a non-ASCII letter", "ÇN=x", 0 },
        { "unknown short name", "XX=a", 0 },
        { "unknown short name after a good RDN", "CN=a,FOO=b", 5 },
        { "OID with a leading zero", "2.05.4.3=a", 0 },
        { "OID with one arc", "2=a", 0 },
        { "OID ending in '.'", "2.5.4.=a", 0 },
        { "OID first arc above 2", "3.1=a", 0 },
        { "'OID.' with no number", "OID.=a", 0 },
        { "unknown escape", "CN=a\\qb", 4 },
        { "escape at the end", "CN=a\\", 4 },
        { "one hex digit at the end", "CN=\\4", 3 },
        { "one hex digit before a letter", "CN=x\\4g", 4 },
        { "hex pairs that are not UTF-8", "CN=x\\C3\\28", 4 },
        { "a lone UTF-8 continuation byte", "CN=\\80", 3 },
        { "a truncated UTF-8 sequence at the end", "CN=ab\\E6\\BC", 5 },
        { "overlong UTF-8 for '/'", "CN=\\C0\\AF", 3 },
        { "UTF-8 of a surrogate", "CN=\\ED\\A0\\80", 3 },
        { "lone high surrogate", "CN=a\uD800", 4 },
        { "lone low surrogate", "CN=\uDC00b", 3 },
        { "'#' with no digits", "CN=#", 3 },
        { "'#' with an odd number of digits", "CN=#0c0", 3 },
        { "'#' followed by text", "CN=#0c0161x", 10 },
        { "'#' with a space inside", "CN=#0c 0161", 7 },
        { "'#' that is not DER: non-minimal INTEGER", "1.2.3.4=#02020001", 8 },
        { "'#' that is not DER: truncated", "CN=#0c05616263", 3 },
        { "'#' that is not DER: trailing byte", "CN=#0c016100", 3 },
        { "'#' that is not DER: constructed string", "CN=#2c030c0161", 3 },
        { "'#' that is not DER: BOOLEAN 01", "1.2.3.4=#010101", 8 },
        { "'#' that is not DER: unsorted SET", "1.2.3.4=#3106020102020101", 8 },
        { "'#' that is not DER: indefinite length", "1.2.3.4=#30800500" + "0000", 8 },
        { "'#' that is not DER: bad PrintableString", "CN=#13015f", 3 },
        { "'#' that is not DER: inner non-minimal length", "1.2.3.4=#30050481016100", 8 },
        { "empty CN", "CN=", 3 },
        { "CN of spaces", "CN=   ", 6 },
        { "65-character CN", "CN=" + new string('x', 65), 3 },
        { "three-letter C", "C=USA", 2 },
        { "C with a digit", "C=U1", 2 },
        { "non-ASCII emailAddress", "E=é@example.com", 2 },
        { "non-ASCII DC", "DC=bücher", 3 },
        { "duplicate attribute in one RDN", "CN=a+CN=a", 5 },
        { "duplicate attribute via different spellings", "CN=a+2.5.4.3=a", 5 },
    };

    [Theory, MemberData(nameof(Malformed))]
    public void Parse_Malformed_ThrowsWithPosition(string why, string text, int position)
    {
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => DistinguishedName.Parse(text));
        Assert.Equal(Pkcs10ErrorCode.InvalidDistinguishedNameText, e.Code);
        Assert.True(position == e.Offset, $"{why}: expected position {position}, got {e.Offset} ({e.Detail})");
        Assert.False(string.IsNullOrWhiteSpace(e.Detail));
        Assert.Contains($"offset {position}", e.Message, StringComparison.Ordinal);

        Assert.False(DistinguishedName.TryParse(text, out DistinguishedName? name));
        Assert.Null(name);
        Assert.False(DistinguishedName.TryParse(text.AsSpan(), out name));
        Assert.Null(name);
    }

    public static TheoryData<string, string> MessageSamples => new()
    {
        { "CN=a;O=b", "';' must be escaped" },
        { "CN=\"x\"", "RFC 1779" },
        { "FOO=x", "unknown attribute type 'FOO'" },
        { "CN=\\C3", "not well-formed UTF-8" },
        { "CN=#zz", "write a literal leading '#' as '\\#'" },
        { "1.2.3.4=#02020001", "NonMinimalInteger" },
        { "C=USA", "two-letter ISO 3166-1 code" },
        { "E=é@x", "IA5String" },
        { "CN=" + new string('x', 65), "ub-common-name" },
    };

    [Theory, MemberData(nameof(MessageSamples))]
    public void Parse_Malformed_MessageSaysWhy(string text, string fragment)
    {
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => DistinguishedName.Parse(text));
        Assert.Contains(fragment, e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyRdns_IsRefusedAtTheRdn()
    {
        string ok = string.Join(",", Enumerable.Repeat("CN=a", DistinguishedName.MaxRdns));
        Assert.Equal(DistinguishedName.MaxRdns, DistinguishedName.Parse(ok).Rdns.Count);
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => DistinguishedName.Parse(ok + ",CN=b"));
        Assert.Equal(ok.Length + 1, e.Offset);
    }

    // ---- overloads ----

    [Fact]
    public void Overloads_AgreeAndHandleNull()
    {
        const string text = "CN=x,O=y";
        byte[] expected = DistinguishedName.Parse(text).Encode();
        Assert.Equal(expected, DistinguishedName.Parse(text.AsSpan()).Encode());
        Assert.True(DistinguishedName.TryParse(text, out DistinguishedName? a));
        Assert.True(DistinguishedName.TryParse(text.AsSpan(), out DistinguishedName? b));
        Assert.True(DistinguishedName.TryParse(text, DistinguishedNameEncodingOptions.Default, out DistinguishedName? c));
        Assert.True(DistinguishedName.TryParse(text.AsSpan(), null, out DistinguishedName? d));
        Assert.All([a!, b!, c!, d!], n => Assert.Equal(expected, n.Encode()));

        Assert.Throws<ArgumentNullException>(() => DistinguishedName.Parse((string)null!));
        Assert.False(DistinguishedName.TryParse((string?)null, out DistinguishedName? none));
        Assert.Null(none);
    }

    [Fact]
    public void Parse_ResultOwnsItsBytes()
    {
        DistinguishedName name = DistinguishedName.Parse("CN=x");
        byte[] copy = name.Encode();
        copy[^1] ^= 0xFF;
        Assert.Equal("x", name.Rdns[0].Attributes[0].Value);
        Assert.True(name.TryEncode(new byte[name.RawData.Length], out int written));
        Assert.Equal(name.RawData.Length, written);
        Assert.False(name.TryEncode(new byte[name.RawData.Length - 1], out written));
        Assert.Equal(0, written);
    }
}
