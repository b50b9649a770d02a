using System.Net;
using System.Net.Sockets;
using System.Text;
using Pkcs10.Asn1;
using Pkcs10.Internal;
using Pkcs10.Names;

namespace Pkcs10.Extensions;

/// <summary>
/// Builds GeneralNames (RFC 5280 §4.2.1.6), checking each name as it is added, for a subjectAltName extension.
/// Named after the ASN.1 type it encodes, so it does not collide with the BCL's
/// <c>System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder</c>.
/// </summary>
/// <remarks>
/// <para>
/// Names are encoded in the order they are added. DNS names, email domains and URI hosts are normalized to lowercase
/// ASCII, with internationalized labels converted to A-labels (UTS #46 with the STD3 rules, through
/// <see cref="System.Globalization.IdnMapping"/>). Adding a name whose encoding equals one already added (after that
/// normalization, so DNS names compare case-insensitively) throws: duplicates are almost always a mistake in the
/// caller's list, and RFC 5280 gives them no meaning.
/// </para>
/// <para>Invalid names throw <see cref="ArgumentException"/> with a message that says what is wrong.</para>
/// <code>
/// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName
/// </code>
/// </remarks>
public sealed class GeneralNamesBuilder
{
    private readonly List<byte[]> _names = [];

    /// <summary>The number of names added.</summary>
    public int Count => _names.Count;

    /// <summary>
    /// Adds a dNSName. The name is checked against the preferred name syntax (letters, digits and '-' in labels of
    /// 1–63 characters, at most 253 in all, no final dot, no numeric last label); internationalized labels are
    /// converted to A-labels; the result is lowercase. A wildcard is allowed only as the whole leftmost label
    /// (<c>*.example.com</c>).
    /// </summary>
    /// <param name="dnsName">The host name, for example "device-42.example.com" or "bücher.example".</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dnsName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is not valid, or is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddDnsName(string dnsName)
    {
        ArgumentNullException.ThrowIfNull(dnsName);
        if (!HostNameSyntax.TryNormalizeDnsName(dnsName, allowWildcard: true, out string? ascii, out string? error))
        {
            throw new ArgumentException($"'{dnsName}' is not a valid DNS name: {error}.", nameof(dnsName));
        }

        return AddPrimitive(GeneralNameType.DnsName, Encoding.ASCII.GetBytes(ascii), nameof(dnsName));
    }

    /// <summary>
    /// Adds an iPAddress from text, parsed strictly: an IPv4 dotted quad (four decimal numbers 0–255 without leading
    /// zeros; no "127.1", octal or hex forms) or IPv6 text (RFC 4291 §2.2, with an optional trailing dotted quad;
    /// no zone identifier, brackets or prefix length).
    /// </summary>
    /// <param name="ipAddress">The address text.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ipAddress"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The text is not a valid address, or the address is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddIpAddress(string ipAddress)
    {
        ArgumentNullException.ThrowIfNull(ipAddress);
        if (!HostNameSyntax.TryParseIPAddress(ipAddress, out byte[]? bytes, out string? error))
        {
            throw new ArgumentException($"'{ipAddress}' is not a valid IP address: {error}.", nameof(ipAddress));
        }

        return AddPrimitive(GeneralNameType.IPAddress, bytes, nameof(ipAddress));
    }

    /// <summary>Adds an iPAddress: 4 octets for IPv4, 16 for IPv6 (an IPv4-mapped IPv6 address stays 16).</summary>
    /// <param name="ipAddress">The address; an IPv6 scope (zone) id is refused.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ipAddress"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The address is not IPv4 or IPv6, has a scope id, or is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddIpAddress(IPAddress ipAddress)
    {
        ArgumentNullException.ThrowIfNull(ipAddress);
        if (ipAddress.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"Only IPv4 and IPv6 addresses can be written, not {ipAddress.AddressFamily}.", nameof(ipAddress));
        }

        if (ipAddress.AddressFamily == AddressFamily.InterNetworkV6 && ipAddress.ScopeId != 0)
        {
            throw new ArgumentException($"'{ipAddress}' has a scope (zone) id, which has no meaning in a certificate.", nameof(ipAddress));
        }

