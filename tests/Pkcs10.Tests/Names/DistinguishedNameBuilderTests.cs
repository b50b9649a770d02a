using System.Security.Cryptography.X509Certificates;
using Pkcs10.Asn1;
using Pkcs10.Names;
using static Pkcs10.Tests.Names.NameOracle;
using A = Pkcs10.Tests.Names.OracleAttribute;
using Bcl = System.Formats.Asn1;

namespace Pkcs10.Tests.Names;

/// <summary><see cref="DistinguishedNameBuilder"/>, with the BCL's <see cref="X500DistinguishedNameBuilder"/> as a differential oracle.</summary>
public class DistinguishedNameBuilderTests
{
    [Fact]
    public void Build_FirstAddedIsLastInTheSequence_LikeTheBcl()
    {
        DistinguishedName ours = new DistinguishedNameBuilder().AddCommonName("first").AddOrganizationName("second").AddCountryOrRegion("us").Build();

        var bcl = new X500DistinguishedNameBuilder();
        bcl.AddCommonName("first");
        bcl.AddOrganizationName("second");
        bcl.AddCountryOrRegion("us");

        Assert.Equal(Hex(bcl.Build().RawData), Hex(ours.RawData));
        AssertDer(Simple(A.Printable(C, "US"), A.Utf8(O, "second"), A.Utf8(CN, "first")), ours);
        Assert.Equal("CN=first,O=second,C=US", ours.ToString());
        Assert.Equal(ours.Encode(), DistinguishedName.Parse("CN=first,O=second,C=US").Encode());
    }

    public static TheoryData<string, string, UniversalTagNumber> ConvenienceMethods => new()
    {
        { "AddCommonName", CN, UniversalTagNumber.Utf8String },
        { "AddOrganizationName", O, UniversalTagNumber.Utf8String },
        { "AddOrganizationalUnitName", OU, UniversalTagNumber.Utf8String },
        { "AddLocalityName", L, UniversalTagNumber.Utf8String },
        { "AddStateOrProvinceName", ST, UniversalTagNumber.Utf8String },
        { "AddEmailAddress", Email, UniversalTagNumber.IA5String },
        { "AddSerialNumber", SerialNumber, UniversalTagNumber.PrintableString },
        { "AddDomainComponent", DC, UniversalTagNumber.IA5String },
        { "AddUserId", UID, UniversalTagNumber.Utf8String },
        { "AddCountryOrRegion", C, UniversalTagNumber.PrintableString },
    };

    [Theory, MemberData(nameof(ConvenienceMethods))]
    public void ConvenienceMethod_WritesItsOidAndDefaultType(string method, string oid, UniversalTagNumber type)
    {
        string value = method == "AddCountryOrRegion" ? "DE" : "value-1";
        var builder = new DistinguishedNameBuilder();
        Call(builder, method, value);
        AttributeTypeAndValue a = builder.Build().Rdns.Single().Attributes.Single();
        Assert.Equal(oid, a.Oid);
        Assert.Equal(type, a.StringType);
        Assert.Equal(value, a.Value);
    }

    private static void Call(DistinguishedNameBuilder b, string method, string value)
    {
        switch (method)
        {
            case "AddCommonName": b.AddCommonName(value); break;
            case "AddOrganizationName": b.AddOrganizationName(value); break;
            case "AddOrganizationalUnitName": b.AddOrganizationalUnitName(value); break;
            case "AddLocalityName": b.AddLocalityName(value); break;
            case "AddStateOrProvinceName": b.AddStateOrProvinceName(value); break;
            case "AddEmailAddress": b.AddEmailAddress(value); break;
            case "AddSerialNumber": b.AddSerialNumber(value); break;
            case "AddDomainComponent": b.AddDomainComponent(value); break;
            case "AddUserId": b.AddUserId(value); break;
            case "AddCountryOrRegion": b.AddCountryOrRegion(value); break;
            default: throw new ArgumentOutOfRangeException(nameof(method));
        }
    }

    [Fact]
    public void Add_ShortNameDottedOidAndExplicitType()
    {
        DistinguishedName name = new DistinguishedNameBuilder()
            .Add("cn", "a")
            .Add("2.5.4.3", "b", UniversalTagNumber.PrintableString)
            .Add("1.3.6.1.4.1.311.60.2.1.3", "US", UniversalTagNumber.PrintableString)
            .Add("serialNumber", "x_1")
            .Add("title", "é", UniversalTagNumber.BmpString)
            .Add("GN", "😀", UniversalTagNumber.UniversalString)
            .Add("SN", "é", UniversalTagNumber.TeletexString)
            .Add("postalCode", "12345", UniversalTagNumber.NumericString)
            .Add("L", "a~b", UniversalTagNumber.VisibleString)
            .Build();
        AssertDer(Simple(
            new A(L, UniversalTagNumber.VisibleString, "a~b"),
            new A("2.5.4.17", UniversalTagNumber.NumericString, "12345"),
            A.Raw("2.5.4.4", "1401E9"),
            A.Raw("2.5.4.42", "1C040001F600"),
            new A("2.5.4.12", UniversalTagNumber.BmpString, "é"),
            A.Utf8(SerialNumber, "x_1"),
            A.Printable("1.3.6.1.4.1.311.60.2.1.3", "US"),
            A.Printable(CN, "b"),
            A.Utf8(CN, "a")), name);
    }

