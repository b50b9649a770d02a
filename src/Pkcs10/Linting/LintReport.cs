namespace Pkcs10.Linting;

/// <summary>The findings of a lint run, most severe first.</summary>
public sealed class LintReport
{
    internal LintReport(IReadOnlyList<LintFinding> findings) => Findings = findings;

    /// <summary>Every finding, errors first, then warnings, then notices; in rule order within a severity.</summary>
    public IReadOnlyList<LintFinding> Findings { get; }

    /// <summary>Whether any finding is an <see cref="LintSeverity.Error"/>.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == LintSeverity.Error);

    /// <summary>The findings of one rule.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <returns>Its findings, possibly none.</returns>
    public IEnumerable<LintFinding> ForRule(string ruleId) => Findings.Where(f => f.RuleId == ruleId);
}
