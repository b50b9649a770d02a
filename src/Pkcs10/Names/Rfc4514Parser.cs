using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Pkcs10.Asn1;

namespace Pkcs10.Names;

/// <summary>
/// The RFC 4514 §3 string-to-DN parser. It never throws for bad text: it returns the DER of the Name or a message
/// and the character position of the problem.
/// </summary>
/// <remarks>
/// One leniency, which no valid RFC 4514 string can observe: unescaped spaces around ',', '+' and '=' and at the
/// end of a value are ignored (as RFC 1779/2253 parsers, OpenSSL and the BCL do), because the §3 grammar forbids
/// an unescaped space in each of those places. Spaces inside a value, and escaped spaces anywhere, are kept.
/// </remarks>
internal static class Rfc4514Parser
{
    public static bool TryParse(
        ReadOnlySpan<char> text,
        DistinguishedNameEncodingOptions options,
        [NotNullWhen(true)] out byte[]? der,
        [NotNullWhen(false)] out string? error,
        out int position)
    {
        der = null;
        var rdns = new List<List<byte[]>>();
        int i = SkipSpaces(text, 0);
        if (i == text.Length)
        {
            // RFC 4514 §3: distinguishedName = [ relativeDistinguishedName *( COMMA relativeDistinguishedName ) ].
            return Finish(rdns, out der, out error, out position);
        }

        i = 0;
        while (true)
        {
            int rdnStart = SkipSpaces(text, i);
            if (rdns.Count == DistinguishedName.MaxRdns)
            {
                return Fail($"more than {DistinguishedName.MaxRdns} RDNs", rdnStart, out error, out position);
            }

            var rdn = new List<byte[]>(1);
            while (true)
            {
                if (!TryParseAttribute(text, ref i, options, out byte[]? atv, out error, out position))
                {
                    return false;
                }

                int atvStart = position;
                foreach (byte[] existing in rdn)
                {
                    if (existing.AsSpan().SequenceEqual(atv))
                    {
                        // X.501: an RDN is a set of distinct attribute type-and-values.
                        return Fail("this attribute type and value already appear in the same multi-valued RDN", atvStart, out error, out position);
                    }
                }

                rdn.Add(atv);
                if (i < text.Length && text[i] == '+')
                {
                    i++;
                    continue;
                }

                break;
            }

            rdns.Add(rdn);
            if (i == text.Length)
            {
                return Finish(rdns, out der, out error, out position);
            }

            // TryParseAttribute stops only at the end, '+' or ','.
            i++;
        }
    }