    [Fact]
    public void Add_BadArguments_ThrowArgumentExceptionsThatSayWhy()
    {
        var b = new DistinguishedNameBuilder();
        Assert.Throws<ArgumentNullException>(() => b.Add(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => b.Add("CN", null!));
        Assert.Throws<ArgumentNullException>(() => b.AddCommonName(null!));

        AssertMessage(() => b.Add("NOPE", "x"), "attributeType", "not a known attribute type");
        AssertMessage(() => b.Add("2.05.4", "x"), "attributeType", "dotted OID");
        AssertMessage(() => b.Add("CN", "x", UniversalTagNumber.GeneralString), "stringType", "not a string type this library writes");
        AssertMessage(() => b.Add("CN", "x", UniversalTagNumber.OctetString), "stringType", "not a string type this library writes");
        AssertMessage(() => b.Add("CN", "a_b", UniversalTagNumber.PrintableString), "value", "PrintableString");
        AssertMessage(() => b.Add("CN", "é", UniversalTagNumber.IA5String), "value", "IA5String");
        AssertMessage(() => b.Add("CN", "😀", UniversalTagNumber.BmpString), "value", "outside the Basic Multilingual Plane");
        AssertMessage(() => b.Add("CN", "a\uD800"), "value", "lone UTF-16 surrogate");
        AssertMessage(() => b.AddCommonName(new string('a', 65)), "commonName", "ub-common-name");
        AssertMessage(() => b.AddCommonName(""), "commonName", "must not be empty");
        AssertMessage(() => b.AddEmailAddress("é@example.com"), "emailAddress", "IA5String");
        AssertMessage(() => b.AddDomainComponent("bücher"), "domainComponent", "IA5String");
        AssertMessage(() => b.AddCountryOrRegion("USA"), "twoLetterCode", "two ASCII letters");
        AssertMessage(() => b.AddCountryOrRegion("U1"), "twoLetterCode", "two ASCII letters");
        AssertMessage(() => b.Add("C", "USA"), "value", "two-letter");
        Assert.Equal(0, b.Count);
    }

    private static void AssertMessage(Action action, string paramName, string fragment)
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(paramName, e.ParamName);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SizeLimits_CanBeTurnedOff()
    {
        var lenient = new DistinguishedNameBuilder(new DistinguishedNameEncodingOptions { EnforceSizeLimits = false });
        DistinguishedName name = lenient.AddCommonName(new string('a', 65)).Add("C", "USA").AddOrganizationName("").Build();
        Assert.Equal([0, 3, 65], name.Rdns.Select(r => r.Attributes[0].Value!.Length));

        // The country code is a code, not a size: AddCountryOrRegion keeps its two-letter rule.
        Assert.Throws<ArgumentException>(() => lenient.AddCountryOrRegion("USA"));
    }

    [Fact]
    public void OptionsStringTypes_ApplyWhenNoTypeIsGiven()
    {
        var options = new DistinguishedNameEncodingOptions { StringTypes = new Dictionary<string, UniversalTagNumber> { ["CN"] = UniversalTagNumber.PrintableString } };
        DistinguishedName name = new DistinguishedNameBuilder(options).AddCommonName("a").AddCommonName("b", UniversalTagNumber.Utf8String).Build();
        Assert.Equal([UniversalTagNumber.Utf8String, UniversalTagNumber.PrintableString], name.Rdns.Select(r => r.Attributes[0].StringType!.Value));
    }

    [Fact]
    public void AddEncoded_KeepsStrictDerAndRefusesTheRest()
    {
        DistinguishedName name = new DistinguishedNameBuilder().AddEncoded("1.2.3.4", Convert.FromHexString("30060201050101FF")).AddEncoded("CN", Convert.FromHexString("1303616263")).Build();
        AssertDer(Simple(A.Raw(CN, "1303616263"), A.Raw("1.2.3.4", "30060201050101FF")), name);

        var b = new DistinguishedNameBuilder();
        AssertMessage(() => b.AddEncoded("CN", Convert.FromHexString("02020001")), "encodedValue", "NonMinimalInteger");
        AssertMessage(() => b.AddEncoded("CN", Convert.FromHexString("0C0161FF")), "encodedValue", "TrailingData");
        AssertMessage(() => b.AddEncoded("CN", []), "encodedValue", "not one strict DER element");
        AssertMessage(() => b.AddEncoded("CN", Convert.FromHexString("3080050000")), "encodedValue", "IndefiniteLength");
    }

    [Fact]
    public void AddMultiValued_MakesOneSortedRdnAtItsPosition()
    {
        DistinguishedName name = new DistinguishedNameBuilder()
            .AddCommonName("J. Smith")
            .AddMultiValued(r => r.AddOrganizationalUnitName("Sales").AddCommonName("Boss"))
            .AddCountryOrRegion("US")
            .Build();
        AssertDer(Name([A.Printable(C, "US")], [A.Utf8(OU, "Sales"), A.Utf8(CN, "Boss")], [A.Utf8(CN, "J. Smith")]), name);
        Assert.Equal("CN=J. Smith,CN=Boss+OU=Sales,C=US", name.ToString());
        Assert.Equal(name.Encode(), DistinguishedName.Parse(name.ToString()).Encode());
    }

    [Fact]
    public void AddMultiValued_Misuse_Throws()
    {
        var b = new DistinguishedNameBuilder();
        Assert.Throws<InvalidOperationException>(() => b.AddMultiValued(_ => { }));
        Assert.Throws<InvalidOperationException>(() => b.AddMultiValued(r => r.AddMultiValued(x => x.AddCommonName("a"))));
        Assert.Throws<InvalidOperationException>(() => b.AddMultiValued(r => r.AddCommonName("a").Build()));
        AssertMessage(() => b.AddMultiValued(r => r.AddCommonName("a").AddCommonName("a")), "commonName", "already in the multi-valued RDN");
        Assert.Equal(0, b.Count);

        // Nothing half-built is left behind: the builder is still usable.
        Assert.Equal("CN=ok", b.AddCommonName("ok").Build().ToString());
    }

    [Fact]
    public void MaxRdns_IsEnforced()
    {
        var b = new DistinguishedNameBuilder();
        for (int i = 0; i < DistinguishedName.MaxRdns; i++)
        {
            b.AddCommonName("a");
        }

        Assert.Equal(DistinguishedName.MaxRdns, b.Build().Rdns.Count);
        Assert.Throws<InvalidOperationException>(() => b.AddCommonName("a"));
        Assert.Throws<InvalidOperationException>(() => b.AddMultiValued(r => r.AddCommonName("a")));
    }

    [Fact]
    public void Build_Empty_AndRepeatable()
    {
        var b = new DistinguishedNameBuilder();
        Assert.True(b.Build().IsEmpty);
        b.AddCommonName("x");
        Assert.Equal(b.Build().Encode(), b.Build().Encode());
    }

    // ---- interop with X500DistinguishedName ----

    [Fact]
    public void X500_RoundTripsThroughRawData()
    {
        DistinguishedName ours = DistinguishedName.Parse("CN=Lučić+UID=7,O=Acme\\, Inc.,C=US");
        X500DistinguishedName bcl = ours.ToX500();
        Assert.Equal(ours.Encode(), bcl.RawData);
        DistinguishedName back = DistinguishedName.FromX500(bcl);
        Assert.Equal(ours.Encode(), back.Encode());

        // FromX500 copies: changing the BCL object's array afterwards does not change ours.
        bcl.RawData[^1] ^= 0x01;
        Assert.Equal(ours.Encode(), back.Encode());
    }

    [Fact]
    public void FromX500_RefusesBer()
    {
        // The BCL keeps any bytes; a non-minimal length is BER, not DER.
        var ber = new X500DistinguishedName(Convert.FromHexString("30810F310D300B06035504030C0461626364"));
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => DistinguishedName.FromX500(ber));
        Assert.Equal(Pkcs10ErrorCode.NonMinimalLength, e.Code);
        Assert.Throws<ArgumentNullException>(() => DistinguishedName.FromX500(null!));
    }

