namespace Pkcs10.Linting;

/// <summary>One finding of a lint rule.</summary>
/// <param name="RuleId">The rule's id, e.g. "csr.key.rsa_too_small".</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">What was found, with the offending value.</param>
/// <param name="Field">Where: "subject.CN", "subjectAltName[2]", "publicKey", "signature", ...</param>
/// <param name="Offset">The byte offset of the offending element in the request's DER, when known.</param>
/// <param name="Reference">The standard that says so, e.g. "RFC 5280 §4.2.1.6" or "CA/B BR §6.1.5".</param>
/// <param name="Fix">How to fix it.</param>
public sealed record LintFinding(string RuleId, LintSeverity Severity, string Message, string Field, int? Offset, string Reference, string Fix)
{
    /// <summary>"error csr.key.rsa_too_small (publicKey): message".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {RuleId} ({Field}): {Message}";
}