    // Parses "type=value" at text[i..], leaving i at the ',' or '+' that follows, or at the end.
    // On success, position holds where the attribute started (for later messages).
    private static bool TryParseAttribute(
        ReadOnlySpan<char> text,
        ref int i,
        DistinguishedNameEncodingOptions options,
        [NotNullWhen(true)] out byte[]? atv,
        [NotNullWhen(false)] out string? error,
        out int position)
    {
        atv = null;
        i = SkipSpaces(text, i);
        int typeStart = i;
        if (i == text.Length)
        {
            return Fail(i == 0 ? "the text is empty where an attribute type was expected" : "the text ends where an attribute type was expected (after ',' or '+')", i, out error, out position);
        }

        // attributeType = descr / numericoid (RFC 4512 §1.4); "OID." before a numericoid is accepted too.
        if (char.IsAsciiLetter(text[i]))
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-'))
            {
                i++;
            }

            if (i - typeStart == 3 && text[typeStart..i].Equals("OID", StringComparison.OrdinalIgnoreCase) && i < text.Length && text[i] == '.')
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
            }
        }
        else if (char.IsAsciiDigit(text[i]))
        {
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }
        }
        else
        {
            return Fail($"expected an attribute type (a name such as CN, or a dotted OID), found {Show(text[i])}", i, out error, out position);
        }

        ReadOnlySpan<char> typeText = text[typeStart..i];
        byte[]? oid = NameAttributeTypes.Resolve(typeText);
        if (oid is null)
        {
            return Fail(char.IsAsciiDigit(typeText[0]) || typeText.StartsWith("OID.", StringComparison.OrdinalIgnoreCase)
                ? $"'{typeText}' is not a valid dotted OID (at least two arcs, no leading zeros, first arc 0-2)"
                : $"unknown attribute type '{typeText}'; write it as a dotted OID (for example 2.5.4.3=...)", typeStart, out error, out position);
        }

        i = SkipSpaces(text, i);
        if (i == text.Length || text[i] != '=')
        {
            return Fail(i == text.Length
                ? $"expected '=' after the attribute type '{typeText}', but the text ends"
                : $"expected '=' after the attribute type '{typeText}', found {Show(text[i])}", i, out error, out position);
        }

        i = SkipSpaces(text, i + 1);
        int valueStart = i;
        byte[]? value;
        if (i < text.Length && text[i] == '#')
        {
            if (!TryParseHexValue(text, ref i, out value, out error, out position))
            {
                return false;
            }
        }
        else
        {
            if (!TryParseStringValue(text, ref i, out string? s, out error, out position))
            {
                return false;
            }

            if (!AttributeValueEncoder.TryEncodeValue(oid, s, null, options, out value, out error))
            {
                return Fail(error, valueStart, out error, out position);
            }
        }

        atv = AttributeValueEncoder.EncodeAttribute(oid, value);
        error = null;
        position = typeStart;
        return true;
    }

    // hexstring = SHARP 1*hexpair: the BER encoding of the value, which must be one strict DER element here.
    private static bool TryParseHexValue(ReadOnlySpan<char> text, ref int i, [NotNullWhen(true)] out byte[]? value, [NotNullWhen(false)] out string? error, out int position)
    {
        value = null;
        int start = i;
        i++;
        int digitsStart = i;
        while (i < text.Length && char.IsAsciiHexDigit(text[i]))
        {
            i++;
        }

        int digits = i - digitsStart;
        int end = SkipSpaces(text, i);
        if (end < text.Length && text[end] is not (',' or '+'))
        {
            return Fail($"{Show(text[end])} in a '#' value: after '#' only hex digit pairs may follow (the BER encoding of the value, RFC 4514 §2.4); write a literal leading '#' as '\\#'", end, out error, out position);
        }

        if (digits == 0 || digits % 2 != 0)
        {
            return Fail(digits == 0
                ? "'#' starts a hex-encoded value but no hex digits follow; write a literal leading '#' as '\\#'"
                : "a '#' value needs an even number of hex digits", start, out error, out position);
        }

        byte[] bytes = Convert.FromHexString(text[digitsStart..i]);
        if (!DerElementValidator.TryValidate(bytes, out Pkcs10Exception? bad))
        {
            string at = bad.Offset is int o ? string.Create(CultureInfo.InvariantCulture, $" at byte {o}") : "";
            return Fail($"the '#' value is not one strict DER element ({bad.Code}{at}: {bad.Detail})", start, out error, out position);
        }

        i = end;
        value = bytes;
        error = null;
        position = start;
        return true;
    }

    // string = [ ( leadchar / pair ) [ *( stringchar / pair ) ( trailchar / pair ) ] ], up to an unescaped ',' or '+'.
    private static bool TryParseStringValue(ReadOnlySpan<char> text, ref int i, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error, out int position)
    {
        value = null;
        var sb = new StringBuilder();
        int pendingSpaces = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is ',' or '+')
            {
                break;
            }

            if (c == ' ')
            {
                // Kept only if something significant follows in the value (see the class remarks).
                pendingSpaces++;
                i++;
                continue;
            }

            sb.Append(' ', pendingSpaces);
            pendingSpaces = 0;
            switch (c)
            {
                case '\\':
                    if (!TryParseEscape(text, ref i, sb, out error, out position))
                    {
                        return false;
                    }

                    continue;
                case '"':
                    return Fail("'\"' must be escaped as '\\\"' (RFC 4514 has no quoted values; that was RFC 1779)", i, out error, out position);
                case ';':
                    return Fail("';' must be escaped as '\\;' (RFC 4514 separates RDNs with ',' only)", i, out error, out position);
                case '<' or '>':
                    return Fail($"'{c}' must be escaped as '\\{c}'", i, out error, out position);
                case '\0':
                    return Fail("a NUL character must be written as '\\00'", i, out error, out position);
                default:
                    if (char.IsSurrogate(c))
                    {
                        if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                        {
                            return Fail("a lone UTF-16 surrogate is not text", i, out error, out position);
                        }

                        sb.Append(c).Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    sb.Append(c);
                    i++;
                    continue;
            }
        }

        value = sb.ToString();
        error = null;
        position = i;
        return true;
    }

    // pair = ESC ( ESC / special / hexpair ); a run of hexpairs is UTF-8 and must be well-formed.
    private static bool TryParseEscape(ReadOnlySpan<char> text, ref int i, StringBuilder sb, [NotNullWhen(false)] out string? error, out int position)
    {
        int start = i;
        if (i + 1 >= text.Length)
        {
            return Fail("the text ends with an unfinished escape '\\'", i, out error, out position);
        }

        char d = text[i + 1];
        if (d is '\\' or '"' or '+' or ',' or ';' or '<' or '>' or ' ' or '#' or '=')
        {
            sb.Append(d);
            i += 2;
            error = null;
            position = start;
            return true;
        }

        if (!char.IsAsciiHexDigit(d))
        {
            return Fail($"'\\{d}' is not an RFC 4514 escape: '\\' must be followed by one of \\ \" + , ; < > space # = or by two hex digits", i, out error, out position);
        }

        // Collect the whole run of hex pairs: one UTF-8 sequence may span several of them.
        var bytes = new List<byte>();
        while (i < text.Length && text[i] == '\\' && i + 1 < text.Length && char.IsAsciiHexDigit(text[i + 1]))
        {
            if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 2]))
            {
                return Fail($"'\\{text[i + 1]}' needs a second hex digit (a hex escape is '\\' and two hex digits)", i, out error, out position);
            }

            bytes.Add(byte.Parse(text.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            i += 3;
        }

        byte[] run = [.. bytes];
        if (!System.Text.Unicode.Utf8.IsValid(run))
        {
            return Fail($"the hex escapes '{text[start..i]}' are not well-formed UTF-8 (RFC 4514 §3: hex pairs are the UTF-8 octets of the value)", start, out error, out position);
        }

        sb.Append(Encoding.UTF8.GetString(run));
        error = null;
        position = start;
        return true;
    }

    private static bool Finish(List<List<byte[]>> rdns, [NotNullWhen(true)] out byte[]? der, [NotNullWhen(false)] out string? error, out int position)
    {
        int size = 0;
        foreach (List<byte[]> rdn in rdns)
        {
            foreach (byte[] atv in rdn)
            {
                size = checked(size + atv.Length);
            }
        }

        using var writer = new DerWriter(checked(size + (rdns.Count * 4) + 8));
        using (writer.PushSequence())
        {
            // RFC 4514 §2.1: the text lists the RDNs last-to-first.
            for (int r = rdns.Count - 1; r >= 0; r--)
            {
                using (writer.PushSetOf())
                {
                    foreach (byte[] atv in rdns[r])
                    {
                        writer.WriteEncodedValue(atv);
                    }
                }
            }
        }

        der = writer.Encode();
        error = null;
        position = -1;
        return true;
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static string Show(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) ? $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}" : $"'{c}'";

    private static bool Fail(string message, int at, out string error, out int position)
    {
        error = message;
        position = at;
        return false;
    }
}
