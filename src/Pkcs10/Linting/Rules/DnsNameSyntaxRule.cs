using Pkcs10.Extensions;

namespace Pkcs10.Linting.Rules;

/// <summary>Every dNSName must be a preferred-syntax host name in A-labels.</summary>
internal sealed class DnsNameSyntaxRule() : LintRule("csr.san.invalid_dns_name", LintSeverity.Error, "RFC 5280 §4.2.1.6, §7.2; RFC 1034 §3.5; RFC 5890 §2.3.2.1",
    "Write each name as letters, digits and hyphens in labels of 1 to 63 characters, internationalised labels as A-labels (xn--), without a trailing dot.",
    "e_dnsname_bad_character_in_label", "e_dnsname_label_too_long", "e_dnsname_empty_label")
{
    public override void Check(LintContext context)
    {
        IReadOnlyList<GeneralName> names = context.SubjectAlternativeNames;
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Type == GeneralNameType.DnsName && DnsNameChecks.FindProblem(names[i].Value) is string problem)
            {
                context.Report(this, $"dNSName \"{names[i].Value}\": {problem}", $"subjectAltName[{i}]", context.OffsetOf(names[i].RawData));
            }
        }
    }
}
