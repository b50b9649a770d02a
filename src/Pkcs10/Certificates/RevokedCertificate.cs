using Pkcs10.Extensions;

namespace Pkcs10.Certificates;

/// <summary>One entry of a CRL's revokedCertificates list (RFC 5280 §5.1.2.6, §5.3).</summary>
/// <remarks>
/// <code>
/// SEQUENCE { userCertificate CertificateSerialNumber, revocationDate Time, crlEntryExtensions Extensions OPTIONAL }
/// </code>
/// </remarks>
public sealed class RevokedCertificate
{
    private readonly ReadOnlyMemory<byte> _source;
    private readonly int _start, _length, _serialStart, _serialLength;

    internal RevokedCertificate(ReadOnlyMemory<byte> source, int start, int length, int serialStart, int serialLength, DateTimeOffset revocationDate,
        CrlReason? reason, DateTimeOffset? invalidityDate, IReadOnlyList<GeneralName>? certificateIssuer, bool hasCertificateIssuerExtension,
        IReadOnlyList<CertificateExtension> extensions, bool hasUnknownCriticalExtension)
    {
        _source = source;
        _start = start;
        _length = length;
        _serialStart = serialStart;
        _serialLength = serialLength;
        RevocationDate = revocationDate;
        Reason = reason;
        InvalidityDate = invalidityDate;
        CertificateIssuer = certificateIssuer;
        HasCertificateIssuerExtension = hasCertificateIssuerExtension;
        Extensions = extensions;
        HasUnknownCriticalExtension = hasUnknownCriticalExtension;
    }

    /// <summary>The DER of the entry.</summary>
    public ReadOnlyMemory<byte> RawData => _source.Slice(_start, _length);

    /// <summary>The byte offset of the entry in the CRL's DER.</summary>
    public int Offset => _start;

    /// <summary>The userCertificate INTEGER content octets (compare with <see cref="Certificate.SerialNumber"/> byte for byte).</summary>
    public ReadOnlyMemory<byte> SerialNumber => _source.Slice(_serialStart, _serialLength);

    /// <summary>The serial number as upper-case hex of its content octets.</summary>
    public string SerialNumberHex => Convert.ToHexString(SerialNumber.Span);

    /// <summary>revocationDate, in UTC.</summary>
    public DateTimeOffset RevocationDate { get; }

    /// <summary>
    /// The reasonCode entry extension (RFC 5280 §5.3.1), or <see langword="null"/> when absent (which means
    /// unspecified). <see cref="CrlReason.RemoveFromCrl"/> appears only in delta CRLs.
    /// </summary>
    public CrlReason? Reason { get; }

    /// <summary>The invalidityDate entry extension (RFC 5280 §5.3.2), or <see langword="null"/> when absent.</summary>
    public DateTimeOffset? InvalidityDate { get; }

    /// <summary>
    /// The issuer of the revoked certificate for an indirect CRL (RFC 5280 §5.3.3): this entry's certificateIssuer
    /// extension or, when the entry has none, the one in effect from a preceding entry; <see langword="null"/>
    /// when no entry so far named one, which means the CRL issuer.
    /// </summary>
    public IReadOnlyList<GeneralName>? CertificateIssuer { get; }

    /// <summary>Whether this entry itself carries the certificateIssuer extension (rather than inheriting it).</summary>
    public bool HasCertificateIssuerExtension { get; }

    /// <summary>The entry's extensions in encoded order (empty when there are none).</summary>
    public IReadOnlyList<CertificateExtension> Extensions { get; }

    /// <summary>
    /// Whether the entry has a critical extension other than reasonCode, invalidityDate and certificateIssuer:
    /// RFC 5280 §5.3 requires a relying party to reject a CRL it cannot fully process.
    /// </summary>
    public bool HasUnknownCriticalExtension { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{SerialNumberHex} revoked {RevocationDate:u}{(Reason is { } r ? " (" + r + ")" : "")}";
}
