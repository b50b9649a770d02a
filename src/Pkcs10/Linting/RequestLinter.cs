using Pkcs10.Linting.Rules;
using Pkcs10.Requests;

namespace Pkcs10.Linting;

/// <summary>
/// Runs lint rules over a decoded request and reports what a CA should know before issuing: weak or broken
/// keys, old algorithms, names that do not match or are malformed, wildcard misuse, unexpected CA requests,
/// unknown critical extensions. Rules are small classes; pass your own alongside <see cref="BuiltInRules"/>.
/// </summary>
public sealed class RequestLinter
{
    private readonly LintRule[] _rules;

    /// <summary>A linter with the built-in rules.</summary>
    public RequestLinter()
        : this(BuiltInRules)
    {
    }

    /// <summary>A linter with the given rules, run in order.</summary>
    /// <param name="rules">The rules (for example <see cref="BuiltInRules"/> plus your own).</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or one of its rules is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two rules share an id.</exception>
    public RequestLinter(IEnumerable<LintRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (LintRule rule in _rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            if (!ids.Add(rule.Id))
            {
                throw new ArgumentException($"two rules have the id {rule.Id}", nameof(rules));
            }
        }
    }

    /// <summary>The built-in rules, in the order they run.</summary>
    public static IReadOnlyList<LintRule> BuiltInRules { get; } =
    [
        new SignatureRule(), new WeakSignatureAlgorithmRule(), new RsaKeySizeRule(), new RsaExponentRule(), new RsaWeakModulusRule(),
        new EcCurveRule(), new DsaKeyRule(), new EmptySubjectRule(), new MissingSanRule(), new CommonNameNotInSanRule(),
        new WildcardRule(), new DnsNameSyntaxRule(), new IpAddressAsNameRule(), new CountryRule(), new ExtensionRequestRule(),
        new CaRequestedRule(), new UnknownCriticalExtensionRule(), new ChallengePasswordRule(),
    ];

    /// <summary>The rules this linter runs.</summary>
    public IReadOnlyList<LintRule> Rules => _rules;

    /// <summary>Lints <paramref name="request"/>.</summary>
    /// <param name="request">The decoded request (strictly or leniently).</param>
    /// <param name="options">What to expect; <see cref="RequestLintOptions.Default"/> (a leaf request) when <see langword="null"/>.</param>
    /// <returns>The findings, errors first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public LintReport Lint(CertificationRequest request, RequestLintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var findings = new List<LintFinding>();
        var context = new LintContext(request, options ?? RequestLintOptions.Default, findings);
        foreach (LintRule rule in _rules)
        {
            try
            {
                rule.Check(context);
            }
            catch (Pkcs10Exception e)
            {
                // A value lenient decoding let through that a typed view cannot read: say so rather than fail the run.
                findings.Add(new LintFinding(rule.Id, LintSeverity.Error, $"could not be evaluated: {e.Message}", "request", e.Offset, rule.Reference, rule.Fix));
            }
        }

        return new LintReport([.. findings.OrderByDescending(f => f.Severity)]);
    }
}
