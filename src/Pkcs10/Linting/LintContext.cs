using Pkcs10.Extensions;
using Pkcs10.Names;
using Pkcs10.Requests;

namespace Pkcs10.Linting;

/// <summary>What a rule sees: the request, the options, the decoded names, and where to report.</summary>
public sealed class LintContext
{
    private readonly List<LintFinding> _findings;
    private IReadOnlyList<GeneralName>? _names;

    internal LintContext(CertificationRequest request, RequestLintOptions options, List<LintFinding> findings)
    {
        Request = request;
        Options = options;
        _findings = findings;
    }

    /// <summary>The request being linted.</summary>
    public CertificationRequest Request { get; }

    /// <summary>The options.</summary>
    public RequestLintOptions Options { get; }

    /// <summary>The requested subject alternative names, empty when there are none.</summary>
    public IReadOnlyList<GeneralName> SubjectAlternativeNames => _names ??= Request.SubjectAlternativeNames ?? [];

    /// <summary>The subject's attributes of one type (e.g. "2.5.4.3" for CN), in encoded order.</summary>
    /// <param name="oid">The attribute type's dotted OID.</param>
    /// <returns>The attributes.</returns>
    public IEnumerable<AttributeTypeAndValue> SubjectAttributes(string oid) =>
        Request.Subject.Rdns.SelectMany(r => r.Attributes).Where(a => a.Oid == oid);

    /// <summary>The byte offset of <paramref name="part"/> in the request's DER, when it is a slice of it.</summary>
    /// <param name="part">Bytes taken from the request (a name's raw data, an extension value, ...).</param>
    /// <returns>The offset, or <see langword="null"/>.</returns>
    public int? OffsetOf(ReadOnlyMemory<byte> part) =>
        !part.IsEmpty && Request.RawData.Span.Overlaps(part.Span, out int offset) && offset >= 0 ? offset : null;

    /// <summary>Reports a finding of <paramref name="rule"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="message">What was found.</param>
    /// <param name="field">Where.</param>
    /// <param name="offset">The byte offset, when known.</param>
    /// <param name="severity">A severity other than the rule's, for a milder or graver case.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public void Report(LintRule rule, string message, string field, int? offset = null, LintSeverity? severity = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _findings.Add(new LintFinding(rule.Id, severity ?? rule.Severity, message, field, offset, rule.Reference, rule.Fix));
    }
}
