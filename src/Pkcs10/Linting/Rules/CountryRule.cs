namespace Pkcs10.Linting.Rules;

/// <summary>countryName is a two-letter ISO 3166-1 code (RFC 5280 Appendix A: PrintableString SIZE (2)).</summary>
internal sealed class CountryRule() : LintRule("csr.subject.country", LintSeverity.Error, "RFC 5280 Appendix A; X.520 §6.3.1; CA/B BR §7.1.4.3",
    "Use the two-letter ISO 3166-1 alpha-2 code in capitals, e.g. C=US.", "e_subject_country_not_iso")
{
    public override void Check(LintContext context)
    {
        foreach (Names.AttributeTypeAndValue c in context.SubjectAttributes("2.5.4.6"))
        {
            string value = c.Value ?? c.DisplayValue;
            if (value.Length != 2 || !value.All(char.IsAsciiLetterUpper))
            {
                context.Report(this, $"C \"{value}\" is not a two-letter upper-case country code", "subject.C", context.OffsetOf(c.RawValue));
            }
        }
    }
}
