using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Signatures;

namespace Pkcs10.Chains;

/// <summary>
/// What a path must satisfy: the RFC 5280 §6.1 inputs (time, initial policy set and flags), the purpose and
/// peer name checked on the leaf, revocation, the algorithm policy and the search limits. Immutable; one
/// instance can serve many threads.
/// </summary>
public sealed class ChainPolicy
{
    private static readonly string[] AnyPolicySet = [ChainPolicy.AnyPolicy];

    /// <summary>The anyPolicy OID (2.5.29.32.0).</summary>
    public const string AnyPolicy = "2.5.29.32.0";

    /// <summary>
    /// The time at which every certificate (and CRL) must be valid. Always given by the caller: the library
    /// never reads the clock.
    /// </summary>
    public required DateTimeOffset ValidationTime { get; init; }

    /// <summary>
    /// Purposes the leaf must allow (dotted OIDs, e.g. <see cref="KeyPurposes.ServerAuth"/>). A leaf without an
    /// extendedKeyUsage extension allows every purpose; one with it must list each purpose or anyExtendedKeyUsage
    /// (RFC 5280 §4.2.1.12). Empty: no purpose is checked.
    /// </summary>
    public IReadOnlyList<string> RequiredPurposes { get; init; } = [];

    /// <summary>
    /// Whether intermediates that carry extendedKeyUsage must also allow each required purpose, as the CA/Browser
    /// Forum profile and most TLS clients (Chrome, Go, webpki) require. Default <see langword="true"/>; RFC 5280
    /// alone does not ask for it.
    /// </summary>
    public bool RequirePurposesOnIntermediates { get; init; } = true;

    /// <summary>Key usages the leaf must allow when it has a keyUsage extension. <see cref="KeyUsageFlags.None"/>: none.</summary>
    public KeyUsageFlags RequiredKeyUsage { get; init; }

    /// <summary>Names the leaf must carry, each one (a TLS server's host, a client's addresses). Empty: no name check.</summary>
    public IReadOnlyList<PeerName> PeerNames { get; init; } = [];

    /// <summary>
    /// The most intermediates a path may have, not counting self-issued ones (RFC 5280 §6.1.4 (l) does not
    /// count them either). Default 8.
    /// </summary>
    public int MaximumIntermediates { get; init; } = 8;

    /// <summary>Limits on the work of one search.</summary>
    public ChainBudget Budget { get; init; } = ChainBudget.Default;

    /// <summary>CRLs to check revocation against (see <see cref="Revocation"/>).</summary>
    public IReadOnlyList<CertificateRevocationList> Crls { get; init; } = [];

    /// <summary>
    /// How revocation is checked. <see langword="null"/> (the default) means <see cref="RevocationMode.None"/>
    /// when <see cref="Crls"/> is empty and <see cref="RevocationMode.RequireCoverage"/> when CRLs are supplied.
    /// </summary>
    public RevocationMode? Revocation { get; init; }

    /// <summary>The smallest RSA modulus accepted anywhere on the path, in bits. Default 2,048.</summary>
    public int MinimumRsaKeyBits { get; init; } = 2048;

    /// <summary>Whether SHA-1 signatures are accepted on the path (never for the trust anchor's own signature, which is not checked). Default <see langword="false"/>.</summary>
    public bool AllowSha1Signatures { get; init; }

    /// <summary>Whether MD5 signatures are accepted on the path. Default <see langword="false"/>.</summary>
    public bool AllowMd5Signatures { get; init; }

    /// <summary>Whether DSA keys are accepted. Default <see langword="true"/> (RFC 5280 allows them; the Web PKI does not).</summary>
    public bool AllowDsaKeys { get; init; } = true;

    /// <summary>The RFC 5280 §6.1.1 (c) user-initial-policy-set. Default: { anyPolicy }.</summary>
    public IReadOnlyList<string> InitialPolicies { get; init; } = AnyPolicySet;

    /// <summary>RFC 5280 §6.1.1 (f) initial-explicit-policy: the path must be valid for a policy in <see cref="InitialPolicies"/>.</summary>
    public bool RequireExplicitPolicy { get; init; }

    /// <summary>RFC 5280 §6.1.1 (e) initial-policy-mapping-inhibit.</summary>
    public bool InhibitPolicyMapping { get; init; }

    /// <summary>RFC 5280 §6.1.1 (g) initial-any-policy-inhibit.</summary>
    public bool InhibitAnyPolicy { get; init; }

    /// <summary>
    /// Whether the trust anchor's own constraints (validity, basicConstraints pathLenConstraint, name constraints,
    /// extendedKeyUsage) apply to the path, as RFC 5937 allows and Go, webpki and Chrome do. Default
    /// <see langword="true"/>. Its signature is never checked: the anchor is trusted as configured.
    /// </summary>
    public bool EnforceAnchorConstraints { get; init; } = true;

    /// <summary>
    /// Whether the MUSTs of the RFC 5280 certificate profile that matter to relying parties are enforced on the path
    /// (default <see langword="true"/>): authorityKeyIdentifier present (except in self-signed certificates), with a
    /// keyIdentifier and non-critical; subjectKeyIdentifier present in CA certificates and non-critical;
    /// basicConstraints critical in CA certificates; nameConstraints only in CA certificates, and critical unless
    /// <see cref="WebPki"/> is set (the Baseline Requirements allow it non-critical);
    /// policyConstraints critical; subjectAltName critical when the subject is empty; keyCertSign only with cA TRUE.
    /// </summary>
    public bool EnforceRfc5280Profile { get; init; } = true;

    /// <summary>
    /// Whether the CA/Browser Forum Baseline Requirements for TLS certificates apply on top of RFC 5280 (default
    /// <see langword="false"/>): the leaf is not a CA, has an extendedKeyUsage that is non-critical and without
    /// anyExtendedKeyUsage, its commonName (if any) is one of its subjectAltNames, its subjectAltName is not
    /// critical when the subject is not empty; the trust anchor has no extendedKeyUsage; keys are RSA with a
    /// modulus a multiple of 8 bits or ECDSA on P-256, P-384 or P-521 (no DSA, no P-192).
    /// </summary>
    public bool WebPki { get; init; }

    /// <summary>
    /// Whether the leaf may be a CA certificate (basicConstraints cA TRUE). Default <see langword="true"/> unless
    /// <see cref="WebPki"/> is set, where a CA certificate is never an end entity.
    /// </summary>
    public bool? AllowCaLeaf { get; init; }

    /// <summary>The engine for signature checks.</summary>
    public VerificationEngine Engine { get; init; }

    internal RevocationMode EffectiveRevocation => Revocation ?? (Crls.Count == 0 ? RevocationMode.None : RevocationMode.RequireCoverage);
}
