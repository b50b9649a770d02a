using Pkcs10.Extensions;

namespace Pkcs10.Linting.Rules;

/// <summary>IP addresses belong in iPAddress entries, not in dNSName entries; in the CN they are a legacy form.</summary>
internal sealed class IpAddressAsNameRule() : LintRule("csr.name.ip_address_as_name", LintSeverity.Error, "RFC 5280 §4.2.1.6; CA/B BR §7.1.2.7.12",
    "Request the address as an ip: subjectAltName entry.")
{
    public override void Check(LintContext context)
    {
        IReadOnlyList<GeneralName> names = context.SubjectAlternativeNames;
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Type == GeneralNameType.DnsName && DnsNameChecks.LooksLikeIpAddress(names[i].Value))
            {
                context.Report(this, $"dNSName \"{names[i].Value}\" is an IP address", $"subjectAltName[{i}]", context.OffsetOf(names[i].RawData));
            }
        }

        foreach (Names.AttributeTypeAndValue cn in context.SubjectAttributes("2.5.4.3"))
        {
            if (cn.Value is string value && DnsNameChecks.LooksLikeIpAddress(value))
            {
                context.Report(this, $"CN \"{value}\" is an IP address", "subject.CN", context.OffsetOf(cn.RawValue), LintSeverity.Warning);
            }
        }
    }
}
