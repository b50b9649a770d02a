namespace Pkcs10.Chains;

/// <summary>The kind of a <see cref="PeerName"/>.</summary>
public enum PeerNameKind
{
    /// <summary>A DNS host name, matched against subjectAltName dNSName entries (RFC 6125 / RFC 9525).</summary>
    Dns = 1,

    /// <summary>An IPv4 or IPv6 address, matched against subjectAltName iPAddress entries.</summary>
    IPAddress,

    /// <summary>An email address, matched against subjectAltName rfc822Name entries.</summary>
    Email,
}
