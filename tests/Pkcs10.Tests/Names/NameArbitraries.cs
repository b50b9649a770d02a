using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Pkcs10.Asn1;
using Pkcs10.Names;

namespace Pkcs10.Tests.Names;

/// <summary>One generated attribute: a type name, and a text value (with an optional string type) or an encoded value.</summary>
public sealed record GeneratedAttribute(string Type, string? Value, UniversalTagNumber? StringType, byte[]? Encoded)
{
    public void AddTo(DistinguishedNameBuilder builder)
    {
        if (Encoded is not null)
        {
            builder.AddEncoded(Type, Encoded);
        }
        else
        {
            builder.Add(Type, Value!, StringType);
        }
    }

    public override string ToString() =>
        Encoded is not null ? $"{Type}=#{Convert.ToHexString(Encoded)}" : $"{Type}:{StringType?.ToString() ?? "default"}={Escape(Value!)}";

    private static string Escape(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            sb.Append(c is < ' ' or '\u007f' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return sb.Append('"').ToString();
    }
}

/// <summary>A generated name: RDNs in builder order (RFC 4514 text order), each of one or more attributes.</summary>
public sealed record GeneratedName(GeneratedAttribute[][] Rdns)
{
    private static readonly DistinguishedNameEncodingOptions s_noLimits = new() { EnforceSizeLimits = false };

    /// <summary>Builds with the size limits off, so every generated value is accepted.</summary>
    public DistinguishedName Build()
    {
        var builder = new DistinguishedNameBuilder(s_noLimits);
        foreach (GeneratedAttribute[] rdn in Rdns)
        {
            if (rdn.Length == 1)
            {
                rdn[0].AddTo(builder);
            }
            else
            {
                builder.AddMultiValued(r =>
                {
                    foreach (GeneratedAttribute a in rdn)
                    {
                        a.AddTo(r);
                    }
                });
            }
        }

        return builder.Build();
    }

    public override string ToString() => string.Join(" , ", Rdns.Select(r => string.Join(" + ", r.Select(a => a.ToString()))));
}

/// <summary>A generated name whose values all use the parser's own string type and fit the size limits.</summary>
public sealed record ParserChoosableName(GeneratedName Name)
{
    public override string ToString() => Name.ToString();
}

/// <summary>A sequence of calls that both <see cref="DistinguishedNameBuilder"/> and the BCL's builder accept ("CN=v", "oid:Type=v").</summary>
public sealed record SameCallList(string[] Calls)
{
    public override string ToString() => string.Join(" | ", Calls);
}

/// <summary>FsCheck generators for names: every string type, every escape-worthy character, multi-valued RDNs, encoded values.</summary>
public static class NameArbitraries
{
    public static Arbitrary<GeneratedName> Names() => Arb.From(NameGen(choosable: false));

    public static Arbitrary<ParserChoosableName> ChoosableNames() => Arb.From(NameGen(choosable: true).Select(n => new ParserChoosableName(n)));

    public static Arbitrary<SameCallList> SameCalls() => Arb.From(
        from n in Gen.Choose(0, 6)
        from calls in Gen.ArrayOf(BclCallGen, n)
        select new SameCallList(calls));

    // ---- characters ----

    private static readonly string[] s_letters = [.. "ABCXYZabcxyz0189".Select(c => c.ToString())];
    private static readonly string[] s_specials = [.. " #+,;<>=\\\"'()-./:?*_@".Select(c => c.ToString())];
    private static readonly string[] s_controls = ["\0", "\u0001", "\n", "\r", "\u001f", "\u007f"];
    private static readonly string[] s_latin = ["é", "ß", "ü", "ÿ"];
    private static readonly string[] s_cjk = ["漢", "字", "한"];
    private static readonly string[] s_astral = ["😀", "🎉", "𝄞"];

    private static Gen<string> ElementGen(bool asciiOnly) => asciiOnly
        ? Gen.Frequency((6, Gen.Elements(s_letters)), (4, Gen.Elements(s_specials)), (1, Gen.Elements(s_controls)))
        : Gen.Frequency(
            (6, Gen.Elements(s_letters)), (4, Gen.Elements(s_specials)), (1, Gen.Elements(s_controls)),
            (1, Gen.Elements(s_latin)), (1, Gen.Elements(s_cjk)), (1, Gen.Elements(s_astral)));

    private static Gen<string> TextGen(int min, int max, bool asciiOnly) =>
        from n in Gen.Choose(min, max)
        from parts in Gen.ArrayOf(ElementGen(asciiOnly), n)
        select string.Concat(parts);

    private static readonly Gen<string> CountryGen =
        from a in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcz".ToCharArray())
        from b in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZxyz".ToCharArray())
        select $"{a}{b}";

    // ---- attribute types ----

    // One spelling per type (so two generated attributes in one RDN differ exactly when their DER does).
    private static readonly string[] s_textTypes =
        ["CN", "O", "OU", "L", "ST", "STREET", "UID", "SN", "GN", "title", "postalCode", "initials", "pseudonym", "organizationIdentifier", "generationQualifier"];

