using System.Collections.Frozen;
using Pkcs10.Extensions;
using Pkcs10.Linting;

namespace Pkcs10.Issuance;

/// <summary>
/// What a certificate issued under this profile contains: key usage, extended key usage, basic constraints, where
/// the subject and subjectAltName come from and what they may hold, key identifiers, CRL and AIA locations, which
/// other requested extensions are honoured, and how long it is valid. Start from a built-in profile and change it
/// with <c>with</c>: <c>IssuanceProfile.TlsServer with { CrlDistributionPoints = ["http://crl.example.com/ca.crl"] }</c>.
/// </summary>
/// <remarks>
/// <para>
/// A request's extensions are data: the profile decides keyUsage, extKeyUsage, basicConstraints, the key identifiers,
/// cRLDistributionPoints and authorityInfoAccess whatever the request asks; subjectAltName follows
/// <see cref="SubjectAltNamePolicy"/>; any other requested extension is copied only when its OID is in
/// <see cref="AllowedRequestedExtensions"/>, and dropped otherwise. Every difference is in the <see cref="IssuanceReport"/>.
/// </para>
/// <para>
/// Extensions are written in this order: basicConstraints (critical), keyUsage (critical), extKeyUsage,
/// subjectAltName (critical exactly when the subject is empty, RFC 5280 §4.2.1.6), subjectKeyIdentifier,
/// authorityKeyIdentifier, cRLDistributionPoints, authorityInfoAccess, then the honoured requested extensions in
/// request order with their requested critical flags.
/// </para>
/// </remarks>
public sealed record IssuanceProfile
{
    /// <summary>id-on-hardwareModuleName (RFC 4108 §5): the otherName a device identity certificate carries.</summary>
    public const string HardwareModuleNameOid = "1.3.6.1.5.5.7.8.4";

    /// <summary>The TLS Feature extension (RFC 7633, "OCSP must-staple"), which <see cref="TlsServer"/> honours when requested.</summary>
    public const string TlsFeatureOid = "1.3.6.1.5.5.7.1.24";

    private static readonly IReadOnlyList<string> s_cnOc = ["2.5.4.3", "2.5.4.10", "2.5.4.6"];

    /// <summary>A name for messages and reports, e.g. "TlsServer".</summary>
    public required string Name { get; init; }

    /// <summary>The keyUsage bits of every certificate (critical); <see cref="KeyUsageFlags.None"/> omits the extension.</summary>
    public KeyUsageFlags KeyUsage { get; init; }

    /// <summary>Whether keyEncipherment is added for rsaEncryption keys (RSA key transport in TLS 1.2 and earlier; RSA-PSS and other keys never get it).</summary>
    public bool KeyEnciphermentForRsaKeys { get; init; }

    /// <summary>The extKeyUsage purposes (dotted OIDs or the names of <see cref="KeyPurposes"/>); empty omits the extension.</summary>
    public IReadOnlyList<string> ExtendedKeyUsages { get; init; } = [];

    /// <summary>Whether the certificate is a CA certificate (basicConstraints cA TRUE). basicConstraints is always written, critical.</summary>
    public bool CertificateAuthority { get; init; }

    /// <summary>The pathLenConstraint of a CA certificate; lowered to fit the issuing CA's own constraint (and reported).</summary>
    public int? PathLengthConstraint { get; init; }

    /// <summary>Where the subject comes from.</summary>
    public SubjectNamePolicy SubjectPolicy { get; init; } = SubjectNamePolicy.Copy;

    /// <summary>The attribute types (dotted OIDs) kept under <see cref="SubjectNamePolicy.KeepListedAttributes"/>; CN, O and C by default.</summary>
    public IReadOnlyList<string> KeptSubjectAttributes { get; init; } = s_cnOc;

    /// <summary>Where the subjectAltName entries come from.</summary>
    public SubjectAltNamePolicy SubjectAltNamePolicy { get; init; } = SubjectAltNamePolicy.Copy;

    /// <summary>The GeneralName choices a subjectAltName may hold; others are handled as <see cref="DisallowedNames"/> says.</summary>
    public IReadOnlySet<GeneralNameType> AllowedSubjectAltNameTypes { get; init; } = FrozenSet.Create(GeneralNameType.DnsName, GeneralNameType.IPAddress);

    /// <summary>The otherName type-ids (dotted OIDs) allowed when <see cref="GeneralNameType.OtherName"/> is an allowed choice.</summary>
    public IReadOnlyList<string> AllowedOtherNameTypes { get; init; } = [];

