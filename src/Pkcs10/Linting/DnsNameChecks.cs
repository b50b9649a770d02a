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
    /// The syntax problem of a dNSName, or <see langword="null"/>: the same host-name rules the SAN builder applies
    /// (<see cref="Extensions.HostNameSyntax"/>: labels of letters, digits and hyphens, 1–63 characters, no trailing
    /// dot, valid A-labels, at most 253 characters). Misplaced wildcards and IP addresses are left to their own rules.
    /// </summary>
    public static string? FindProblem(string name)
    {
        if (LooksLikeIpAddress(name) || name.Replace("*.", "", StringComparison.Ordinal).Contains('*', StringComparison.Ordinal) ||
            name.IndexOf("*.", 1, StringComparison.Ordinal) > 0)
        {
            return null;
        }

        return Extensions.HostNameSyntax.TryNormalizeDnsName(name, allowWildcard: true, out _, out string? error) ? null : error;
    }
}