    // ---- differential: the same Add calls on the BCL's builder ----

    public static TheoryData<string, string[]> SameCalls => new()
    {
        { "the usual subject", ["CN=device-42.example.com", "OU=Devices", "O=Acme, Inc.", "L=Zürich", "ST=ZH", "C=ch"] },
        { "directory components", ["UID=jsmith", "DC=example", "DC=net"] },
        { "email and non-ASCII", ["E=alice@example.com", "CN=漢字 😀", "O=Société Générale"] },
        { "escape-worthy characters", ["CN=#\"+,;<>\\= x ", "OU= leading", "O=trailing "] },
        { "explicit types through Add", ["2.5.4.5:Printable=ABC-1", "2.5.4.3:BMP=é", "2.5.4.3:IA5=a@b", "2.5.4.17:Numeric=12 34", "1.2.3.4:Utf8=x"] },
    };

    [Theory, MemberData(nameof(SameCalls))]
    public void SameCalls_GiveTheBclsBytes(string why, string[] calls)
    {
        var ours = new DistinguishedNameBuilder();
        var bcl = new X500DistinguishedNameBuilder();
        foreach (string call in calls)
        {
            ApplyBoth(ours, bcl, call);
        }

        Assert.True(Hex(bcl.Build().RawData) == Hex(ours.Build().RawData), why);
    }

