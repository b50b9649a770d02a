using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Pkcs10.Internal;

namespace Pkcs10.Names;

public sealed partial class DistinguishedName
{
    /// <summary>Parses RFC 4514 text, such as <c>CN=device-42,O=Acme\, Inc.,C=US</c>, into a DER Name.</summary>
    /// <param name="text">The text: RDNs separated by ',', the last RDN of the text first in the encoded SEQUENCE.</param>
    /// <param name="options">String types and size limits; <see cref="DistinguishedNameEncodingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The name, over its own DER.</returns>
    /// <remarks>
    /// <para>
    /// The whole RFC 4514 §3 grammar: the escapes <c>\\ \" \+ \, \; \&lt; \&gt; \= \  \#</c>; hex pairs such as
    /// <c>\C3\A9</c>, whose runs must be well-formed UTF-8; multi-valued RDNs joined by '+'; <c>#hex</c> values, the
    /// encoding of the AttributeValue, which must be one strict DER element (checked all the way down) and is
    /// kept as given, with no string-type or size check; attribute types as dotted OIDs (<c>2.5.4.3=x</c>, also after
    /// <c>OID.</c>) or short names, case-insensitively: CN, C, O, OU, L, ST (S), STREET, DC, UID, SN, GN (givenName, G),
    /// title (T), serialNumber, emailAddress (E), postalCode, initials (I), dnQualifier, pseudonym,
    /// organizationIdentifier, generationQualifier, and the RFC 4519 long names (commonName, countryName, ...).
    /// </para>
    /// <para>
    /// Unescaped spaces around ',', '+' and '=' and at the end of a value are ignored. The RFC 4514 grammar forbids
    /// an unescaped space in those places, so no valid string changes meaning; spaces inside a value and escaped
    /// spaces are kept. Quoted values (RFC 1779) and ';' separators (RFC 2253) are refused.
    /// Two identical attributes in one multi-valued RDN are refused. String values are encoded as
    /// <see cref="DistinguishedNameEncodingOptions"/> describes.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="Pkcs10Exception">The text is not acceptable: <see cref="Pkcs10Exception.Code"/> is
    /// <see cref="Pkcs10ErrorCode.InvalidDistinguishedNameText"/> and <see cref="Pkcs10Exception.Offset"/> is the
    /// index of the offending character in <paramref name="text"/>.</exception>
    public static DistinguishedName Parse(string text, DistinguishedNameEncodingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), options);
    }

    /// <summary>Parses RFC 4514 text into a DER Name; see <see cref="Parse(string, DistinguishedNameEncodingOptions?)"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">String types and size limits; <see cref="DistinguishedNameEncodingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The name, over its own DER.</returns>
    /// <exception cref="Pkcs10Exception">The text is not acceptable (<see cref="Pkcs10ErrorCode.InvalidDistinguishedNameText"/>,
    /// with the character index as <see cref="Pkcs10Exception.Offset"/>).</exception>
    public static DistinguishedName Parse(ReadOnlySpan<char> text, DistinguishedNameEncodingOptions? options = null)
    {
        if (!Rfc4514Parser.TryParse(text, options ?? DistinguishedNameEncodingOptions.Default, out byte[]? der, out string? error, out int position))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidDistinguishedNameText, error, position);
        }

        return Decode(der);
    }

    /// <summary>Parses RFC 4514 text with the default options; never throws for bad text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">The name, when the text is acceptable.</param>
    /// <returns>Whether the text was parsed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DistinguishedName? name) => TryParse(text, null, out name);

    /// <summary>Parses RFC 4514 text; never throws for bad text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">String types and size limits; <see cref="DistinguishedNameEncodingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="name">The name, when the text is acceptable.</param>
    /// <returns>Whether the text was parsed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, DistinguishedNameEncodingOptions? options, [NotNullWhen(true)] out DistinguishedName? name)
    {
        if (text is null)
        {
            name = null;
            return false;
        }

        return TryParse(text.AsSpan(), options, out name);
    }

    /// <summary>Parses RFC 4514 text with the default options; never throws for bad text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">The name, when the text is acceptable.</param>
    /// <returns>Whether the text was parsed.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out DistinguishedName? name) => TryParse(text, null, out name);

    /// <summary>Parses RFC 4514 text; never throws for bad text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">String types and size limits; <see cref="DistinguishedNameEncodingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="name">The name, when the text is acceptable.</param>
    /// <returns>Whether the text was parsed.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, DistinguishedNameEncodingOptions? options, [NotNullWhen(true)] out DistinguishedName? name)
    {
        name = null;
        if (!Rfc4514Parser.TryParse(text, options ?? DistinguishedNameEncodingOptions.Default, out byte[]? der, out _, out _))
        {
            return false;
        }

        try
        {
            name = Decode(der);
            return true;
        }
        catch (Pkcs10Exception)
        {
            // The parser writes only strict DER; this is a safety net for the never-throws promise.
            System.Diagnostics.Debug.Fail("the RFC 4514 parser produced a Name that does not decode");
            return false;
        }
    }

    /// <summary>
    /// The RFC 4514 string form: RDNs in reverse order separated by ',', multi-valued RDNs joined by '+' (in DER
    /// order), values escaped as §2.4 requires (control characters as hex pairs).
    /// </summary>
    /// <returns>The text, e.g. <c>CN=device-42,O=Acme\, Inc.,C=US</c>; see <see cref="Format(bool)"/>.</returns>
    public override string ToString() => _text ??= Format(reversible: false);

    /// <summary>Formats the name as RFC 4514 text.</summary>
    /// <param name="reversible">
    /// <see langword="false"/> for the readable form (<see cref="ToString"/>). <see langword="true"/> to write
    /// <c>#hex</c> for every value that <see cref="Parse(string, DistinguishedNameEncodingOptions?)"/> with the
    /// default options would not encode back to the same bytes, so that <c>Parse(Format(true))</c> reproduces
    /// <see cref="RawData"/> exactly for every name (RFC 4514 §2.4 allows '#' "when a reversible string
    /// representation is desired").
    /// </param>
    /// <returns>The text.</returns>
    /// <remarks>
    /// <para>
    /// Both forms follow RFC 4514 §2.4: an attribute type without a short name is written as its dotted OID and its
    /// value as <c>#</c> and the hex of the value's DER, as are values that are not character strings.
    /// </para>
    /// <para>
    /// The readable form writes every character string as text, so <c>Parse(ToString())</c> reproduces the DER exactly
    /// only when each value has the string type the parser chooses (UTF8String; PrintableString for C, and for
    /// serialNumber and dnQualifier when it fits; IA5String for emailAddress and DC) and is within the size limits.
    /// Otherwise (a PrintableString CN, a BMPString, a TeletexString decoded as Latin-1, an oversized value) the
    /// text parses to the same characters in the parser's string type, or is refused by the size limits.
    /// </para>
    /// </remarks>
    public string Format(bool reversible)
    {
        var sb = new StringBuilder();
        IReadOnlyList<RelativeDistinguishedName> rdns = Rdns;
        for (int i = rdns.Count - 1; i >= 0; i--)
        {
            if (i != rdns.Count - 1)
            {
                sb.Append(',');
            }

            IReadOnlyList<AttributeTypeAndValue> attributes = rdns[i].Attributes;
            for (int j = 0; j < attributes.Count; j++)
            {
                if (j > 0)
                {
                    sb.Append('+');
                }

                AppendAttribute(sb, attributes[j], reversible);
            }
        }

        return sb.ToString();
    }

    private static void AppendAttribute(StringBuilder sb, AttributeTypeAndValue a, bool reversible)
    {
        string? shortName = a.ShortName;
        if (shortName is null)
        {
            // RFC 4514 §2.4: "If the AttributeType is of the dotted-decimal form, the AttributeValue is represented
            // by an number sign ('#') character followed by the hexadecimal encoding of ... the BER encoding".
            sb.Append(a.Oid).Append('=');
            AppendHex(sb, a.RawValue.Span);
            return;
        }

        sb.Append(shortName).Append('=');
        if (a.Value is null || (reversible && !ReencodesExactly(a)))
        {
            AppendHex(sb, a.RawValue.Span);
            return;
        }

        AppendEscaped(sb, a.Value);
    }

    private static bool ReencodesExactly(AttributeTypeAndValue a) =>
        AttributeValueEncoder.TryEncodeValue(a.RawType.Span, a.Value!, null, DistinguishedNameEncodingOptions.Default, out byte[]? encoded, out _) &&
        encoded.AsSpan().SequenceEqual(a.RawValue.Span);

    private static void AppendHex(StringBuilder sb, ReadOnlySpan<byte> encoded) => sb.Append('#').Append(Convert.ToHexStringLower(encoded));

    // RFC 4514 §2.4: escape '"' '+' ',' ';' '<' '>' '\' anywhere, a leading ' ' or '#', a trailing ' ', and NUL;
    // "other characters may be escaped": control characters are written as hex pairs so the text stays printable.
    private static void AppendEscaped(StringBuilder sb, string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c < 0x20 || c == 0x7F)
            {
                sb.Append('\\').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c is '"' or '+' or ',' or ';' or '<' or '>' or '\\' ||
                     (i == 0 && c is ' ' or '#') ||
                     (i == value.Length - 1 && c == ' '))
            {
                sb.Append('\\').Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }
    }
}
