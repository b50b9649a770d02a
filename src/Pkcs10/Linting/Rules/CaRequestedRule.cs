namespace Pkcs10.Linting.Rules;

/// <summary>A leaf request must not ask for cA TRUE; a CA request should (use <see cref="RequestLintOptions.CertificateAuthority"/>).</summary>
internal sealed class CaRequestedRule() : LintRule("csr.extensions.ca_in_leaf", LintSeverity.Error, "RFC 5280 §4.2.1.9; CA/B BR §7.1.2.7.8",
    "Remove basicConstraints (or set cA FALSE) for an end-entity certificate.")
{
    public override void Check(LintContext context)
    {
        Extensions.BasicConstraints? constraints = context.Request.BasicConstraints;
        int? offset = context.Request.GetExtension("2.5.29.19") is { } e ? context.OffsetOf(e.Value) : null;
        if (constraints is { CertificateAuthority: true } && !context.Options.CertificateAuthority)
        {
            context.Report(this, "basicConstraints asks for cA TRUE in a request for an end-entity certificate", "basicConstraints", offset);
        }
        else if (context.Options.CertificateAuthority && constraints is not { CertificateAuthority: true })
        {
            context.Report(this, "a CA request without basicConstraints cA TRUE", "basicConstraints", offset, LintSeverity.Notice);
        }
    }
}
