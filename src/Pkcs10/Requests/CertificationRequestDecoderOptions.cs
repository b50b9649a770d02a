namespace Pkcs10.Requests;

/// <summary>Options for decoding certification requests.</summary>
public sealed class CertificationRequestDecoderOptions
{
    /// <summary>Strict DER and RFC 2986, the default.</summary>
    public static CertificationRequestDecoderOptions Strict { get; } = new();

    /// <summary>
    /// Lenient decoding: accepts the deviations real devices produce and reports each one in
    /// <see cref="CertificationRequest.Findings"/> with its offset — a missing <c>[0] attributes</c> field, an
    /// explicitly encoded DEFAULT (critical FALSE, cA FALSE, PSS defaults), a BER BOOLEAN, unsorted SET OF,
    /// absent NULL parameters for RSA, an empty or malformed challengePassword or extensionRequest value
    /// set, a version other than 0. Signatures are still verified over the original bytes.
    /// </summary>
    public static CertificationRequestDecoderOptions Lenient { get; } = new() { AllowDeviations = true };

    /// <summary>Whether deviations are accepted and reported as findings instead of rejected.</summary>
    public bool AllowDeviations { get; init; }

    /// <summary>The largest DER accepted, in bytes (default 1 MiB).</summary>
    public int MaxLength { get; init; } = 1 << 20;

    /// <summary>The deepest nesting accepted (default 32).</summary>
    public int MaxDepth { get; init; } = Asn1.DerReader.DefaultMaxDepth;

    /// <summary>The most attributes or extensions accepted (default 256).</summary>
    public int MaxItems { get; init; } = 256;
}