    /// <summary>
    /// The domains dNSName entries must fall in (empty allows any). A DNS-name CN outside them always refuses the
    /// request, since the subject is not rewritten name by name. Put domains here when out-of-domain entries should be
    /// dropped; domains in <see cref="RequestPolicy"/> always refuse.
    /// </summary>
    public IReadOnlyList<AllowedDomain> AllowedDomains { get; init; } = [];

    /// <summary>What happens to a subjectAltName entry of a choice, otherName type or domain the profile does not allow.</summary>
    public DisallowedNameAction DisallowedNames { get; init; } = DisallowedNameAction.Drop;

    /// <summary>Whether, when the request has no subjectAltName, a subject CN that is a DNS name becomes a dNSName entry (RFC 9525 §6.3 keeps only SAN names for TLS).</summary>
    public bool CopyCommonNameToSubjectAltName { get; init; }

    /// <summary>Whether a certificate without any subjectAltName entry is refused.</summary>
    public bool RequireSubjectAltName { get; init; }

    /// <summary>Whether a subjectKeyIdentifier is written (RFC 5280 §4.2.1.2: MUST for CA certificates, SHOULD otherwise).</summary>
    public bool IncludeSubjectKeyIdentifier { get; init; } = true;

    /// <summary>How the subjectKeyIdentifier is derived from the public key (RFC 5280 method 1, SHA-1 of the key bits, by default).</summary>
    public SubjectKeyIdentifierMethod SubjectKeyIdentifierMethod { get; init; } = SubjectKeyIdentifierMethod.Sha1;

    /// <summary>
    /// Whether an authorityKeyIdentifier is written: the CA certificate's subjectKeyIdentifier, or one derived from the
    /// CA key by <see cref="SubjectKeyIdentifierMethod"/> when the CA certificate has none (for a self-signed certificate,
    /// its own subjectKeyIdentifier).
    /// </summary>
    public bool IncludeAuthorityKeyIdentifier { get; init; } = true;

    /// <summary>CRL URLs, written as one DistributionPoint whose fullName lists them (empty omits cRLDistributionPoints).</summary>
    public IReadOnlyList<string> CrlDistributionPoints { get; init; } = [];

    /// <summary>OCSP responder URLs for authorityInfoAccess.</summary>
    public IReadOnlyList<string> OcspResponders { get; init; } = [];

    /// <summary>URLs of the issuing CA's certificate (caIssuers) for authorityInfoAccess.</summary>
    public IReadOnlyList<string> CaIssuers { get; init; } = [];

    /// <summary>The OIDs of other requested extensions that are copied into the certificate as requested; all others are dropped.</summary>
    public IReadOnlyList<string> AllowedRequestedExtensions { get; init; } = [];

    /// <summary>
    /// The validity in days when <see cref="IssuanceOptions.ValidityDays"/> does not say. A validity of n days gives
    /// notAfter = notBefore + n days − 1 second, because RFC 5280 §4.1.2.5 counts both ends (so a 398-day certificate
    /// really lasts 398 days, as CA/B BR §6.3.2 counts them).
    /// </summary>
    public int DefaultValidityDays { get; init; } = 365;

    /// <summary>The longest validity in days; a longer request is shortened and reported.</summary>
    public int MaximumValidityDays { get; init; } = 398;

