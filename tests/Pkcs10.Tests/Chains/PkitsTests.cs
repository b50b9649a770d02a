using System.Text.Json;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Chains;

/// <summary>
/// NIST PKITS 1.0.1 (../shared/testdata/nist-pkits): every entry of pkits-tests.json, validated at 2011-04-15
/// with the entry's RFC 5280 §6.1.1 inputs, must give the PKITS document's expected result.
/// </summary>
/// <remarks>
/// PKITS dates from 2010: its keys are RSA-1024 and its signatures SHA-1, so the algorithm policy is relaxed
/// to 1,024-bit RSA and SHA-1 here. Certificates are decoded with the lenient option, because §4.2.4 uses a
/// GeneralizedTime for a pre-2050 date on purpose (a valid path per PKITS; a DER profile violation for us).
/// Out of scope, each with the reason in <see cref="OutOfScope"/>.
/// </remarks>
public sealed class PkitsTests
{
    private static readonly DateTimeOffset ValidationTime = new(2011, 4, 15, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Entries this library deliberately does not handle as PKITS expects, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> OutOfScope = new Dictionary<string, string>
    {
        ["4.1.5"] = "DSA parameter inheritance (RFC 3279 §2.3.2: a DSA key without parameters takes its issuer's) is not implemented; such a key is refused",
        ["4.14.30"] = "cRLIssuer Test30: the CRL's signer (indirectCRL CA4 cRLIssuer) is found and its path built, but that path's own revocation " +
            "status is not established, so the EE stays uncovered and fails closed. OpenSSL 3.0.19 fails this entry too",
    };

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (PkitsEntry e in PkitsEntry.All.Value)
        {
            data.Add(e.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Entry_gives_the_expected_result(string id)
    {
        PkitsEntry entry = PkitsEntry.All.Value.Single(e => e.Id == id);
        if (OutOfScope.TryGetValue(id, out string? reason))
        {
            Assert.Skip($"PKITS {id} is out of scope: {reason}");
        }

        string root = SharedTestData.Require("nist-pkits");
        Certificate Load(string name) => Certificate.Decode(File.ReadAllBytes(Path.Combine(root, "certs", name + ".crt")), CertificateDecoderOptions.Lenient);
        Certificate anchor = Load(entry.Certs[0]);
        List<Certificate> intermediates = entry.Certs.Skip(1).Take(entry.Certs.Count - 2).Select(Load).ToList();
        Certificate leaf = Load(entry.Certs[^1]);

        var policy = new ChainPolicy
        {
            ValidationTime = ValidationTime,
            MinimumRsaKeyBits = 1024,
            AllowSha1Signatures = true,

            // PKITS tests the §6.1 algorithm, not the certificate profile: it expects paths with non-critical
            // basicConstraints (4.6.4) and policyConstraints (4.8-4.12) to validate.
            EnforceRfc5280Profile = false,
            InitialPolicies = entry.InitialPolicySet,
            RequireExplicitPolicy = entry.InitialExplicitPolicy,
            InhibitPolicyMapping = entry.InitialPolicyMappingInhibit,
            InhibitAnyPolicy = entry.InitialInhibitAnyPolicy,
            Crls = entry.Crls.Select(name => CertificateRevocationList.Decode(File.ReadAllBytes(Path.Combine(root, "crls", name + ".crl")))).ToList(),
            Revocation = RevocationMode.RequireCoverage,
        };

        ChainResult result = new ChainBuilder([anchor], intermediates).Build(leaf, policy);
        Assert.True(result.IsValid == entry.ShouldValidate,
            $"PKITS {id} ({entry.Title}): expected {(entry.ShouldValidate ? "valid" : "invalid")}, got {(result.IsValid ? "valid" : "invalid: " + result.Error)}");
        if (result.IsValid && entry.ExpectedPolicies is { } expected)
        {
            Assert.Equal(expected.OrderBy(x => x, StringComparer.Ordinal), result.ValidPolicies!.OrderBy(x => x, StringComparer.Ordinal));
            Assert.True(result.Work.PolicyNodes > 0, "a path with certificate policies builds a policy tree");
        }
    }

    private sealed record PkitsEntry(string Id, string Title, IReadOnlyList<string> Certs, IReadOnlyList<string> Crls, IReadOnlyList<string> InitialPolicySet,
        bool InitialExplicitPolicy, bool InitialPolicyMappingInhibit, bool InitialInhibitAnyPolicy, bool ShouldValidate, bool RevocationDependent,
        IReadOnlyList<string>? ExpectedPolicies)
    {
        public static readonly Lazy<List<PkitsEntry>> All = new(Load);

        private static List<PkitsEntry> Load()
        {
            // Theory data is enumerated at discovery; without the suite there is one placeholder row that skips or fails.
            if (SharedTestData.Root is not { } root || !File.Exists(Path.Combine(root, "nist-pkits", "pkits-tests.json")))
            {
                return [new PkitsEntry("(suite missing)", "", ["x", "y"], [], [], false, false, false, true, false, null)];
            }

            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "nist-pkits", "pkits-tests.json")));
            var list = new List<PkitsEntry>();
            foreach (JsonElement e in doc.RootElement.EnumerateArray())
            {
                static List<string> Strings(JsonElement a) => a.EnumerateArray().Select(x => x.GetString()!).ToList();
                list.Add(new PkitsEntry(
                    e.GetProperty("id").GetString()!,
                    e.GetProperty("title").GetString()!,
                    Strings(e.GetProperty("certs")),
                    Strings(e.GetProperty("crls")),
                    Strings(e.GetProperty("initial_policy_set")),
                    e.GetProperty("initial_explicit_policy").GetBoolean(),
                    e.GetProperty("initial_policy_mapping_inhibit").GetBoolean(),
                    e.GetProperty("initial_inhibit_any_policy").GetBoolean(),
                    e.GetProperty("should_validate").GetBoolean(),
                    e.GetProperty("revocation_dependent").GetBoolean(),
                    e.TryGetProperty("expected_user_constrained_policy_set", out JsonElement p) && p.ValueKind == JsonValueKind.Array ? Strings(p) : null));
            }

            return list;
        }
    }
}
