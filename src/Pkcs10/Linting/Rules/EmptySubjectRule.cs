namespace Pkcs10.Linting.Rules;

/// <summary>An empty subject needs a subjectAltName, and then that extension must be critical.</summary>
internal sealed class EmptySubjectRule() : LintRule("csr.subject.empty_without_san", LintSeverity.Error, "RFC 5280 §4.1.2.6, §4.2.1.6",
    "Give the request a subject, or a critical subjectAltName.", "e_subject_empty_without_san", "e_ext_san_not_critical_without_subject")
{
    public override void Check(LintContext context)
    {
        if (!context.Request.Subject.IsEmpty)
        {
            return;
        }

        if (context.Request.GetExtension("2.5.29.17") is not { } san)
        {
            context.Report(this, "the subject is empty and there is no subjectAltName: the certificate would name nobody", "subject");
        }
        else if (!san.Critical)
        {
            context.Report(this, "the subject is empty, so subjectAltName must be critical", "subjectAltName", context.OffsetOf(san.Value), LintSeverity.Warning);
        }
    }
}
