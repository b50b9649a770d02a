using System.Text.Json;
using Pkcs10.Cli;
using Pkcs10.Requests;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Cli;

public class CliTests
{
    private static readonly string[] s_fields =
    [
        "file", "ok", "error", "format", "version", "subject", "subjectString", "publicKey", "signatureAlgorithm",
        "signatureValid", "attributes", "extensions", "subjectAltNames", "keyUsage", "extendedKeyUsage", "basicConstraints",
    ];

    private static string Sample(string name) => Path.Combine(RepoTestData.RepoRoot, "samples", "data", name);

    private static string Fixture(string name) => RepoTestData.TestVectors(Path.Combine("openssl", name));

    private static JsonElement InspectJson(string path)
    {
        InputFile input = InputFile.Load(path, CertificationRequestDecoderOptions.Strict);
        string line = InspectCommand.ToJson(input);
        Assert.DoesNotContain('\n', line);
        return JsonDocument.Parse(line).RootElement;
    }

    [Fact]
    public void InspectJson_SampleRequest_HasEveryContractField()
    {
        JsonElement o = InspectJson(Sample("rsa2048.csr"));
        Assert.Equal(s_fields, o.EnumerateObject().Select(p => p.Name));
        Assert.True(o.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, o.GetProperty("error").ValueKind);
        Assert.Equal("PEM", o.GetProperty("format").GetString());
        Assert.Equal(0, o.GetProperty("version").GetInt32());
        Assert.Equal("CN=device-42.example.com,O=Acme Devices,C=US", o.GetProperty("subjectString").GetString());
        JsonElement subject = o.GetProperty("subject");
        Assert.Equal(3, subject.GetArrayLength());
        Assert.Equal("2.5.4.6", subject[0][0].GetProperty("oid").GetString());
        Assert.Equal("US", subject[0][0].GetProperty("value").GetString());
        JsonElement key = o.GetProperty("publicKey");
        Assert.Equal("RSA", key.GetProperty("algorithm").GetString());
        Assert.Equal("1.2.840.113549.1.1.1", key.GetProperty("oid").GetString());
        Assert.Equal(2048, key.GetProperty("bits").GetInt32());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("curve").ValueKind);
        Assert.Matches("^[0-9a-f]{64}$", key.GetProperty("spkiSha256").GetString());
        Assert.Equal("sha256WithRSAEncryption", o.GetProperty("signatureAlgorithm").GetProperty("name").GetString());
        Assert.True(o.GetProperty("signatureValid").GetBoolean());
        JsonElement sans = o.GetProperty("subjectAltNames");
        Assert.Equal(
            ["dns:device-42.example.com", "dns:device-42.internal.example.com", "ip:192.0.2.42"],
            sans.EnumerateArray().Select(s => s.GetProperty("type").GetString() + ":" + s.GetProperty("value").GetString()));
        Assert.Equal(JsonValueKind.Null, o.GetProperty("keyUsage").ValueKind);
    }

    [Fact]
    public void InspectJson_SpkiSha256_IsHashOfTheSpki()
    {
        byte[] pem = File.ReadAllBytes(Sample("p256.csr"));
        CertificationRequest request = CertificationRequest.Load(pem);
        string expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(request.PublicKey.RawData.Span));
        JsonElement o = InspectJson(Sample("p256.csr"));
        Assert.Equal(expected, o.GetProperty("publicKey").GetProperty("spkiSha256").GetString());
        Assert.Equal("P-256", o.GetProperty("publicKey").GetProperty("curve").GetString());
        Assert.Equal(256, o.GetProperty("publicKey").GetProperty("bits").GetInt32());
    }

    [Fact]
    public void InspectJson_DecodeFailure_HasCodeOffsetAndNullFields()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pkcs10-bad-{Guid.NewGuid():N}.der");
        byte[] der = File.ReadAllBytes(Fixture("rsa2048-sha256.der"));
        der[1] = 0x80; // indefinite length at offset 0
        File.WriteAllBytes(path, der);
        try
        {
            JsonElement o = InspectJson(path);
            Assert.Equal(s_fields, o.EnumerateObject().Select(p => p.Name));
            Assert.False(o.GetProperty("ok").GetBoolean());
            Assert.Equal("IndefiniteLength", o.GetProperty("error").GetProperty("code").GetString());
            Assert.Equal(0, o.GetProperty("error").GetProperty("offset").GetInt32());
            Assert.Equal("DER", o.GetProperty("format").GetString());
            foreach (string field in s_fields.SkipWhile(f => f != "version"))
            {
                Assert.Equal(JsonValueKind.Null, o.GetProperty(field).ValueKind);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("ed25519.der", "Ed25519", 255)]
    [InlineData("ed25519.pem", "Ed25519", 255)]
    [InlineData("ed448.der", "Ed448", 448)]
    [InlineData("ed448.pem", "Ed448", 448)]
    public void InspectJson_EdDsa_SignatureValidIsTrue(string file, string algorithm, int bits)
    {
        JsonElement o = InspectJson(Fixture(file));
        Assert.True(o.GetProperty("ok").GetBoolean());
        Assert.Equal(algorithm, o.GetProperty("publicKey").GetProperty("algorithm").GetString());
        Assert.Equal(bits, o.GetProperty("publicKey").GetProperty("bits").GetInt32());
        Assert.Equal(algorithm, o.GetProperty("signatureAlgorithm").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.True, o.GetProperty("signatureValid").ValueKind);
    }

    [Theory]
    [InlineData("ed25519.der", false)]
    [InlineData("ed25519.der", true)]
    [InlineData("ed448.der", false)]
    [InlineData("ed448.der", true)]
    public void InspectJson_TamperedEdDsaRequest_SignatureValidIsFalse(string file, bool inSignature)
    {
        // The last byte of the signature, or the first letter of the subject's CN ("pkcs10-test" becomes "qkcs10-test").
        byte[] der = File.ReadAllBytes(Fixture(file));
        int index = inSignature ? der.Length - 1 : der.AsSpan().IndexOf("pkcs10-test"u8);
        Assert.True(index > 0);
        der[index] ^= 0x01;
        string path = Path.Combine(Path.GetTempPath(), $"pkcs10-tampered-{Guid.NewGuid():N}.der");
        File.WriteAllBytes(path, der);
        try
        {
            JsonElement o = InspectJson(path);
            Assert.True(o.GetProperty("ok").GetBoolean());
            Assert.Equal(JsonValueKind.False, o.GetProperty("signatureValid").ValueKind);
            Assert.Equal(1, VerifyCommand.Run([path], allowSha1: false, TextWriter.Null));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InspectJson_TamperedRequest_SignatureValidIsFalse()
    {
        JsonElement o = InspectJson(Fixture("rsa2048-sha256-badsig.der"));
        Assert.True(o.GetProperty("ok").GetBoolean());
        Assert.False(o.GetProperty("signatureValid").GetBoolean());
    }

    [Fact]
    public void Inspect_ExitCodes_ZeroWhenAllDecodeOneOtherwise()
    {
        Assert.Equal(0, InspectCommand.Run([Sample("rsa2048.csr"), Sample("p384.csr")], json: true, lenient: false, TextWriter.Null));
        Assert.Equal(1, InspectCommand.Run([Sample("rsa2048.csr"), Fixture("p256-explicit-sha256.der")], json: true, lenient: false, TextWriter.Null));
        Assert.Equal(1, InspectCommand.Run(["/nonexistent/file.csr"], json: true, lenient: false, TextWriter.Null));
    }

    [Fact]
    public void InspectJson_Batch_PrintsOneLinePerFileInOrder()
    {
        var output = new StringWriter();
        string[] files = [Sample("p256.csr"), Sample("rsa4096.csr"), Sample("p384.csr")];
        InspectCommand.Run(files, json: true, lenient: false, output);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()));
    }

    [Fact]
    public void Verify_ExitCodes_FollowSignatureAndPolicy()
    {
        Assert.Equal(0, VerifyCommand.Run([Sample("rsa2048.csr"), Sample("p256.csr")], allowSha1: false, TextWriter.Null));
        Assert.Equal(1, VerifyCommand.Run([Fixture("rsa2048-sha256-badsig.der")], allowSha1: false, TextWriter.Null));
        Assert.Equal(1, VerifyCommand.Run([Fixture("rsa2048-sha1.der")], allowSha1: false, TextWriter.Null));
        Assert.Equal(0, VerifyCommand.Run([Fixture("rsa2048-sha1.der")], allowSha1: true, TextWriter.Null));
        Assert.Equal(0, VerifyCommand.Run([Fixture("ed25519.der"), Fixture("ed448.pem")], allowSha1: false, TextWriter.Null));
    }

    [Fact]
    public void Speed_Json_ReportsBothImplementationsForEveryOperation()
    {
        var output = new StringWriter();
        Assert.Equal(0, SpeedCommand.Run(0.01, json: true, output));
        JsonElement results = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("results");
        var rows = results.EnumerateArray().Select(r => (
            Op: r.GetProperty("operation").GetString(), Key: r.GetProperty("key").GetString(),
            Impl: r.GetProperty("implementation").GetString(), Ops: r.GetProperty("opsPerSecond").GetDouble(),
            Bytes: r.GetProperty("bytesAllocatedPerOp").GetDouble())).ToList();
        Assert.Equal((4 * 3 * 2) + 4 + (2 * 2), rows.Count);
        foreach (string op in (string[])["pem-to-der", "parse", "parse-verify"])
        {
            foreach (string key in (string[])["rsa2048", "rsa4096", "p256", "p384"])
            {
                Assert.Contains(rows, r => r.Op == op && r.Key == key && r.Impl == "Pkcs10" && r.Ops > 0);
                Assert.Contains(rows, r => r.Op == op && r.Key == key && r.Impl == "BCL" && r.Ops > 0);
            }
        }

        foreach (string key in (string[])["rsa2048", "rsa4096", "p256", "p384"])
        {
            Assert.Contains(rows, r => r.Op == "parse-verify" && r.Key == key && r.Impl == "Pkcs10-platform" && r.Ops > 0);
        }

        foreach (string key in (string[])["rsa2048", "p256"])
        {
            Assert.Contains(rows, r => r.Op == "chain" && r.Key == key && r.Impl == "Pkcs10" && r.Ops > 0);
            Assert.Contains(rows, r => r.Op == "chain" && r.Key == key && r.Impl == "BCL" && r.Ops > 0);
        }

        Assert.All(rows.Where(r => r.Op == "pem-to-der" && r.Impl == "Pkcs10"), r => Assert.Equal(0, r.Bytes));
    }
}
