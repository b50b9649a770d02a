using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pkcs10.Extensions;

/// <summary>
/// DNS names and IP address text as certificates need them (RFC 5280 §4.2.1.6, §7.2, §7.4): host names in the
/// preferred name syntax with internationalized labels converted to A-labels, and IP addresses parsed strictly.
/// Each check returns a message instead of throwing.
/// </summary>
internal static class HostNameSyntax
{
    /// <summary>RFC 1034 §3.1: 255 octets on the wire, so 253 characters as text without the root dot.</summary>
    public const int MaxNameLength = 253;

    /// <summary>RFC 1034 §3.1: a label holds at most 63 octets.</summary>
    public const int MaxLabelLength = 63;

    // UTS #46 processing with the STD3 (letters, digits, hyphen) rules, no unassigned code points: what the
    // IDNA2008 A-label conversion of RFC 5280 §7.2 (as updated by RFC 9549) needs.
    private static readonly System.Buffers.SearchValues<char> s_hexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly IdnMapping s_idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>
    /// Checks a host name and returns it in lowercase ASCII, internationalized labels as A-labels.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="allowWildcard">Whether "*." may start the name (a dNSName; not an email or URI host).</param>
    /// <param name="ascii">The normalized name.</param>
    /// <param name="error">Why the name is refused.</param>
    public static bool TryNormalizeDnsName(string name, bool allowWildcard, [NotNullWhen(true)] out string? ascii, [NotNullWhen(false)] out string? error)
    {
        ascii = null;
        if (name.Length == 0)
        {
            error = "the name is empty";
            return false;
        }

        if (name.EndsWith('.'))
        {
            error = "it ends with '.': an absolute (rooted) name is not in the preferred name syntax RFC 5280 §4.2.1.6 requires; drop the final dot";
            return false;
        }

        string prefix = "";
        string rest = name;
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            if (!allowWildcard)
            {
                error = "a wildcard is not allowed here";
                return false;
            }

            prefix = "*.";
            rest = name[2..];
        }

        if (rest.Contains('*', StringComparison.Ordinal))
        {
            error = allowWildcard
                ? "'*' is allowed only as the whole leftmost label, as in *.example.com"
                : "'*' is not allowed in a host name";
            return false;
        }

        string converted = rest;
        if (!System.Text.Ascii.IsValid(rest) || ContainsALabel(rest))
        {
            // IDNA: map and convert to A-labels; for "xn--" labels this also checks that they decode.
            try
            {
                converted = s_idn.GetAscii(rest);
            }
            catch (ArgumentException)
            {
                string why = FindLdhProblem(rest, allowUnicode: true) ?? "the IDNA conversion (UTS #46, STD3 rules) refuses it: a label is not a valid U-label or A-label, or mixes scripts or directions in a way IDNA forbids";
                error = $"it is not a valid internationalized domain name: {why}";
                return false;
            }
        }

        string? problem = FindLdhProblem(converted, allowUnicode: false);
        if (problem is not null)
        {
            error = problem;
            return false;
        }

