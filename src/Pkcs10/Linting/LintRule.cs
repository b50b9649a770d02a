namespace Pkcs10.Linting;

/// <summary>
/// One check over a decoded request. Derive from it to add rules of your own and pass them to
/// <see cref="RequestLinter(IEnumerable{LintRule})"/> alongside (or instead of) <see cref="RequestLinter.BuiltInRules"/>.
/// </summary>
public abstract class LintRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">A stable id, e.g. "csr.key.rsa_too_small".</param>
    /// <param name="severity">The severity of its findings.</param>
    /// <param name="reference">The standard it enforces.</param>
    /// <param name="fix">How to fix what it finds.</param>
    /// <param name="aliases">Names of zlint or pkilint certificate lints that check the same thing.</param>
    /// <exception cref="ArgumentException">The id, reference or fix is empty.</exception>
    protected LintRule(string id, LintSeverity severity, string reference, string fix, params string[] aliases)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentException.ThrowIfNullOrEmpty(fix);
        Id = id;
        Severity = severity;
        Reference = reference;
        Fix = fix;
        Aliases = aliases ?? [];
    }

    /// <summary>The stable id.</summary>
    public string Id { get; }

    /// <summary>The severity of this rule's findings (a rule may report a lower one for a milder case).</summary>
    public LintSeverity Severity { get; }

    /// <summary>The standard the rule enforces.</summary>
    public string Reference { get; }

    /// <summary>How to fix what the rule finds.</summary>
    public string Fix { get; }

    /// <summary>zlint or pkilint lint names that check the same thing on certificates.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Checks the request in <paramref name="context"/> and reports findings through it.</summary>
    /// <param name="context">The request, the options and the place to report.</param>
    public abstract void Check(LintContext context);
}
