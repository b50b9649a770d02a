using Pkcs10.Certificates;

namespace Pkcs10.Chains;

/// <summary>The outcome of <see cref="ChainBuilder.Build"/>: the valid path, or every reason no path was valid.</summary>
public sealed class ChainResult
{
    internal ChainResult(IReadOnlyList<Certificate> chain, IReadOnlyList<ChainError> errors, IReadOnlyList<PathAttempt> attempts, ChainWork work,
        IReadOnlyList<string>? validPolicies)
    {
        Chain = chain;
        Errors = errors;
        Attempts = attempts;
        Work = work;
        ValidPolicies = validPolicies;
    }

    /// <summary>Whether a valid path was found.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The valid path, leaf first and trust anchor last; empty when there is none.</summary>
    public IReadOnlyList<Certificate> Chain { get; }

    /// <summary>
    /// Why no path was valid, most relevant first: errors of paths that reached a trust anchor before those of
    /// paths that did not, longer paths before shorter; <see cref="ChainErrorCode.BudgetExceeded"/> first when the
    /// search was cut short. Empty when <see cref="IsValid"/>.
    /// </summary>
    public IReadOnlyList<ChainError> Errors { get; }

    /// <summary>The most relevant error, or <see langword="null"/> when the path is valid.</summary>
    public ChainError? Error => Errors.Count == 0 ? null : Errors[0];

    /// <summary>Every failed attempt, in the order tried.</summary>
    public IReadOnlyList<PathAttempt> Attempts { get; }

    /// <summary>The work the search did.</summary>
    public ChainWork Work { get; }

    /// <summary>
    /// For a valid path, the RFC 5280 §6.1.6 user-constrained policy set (policy OIDs; anyPolicy when any
    /// policy is acceptable), or an empty list when the path has no valid policy but none was required.
    /// <see langword="null"/> when the path is not valid.
    /// </summary>
    public IReadOnlyList<string>? ValidPolicies { get; }
}
