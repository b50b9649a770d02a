namespace Pkcs10.Certificates;

/// <summary>Options for decoding certificate revocation lists, with bounds so that a hostile CRL cannot exhaust memory.</summary>
public sealed class CrlDecoderOptions
{
    /// <summary>Strict DER and RFC 5280, the default.</summary>
    public static CrlDecoderOptions Strict { get; } = new();

    /// <summary>
    /// Lenient decoding: accepts the deviations real CAs produce and reports each one in
    /// <see cref="CertificateRevocationList.Findings"/> with its offset — an explicit v1 version, an encoded DEFAULT, a BER BOOLEAN, unsorted SET OF,
    /// an empty issuer, an empty revokedCertificates list, a GeneralizedTime before 2050 or with fractional seconds,
    /// extensions in a v1 CRL, a cRLNumber longer than 20 octets or marked critical, a non-critical deltaCRLIndicator.
    /// A signature algorithm that differs inside and outside the TBSCertList is rejected even here.
    /// </summary>
    public static CrlDecoderOptions Lenient { get; } = new() { AllowDeviations = true };

    /// <summary>Whether deviations are accepted and reported as findings instead of rejected.</summary>
    public bool AllowDeviations { get; init; }

    /// <summary>The largest DER accepted, in bytes (default 64 MiB).</summary>
    public int MaxLength { get; init; } = 64 << 20;

    /// <summary>The most revoked-certificate entries accepted (default 1 000 000).</summary>
    public int MaxEntries { get; init; } = 1_000_000;

    /// <summary>The deepest nesting accepted (default 32).</summary>
    public int MaxDepth { get; init; } = Asn1.DerReader.DefaultMaxDepth;

    /// <summary>The most extensions accepted in the CRL's extension list and in each entry's (default 256).</summary>
    public int MaxItems { get; init; } = 256;
}
