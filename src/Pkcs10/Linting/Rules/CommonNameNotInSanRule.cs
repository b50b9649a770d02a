using System.Net;
using Pkcs10.Extensions;
using Pkcs10.Names;

namespace Pkcs10.Linting.Rules;

/// <summary>Each subject CN must repeat one of the subjectAltName entries (a dNSName, or an iPAddress in its text form).</summary>
internal sealed class CommonNameNotInSanRule() : LintRule("csr.subject.cn_not_in_san", LintSeverity.Error, "CA/B BR §7.1.4.3; RFC 9525 §6.3",
    "Put the CN's name into subjectAltName too, or drop the CN.", "e_subject_common_name_not_exactly_from_san", "e_subject_common_name_not_from_san")
{
    public override void Check(LintContext context)
    {
        if (context.Request.SubjectAlternativeNames is null)
        {
            return; // csr.san.missing says so.
        }

        foreach (AttributeTypeAndValue cn in context.SubjectAttributes("2.5.4.3"))
        {
            string? value = cn.Value;
            if (value is null)
            {
                continue;
            }

            bool exact = context.SubjectAlternativeNames.Any(n => Matches(n, value, StringComparison.Ordinal));
            if (exact)
            {
                continue;
            }

            bool caseOnly = context.SubjectAlternativeNames.Any(n => Matches(n, value, StringComparison.OrdinalIgnoreCase));
            context.Report(this, caseOnly
                    ? $"CN \"{value}\" differs from its subjectAltName entry in letter case"
                    : $"CN \"{value}\" is not among the subjectAltName entries",
                "subject.CN", context.OffsetOf(cn.RawValue), caseOnly ? LintSeverity.Warning : null);
        }
    }

    private static bool Matches(GeneralName name, string cn, StringComparison comparison) => name.Type switch
    {
        GeneralNameType.DnsName => string.Equals(name.Value, cn, comparison),
        GeneralNameType.IPAddress => IPAddress.TryParse(cn, out IPAddress? ip) && ip.Equals(name.IPAddress),
        _ => false,
    };
}
