using System.Net;
using System.Text;
using Pkcs10.Certificates;
using Pkcs10.Extensions;

namespace Pkcs10.Chains;

/// <summary>
/// Checks that an end-entity certificate names the peer a client meant to reach (RFC 9525, which replaces RFC 6125):
/// a DNS host against the subjectAltName dNSName entries, an IP address against the iPAddress entries, an email
/// address against the rfc822Name entries.
/// </summary>
/// <remarks>
/// The subject's commonName is never used: a certificate without a subjectAltName extension matches nothing (RFC 9525
/// §6.3 drops the CN-ID, as browsers, Go and rustls-webpki do).
/// </remarks>
public static class PeerNameMatcher
{
    /// <summary>
    /// Whether <paramref name="leaf"/> is valid for the DNS host <paramref name="host"/>: some subjectAltName dNSName
    /// matches it under <see cref="MatchesDnsPattern"/>. A host that is an IP address in text form is matched against
    /// the iPAddress entries instead (never against dNSName entries).
    /// </summary>
    /// <param name="leaf">The end-entity certificate.</param>
    /// <param name="host">The host name (U-labels are converted to A-labels; one trailing dot is ignored) or IP address text.</param>
    /// <returns>Whether the certificate names the host.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool MatchesHost(Certificate leaf, string host)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(host);
        if (HostNameSyntax.TryParseIPAddress(host, out byte[]? address, out _))
        {
            return MatchesIPAddress(leaf, new IPAddress(address));
        }

        if (!TryPrepareHost(host, out string? ascii))
        {
            return false;
        }

        foreach (GeneralName name in leaf.SubjectAlternativeNames ?? [])
        {
            if (name.Type == GeneralNameType.DnsName && MatchesPrepared(name.Value, ascii))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some subjectAltName iPAddress of <paramref name="leaf"/> is exactly <paramref name="address"/> (an IPv4-mapped IPv6 address does not equal the IPv4 address).</summary>
    /// <param name="leaf">The end-entity certificate.</param>
    /// <param name="address">The address.</param>
    /// <returns>Whether the certificate names the address.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool MatchesIPAddress(Certificate leaf, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(address);
        byte[] wanted = address.GetAddressBytes();
        foreach (GeneralName name in leaf.SubjectAlternativeNames ?? [])
        {
            if (name.Type == GeneralNameType.IPAddress && name.IPAddress is { } ip && ip.GetAddressBytes().AsSpan().SequenceEqual(wanted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some subjectAltName rfc822Name of <paramref name="leaf"/> is <paramref name="address"/>: the local part
    /// compared exactly, the domain case-insensitively (after converting U-labels to A-labels).
    /// </summary>
    /// <param name="leaf">The end-entity certificate.</param>
    /// <param name="address">The mailbox, local-part@domain.</param>
    /// <returns>Whether the certificate names the mailbox.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool MatchesEmail(Certificate leaf, string address)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(address);
        if (!TrySplitMailbox(address, out string? local, out string? domain))
        {
            return false;
        }

        foreach (GeneralName name in leaf.SubjectAlternativeNames ?? [])
        {
            if (name.Type == GeneralNameType.Rfc822Name && TrySplitMailbox(name.Value, out string? l, out string? d) &&
                string.Equals(l, local, StringComparison.Ordinal) && string.Equals(d, domain, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the dNSName <paramref name="pattern"/> matches <paramref name="host"/> (RFC 9525 §6.3): equal ignoring
    /// ASCII case, or, for a pattern "*.rest", the host is one label followed by ".rest". The wildcard must be the
    /// whole leftmost label of a pattern with at least two labels after it ("*.com" matches nothing); partial
    /// wildcards ("f*.example.com") and wildcards elsewhere match nothing. The pattern must be ASCII, as an IA5String
    /// dNSName is; the host may hold U-labels and one trailing dot.
    /// </summary>
    /// <param name="pattern">The reference from the certificate.</param>
    /// <param name="host">The host the client wants.</param>
    /// <returns>Whether they match.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool MatchesDnsPattern(string pattern, string host)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(host);
        return TryPrepareHost(host, out string? ascii) && MatchesPrepared(pattern, ascii);
    }

    private static bool MatchesPrepared(string pattern, string host)
    {
        if (!Ascii.IsValid(pattern) || !HostNameSyntax.TryNormalizeDnsName(pattern, allowWildcard: true, out string? p, out _))
        {
            return false;
        }

        if (!p.StartsWith("*.", StringComparison.Ordinal))
        {
            return string.Equals(p, host, StringComparison.Ordinal);
        }

        string rest = p[2..];
        if (!rest.Contains('.', StringComparison.Ordinal))
        {
            // "*.com": a wildcard over a single-label suffix (a TLD) is refused (CA/B BR 3.2.2.6; webpki).
            return false;
        }

        int dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && string.Equals(host[(dot + 1)..], rest, StringComparison.Ordinal);
    }

    // The reference identifier: one trailing dot dropped, U-labels to A-labels, lowercase, valid host syntax, not an IP.
    private static bool TryPrepareHost(string host, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? ascii)
    {
        ascii = null;
        string h = host.EndsWith('.') ? host[..^1] : host;
        return h.Length > 0 && !h.StartsWith('*') && HostNameSyntax.TryNormalizeDnsName(h, allowWildcard: false, out ascii, out _);
    }

    private static bool TrySplitMailbox(string mailbox, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? local, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? domain)
    {
        local = domain = null;
        int at = mailbox.LastIndexOf('@');
        if (at <= 0 || at == mailbox.Length - 1 || !HostNameSyntax.TryNormalizeDnsName(mailbox[(at + 1)..], allowWildcard: false, out domain, out _))
        {
            domain = null;
            return false;
        }

        local = mailbox[..at];
        return true;
    }
}
