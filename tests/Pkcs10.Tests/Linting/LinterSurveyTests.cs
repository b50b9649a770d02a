using Pkcs10.Cli;
using Pkcs10.Linting;
using Pkcs10.Requests;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Linting;

/// <summary>
/// The linter over every request this repository and the external suites hold (pyca/cryptography and Go's CSR
/// cases, read at run time from ../shared/testdata): no crash, and the findings per rule, written to the test
/// output so the figures in README.md can be checked.
/// </summary>
public class LinterSurveyTests
{
    private static IEnumerable<(string Name, byte[] Bytes)> Corpus()
    {
        foreach (string folder in new[] { "openssl", "pkcs10-made", "match" })
        {
            foreach (string file in Directory.EnumerateFiles(RepoTestData.TestVectors(folder)).Where(f => f.EndsWith(".der", StringComparison.Ordinal) || f.EndsWith(".csr", StringComparison.Ordinal)).Order())
            {
                yield return ($"{folder}/{Path.GetFileName(file)}", File.ReadAllBytes(file));
            }
        }

        foreach (string suite in new[] { "pyca-cryptography-vectors/x509/requests", "go-crypto-x509-csr" })
        {
            string dir = SharedTestData.Require(suite);
            foreach (string file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".pem", StringComparison.Ordinal) || f.EndsWith(".der", StringComparison.Ordinal)).Order())
            {
                yield return ($"{suite}/{Path.GetRelativePath(dir, file)}", File.ReadAllBytes(file));
            }
        }
    }

    [Fact]
    public void EveryKnownRequest_LintsWithoutCrashing()
    {
        var linter = new RequestLinter();
        var perRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int linted = 0, undecodable = 0;
        foreach ((string name, byte[] bytes) in Corpus())
        {
            if (!CertificationRequest.TryLoad(bytes, out CertificationRequest? request, out _, CertificationRequestDecoderOptions.Lenient))
            {
                undecodable++;
                continue;
            }

            LintReport report = linter.Lint(request);
            linted++;
            foreach (LintFinding f in report.Findings)
            {
                perRule[$"{f.Severity.ToString().ToLowerInvariant()} {f.RuleId}"] = perRule.GetValueOrDefault($"{f.Severity.ToString().ToLowerInvariant()} {f.RuleId}") + 1;
                Assert.False(string.IsNullOrWhiteSpace(f.Message), name);
                Assert.True(f.Offset is null || (f.Offset >= 0 && f.Offset < request.RawData.Length), $"{name}: offset {f.Offset} outside the request");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"linted {linted}, not decodable even leniently {undecodable}");
        foreach ((string rule, int count) in perRule)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{count,5}  {rule}");
        }

        Assert.True(linted > 100, $"only {linted} requests linted");
        Assert.True(perRule.ContainsKey("error csr.signature.weak_hash"));
        Assert.True(perRule.ContainsKey("error csr.key.dsa"));
    }

    [Fact]
    public void LintCommand_ExitCodesAndJson()
    {
        string good = Path.Combine(RepoTestData.RepoRoot, "samples", "data", "p256.csr");
        string dsa = RepoTestData.TestVectors("pkcs10-made/dsa2048.csr");
        var output = new StringWriter();
        Assert.Equal(0, CliApp.Run(["lint", good], output, TextWriter.Null));
        Assert.Contains("0 error(s)", output.ToString(), StringComparison.Ordinal);

        output = new StringWriter();
        Assert.Equal(1, CliApp.Run(["lint", "--json", dsa], output, TextWriter.Null));
        using var doc = System.Text.Json.JsonDocument.Parse(output.ToString());
        System.Text.Json.JsonElement first = doc.RootElement.GetProperty("findings")[0];
        Assert.Equal(["id", "severity", "message", "field", "offset", "reference"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("csr.key.dsa", first.GetProperty("id").GetString());
        Assert.Equal("error", first.GetProperty("severity").GetString());

        Assert.Equal(2, CliApp.Run(["lint", "/nonexistent.csr"], TextWriter.Null, TextWriter.Null));
        Assert.Equal(1, CliApp.Run(["lint", RepoTestData.TestVectors("openssl/p256-explicit-sha256.der")], TextWriter.Null, TextWriter.Null));
    }
}
