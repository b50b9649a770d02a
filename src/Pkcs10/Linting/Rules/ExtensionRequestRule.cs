using Pkcs10.Requests;

namespace Pkcs10.Linting.Rules;

/// <summary>
/// extensionRequest is a single value holding at least one extension (RFC 2985 §5.4.2). Strict decoding refuses
/// anything else; this rule reports what lenient decoding let through.
/// </summary>
internal sealed class ExtensionRequestRule() : LintRule("csr.attributes.extension_request", LintSeverity.Error, "RFC 2985 §5.4.2; RFC 5280 §4.1",
    "Send one extensionRequest value with the extensions, or none at all.")
{
    public override void Check(LintContext context)
    {
        foreach (DecodeFinding finding in context.Request.Findings)
        {
            if (finding.Message.Contains("extensionRequest", StringComparison.Ordinal) || finding.Message.Contains("1.2.840.113549.1.9.14", StringComparison.Ordinal))
            {
                context.Report(this, finding.Message, "attributes.extensionRequest", finding.Offset);
            }
        }
    }
}
