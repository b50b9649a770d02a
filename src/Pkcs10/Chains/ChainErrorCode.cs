namespace Pkcs10.Chains;

/// <summary>Why a certification path, or a candidate step of one, was rejected. The names are stable identifiers.</summary>
public enum ChainErrorCode
{
    /// <summary>No certificate in the pool or among the trust anchors has a subject equal to the issuer name.</summary>
    NoIssuerFound = 1,

    /// <summary>The issuer's key does not verify the certificate's signature.</summary>
    SignatureInvalid,

    /// <summary>The signature algorithm or the issuer's key cannot be checked here (an unknown algorithm or curve).</summary>
    SignatureUnsupported,

    /// <summary>The signature uses a digest the algorithm policy refuses (MD5, SHA-1 by default).</summary>
    WeakSignatureAlgorithm,

    /// <summary>A key is below the algorithm policy's minimum (RSA under 2,048 bits by default) or of a refused kind.</summary>
    WeakKey,

    /// <summary>The validation time is before the certificate's notBefore.</summary>
    NotYetValid,

    /// <summary>The validation time is after the certificate's notAfter.</summary>
    Expired,

    /// <summary>A certificate used as an issuer is not a CA: basicConstraints is absent or has cA FALSE.</summary>
    NotCertificateAuthority,

    /// <summary>A pathLenConstraint on the path allows fewer intermediates than the path has.</summary>
    PathLengthExceeded,

    /// <summary>An issuer's keyUsage lacks keyCertSign (or a CRL issuer's lacks cRLSign).</summary>
    KeyUsageNotPermitted,

    /// <summary>The leaf lacks a key usage the caller required.</summary>
    KeyUsageMissing,

    /// <summary>A certificate has a critical extension this library does not process.</summary>
    UnknownCriticalExtension,

    /// <summary>A name on the path is outside a permitted subtree, inside an excluded one, or not checkable.</summary>
    NameConstraintViolation,

    /// <summary>The certificate policy processing of RFC 5280 §6.1 ended without an acceptable policy while one was required.</summary>
    PolicyViolation,

    /// <summary>The leaf, or an intermediate whose extendedKeyUsage restricts it, lacks the required purpose.</summary>
    ExtendedKeyUsageNotPermitted,

    /// <summary>The leaf does not carry the expected DNS name, IP address or email address.</summary>
    PeerNameMismatch,

    /// <summary>A CRL covering the certificate lists it as revoked.</summary>
    Revoked,

    /// <summary>Revocation was required, and no valid, current CRL covers the certificate.</summary>
    RevocationUnknown,

    /// <summary>The path would repeat a certificate (same subject and key) already on it.</summary>
    Cycle,

    /// <summary>The path would have more intermediates than <see cref="ChainPolicy.MaximumIntermediates"/>.</summary>
    DepthExceeded,

    /// <summary>The search used up its work budget (<see cref="ChainBudget"/>) before finding a valid path.</summary>
    BudgetExceeded,

    /// <summary>A certificate is malformed in a way decoding did not catch (an extension's value).</summary>
    MalformedCertificate,

    /// <summary>
    /// A certificate breaks a rule of the RFC 5280 certificate profile (<see cref="ChainPolicy.EnforceRfc5280Profile"/>) or,
    /// with <see cref="ChainPolicy.WebPki"/>, of the CA/Browser Forum Baseline Requirements.
    /// </summary>
    ProfileViolation,
}
