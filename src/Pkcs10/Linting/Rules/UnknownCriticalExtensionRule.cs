namespace Pkcs10.Linting.Rules;

/// <summary>A critical extension that is not understood must make a relying party reject the certificate.</summary>
internal sealed class UnknownCriticalExtensionRule() : LintRule("csr.extensions.unknown_critical", LintSeverity.Error, "RFC 5280 §4.2",
    "Mark the extension non-critical, or drop it.")
{
    // The extensions a subscriber request may reasonably carry and every certificate processor knows.
    private static readonly HashSet<string> s_known =
    [
        "2.5.29.14", "2.5.29.15", "2.5.29.17", "2.5.29.19", "2.5.29.30", "2.5.29.32", "2.5.29.36", "2.5.29.37", "2.5.29.54",
        "1.3.6.1.5.5.7.1.24", // TLS feature (OCSP must-staple), RFC 7633
    ];

    public override void Check(LintContext context)
    {
        foreach (Extensions.CertificateExtension e in context.Request.Extensions)
        {
            if (e.Critical && !s_known.Contains(e.Oid))
            {
                context.Report(this, $"extension {e.Oid} is critical but not one a CA or relying party is known to process", $"extensions[{e.Oid}]",
                    e.Offset >= 0 ? e.Offset : null);
            }
        }
    }
}
