using System.Text.Json;

namespace Pkcs10.Limbo;

/// <summary>One x509-limbo testcase (schema version 1), with the fields the harness uses.</summary>
public sealed record LimboCase(
    string Id,
    IReadOnlyList<string> Features,
    string ValidationKind,
    IReadOnlyList<string> TrustedCerts,
    IReadOnlyList<string> UntrustedIntermediates,
    string PeerCertificate,
    DateTimeOffset? ValidationTime,
    IReadOnlyList<string> KeyUsage,
    IReadOnlyList<string> ExtendedKeyUsage,
    string ExpectedResult,
    (string Kind, string Value)? ExpectedPeerName,
    IReadOnlyList<(string Kind, string Value)> ExpectedPeerNames,
    int? MaxChainDepth,
    IReadOnlyList<string> Crls,
    IReadOnlyList<string> SignatureAlgorithms)
{
    /// <summary>The id's namespace: everything before the last "::".</summary>
    public string Namespace => Id.LastIndexOf("::", StringComparison.Ordinal) is int i and > 0 ? Id[..i] : Id;

    /// <summary>Reads every testcase of a limbo file (plain JSON, or gzip when the name ends in .gz).</summary>
    public static List<LimboCase> Load(string path)
    {
        using Stream file = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress)
            : file;
        using JsonDocument doc = JsonDocument.Parse(input);
        var cases = new List<LimboCase>();
        foreach (JsonElement t in doc.RootElement.GetProperty("testcases").EnumerateArray())
        {
            cases.Add(Parse(t));
        }

        return cases;
    }

    private static LimboCase Parse(JsonElement t) => new(
        t.GetProperty("id").GetString()!,
        Strings(t, "features"),
        t.GetProperty("validation_kind").GetString()!,
        Strings(t, "trusted_certs"),
        Strings(t, "untrusted_intermediates"),
        t.GetProperty("peer_certificate").GetString()!,
        t.TryGetProperty("validation_time", out JsonElement vt) && vt.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(vt.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null,
        Strings(t, "key_usage"),
        Strings(t, "extended_key_usage"),
        t.GetProperty("expected_result").GetString()!,
        t.TryGetProperty("expected_peer_name", out JsonElement pn) && pn.ValueKind == JsonValueKind.Object ? Peer(pn) : null,
        t.TryGetProperty("expected_peer_names", out JsonElement pns) && pns.ValueKind == JsonValueKind.Array ? pns.EnumerateArray().Select(Peer).ToList() : [],
        t.TryGetProperty("max_chain_depth", out JsonElement md) && md.ValueKind == JsonValueKind.Number ? md.GetInt32() : null,
        Strings(t, "crls"),
        Strings(t, "signature_algorithms"));

    private static (string, string) Peer(JsonElement e) => (e.GetProperty("kind").GetString()!, e.GetProperty("value").GetString()!);

    private static List<string> Strings(JsonElement t, string name) =>
        t.TryGetProperty(name, out JsonElement a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
}
