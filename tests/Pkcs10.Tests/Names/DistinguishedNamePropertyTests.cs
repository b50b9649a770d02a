using System.Security.Cryptography.X509Certificates;
using FsCheck.Xunit;
using Pkcs10.Asn1;
using Pkcs10.Names;
using static Pkcs10.Tests.Names.NameOracle;
using Bcl = System.Formats.Asn1;

namespace Pkcs10.Tests.Names;

/// <summary>Generated names: RFC 4514 round trips, and the BCL (X500DistinguishedName, AsnReader, the BCL's builder) as oracles.</summary>
public class DistinguishedNamePropertyTests
{
    [Property(Arbitrary = [typeof(NameArbitraries)], MaxTest = 400)]
    public void Reversible_ParseOfFormat_ReproducesTheDer(GeneratedName generated)
    {
        DistinguishedName name = generated.Build();
        string text = name.Format(reversible: true);
        Assert.Equal(Hex(name.RawData), Hex(DistinguishedName.Parse(text).RawData));
    }

    [Property(Arbitrary = [typeof(NameArbitraries)], MaxTest = 400)]
    public void Readable_ParseOfToString_ReproducesTheDer_ForParserChoosableNames(ParserChoosableName generated)
    {
        DistinguishedName name = generated.Name.Build();
        string text = name.ToString();
        Assert.Equal(Hex(name.RawData), Hex(DistinguishedName.Parse(text).RawData));
        Assert.Equal(text, name.Format(reversible: true));
    }

    [Property(Arbitrary = [typeof(NameArbitraries)], MaxTest = 400)]
    public void Readable_ParseOfToString_KeepsEveryStringValue(GeneratedName generated)
    {
        // For any name, the readable form parses (with the limits off) to the same attribute types and the same
        // decoded text, wherever the value is a string of a known type.
        DistinguishedName name = generated.Build();
        var noLimits = new DistinguishedNameEncodingOptions { EnforceSizeLimits = false };
        if (!DistinguishedName.TryParse(name.ToString(), noLimits, out DistinguishedName? again))
        {
            // The one way this fails: a multi-valued RDN with the same text in two string types (CN=a as UTF8String
            // and as PrintableString) reads back as two identical attributes, which an RDN cannot hold.
            Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => DistinguishedName.Parse(name.ToString(), noLimits));
            Assert.Contains("already appear in the same multi-valued RDN", e.Detail, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(name.Rdns.Count, again.Rdns.Count);
        for (int i = 0; i < name.Rdns.Count; i++)
        {
            IReadOnlyList<AttributeTypeAndValue> expected = name.Rdns[i].Attributes;
            Assert.Equal(expected.Select(a => a.Oid).Order(), again.Rdns[i].Attributes.Select(a => a.Oid).Order());
            Assert.Equal(
                expected.Where(a => a.ShortName is not null && a.Value is not null).Select(a => a.Value!).Order(StringComparer.Ordinal),
                again.Rdns[i].Attributes.Where(a => a.ShortName is not null && a.Value is not null).Select(a => a.Value!).Order(StringComparer.Ordinal));
        }
    }

    [Property(Arbitrary = [typeof(NameArbitraries)], MaxTest = 300)]
    public void AsnReader_ReadsOurDerStrictly(GeneratedName generated)
    {
        DistinguishedName name = generated.Build();
        var reader = new Bcl.AsnReader(name.RawData, Bcl.AsnEncodingRules.DER);
        Bcl.AsnReader rdns = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        int index = 0;
        while (rdns.HasData)
        {
            Bcl.AsnReader set = rdns.ReadSetOf(skipSortOrderValidation: false);
            IReadOnlyList<AttributeTypeAndValue> ours = name.Rdns[index++].Attributes;
            int j = 0;
            while (set.HasData)
            {
                Bcl.AsnReader atv = set.ReadSequence();
                AttributeTypeAndValue a = ours[j++];
                Assert.Equal(a.Oid, atv.ReadObjectIdentifier());
                if (a.StringType is { } type && ComparableWithBcl(type))
                {
                    Assert.Equal(a.Value, atv.ReadCharacterString((Bcl.UniversalTagNumber)(int)type));
                }
                else
                {
                    Assert.Equal(Hex(a.RawValue), Convert.ToHexString(atv.ReadEncodedValue().Span));
                }

                atv.ThrowIfNotEmpty();
            }

            Assert.Equal(ours.Count, j);
        }

        Assert.Equal(name.Rdns.Count, index);
    }

    [Property(Arbitrary = [typeof(NameArbitraries)], MaxTest = 300)]
    public void X500DistinguishedName_DecodesTheSameValues(GeneratedName generated)
    {
        DistinguishedName name = generated.Build();
        var bcl = new X500DistinguishedName(name.Encode());
        Assert.NotNull(bcl.Name);
        List<X500RelativeDistinguishedName> bclRdns = [.. bcl.EnumerateRelativeDistinguishedNames(reversed: false)];
        Assert.Equal(name.Rdns.Count, bclRdns.Count);
        for (int i = 0; i < bclRdns.Count; i++)
        {
            RelativeDistinguishedName ours = name.Rdns[i];
            Assert.Equal(ours.IsMultiValued, bclRdns[i].HasMultipleElements);
            if (ours.IsMultiValued)
            {
                continue;
            }

            AttributeTypeAndValue a = ours.Attributes[0];
            Assert.Equal(a.Oid, bclRdns[i].GetSingleElementType().Value);
            if (a.StringType is { } type && ComparableWithBcl(type) && type != UniversalTagNumber.VisibleString)
            {
                // The BCL's directory-string view covers UTF8, Printable, IA5, BMP, Numeric (and T61 as UTF-8),
                // and drops trailing NULs (BclTrimsTrailingNuls below).
                Assert.Equal(a.Value!.TrimEnd('\0'), bclRdns[i].GetSingleElementValue());
            }
        }

        // And back: the BCL object converts to the same name.
        Assert.Equal(name.Encode(), DistinguishedName.FromX500(bcl).Encode());
    }

    [Property(Arbitrary = [typeof(NameArbitraries)], MaxTest = 300)]
    public void SameCalls_OnTheBclsBuilder_GiveTheSameBytes(SameCallList calls)
    {
        var ours = new DistinguishedNameBuilder();
        var bcl = new X500DistinguishedNameBuilder();
        foreach (string call in calls.Calls)
        {
            DistinguishedNameBuilderTests.ApplyBoth(ours, bcl, call);
        }

        Assert.Equal(Hex(bcl.Build().RawData), Hex(ours.Build().RawData));
    }

    // Known divergence: the BCL's X500RelativeDistinguishedName.GetSingleElementValue (and X500DistinguishedName.Name)
    // drop trailing NUL characters, C-string style; we keep every character the DER holds.
    [Fact]
    public void BclTrimsTrailingNuls()
    {
        DistinguishedName name = DistinguishedName.Parse(@"CN=ab\00\00");
        Assert.Equal("ab\0\0", name.Rdns[0].Attributes[0].Value);
        X500RelativeDistinguishedName bcl = name.ToX500().EnumerateRelativeDistinguishedNames().Single();
        Assert.Equal("ab", bcl.GetSingleElementValue());
        Assert.Equal("CN=ab", name.ToX500().Name);
        Assert.Equal(@"CN=ab\00\00", name.ToString());
    }

    // TeletexString: we use Latin-1 and the BCL UTF-8; UniversalString: AsnReader does not read it.
    private static bool ComparableWithBcl(UniversalTagNumber type) =>
        type is not (UniversalTagNumber.TeletexString or UniversalTagNumber.UniversalString);
}
