namespace Pkcs10.Extensions;

/// <summary>The GeneralName choices (RFC 5280 §4.2.1.6); values are the context tag numbers.</summary>
public enum GeneralNameType
{
    /// <summary>[0] otherName.</summary>
    OtherName = 0,
    /// <summary>[1] rfc822Name (email).</summary>
    Rfc822Name = 1,
    /// <summary>[2] dNSName.</summary>
    DnsName = 2,
    /// <summary>[3] x400Address.</summary>
    X400Address = 3,
    /// <summary>[4] directoryName.</summary>
    DirectoryName = 4,
    /// <summary>[5] ediPartyName.</summary>
    EdiPartyName = 5,
    /// <summary>[6] uniformResourceIdentifier.</summary>
    Uri = 6,
    /// <summary>[7] iPAddress.</summary>
    IPAddress = 7,
    /// <summary>[8] registeredID.</summary>
    RegisteredId = 8,
}