        string result = prefix + converted.ToLowerInvariant();
        if (result.Length > MaxNameLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"it is {result.Length} characters long as ASCII; a DNS name has at most {MaxNameLength} (RFC 1034 §3.1)");
            return false;
        }

        int lastDot = converted.LastIndexOf('.');
        ReadOnlySpan<char> last = converted.AsSpan(lastDot + 1);
        if (!last.ContainsAnyExceptInRange('0', '9'))
        {
            error = "its last label is numeric, so it reads as an IPv4 address, not a host name (RFC 1123 §2.1); use an IP address entry for an address";
            return false;
        }

        ascii = result;
        error = null;
        return true;
    }

    // The first problem with labels in the letters-digits-hyphen syntax (RFC 1034 §3.5, RFC 1123 §2.1), or null.
    private static string? FindLdhProblem(string name, bool allowUnicode)
    {
        string[] labels = name.Split('.');
        for (int l = 0; l < labels.Length; l++)
        {
            string label = labels[l];
            if (label.Length == 0)
            {
                return name.Length == 0 ? "the name is empty" : "it has an empty label (a leading dot or two dots in a row)";
            }

            if (!allowUnicode && label.Length > MaxLabelLength)
            {
                return string.Create(CultureInfo.InvariantCulture, $"the label '{label}' is {label.Length} characters long; a label has at most {MaxLabelLength} (RFC 1034 §3.1)");
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return $"the label '{label}' starts or ends with '-' (RFC 1123 §2.1)";
            }

            foreach (char c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || (allowUnicode && c > 0x7F)))
                {
                    string shown = char.IsControl(c) || c == ' ' ? $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}" : $"'{c}'";
                    return $"the label '{label}' has {shown}; host names hold only letters, digits and '-' (RFC 1123 §2.1)";
                }
            }
        }

        return null;
    }

    private static bool ContainsALabel(string name)
    {
        foreach (string label in name.Split('.'))
        {
            if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parses IPv4 dotted-quad or IPv6 (RFC 4291 §2.2) text strictly: four decimal parts without leading zeros for
    /// IPv4 (no "127.1", no octal, no hex), and for IPv6 eight groups or one "::", an optional trailing dotted quad,
    /// no zone identifier, no brackets, no prefix length.
    /// </summary>
    public static bool TryParseIPAddress(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (text.IsEmpty)
        {
            error = "the text is empty";
            return false;
        }

        if (text.Contains(':'))
        {
            return TryParseIPv6(text, out address, out error);
        }

        byte[] v4 = new byte[4];
        if (!TryParseIPv4(text, v4, out error))
        {
            return false;
        }

        address = v4;
        return true;
    }

    private static bool TryParseIPv4(ReadOnlySpan<char> text, Span<byte> destination, [NotNullWhen(false)] out string? error)
    {
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                continue;
            }

            if (part == 4)
            {
                error = "an IPv4 address has exactly four dot-separated parts";
                return false;
            }

            ReadOnlySpan<char> p = text[start..i];
            if (p.IsEmpty || p.ContainsAnyExceptInRange('0', '9'))
            {
                error = p.IsEmpty
                    ? "an IPv4 address has four decimal numbers separated by single dots"
                    : $"'{p}' is not a decimal number (hex, octal and other forms are not accepted)";
                return false;
            }

            if (p.Length > 1 && p[0] == '0')
            {
                error = $"'{p}' has a leading zero, which some parsers read as octal; write it without";
                return false;
            }

            if (p.Length > 3 || int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                error = $"'{p}' is above 255";
                return false;
            }

            destination[part++] = byte.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture);
            start = i + 1;
        }

        if (part != 4)
        {
            error = "an IPv4 address has exactly four dot-separated parts (shorthand such as 127.1 is not accepted)";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryParseIPv6(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (text.Contains('%'))
        {
            error = "a zone identifier ('%' and what follows) has no meaning in a certificate";
            return false;
        }

        if (text[0] == '[' || text[^1] == ']')
        {
            error = "write the address without brackets";
            return false;
        }

        if (text.Contains('/'))
        {
            error = "a prefix length ('/n') is not part of an address";
            return false;
        }

        int gap = text.IndexOf("::");
        if (gap >= 0 && text[(gap + 2)..].IndexOf("::") >= 0)
        {
            error = "'::' may appear only once";
            return false;
        }

        ushort[] groups = new ushort[8];
        int count = 0;
        int gapAt = -1;
        ReadOnlySpan<char> head = gap >= 0 ? text[..gap] : text;
        ReadOnlySpan<char> tail = gap >= 0 ? text[(gap + 2)..] : [];
        if (!TryParseGroups(head, groups, ref count, allowIPv4: gap < 0, out error))
        {
            return false;
        }

        if (gap >= 0)
        {
            gapAt = count;
            if (!TryParseGroups(tail, groups, ref count, allowIPv4: true, out error))
            {
                return false;
            }
        }

        if (gap < 0 ? count != 8 : count > 7)
        {
            error = gap < 0
                ? "an IPv6 address has eight groups of hex digits, or '::' for a run of zero groups"
                : "too many groups around '::' (an IPv6 address has eight)";
            return false;
        }

        var bytes = new byte[16];
        int zeros = 8 - count;
        int g = 0;
        for (int i = 0; i < count; i++)
        {
            if (i == gapAt)
            {
                g += zeros;
            }

            bytes[2 * g] = (byte)(groups[i] >> 8);
            bytes[(2 * g) + 1] = unchecked((byte)groups[i]);
            g++;
        }

        address = bytes;
        error = null;
        return true;
    }

    private static bool TryParseGroups(ReadOnlySpan<char> text, ushort[] groups, ref int count, bool allowIPv4, [NotNullWhen(false)] out string? error)
    {
        if (text.IsEmpty)
        {
            error = null;
            return true;
        }

        Span<byte> v4 = stackalloc byte[4];
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ':')
            {
                continue;
            }

            ReadOnlySpan<char> group = text[start..i];
            bool last = i == text.Length;
            if (last && allowIPv4 && group.Contains('.'))
            {
                if (count > 6)
                {
                    error = "too many groups before the embedded IPv4 address";
                    return false;
                }

                if (!TryParseIPv4(group, v4, out string? why))
                {
                    error = $"the embedded IPv4 address is not valid: {why}";
                    return false;
                }

                groups[count++] = (ushort)((v4[0] << 8) | v4[1]);
                groups[count++] = (ushort)((v4[2] << 8) | v4[3]);
                break;
            }

            if (group.IsEmpty || group.Length > 4 || group.ContainsAnyExcept(s_hexDigits))
            {
                error = group.IsEmpty
                    ? "an empty group (a single ':' at the start or end, or ':::')"
                    : $"'{group}' is not a group of one to four hex digits";
                return false;
            }

            if (count == 8)
            {
                error = "an IPv6 address has at most eight groups";
                return false;
            }

            groups[count++] = ushort.Parse(group, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            start = i + 1;
        }

        error = null;
        return true;
    }
}
