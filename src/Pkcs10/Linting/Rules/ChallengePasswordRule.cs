namespace Pkcs10.Linting.Rules;

/// <summary>The challengePassword attribute travels in clear text inside the request.</summary>
internal sealed class ChallengePasswordRule() : LintRule("csr.attributes.challenge_password", LintSeverity.Warning, "RFC 2985 §5.4.1; RFC 8894 §2.2",
    "Treat the password as disclosed once the request has been sent; prefer an authenticated channel (EST, ACME).")
{
    public override void Check(LintContext context)
    {
        foreach (Requests.RequestAttribute a in context.Request.Attributes)
        {
            if (a.Oid == "1.2.840.113549.1.9.7")
            {
                context.Report(this, "the request carries a challengePassword, readable by anyone who sees the request", "attributes.challengePassword", a.Offset);
            }
        }
    }
}
