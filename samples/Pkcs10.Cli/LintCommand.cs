using System.Text.Json;
using Pkcs10.Linting;
using Pkcs10.Requests;

namespace Pkcs10.Cli;

/// <summary><c>pkcs10 lint</c>: run the request linter; exit 0 when there are no error findings, 1 otherwise.</summary>
internal static class LintCommand
{
    public static int Run(string file, bool json, bool lenient, bool certificateAuthority, TextWriter output, TextWriter error)
    {
        InputFile input = InputFile.Load(file, lenient ? CertificationRequestDecoderOptions.Lenient : CertificationRequestDecoderOptions.Strict);
        if (input.Request is not CertificationRequest request)
        {
            error.WriteLine($"pkcs10 lint: {file}: {input.IoError ?? input.Error!.Message}{(input.Error is null || lenient ? "" : " (try --lenient)")}");
            return input.IoError is null ? 1 : 2;
        }

        LintReport report = new RequestLinter().Lint(request, new RequestLintOptions { CertificateAuthority = certificateAuthority });
        if (json)
        {
            output.WriteLine(ToJson(report));
        }
        else
        {
            output.WriteLine($"{file}: {report.Findings.Count(f => f.Severity == LintSeverity.Error)} error(s), " +
                $"{report.Findings.Count(f => f.Severity == LintSeverity.Warning)} warning(s), {report.Findings.Count(f => f.Severity == LintSeverity.Notice)} notice(s)");
            foreach (LintFinding f in report.Findings)
            {
                output.WriteLine($"  {f.Severity.ToString().ToLowerInvariant(),-7} {f.RuleId}  {f.Field}{(f.Offset is int o ? $" @{o}" : "")}: {f.Message}");
                output.WriteLine($"          {f.Reference}. Fix: {f.Fix}");
            }
        }

        return report.HasErrors ? 1 : 0;
    }

    internal static string ToJson(LintReport report)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("findings");
            foreach (LintFinding f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("id", f.RuleId);
                w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
                w.WriteString("message", f.Message);
                w.WriteString("field", f.Field);
                if (f.Offset is int offset)
                {
                    w.WriteNumber("offset", offset);
                }
                else
                {
                    w.WriteNull("offset");
                }

                w.WriteString("reference", f.Reference);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
