using Pkcs10.Extensions;
using Pkcs10.Names;

namespace Pkcs10.Issuance;

/// <summary>The per-certificate inputs of one issuance: the time, and what the caller decides beyond the profile.</summary>
public sealed record IssuanceOptions
{
    /// <summary>
    /// The issuing time (the library never reads the clock). notBefore is this time minus
    /// <see cref="IssuanceProfile.Backdate"/>, truncated to whole seconds.
    /// </summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The validity in days; the profile's <see cref="IssuanceProfile.DefaultValidityDays"/> when <see langword="null"/>. Capped by <see cref="IssuanceProfile.MaximumValidityDays"/> and the CA's notAfter (both reported).</summary>
    public int? ValidityDays { get; init; }

    /// <summary>
    /// The serial number as the big-endian magnitude of a positive integer whose DER content is at most 20 octets
    /// (RFC 5280 §4.1.2.2); when <see langword="null"/>, 16 random bytes (at least 64 random bits, as CA/B BR §7.1 asks).
    /// Give one only to reproduce a certificate or when serials come from elsewhere: they must be unique per CA.
    /// </summary>
    public ReadOnlyMemory<byte>? SerialNumber { get; init; }

    /// <summary>A subject chosen by the caller, replacing the request's (reported as changed when it differs).</summary>
    public DistinguishedName? Subject { get; init; }

    /// <summary>
    /// subjectAltName entries chosen by the caller (for example after validating the requester's control of them). Under
    /// <see cref="SubjectAltNamePolicy.Copy"/> they replace the request's entries and pass the profile's checks like them;
    /// <see cref="SubjectAltNamePolicy.Override"/> requires them; <see cref="SubjectAltNamePolicy.Deny"/> ignores them.
    /// The builder is read when <see cref="CertificateIssuer.Issue"/> runs.
    /// </summary>
    public GeneralNamesBuilder? SubjectAlternativeNames { get; init; }
}
