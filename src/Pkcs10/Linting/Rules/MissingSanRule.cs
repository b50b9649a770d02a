namespace Pkcs10.Linting.Rules;

/// <summary>TLS clients match names only against subjectAltName; a request without one cannot become a usable server certificate.</summary>
internal sealed class MissingSanRule() : LintRule("csr.san.missing", LintSeverity.Warning, "RFC 6125 §6.4.4; RFC 9525 §6.3; CA/B BR §7.1.2.7.12",
    "Request a subjectAltName extension holding every name (dns:, ip:, email:).", "e_ext_san_missing")
{
    public override void Check(LintContext context)
    {
        if (context.Request.SubjectAlternativeNames is null)
        {
            context.Report(this, "the request has no subjectAltName extension", "extensions");
        }
    }
}
