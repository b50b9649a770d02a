using Pkcs10.Extensions;

namespace Pkcs10.Chains;

/// <summary>The counters and records of one path search.</summary>
internal sealed class SearchState
{
    private readonly ChainPolicy _policy;
    private readonly RevocationChecker _revocation;
    private int _nameBudget;

    public SearchState(ChainPolicy policy, CrlSignerResolver signers)
    {
        _policy = policy;
        _nameBudget = policy.Budget.MaxNameConstraintComparisons;
        _revocation = new RevocationChecker(policy, signers);
    }

    public int SignatureChecks { get; set; }

    public int CandidateVisits { get; set; }

    public int NameComparisons => _policy.Budget.MaxNameConstraintComparisons - _nameBudget;

    public int PolicyNodes { get; set; }

    /// <summary>Set when a budget ran out: the search stops and reports it first.</summary>
    public ChainError? BudgetError { get; set; }

    public List<PathAttempt> Attempts { get; } = [];

    /// <summary>When set, the only trust anchor a path may end at.</summary>
    public CertificateFacts? RequiredAnchor { get; init; }

    /// <summary>A description of the first name-constraint violation, or <see langword="null"/>.</summary>
    public string? CheckNameConstraints(CertificateFacts facts, NameConstraints constraints, bool isLeaf)
    {
        string? violation = ChainNames.CheckNameConstraints(facts, constraints, isLeaf, ref _nameBudget);
        if (_nameBudget <= 0 && BudgetError is null)
        {
            BudgetError = PathValidator.Error(ChainErrorCode.BudgetExceeded,
                $"name-constraint checking used its budget of {_policy.Budget.MaxNameConstraintComparisons} comparisons", 0, facts.Certificate);
        }

        return violation;
    }

    /// <summary>Revocation of certificate <paramref name="depth"/> of <paramref name="path"/> (its issuer is the next one).</summary>
    public ChainError? CheckRevocation(IReadOnlyList<CertificateFacts> path, int depth) => _revocation.Check(path, depth);
}
