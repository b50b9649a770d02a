using System.Globalization;

namespace Pkcs10.Linting;

/// <summary>The DNS-name syntax the lint rules share (RFC 1034 §3.5 preferred name syntax, RFC 5890 A-labels).</summary>
internal static class DnsNameChecks
{
    // A compact list of multi-label public suffixes where a wildcard would cover unrelated registrants. The full
    // Public Suffix List is not bundled (it changes weekly and is ~230 KB); single-label TLDs are caught by rule.
    private static readonly HashSet<string> s_multiLabelSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "ne.jp", "or.jp",
        "com.br", "com.cn", "com.mx", "co.in", "co.za", "com.tr", "com.tw", "co.kr", "com.sg", "com.hk",
        "github.io", "herokuapp.com", "azurewebsites.net", "cloudfront.net", "appspot.com", "blogspot.com",
    };

    /// <summary>Whether the text is an IPv4 dotted quad or contains ':' the way IPv6 text does.</summary>
    public static bool LooksLikeIpAddress(string name)
    {
        if (name.Contains(':', StringComparison.Ordinal))
        {
            return System.Net.IPAddress.TryParse(name.Trim('[', ']'), out _);
        }

        string[] parts = name.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    /// <summary>Whether the suffix after a wildcard label is a bare public suffix (a TLD, or one of the compact list).</summary>
    public static bool IsBarePublicSuffix(string suffix) => !suffix.Contains('.', StringComparison.Ordinal) || s_multiLabelSuffixes.Contains(suffix);

    /// <summary>
    /// The first syntax problem of a DNS name (wildcard characters are left to the wildcard rule), or
    /// <see langword="null"/>: empty labels and leading/trailing dots, labels over 63 octets, names over 253,
    /// characters outside letters, digits and hyphen, hyphens at a label's ends, U-labels where A-labels belong,
    /// and "xn--" labels that are not valid Punycode.
    /// </summary>
    public static (string Problem, string Alias)? FindProblem(string name)
    {
        if (name.Length == 0)
        {
            return ("is empty", "e_dnsname_empty_label");
        }

        if (name.Length > 253)
        {
            return ($"is {name.Length} characters long (at most 253)", "e_dnsname_label_too_long");
        }

        string[] labels = name.Split('.');
        for (int i = 0; i < labels.Length; i++)
        {
            string label = labels[i];
            if (label.Length == 0)
            {
                return (i == labels.Length - 1 ? "ends with a dot" : "has an empty label", "e_dnsname_empty_label");
            }

            if (label.Length > 63)
            {
                return ($"has a {label.Length}-character label (at most 63)", "e_dnsname_label_too_long");
            }

            if (i == 0 && label == "*")
            {
                continue;
            }

            foreach (char c in label)
            {
                if (c > 0x7F)
                {
                    return ($"has the non-ASCII label '{label}': a dNSName holds A-labels (RFC 5280 §7.2)", "e_dnsname_bad_character_in_label");
                }

                if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '*')
                {
                    return ($"has the character '{c}' in label '{label}'", "e_dnsname_bad_character_in_label");
                }
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return ($"has the label '{label}' starting or ending with a hyphen", "e_dnsname_bad_character_in_label");
            }

            if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    _ = new IdnMapping { UseStd3AsciiRules = true }.GetUnicode(label);
                }
                catch (ArgumentException)
                {
                    return ($"has the label '{label}', which is not valid Punycode", "e_dnsname_bad_character_in_label");
                }
            }
        }

        return null;
    }
}
