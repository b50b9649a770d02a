using Pkcs10.Extensions;

namespace Pkcs10.Linting.Rules;

/// <summary>
/// A wildcard is the whole left-most label only (<c>*.example.com</c> covers <c>app.example.com</c>, not
/// <c>example.com</c> or <c>a.b.example.com</c>), appears once, and never directly over a public suffix.
/// </summary>
internal sealed class WildcardRule() : LintRule("csr.san.wildcard_misuse", LintSeverity.Error, "RFC 6125 §7.2; RFC 9525 §6.3; CA/B BR §3.2.2.6",
    "Use '*.' followed by a registered domain (e.g. *.example.com), or list the names.", "e_dnsname_left_label_wildcard_correct",
    "e_dnsname_wildcard_only_in_left_label", "e_dnsname_wildcard_left_of_public_suffix")
{
    public override void Check(LintContext context)
    {
        IReadOnlyList<GeneralName> names = context.SubjectAlternativeNames;
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Type == GeneralNameType.DnsName)
            {
                Check(context, names[i].Value, $"subjectAltName[{i}]", context.OffsetOf(names[i].RawData));
            }
        }

        foreach (Names.AttributeTypeAndValue cn in context.SubjectAttributes("2.5.4.3"))
        {
            if (cn.Value is string value)
            {
                Check(context, value, "subject.CN", context.OffsetOf(cn.RawValue));
            }
        }
    }

    private void Check(LintContext context, string name, string field, int? offset)
    {
        int stars = name.Count(c => c == '*');
        if (stars == 0)
        {
            return;
        }

        string[] labels = name.Split('.');
        if (stars > 1)
        {
            context.Report(this, $"\"{name}\" has {stars} wildcards", field, offset);
        }
        else if (labels[0] != "*")
        {
            context.Report(this, labels[0].Contains('*', StringComparison.Ordinal)
                ? $"\"{name}\": the wildcard is part of a label, not the whole left-most label"
                : $"\"{name}\": the wildcard is not in the left-most label", field, offset);
        }
        else if (labels.Length < 2 || DnsNameChecks.IsBarePublicSuffix(name[2..]))
        {
            context.Report(this, $"\"{name}\" puts a wildcard directly over the public suffix \"{(labels.Length < 2 ? "" : name[2..])}\"", field, offset);
        }
    }
}