    private static readonly string[] s_printableWhenPossible = ["serialNumber", "dnQualifier"];
    private static readonly string[] s_ia5Types = ["emailAddress", "DC"];
    private static readonly string[] s_unknownTypes = ["1.3.6.1.4.1.311.60.2.1.3", "2.5.4.15", "1.2.3.4.5", "2.25.329800735698586629295641978511506172918"];

    private static readonly UniversalTagNumber[] s_writable =
    [
        UniversalTagNumber.Utf8String, UniversalTagNumber.PrintableString, UniversalTagNumber.IA5String, UniversalTagNumber.NumericString,
        UniversalTagNumber.VisibleString, UniversalTagNumber.BmpString, UniversalTagNumber.UniversalString, UniversalTagNumber.TeletexString,
    ];

    private static readonly string[] s_encodedValues =
        ["020100", "0201FF", "04024869", "0500", "0101FF", "30060201050101FF", "1303414243", "0C00", "0603550403", "8001FF", "A0030C0161"];

    private static Gen<GeneratedAttribute> AttributeGen(bool choosable)
    {
        // Choosable: a default type and a value within the limits (1..12 characters; C two letters; IA5 types ASCII).
        int min = choosable ? 1 : 0;
        Gen<GeneratedAttribute> text =
            from type in Gen.Elements(s_textTypes.Concat(s_unknownTypes).ToArray())
            from value in TextGen(min, 12, asciiOnly: false)
            select new GeneratedAttribute(type, value, null, null);
        Gen<GeneratedAttribute> printable =
            from type in Gen.Elements(s_printableWhenPossible)
            from value in Gen.OneOf(TextGen(min, 12, asciiOnly: true), Gen.Elements("ABC-123", "x y", "A(1)/2", "0"))
            select new GeneratedAttribute(type, value, null, null);
        Gen<GeneratedAttribute> ia5 =
            from type in Gen.Elements(s_ia5Types)
            from value in TextGen(min, 12, asciiOnly: true)
            select new GeneratedAttribute(type, value, null, null);
        Gen<GeneratedAttribute> country = CountryGen.Select(v => new GeneratedAttribute("C", v, null, null));

        if (choosable)
        {
            return Gen.Frequency((6, text), (2, printable), (2, ia5), (2, country));
        }

        // Any writable type the value fits (else the default), and encoded values.
        Gen<GeneratedAttribute> typed =
            from attribute in Gen.OneOf(text, printable, ia5, country)
            from type in Gen.Elements(s_writable)
            select CharacterStringEncoder.TryEncode(type, attribute.Value!, out _, out _) ? attribute with { StringType = type } : attribute;
        Gen<GeneratedAttribute> encoded =
            from type in Gen.Elements(s_textTypes.Concat(s_unknownTypes).Concat(["C", "emailAddress"]).ToArray())
            from hex in Gen.Elements(s_encodedValues)
            select new GeneratedAttribute(type, null, null, Convert.FromHexString(hex));
        return Gen.Frequency((4, text), (1, printable), (1, ia5), (1, country), (4, typed), (1, encoded));
    }

    private static Gen<GeneratedName> NameGen(bool choosable) =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 6)))
        from rdns in Gen.ArrayOf(RdnGen(choosable), count)
        select new GeneratedName(rdns);

    private static Gen<GeneratedAttribute[]> RdnGen(bool choosable) =>
        from size in Gen.Frequency((6, Gen.Constant(1)), (2, Gen.Choose(2, 3)))
        from attributes in Gen.ArrayOf(AttributeGen(choosable), size)
        select attributes.DistinctBy(EncodedKey).ToArray();

    // Two attributes collide in an RDN when their DER is equal (a default type can equal an explicit one).
    private static readonly DistinguishedNameEncodingOptions s_noLimits = new() { EnforceSizeLimits = false };

    private static string EncodedKey(GeneratedAttribute a)
    {
        var builder = new DistinguishedNameBuilder(s_noLimits);
        a.AddTo(builder);
        return Convert.ToHexString(builder.Build().RawData.Span);
    }

    // ---- the calls both builders accept with the same string types ----

    private static readonly Gen<string> BclCallGen = Gen.OneOf(
        from key in Gen.Elements("CN", "O", "OU", "L", "ST", "UID")
        from value in TextGen(1, 12, asciiOnly: false)
        select $"{key}={value}",
        CountryGen.Select(v => $"C={v}"),
        from key in Gen.Elements("E", "DC")
        from value in TextGen(1, 12, asciiOnly: true)
        select $"{key}={value}",
        from oid in Gen.Elements("2.5.4.3", "2.5.4.5", "2.5.4.17", "1.2.3.4", "2.5.4.15")
        from type in Gen.Elements("Printable", "BMP", "IA5", "Numeric", "Utf8")
        from value in TextGen(1, 12, asciiOnly: false)
        let t = type switch
        {
            "Printable" => UniversalTagNumber.PrintableString,
            "BMP" => UniversalTagNumber.BmpString,
            "IA5" => UniversalTagNumber.IA5String,
            "Numeric" => UniversalTagNumber.NumericString,
            _ => UniversalTagNumber.Utf8String,
        }
        let fitted = CharacterStringEncoder.TryEncode(t, value, out _, out _) ? value : "12"
        select $"{oid}:{type}={fitted}");
}
