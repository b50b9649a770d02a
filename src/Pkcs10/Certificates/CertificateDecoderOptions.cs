namespace Pkcs10.Certificates;

/// <summary>Options for decoding certificates.</summary>
public sealed class CertificateDecoderOptions
{
    /// <summary>Strict DER and RFC 5280, the default.</summary>
    public static CertificateDecoderOptions Strict { get; } = new();

    /// <summary>
    /// Lenient decoding: accepts the deviations real CAs produce and reports each one in
    /// <see cref="Certificate.Findings"/> with its offset — a serial number that is negative, zero or longer than
    /// 20 octets, an explicit v1 version, an explicitly encoded DEFAULT (critical FALSE, cA FALSE, minimum 0), a BER
    /// BOOLEAN, unsorted SET OF, absent NULL parameters for RSA, an empty issuer, a GeneralizedTime before 2050 or
    /// with fractional seconds, unique identifiers or extensions in a version that does not allow them, an empty
    /// extension list. A signature algorithm that differs inside and outside the TBSCertificate is rejected
    /// even here. Signatures are still verified over the original bytes.
    /// </summary>
    public static CertificateDecoderOptions Lenient { get; } = new() { AllowDeviations = true };

    /// <summary>Whether deviations are accepted and reported as findings instead of rejected.</summary>
    public bool AllowDeviations { get; init; }

    /// <summary>The largest DER accepted, in bytes (default 1 MiB).</summary>
    public int MaxLength { get; init; } = 1 << 20;

    /// <summary>The deepest nesting accepted (default 32).</summary>
    public int MaxDepth { get; init; } = Asn1.DerReader.DefaultMaxDepth;

    /// <summary>The most extensions accepted (default 256).</summary>
    public int MaxItems { get; init; } = 256;
}
