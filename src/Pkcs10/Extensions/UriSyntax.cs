using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Pkcs10.Extensions;

/// <summary>
/// The uniformResourceIdentifier of RFC 5280 §4.2.1.6: an absolute RFC 3986 URI (scheme and scheme-specific part),
/// ASCII; when it has an authority, the host is a fully qualified domain name (converted to A-labels, §7.4) or an
/// IP address.
/// </summary>
internal static class UriSyntax
{
    // Schemes whose URIs always carry "//host" (RFC 9110 §4.2, RFC 6455, RFC 1738, RFC 4516, SPIFFE ID).
    private static readonly string[] s_schemesWithHost = ["http", "https", "ws", "wss", "ftp", "ftps", "ldap", "ldaps", "spiffe"];

    private static readonly System.Buffers.SearchValues<char> s_schemeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    private static readonly System.Buffers.SearchValues<char> s_digitsAndDots = System.Buffers.SearchValues.Create("0123456789.");

    public static bool TryNormalize(string uri, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (uri.Length == 0)
        {
            error = "the URI is empty";
            return false;
        }

        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1)
        int colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(uri[0]) || uri.AsSpan(0, colon).ContainsAnyExcept(s_schemeChars))
        {
            error = "it is not an absolute URI: it does not start with a scheme such as 'https:' (RFC 5280 §4.2.1.6 forbids relative URIs)";
            return false;
        }

        string scheme = uri[..colon].ToLowerInvariant();
        string rest = uri[(colon + 1)..];
        if (rest.Length == 0)
        {
            error = "nothing follows the scheme (RFC 5280 §4.2.1.6 requires a scheme-specific part)";
            return false;
        }

        var sb = new StringBuilder(uri.Length + 16).Append(scheme).Append(':');
        string tail = rest;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            int end = rest.AsSpan(2).IndexOfAny('/', '?', '#');
            string authority = end < 0 ? rest[2..] : rest.Substring(2, end);
            tail = end < 0 ? "" : rest[(2 + end)..];
            if (!TryNormalizeAuthority(authority, out string? normalizedAuthority, out error))
            {
                return false;
            }

            sb.Append("//").Append(normalizedAuthority);
        }
        else if (Array.IndexOf(s_schemesWithHost, scheme) >= 0)
        {
            error = $"a {scheme} URI needs an authority with a host ({scheme}://host/...)";
            return false;
        }

        // path-abempty / path-rootless, [ "?" query ], [ "#" fragment ] with pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
        bool fragment = false;
        for (int i = 0; i < tail.Length; i++)
        {
            char c = tail[i];
            if (c == '#' && !fragment)
            {
                fragment = true;
                continue;
            }

            string? problem = CheckUriChar(tail, i, extra: "/?");
            if (problem is not null)
            {
                error = problem;
                return false;
            }
        }

        sb.Append(tail);
        normalized = sb.ToString();
        error = null;
        return true;
    }

    // authority = [ userinfo "@" ] host [ ":" port ] (RFC 3986 §3.2), with a non-empty host (RFC 5280 §4.2.1.6).
    private static bool TryNormalizeAuthority(string authority, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        string userinfo = "";
        string hostPort = authority;
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            userinfo = authority[..(at + 1)];
            hostPort = authority[(at + 1)..];
            for (int i = 0; i < at; i++)
            {
                string? problem = CheckUriChar(authority, i, extra: ":");
                if (problem is not null)
                {
                    error = problem;
                    return false;
                }
            }
        }

        string host;
        string port = "";
        string normalizedHost;
        if (hostPort.StartsWith('['))
        {
            int close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = "the IP literal host has no closing ']'";
                return false;
            }

            host = hostPort[1..close];
            port = hostPort[(close + 1)..];
            if (host.StartsWith('v') || host.StartsWith('V'))
            {
                error = "IPvFuture host literals are not accepted";
                return false;
            }

            if (!HostNameSyntax.TryParseIPAddress(host, out byte[]? address, out string? why) || address.Length != 16)
            {
                error = $"the host '[{host}]' is not an IPv6 address: {why ?? "a bracketed host must be IPv6"}";
                return false;
            }

            normalizedHost = "[" + host.ToLowerInvariant() + "]";
        }
        else
        {
            int portColon = hostPort.IndexOf(':', StringComparison.Ordinal);
            host = portColon < 0 ? hostPort : hostPort[..portColon];
            port = portColon < 0 ? "" : hostPort[portColon..];
            if (host.Length == 0)
            {
                error = "the authority has no host; RFC 5280 §4.2.1.6 requires a fully qualified domain name or an IP address there";
                return false;
            }

            if (host.Contains('%', StringComparison.Ordinal))
            {
                error = "percent-encoded host names are not accepted; write the host name itself (it is converted to an A-label)";
                return false;
            }

            if (!host.AsSpan().ContainsAnyExcept(s_digitsAndDots))
            {
                if (!HostNameSyntax.TryParseIPAddress(host, out _, out string? why))
                {
                    error = $"the host '{host}' is not a valid IPv4 address: {why}";
                    return false;
                }

                normalizedHost = host;
            }
            else if (HostNameSyntax.TryNormalizeDnsName(host, allowWildcard: false, out string? ascii, out string? why))
            {
                normalizedHost = ascii;
            }
            else
            {
                error = $"the host '{host}' is not valid: {why}";
                return false;
            }
        }

        if (port.Length > 0)
        {
            // port = ":" *DIGIT
            ReadOnlySpan<char> digits = port.AsSpan(1);
            if (port[0] != ':' || digits.ContainsAnyExceptInRange('0', '9') ||
                (digits.Length > 0 && (digits.Length > 5 || int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) > 65535)))
            {
                error = $"'{port}' is not a valid port (':' and a number up to 65535)";
                return false;
            }
        }

        normalized = userinfo + normalizedHost + port;
        error = null;
        return true;
    }

    // One character of a URI outside the host: unreserved / pct-encoded / sub-delims / ":" / "@" and the extras given.
    private static string? CheckUriChar(string text, int i, string extra)
    {
        char c = text[i];
        if (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@".Contains(c, StringComparison.Ordinal) || extra.Contains(c, StringComparison.Ordinal))
        {
            return null;
        }

        if (c == '%')
        {
            return i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2])
                ? null
                : "a '%' must start a percent-encoded octet ('%' and two hex digits, RFC 3986 §2.1)";
        }

        if (c > 0x7F)
        {
            return $"'{c}' is not ASCII: percent-encode non-ASCII characters as UTF-8 (RFC 3986 §2.5); only the host is converted, to an A-label";
        }

        string shown = c is < '!' or > '~' ? $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}" : $"'{c}'";
        return $"{shown} is not allowed there in a URI (RFC 3986 §2); percent-encode it";
    }
}
