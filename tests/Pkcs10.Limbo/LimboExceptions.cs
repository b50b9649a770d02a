using System.Text.Json;

namespace Pkcs10.Limbo;

/// <summary>Known disagreements with the suite (id → reason), and reference results of other harnesses.</summary>
public static class LimboExceptions
{
    /// <summary>Reads exceptions.json: an object mapping testcase id to the reason we disagree.</summary>
    public static Dictionary<string, string> Load(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty p in doc.RootElement.GetProperty("exceptions").EnumerateObject())
        {
            result[p.Name] = p.Value.GetString()!;
        }

        return result;
    }

    /// <summary>Reads pyca/cryptography's per-case results from the suite's limbo-annotations.json.</summary>
    public static Dictionary<string, string> LoadReference(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (doc.RootElement.TryGetProperty("reference_results_pyca_cryptography_48_core", out JsonElement core))
        {
            foreach (JsonProperty p in core.EnumerateObject())
            {
                result[p.Name] = p.Value.GetString()!;
            }
        }

        return result;
    }
}
