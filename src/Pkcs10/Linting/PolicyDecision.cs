namespace Pkcs10.Linting;

/// <summary>Whether a <see cref="RequestPolicy"/> allows a request, and every reason it does not.</summary>
public sealed class PolicyDecision
{
    internal PolicyDecision(IReadOnlyList<string> reasons, LintReport lint)
    {
        Reasons = reasons;
        Lint = lint;
    }

    /// <summary>Whether the request may be issued from.</summary>
    public bool IsAllowed => Reasons.Count == 0;

    /// <summary>Why not, one line per reason (empty when allowed).</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>The lint report the decision took into account.</summary>
    public LintReport Lint { get; }
}
