namespace Pkcs10.Chains;

/// <summary>
/// Limits on the work one path search may do, so that a hostile pool (many intermediates with the same
/// subject, cross-signatures, cycles) ends in milliseconds with <see cref="ChainErrorCode.BudgetExceeded"/>
/// instead of exploring every path. The defaults follow Go's crypto/x509 and rustls-webpki.
/// </summary>
public sealed record ChainBudget
{
    /// <summary>The defaults: 100 signature checks, 2,000 candidate visits, 250,000 name comparisons, 10,000 policy nodes.</summary>
    public static ChainBudget Default { get; } = new();

    /// <summary>Signature verifications (default 100, as Go's maxChainSignatureChecks).</summary>
    public int MaxSignatureChecks { get; init; } = 100;

    /// <summary>Candidate issuers considered across the whole search (default 2,000).</summary>
    public int MaxCandidateVisits { get; init; } = 2_000;

    /// <summary>Name-against-subtree comparisons in name-constraint checks (default 250,000, as webpki).</summary>
    public int MaxNameConstraintComparisons { get; init; } = 250_000;

    /// <summary>Nodes of the RFC 5280 valid-policy tree per path (default 10,000; policy mappings can grow it fast).</summary>
    public int MaxPolicyNodes { get; init; } = 10_000;
}
