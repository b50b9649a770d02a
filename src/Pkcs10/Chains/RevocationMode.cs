namespace Pkcs10.Chains;

/// <summary>How <see cref="ChainBuilder"/> treats revocation, given the CRLs in <see cref="ChainPolicy.Crls"/>.</summary>
public enum RevocationMode
{
    /// <summary>No revocation checking, even when CRLs are supplied.</summary>
    None = 0,

    /// <summary>
    /// Supplied CRLs are used where they cover a certificate; a certificate no usable CRL covers passes
    /// ("soft fail"). A CRL that covers the certificate but is invalid, stale or unverifiable is ignored.
    /// </summary>
    BestEffort,

    /// <summary>
    /// Every certificate below the trust anchor must be covered by a valid, current CRL from the supplied ones
    /// that does not list it ("hard fail"). A certificate no usable CRL covers fails with
    /// <see cref="ChainErrorCode.RevocationUnknown"/>.
    /// </summary>
    RequireCoverage,
}
