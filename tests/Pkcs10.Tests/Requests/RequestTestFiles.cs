using System.Security.Cryptography;
using System.Text.Json;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Requests;

/// <summary>
/// Loads request fixtures for the tests in this folder. PEM is converted to DER with the BCL
/// (<see cref="PemEncoding"/> + base64) because the library's own PEM layer is tested elsewhere.
/// </summary>
internal static class RequestTestFiles
{
    private static readonly Lazy<JsonDocument> s_opensslManifest =
        new(() => JsonDocument.Parse(File.ReadAllBytes(RepoTestData.TestVectors("openssl/manifest.json"))));

    /// <summary>The first PEM block of <paramref name="text"/> as DER (text around the block is ignored, RFC 7468 §2).</summary>
    public static byte[] PemToDer(string text, out string label)
    {
        PemFields fields = PemEncoding.Find(text);
        label = text[fields.Label].ToString();
        return Convert.FromBase64String(text[fields.Base64Data].ToString());
    }

    /// <summary>Reads a request file: DER as is, anything else as PEM.</summary>
    public static byte[] ReadRequest(string path) =>
        path.EndsWith(".der", StringComparison.OrdinalIgnoreCase) ? File.ReadAllBytes(path) : PemToDer(File.ReadAllText(path), out _);

    /// <summary>The committed openssl manifest (tests/Pkcs10.Tests/TestVectors/openssl/manifest.json).</summary>
    public static JsonElement OpensslManifest => s_opensslManifest.Value.RootElement;

    public static IEnumerable<JsonElement> OpensslRequests => OpensslManifest.GetProperty("requests").EnumerateArray();

    public static JsonElement OpensslRequest(string id) =>
        OpensslRequests.Single(r => r.GetProperty("id").GetString() == id);

    /// <summary>The DER of an openssl fixture (the <c>.csr</c> benchmark files are PEM).</summary>
    public static byte[] OpensslDer(string id)
    {
        JsonElement entry = OpensslRequest(id);
        string path = RepoTestData.TestVectors("openssl/" + entry.GetProperty("file").GetString());
        return entry.GetProperty("format").GetString() == "DER" ? File.ReadAllBytes(path) : PemToDer(File.ReadAllText(path), out _);
    }

    /// <summary>
    /// The openssl fixtures this library rejects even leniently, each with the reason. Every other fixture
    /// decodes strictly with no findings.
    /// </summary>
    public static IReadOnlyDictionary<string, (Pkcs10ErrorCode Code, string Reason)> OpensslRejected { get; } =
        new Dictionary<string, (Pkcs10ErrorCode, string)>
        {
            ["p256-explicit-sha256"] = (Pkcs10ErrorCode.InvalidAlgorithmParameters,
                "RFC 5480 §2.1.1: specifiedCurve MUST NOT be used; only namedCurve is accepted"),
        };

    /// <summary>Ids of the openssl fixtures that decode strictly.</summary>
    public static IEnumerable<string> OpensslStrictIds =>
        OpensslRequests.Select(r => r.GetProperty("id").GetString()!).Where(id => !OpensslRejected.ContainsKey(id));

    public static string? GetStringOrNull(this JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
