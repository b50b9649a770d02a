using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Pkcs10.Asn1;

namespace Pkcs10.Names;

/// <summary>
/// Turns a text value of an attribute type into its DER value: chooses the string type (caller's choice, then
/// the options, then the RFC 5280 default) and enforces the size limits. Shared by the RFC 4514 parser, the
/// builder and the reversible formatter, so all three agree on what a text value encodes to.
/// </summary>
internal static class AttributeValueEncoder
{
    /// <summary>Encodes <paramref name="value"/> as the AttributeValue (tag, length, content) for <paramref name="oid"/>.</summary>
    /// <returns><see langword="false"/> with a message (without position) when the value is not acceptable.</returns>
    public static bool TryEncodeValue(
        ReadOnlySpan<byte> oid,
        string value,
        UniversalTagNumber? stringType,
        DistinguishedNameEncodingOptions options,
        [NotNullWhen(true)] out byte[]? encoded,
        [NotNullWhen(false)] out string? error)
    {
        encoded = null;
        NameAttributeInfo? info = NameAttributeTypes.Find(oid);
        string name = info?.ShortName ?? ObjectIdentifier.ToDisplay(oid);
        UniversalTagNumber? chosen = stringType ?? options.GetStringType(oid);
        UniversalTagNumber type = chosen ?? (info?.DefaultType switch
        {
            DefaultStringType.Printable => UniversalTagNumber.PrintableString,
            DefaultStringType.PrintableWhenPossible => CharacterStringEncoder.IsPrintable(value) ? UniversalTagNumber.PrintableString : UniversalTagNumber.Utf8String,
            DefaultStringType.IA5 => UniversalTagNumber.IA5String,
            _ => UniversalTagNumber.Utf8String,
        });

        if (options.EnforceSizeLimits && info is not null && !CheckSize(info, value, out error))
        {
            return false;
        }

        if (!CharacterStringEncoder.TryEncode(type, value, out byte[]? content, out string? why))
        {
            error = chosen is null && info?.DefaultType is DefaultStringType.IA5 or DefaultStringType.Printable
                ? $"{name} is a{(type == UniversalTagNumber.IA5String ? "n" : "")} {type} (RFC 5280), and the value {why}"
                : $"the {name} value {why}";
            return false;
        }

        using var writer = new DerWriter(content.Length + 8);
        writer.WriteTlv(new Asn1Tag(type), content);
        encoded = writer.Encode();
        error = null;
        return true;
    }

    /// <summary>The DER of <c>AttributeTypeAndValue ::= SEQUENCE { type, value }</c>.</summary>
    public static byte[] EncodeAttribute(ReadOnlySpan<byte> oid, ReadOnlySpan<byte> encodedValue)
    {
        using var writer = new DerWriter(oid.Length + encodedValue.Length + 8);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            writer.WriteEncodedValue(encodedValue);
        }

        return writer.Encode();
    }

    private static bool CheckSize(NameAttributeInfo info, string value, [NotNullWhen(false)] out string? error)
    {
        if (info.DefaultType == DefaultStringType.Printable)
        {
            // RFC 5280: CountryName ::= PrintableString (SIZE (ub-country-name-alpha-length)), an ISO 3166 alpha-2 code.
            if (value.Length != 2 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]))
            {
                error = $"C (countryName) must be a two-letter ISO 3166-1 code (RFC 5280: PrintableString SIZE (2)), not '{value}'";
                return false;
            }

            error = null;
            return true;
        }

        int count = CharacterStringEncoder.CountCharacters(value);
        if (count == 0)
        {
            error = $"{info.ShortName} must not be empty (SIZE (1..MAX))";
            return false;
        }

        if (info.MaxLength > 0 && count > info.MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"{info.ShortName} is {count} characters long; the upper bound is {info.MaxLength} ({info.Bound}). Set DistinguishedNameEncodingOptions.EnforceSizeLimits to false to allow it");
            return false;
        }

        error = null;
        return true;
    }
}