        return AddPrimitive(GeneralNameType.IPAddress, ipAddress.GetAddressBytes(), nameof(ipAddress));
    }

    /// <summary>
    /// Adds an rfc822Name: a bare mailbox <c>local-part@domain</c> (RFC 5321 §4.1.2). The local part is ASCII (a
    /// dot-atom or a quoted string, at most 64 characters) and is kept as given; the domain is checked like a DNS
    /// name, converted to A-labels and lowercased. Display names, angle brackets and address literals are refused.
    /// </summary>
    /// <param name="emailAddress">The address, for example "alice@example.com".</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="emailAddress"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The address is not valid, or is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddEmailAddress(string emailAddress)
    {
        ArgumentNullException.ThrowIfNull(emailAddress);
        if (!MailboxSyntax.TryNormalize(emailAddress, out string? normalized, out string? error))
        {
            throw new ArgumentException($"'{emailAddress}' is not a valid rfc822Name: {error}.", nameof(emailAddress));
        }

        return AddPrimitive(GeneralNameType.Rfc822Name, Encoding.ASCII.GetBytes(normalized), nameof(emailAddress));
    }

    /// <summary>
    /// Adds a uniformResourceIdentifier: an absolute URI (RFC 3986) with a scheme and a scheme-specific part, all
    /// ASCII outside the host. When it has an authority ("//"), the host must be a domain name (converted to an
    /// A-label) or an IP address; http, https, ws, wss, ftp, ftps, ldap, ldaps and spiffe URIs must have one. The
    /// scheme and host are lowercased; the rest is kept as given.
    /// </summary>
    /// <param name="uri">The URI text, for example "https://example.com/device/42" or "urn:uuid:...".</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The URI is not valid, or is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!UriSyntax.TryNormalize(uri, out string? normalized, out string? error))
        {
            throw new ArgumentException($"'{uri}' is not a valid URI for a certificate: {error}.", nameof(uri));
        }

        return AddPrimitive(GeneralNameType.Uri, Encoding.ASCII.GetBytes(normalized), nameof(uri));
    }

    /// <summary>
    /// Adds a uniformResourceIdentifier from a <see cref="Uri"/>, through its <see cref="Uri.AbsoluteUri"/> (as the
    /// BCL's builder does, so the path is percent-encoded); then as <see cref="AddUri(string)"/>.
    /// </summary>
    /// <param name="uri">An absolute URI.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The URI is relative or not valid, or is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{uri.OriginalString}' is a relative URI; RFC 5280 §4.2.1.6 requires an absolute one.", nameof(uri));
        }

        return AddUri(uri.AbsoluteUri);
    }

    /// <summary>
    /// Adds a Microsoft user principal name: an otherName with type-id 1.3.6.1.4.1.311.20.2.3 and a UTF8String value,
    /// which must have the form <c>user@suffix</c>.
    /// </summary>
    /// <param name="userPrincipalName">The UPN, for example "alice@corp.example.com".</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userPrincipalName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The UPN is not user@suffix, has a lone surrogate, or is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddUserPrincipalName(string userPrincipalName)
    {
        ArgumentNullException.ThrowIfNull(userPrincipalName);
        int at = userPrincipalName.LastIndexOf('@');
        if (at <= 0 || at == userPrincipalName.Length - 1)
        {
            throw new ArgumentException($"'{userPrincipalName}' is not a user principal name of the form user@suffix.", nameof(userPrincipalName));
        }

        if (!CharacterStringEncoder.TryEncode(UniversalTagNumber.Utf8String, userPrincipalName, out byte[]? utf8, out string? error))
        {
            throw new ArgumentException($"The user principal name {error}.", nameof(userPrincipalName));
        }

        using var writer = new DerWriter(utf8.Length + 8);
        writer.WriteTlv(new Asn1Tag(UniversalTagNumber.Utf8String), utf8);
        return AddOtherNameCore(Oids.UserPrincipalName, writer.Encode(), nameof(userPrincipalName));
    }

    /// <summary>Adds an otherName: <c>SEQUENCE { type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY DEFINED BY type-id }</c>.</summary>
    /// <param name="typeId">The type-id as a dotted OID.</param>
    /// <param name="encodedValue">The value's DER (written inside the [0] EXPLICIT tag): exactly one strict DER element, checked all the way down.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The OID or the value is not valid, or the name is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddOtherName(string typeId, ReadOnlySpan<byte> encodedValue)
    {
        byte[] oid = EncodeOid(typeId, nameof(typeId));
        if (!DerElementValidator.TryValidate(encodedValue, out Pkcs10Exception? error))
        {
            throw new ArgumentException($"The otherName value is not one strict DER element: {error.Message}", nameof(encodedValue), error);
        }

        return AddOtherNameCore(oid, encodedValue, nameof(encodedValue));
    }

    /// <summary>Adds a directoryName (<c>[4] EXPLICIT Name</c>).</summary>
    /// <param name="name">The name; it must not be empty (RFC 5280 §4.2.1.6 forbids empty GeneralNames).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is empty, or is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddDirectoryName(DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.IsEmpty)
        {
            throw new ArgumentException("A directoryName must not be empty (RFC 5280 §4.2.1.6 forbids empty GeneralNames).", nameof(name));
        }

        using var writer = new DerWriter(name.RawData.Length + 8);
        using (writer.PushExplicit((int)GeneralNameType.DirectoryName))
        {
            writer.WriteEncodedValue(name.RawData.Span);
        }

        return AddEncoded(writer.Encode(), nameof(name));
    }

    /// <summary>Adds a registeredID (<c>[8] OBJECT IDENTIFIER</c>).</summary>
    /// <param name="oid">The OID as dotted text.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="oid"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The OID is not valid, or is already in the list.</exception>
    /// <exception cref="InvalidOperationException">The list already holds <see cref="ExtensionDecoder.MaxEntries"/> names.</exception>
    public GeneralNamesBuilder AddRegisteredId(string oid) =>
        AddPrimitive(GeneralNameType.RegisteredId, EncodeOid(oid, nameof(oid)), nameof(oid));

    /// <summary>Returns the DER of the GeneralNames: the extnValue of a subjectAltName (or issuerAltName) extension.</summary>
    /// <returns>A new array.</returns>
    /// <exception cref="InvalidOperationException">No name was added (GeneralNames is SIZE (1..MAX)).</exception>
    public byte[] Encode()
    {
        using DerWriter writer = Write();
        return writer.Encode();
    }

    /// <summary>Writes the DER of the GeneralNames into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <returns><see langword="false"/> when the buffer is too small.</returns>
    /// <exception cref="InvalidOperationException">No name was added (GeneralNames is SIZE (1..MAX)).</exception>
    public bool TryEncode(Span<byte> destination, out int bytesWritten)
    {
        using DerWriter writer = Write();
        return writer.TryEncode(destination, out bytesWritten);
    }

    /// <summary>Builds a subjectAltName extension (2.5.29.17) holding the names.</summary>
    /// <param name="critical">The critical flag. RFC 5280 §4.2.1.6: it MUST be critical when the subject is an
    /// empty name, and SHOULD NOT be otherwise.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="InvalidOperationException">No name was added (GeneralNames is SIZE (1..MAX)).</exception>
    public CertificateExtension BuildSubjectAltName(bool critical = false) => new(Oids.SubjectAltName, critical, Encode());

    private DerWriter Write()
    {
        if (_names.Count == 0)
        {
            throw new InvalidOperationException("GeneralNames must hold at least one name (SIZE (1..MAX)).");
        }

        int size = 8;
        foreach (byte[] n in _names)
        {
            size = checked(size + n.Length);
        }

        var writer = new DerWriter(size);
        using (writer.PushSequence())
        {
            foreach (byte[] n in _names)
            {
                writer.WriteEncodedValue(n);
            }
        }

        return writer;
    }

    private GeneralNamesBuilder AddPrimitive(GeneralNameType type, ReadOnlySpan<byte> content, string paramName)
    {
        using var writer = new DerWriter(content.Length + 8);
        if (type == GeneralNameType.IPAddress)
        {
            writer.WriteOctetString(content, Asn1Tag.Context((int)type));
        }
        else
        {
            writer.WriteTlv(Asn1Tag.Context((int)type), content);
        }

        return AddEncoded(writer.Encode(), paramName);
    }

    private GeneralNamesBuilder AddOtherNameCore(ReadOnlySpan<byte> oid, ReadOnlySpan<byte> encodedValue, string paramName)
    {
        using var writer = new DerWriter(oid.Length + encodedValue.Length + 16);
        using (writer.PushSequence(Asn1Tag.Context((int)GeneralNameType.OtherName, isConstructed: true)))
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushExplicit(0))
            {
                writer.WriteEncodedValue(encodedValue);
            }
        }

        return AddEncoded(writer.Encode(), paramName);
    }

    private GeneralNamesBuilder AddEncoded(byte[] generalName, string paramName)
    {
        foreach (byte[] existing in _names)
        {
            if (existing.AsSpan().SequenceEqual(generalName))
            {
                throw new ArgumentException("This name is already in the list (duplicates are refused).", paramName);
            }
        }

        if (_names.Count >= ExtensionDecoder.MaxEntries)
        {
            throw new InvalidOperationException($"GeneralNames holds at most {ExtensionDecoder.MaxEntries} names here (the decoder's limit).");
        }

        _names.Add(generalName);
        return this;
    }

    private static byte[] EncodeOid(string oid, string paramName)
    {
        ArgumentNullException.ThrowIfNull(oid, paramName);
        return ObjectIdentifier.TryEncode(oid, out byte[]? encoded)
            ? encoded
            : throw new ArgumentException($"'{oid}' is not a valid dotted OBJECT IDENTIFIER.", paramName);
    }
}
