using Pkcs10.Asn1;
using Pkcs10.Names;
using static Pkcs10.Tests.Names.NameOracle;
using A = Pkcs10.Tests.Names.OracleAttribute;

namespace Pkcs10.Tests.Names;

/// <summary><see cref="DistinguishedName.ToString"/> and <see cref="DistinguishedName.Format(bool)"/> against RFC 4514 §2.</summary>
public class DistinguishedNameFormatTests
{
    private static DistinguishedName Decode(byte[] der) => DistinguishedName.Decode(der);

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // why, DER (oracle), readable ToString, reversible Format(true)
        {
            "a dotted-OID type always gets #hex (RFC 4514 §2.4)",
            Hex(Simple(A.Utf8("1.2.3.4", "abc"))), "1.2.3.4=#0c03616263", "1.2.3.4=#0c03616263"
        },
        {
            "a known type whose value is not a string gets #hex",
            Hex(Simple(A.Raw(CN, "020105"))), "CN=#020105", "CN=#020105"
        },
        {
            "UTF8String CN: the parser's own choice, text in both forms",
            Hex(Simple(A.Utf8(CN, "abc"))), "CN=abc", "CN=abc"
        },
        {
            "PrintableString CN: readable as text, reversible as #hex",
            Hex(Simple(A.Printable(CN, "abc"))), "CN=abc", "CN=#1303616263"
        },
        {
            "BMPString CN",
            Hex(Simple(new A(CN, UniversalTagNumber.BmpString, "é"))), "CN=é", "CN=#1e0200e9"
        },
        {
            "TeletexString CN decoded as Latin-1",
            Hex(Simple(A.Raw(CN, "1402E961"))), "CN=éa", "CN=#1402e961"
        },
        {
            "PrintableString C and serialNumber, IA5String emailAddress and DC: text in both forms",
            Hex(Simple(A.Printable(C, "US"), A.Printable(SerialNumber, "A-1"), A.IA5(Email, "a@b.c"), A.IA5(DC, "x"))),
            "DC=x,emailAddress=a@b.c,serialNumber=A-1,C=US", "DC=x,emailAddress=a@b.c,serialNumber=A-1,C=US"
        },
        {
            "UTF8String serialNumber that would fit a PrintableString",
            Hex(Simple(A.Utf8(SerialNumber, "A1"))), "serialNumber=A1", "serialNumber=#0c024131"
        },
        {
            "UTF8String C",
            Hex(Simple(A.Utf8(C, "US"))), "C=US", "C=#0c025553"
        },
        {
            "a CN over the size limit",
            Hex(Simple(A.Utf8(CN, new string('a', 65)))), "CN=" + new string('a', 65), "CN=#0c41" + string.Concat(Enumerable.Repeat("61", 65))
        },
        {
            "an empty CN",
            Hex(Simple(A.Utf8(CN, ""))), "CN=", "CN=#0c00"
        },
        {
            "escapes",
            Hex(Simple(A.Utf8(CN, "#a\"+,;<>\\= b "))), "CN=\\#a\\\"\\+\\,\\;\\<\\>\\\\= b\\ ", "CN=\\#a\\\"\\+\\,\\;\\<\\>\\\\= b\\ "
        },
        {
            "control characters as hex pairs, non-ASCII as itself",
            Hex(Simple(A.Utf8(CN, "\0\u0001\n\u007fé漢😀"))), "CN=\\00\\01\\0a\\7fé漢😀", "CN=\\00\\01\\0a\\7fé漢😀"
        },
        {
            "a multi-valued RDN in DER order",
            Hex(Name([A.Printable(C, "US")], [A.Utf8(OU, "b"), A.Utf8(CN, "a")])), "CN=a+OU=b,C=US", "CN=a+OU=b,C=US"
        },
        {
            "the empty name",
            "3000", "", ""
        },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Format_MatchesRfc4514AndReversibleRoundTripsExactly(string why, string derHex, string readable, string reversible)
    {
        DistinguishedName name = Decode(Convert.FromHexString(derHex));
        Assert.True(readable == name.ToString(), $"{why}: {name}");
        Assert.Equal(readable, name.Format(reversible: false));
        Assert.True(reversible == name.Format(reversible: true), $"{why}: {name.Format(true)}");

        // The reversible form always reproduces the DER; the readable one whenever it equals the reversible one.
        Assert.Equal(derHex, Hex(DistinguishedName.Parse(name.Format(true)).RawData));
        if (readable == reversible)
        {
            Assert.Equal(derHex, Hex(DistinguishedName.Parse(readable).RawData));
        }
    }

    [Fact]
    public void ReadableForm_OfAnotherStringType_ParsesToTheSameTextInTheParsersType()
    {
        // What "exact round-trip is impossible" means in practice: the characters survive, the string type does not.
        DistinguishedName printable = Decode(Simple(A.Printable(CN, "abc")));
        AttributeTypeAndValue again = DistinguishedName.Parse(printable.ToString()).Rdns[0].Attributes[0];
        Assert.Equal("abc", again.Value);
        Assert.Equal(UniversalTagNumber.Utf8String, again.StringType);

        DistinguishedName teletex = Decode(Simple(A.Raw(CN, "1402E961")));
        again = DistinguishedName.Parse(teletex.ToString()).Rdns[0].Attributes[0];
        Assert.Equal("éa", again.Value);
        Assert.Equal("0C03C3A961", Hex(again.RawValue));
    }

    [Fact]
    public void ToString_IsCached_FormatIsNot()
    {
        DistinguishedName name = DistinguishedName.Parse("CN=x");
        Assert.Same(name.ToString(), name.ToString());
        Assert.Equal(name.Format(true), name.Format(true));
    }
}
