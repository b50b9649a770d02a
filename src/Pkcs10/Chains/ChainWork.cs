namespace Pkcs10.Chains;

/// <summary>The work one <see cref="ChainBuilder.Build"/> call did, against the limits of <see cref="ChainBudget"/>.</summary>
/// <param name="SignatureChecks">Signatures verified (cached results of earlier calls on the same builder are not counted).</param>
/// <param name="CandidateVisits">Candidate issuers considered.</param>
/// <param name="NameConstraintComparisons">Name-against-subtree comparisons.</param>
/// <param name="PolicyNodes">Policy-tree nodes created.</param>
public readonly record struct ChainWork(int SignatureChecks, int CandidateVisits, int NameConstraintComparisons, int PolicyNodes);
