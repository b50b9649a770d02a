using System.Net;

namespace Pkcs10.Chains;

/// <summary>A name the leaf certificate must carry: the host a client connected to, or a client's identity.</summary>
/// <param name="Kind">What kind of name it is.</param>
/// <param name="Value">The name: a host name, IP address text, or email address.</param>
public sealed record PeerName(PeerNameKind Kind, string Value)
{
    /// <summary>A DNS host name (U-labels are converted to A-labels when matching).</summary>
    /// <param name="host">The host name.</param>
    /// <returns>The peer name.</returns>
    public static PeerName Dns(string host) => new(PeerNameKind.Dns, host ?? throw new ArgumentNullException(nameof(host)));

    /// <summary>An IP address.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The peer name.</returns>
    public static PeerName IP(IPAddress address) =>
        new(PeerNameKind.IPAddress, (address ?? throw new ArgumentNullException(nameof(address))).ToString());

    /// <summary>An email address.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The peer name.</returns>
    public static PeerName Email(string address) => new(PeerNameKind.Email, address ?? throw new ArgumentNullException(nameof(address)));

    /// <summary>"dns:example.com", "ip:192.0.2.1", "email:a@example.com".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        PeerNameKind.Dns => "dns:" + Value,
        PeerNameKind.IPAddress => "ip:" + Value,
        _ => "email:" + Value,
    };
}