    /// <summary>Applies "CN=value" (a convenience method on both) or "oid:Type=value" (Add with that type on both).</summary>
    internal static void ApplyBoth(DistinguishedNameBuilder ours, X500DistinguishedNameBuilder bcl, string call)
    {
        int eq = call.IndexOf('=', StringComparison.Ordinal);
        string key = call[..eq];
        string value = call[(eq + 1)..];
        switch (key)
        {
            case "CN": ours.AddCommonName(value); bcl.AddCommonName(value); break;
            case "O": ours.AddOrganizationName(value); bcl.AddOrganizationName(value); break;
            case "OU": ours.AddOrganizationalUnitName(value); bcl.AddOrganizationalUnitName(value); break;
            case "L": ours.AddLocalityName(value); bcl.AddLocalityName(value); break;
            case "ST": ours.AddStateOrProvinceName(value); bcl.AddStateOrProvinceName(value); break;
            case "C": ours.AddCountryOrRegion(value); bcl.AddCountryOrRegion(value); break;
            case "E": ours.AddEmailAddress(value); bcl.AddEmailAddress(value); break;
            case "DC": ours.AddDomainComponent(value); bcl.AddDomainComponent(value); break;
            case "UID": ours.AddUserId(value); bcl.Add("0.9.2342.19200300.100.1.1", value); break;
            default:
            {
                string[] parts = key.Split(':');
                (UniversalTagNumber mine, Bcl.UniversalTagNumber theirs) = parts[1] switch
                {
                    "Printable" => (UniversalTagNumber.PrintableString, Bcl.UniversalTagNumber.PrintableString),
                    "BMP" => (UniversalTagNumber.BmpString, Bcl.UniversalTagNumber.BMPString),
                    "IA5" => (UniversalTagNumber.IA5String, Bcl.UniversalTagNumber.IA5String),
                    "Numeric" => (UniversalTagNumber.NumericString, Bcl.UniversalTagNumber.NumericString),
                    "Visible" => (UniversalTagNumber.VisibleString, Bcl.UniversalTagNumber.VisibleString),
                    _ => (UniversalTagNumber.Utf8String, Bcl.UniversalTagNumber.UTF8String),
                };
                ours.Add(parts[0], value, mine);
                bcl.Add(parts[0], value, theirs);
                break;
            }
        }
    }

    [Fact]
    public void KnownDifferences_FromTheBclsBuilder()
    {
        // 1. Add(oid, value) with no type: the BCL writes UTF8String for every attribute; we follow RFC 5280
        //    (PrintableString for C and, when it fits, serialNumber; IA5String for emailAddress and DC).
        var bcl = new X500DistinguishedNameBuilder();
        bcl.Add("2.5.4.5", "ABC1");
        DistinguishedName ours = new DistinguishedNameBuilder().Add("2.5.4.5", "ABC1").Build();
        Assert.Equal(UniversalTagNumber.Utf8String, DistinguishedName.FromX500(bcl.Build()).Rdns[0].Attributes[0].StringType);
        Assert.Equal(UniversalTagNumber.PrintableString, ours.Rdns[0].Attributes[0].StringType);

        // 2. Size limits: the BCL accepts a 65-character CN; we refuse it unless EnforceSizeLimits is off.
        bcl.AddCommonName(new string('a', 65));
        Assert.Throws<ArgumentException>(() => new DistinguishedNameBuilder().AddCommonName(new string('a', 65)));

        // 3. TeletexString: the BCL writes UTF-8 octets under the T61String tag; we write Latin-1 (and read it as Latin-1).
        var t61 = new X500DistinguishedNameBuilder();
        t61.Add("2.5.4.3", "é", Bcl.UniversalTagNumber.T61String);
        Assert.Equal("1402C3A9", Hex(DistinguishedName.FromX500(t61.Build()).Rdns[0].Attributes[0].RawValue));
        Assert.Equal("1401E9", Hex(new DistinguishedNameBuilder().Add("CN", "é", UniversalTagNumber.TeletexString).Build().Rdns[0].Attributes[0].RawValue));
    }
}
