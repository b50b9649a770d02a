using System.Security.Cryptography;
using System.Text.Json;
using Pkcs10.Pem;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Certificates;

/// <summary>One real certificate from an external suite, named by where it came from.</summary>
public sealed record CorpusCertificate(string Name, byte[] Der);

/// <summary>
/// Real certificates read at run time from ../shared/testdata (never copied here): every PEM certificate embedded in
/// x509-limbo's limbo.json (trusted_certs, untrusted_intermediates, peer_certificate) and every NIST PKITS
/// certificate (nist-pkits/certs/*.crt, DER). Duplicates (same DER) are kept once, under their first name.
/// </summary>
internal static class CertificateCorpus
{
    private static readonly Lazy<IReadOnlyList<CorpusCertificate>> s_limbo = new(LoadLimbo);
    private static readonly Lazy<IReadOnlyList<CorpusCertificate>> s_pkits = new(LoadPkits);

    public static IReadOnlyList<CorpusCertificate> Limbo() => s_limbo.Value;

    public static IReadOnlyList<CorpusCertificate> Pkits() => s_pkits.Value;

    private static IReadOnlyList<CorpusCertificate> LoadLimbo()
    {
        string path = SharedTestData.Require(Path.Combine("x509-limbo", "limbo.json"));
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var list = new List<CorpusCertificate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement testcase in doc.RootElement.GetProperty("testcases").EnumerateArray())
        {
            string id = testcase.GetProperty("id").GetString()!;
            void Add(string role, string? pem)
            {
                if (pem is null)
                {
                    return;
                }

                byte[] der = PemReader.Decode(pem, PemLabels.Certificate);
                if (seen.Add(Convert.ToHexString(SHA256.HashData(der))))
                {
                    list.Add(new CorpusCertificate($"limbo:{id}:{role}", der));
                }
            }

            int i = 0;
            foreach (JsonElement c in testcase.GetProperty("trusted_certs").EnumerateArray())
            {
                Add($"trusted[{i++}]", c.GetString());
            }

            i = 0;
            foreach (JsonElement c in testcase.GetProperty("untrusted_intermediates").EnumerateArray())
            {
                Add($"intermediate[{i++}]", c.GetString());
            }

            if (testcase.TryGetProperty("peer_certificate", out JsonElement peer) && peer.ValueKind == JsonValueKind.String)
            {
                Add("peer", peer.GetString());
            }
        }

        return list;
    }

    private static IReadOnlyList<CorpusCertificate> LoadPkits()
    {
        string dir = SharedTestData.Require(Path.Combine("nist-pkits", "certs"));
        var list = new List<CorpusCertificate>();
        foreach (string file in Directory.GetFiles(dir, "*.crt").Order(StringComparer.Ordinal))
        {
            list.Add(new CorpusCertificate("pkits:" + Path.GetFileNameWithoutExtension(file), File.ReadAllBytes(file)));
        }

        return list;
    }
}