    /// <summary>
    /// How far notBefore lies before <see cref="IssuanceOptions.Now"/>: 5 minutes by default, the clock skew that
    /// Kerberos tolerates, so that a relying party whose clock is a little behind accepts a certificate at once.
    /// </summary>
    public TimeSpan Backdate { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The rules the request must pass first (key types and sizes, signature algorithm, domains, lint); none when <see langword="null"/>.</summary>
    public RequestPolicy? RequestPolicy { get; init; }

    /// <summary>
    /// A TLS server: digitalSignature (and keyEncipherment for RSA keys), serverAuth, subject CN/O/C, DNS and IP
    /// subjectAltName entries (a DNS-name CN is copied when there are none; one is required), the TLS Feature
    /// extension honoured, 90 days by default and at most 398 (CA/B BR §6.3.2).
    /// </summary>
    public static IssuanceProfile TlsServer { get; } = new()
    {
        Name = nameof(TlsServer),
        KeyUsage = KeyUsageFlags.DigitalSignature,
        KeyEnciphermentForRsaKeys = true,
        ExtendedKeyUsages = [KeyPurposes.ServerAuth],
        SubjectPolicy = SubjectNamePolicy.KeepListedAttributes,
        CopyCommonNameToSubjectAltName = true,
        RequireSubjectAltName = true,
        AllowedRequestedExtensions = [TlsFeatureOid],
        DefaultValidityDays = 90,
        MaximumValidityDays = 398,
    };

    /// <summary>A TLS client: digitalSignature, clientAuth, subject CN/O/C, DNS, IP, email and URI entries, 365 days by default and at most 398.</summary>
    public static IssuanceProfile TlsClient { get; } = new()
    {
        Name = nameof(TlsClient),
        KeyUsage = KeyUsageFlags.DigitalSignature,
        ExtendedKeyUsages = [KeyPurposes.ClientAuth],
        SubjectPolicy = SubjectNamePolicy.KeepListedAttributes,
        AllowedSubjectAltNameTypes = FrozenSet.Create(GeneralNameType.DnsName, GeneralNameType.IPAddress, GeneralNameType.Rfc822Name, GeneralNameType.Uri),
        DefaultValidityDays = 365,
        MaximumValidityDays = 398,
    };

    /// <summary>
    /// A device identity (IEEE 802.1AR-like): digitalSignature (and keyEncipherment for RSA keys), clientAuth, the
    /// request's subject, DNS, IP and URI entries and the hardwareModuleName otherName (add type-ids to
    /// <see cref="AllowedOtherNameTypes"/> for others), 10 years by default and at most 20.
    /// </summary>
    public static IssuanceProfile Device { get; } = new()
    {
        Name = nameof(Device),
        KeyUsage = KeyUsageFlags.DigitalSignature,
        KeyEnciphermentForRsaKeys = true,
        ExtendedKeyUsages = [KeyPurposes.ClientAuth],
        AllowedSubjectAltNameTypes = FrozenSet.Create(GeneralNameType.DnsName, GeneralNameType.IPAddress, GeneralNameType.Uri, GeneralNameType.OtherName),
        AllowedOtherNameTypes = [HardwareModuleNameOid],
        DefaultValidityDays = 3650,
        MaximumValidityDays = 7300,
    };

    /// <summary>Code signing: digitalSignature, codeSigning, subject CN/O/L/ST/C, no subjectAltName, 365 days by default and at most 1185 (39 months, the CA/B code signing limit).</summary>
    public static IssuanceProfile CodeSigning { get; } = new()
    {
        Name = nameof(CodeSigning),
        KeyUsage = KeyUsageFlags.DigitalSignature,
        ExtendedKeyUsages = [KeyPurposes.CodeSigning],
        SubjectPolicy = SubjectNamePolicy.KeepListedAttributes,
        KeptSubjectAttributes = ["2.5.4.3", "2.5.4.10", "2.5.4.7", "2.5.4.8", "2.5.4.6"],
        SubjectAltNamePolicy = SubjectAltNamePolicy.Deny,
        DefaultValidityDays = 365,
        MaximumValidityDays = 1185,
    };

    /// <summary>A self-signed root: cA TRUE without a path length, keyCertSign and cRLSign, the request's subject, no subjectAltName, 20 years by default and at most 25.</summary>
    public static IssuanceProfile RootCa { get; } = new()
    {
        Name = nameof(RootCa),
        KeyUsage = KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign,
        CertificateAuthority = true,
        SubjectAltNamePolicy = SubjectAltNamePolicy.Deny,
        DefaultValidityDays = 7305,
        MaximumValidityDays = 9131,
    };

    /// <summary>An intermediate CA: cA TRUE with the given path length, keyCertSign and cRLSign, the request's subject, no subjectAltName, 5 years by default and at most 10.</summary>
    /// <param name="pathLength">The pathLenConstraint (0: it may issue only end-entity certificates), or <see langword="null"/> for none.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pathLength"/> is negative.</exception>
    public static IssuanceProfile IntermediateCa(int? pathLength = 0)
    {
        if (pathLength is int p)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(p, nameof(pathLength));
        }

        return new()
        {
            Name = nameof(IntermediateCa),
            KeyUsage = KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign,
            CertificateAuthority = true,
            PathLengthConstraint = pathLength,
            SubjectAltNamePolicy = SubjectAltNamePolicy.Deny,
            DefaultValidityDays = 1826,
            MaximumValidityDays = 3652,
        };
    }
}
