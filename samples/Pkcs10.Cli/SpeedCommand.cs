using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Pkcs10.Pem;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Cli;

/// <summary>
/// <c>pkcs10 speed</c>: like <c>openssl speed</c>, measures in-process operations per second and bytes
/// allocated per operation on bundled requests, for Pkcs10 and, in the same run, for the BCL.
/// </summary>
internal static class SpeedCommand
{
    private static readonly string[] s_keys = ["rsa2048", "rsa4096", "p256", "p384"];
    private static readonly string[] s_chainKeys = ["rsa2048", "p256"];

    internal sealed record Result(string Operation, string Key, string Implementation, double OpsPerSecond, double BytesAllocatedPerOp);

    public static int Run(double seconds, bool json, TextWriter output)
    {
        if (seconds <= 0 || double.IsNaN(seconds))
        {
            Console.Error.WriteLine("--seconds must be positive");
            return 2;
        }

        var results = new List<Result>();
        foreach (string key in s_keys)
        {
            byte[] pemUtf8 = LoadResource(key + ".csr");
            string pemText = Encoding.UTF8.GetString(pemUtf8);
            byte[] der = PemReader.Decode(pemUtf8, PemLabelFilter.CertificateRequest);
            var derMemory = new ReadOnlyMemory<byte>(der);
            byte[] buffer = new byte[der.Length + 64];

            results.Add(Measure("pem-to-der", key, "Pkcs10", seconds, () =>
            {
                PemReader.TryDecode(pemUtf8, PemLabelFilter.CertificateRequest, buffer, out int n);
                return n;
            }));
            results.Add(Measure("pem-to-der", key, "BCL", seconds, () =>
            {
                PemFields fields = PemEncoding.FindUtf8(pemUtf8);
                Base64.DecodeFromUtf8(pemUtf8.AsSpan()[fields.Base64Data], buffer, out _, out int n);
                return n;
            }));
            results.Add(Measure("parse", key, "Pkcs10", seconds, () => CertificationRequest.Decode(derMemory).Version));
            results.Add(Measure("parse", key, "BCL", seconds, () =>
                CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.SkipSignatureValidation).CertificateExtensions.Count));
            results.Add(Measure("parse-verify", key, "Pkcs10", seconds, () =>
                CertificationRequest.DecodePem(pemUtf8).CheckSignature() == SignatureStatus.Valid ? 1 : throw new InvalidOperationException("signature did not verify")));
            results.Add(Measure("parse-verify", key, "Pkcs10-platform", seconds, () =>
                CertificationRequest.DecodePem(pemUtf8).CheckSignature(VerificationEngine.Platform) == SignatureStatus.Valid ? 1 : throw new InvalidOperationException("signature did not verify")));
            results.Add(Measure("parse-verify", key, "BCL", seconds, () =>
                CertificateRequest.LoadSigningRequestPem(pemText, HashAlgorithmName.SHA256).CertificateExtensions.Count));
        }

        foreach (string key in s_chainKeys)
        {
            var chain = new SpeedChain(key);
            results.Add(Measure("chain", key, "Pkcs10", seconds, chain.Pkcs10));
            results.Add(Measure("chain", key, "BCL", seconds, chain.Bcl));
        }

        if (json)
        {
            WriteJson(results, output);
        }
        else
        {
            output.WriteLine($"{"operation",-14}{"key",-9}{"implementation",-16}{"ops/s",14}{"bytes/op",12}");
            foreach (Result r in results)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Operation,-14}{r.Key,-9}{r.Implementation,-16}{r.OpsPerSecond,14:F0}{r.BytesAllocatedPerOp,12:F0}"));
            }
        }

        return 0;
    }

    private static Result Measure(string operation, string key, string implementation, double seconds, Func<int> op)
    {
        // Warm up long enough for tiered JIT to reach its optimised code (about 0.3 s here), then count whole
        // batches until the time is up.
        long warmupEnd = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * Math.Clamp(seconds / 2, 0.01, 0.4));
        int sink = 0;
        while (Stopwatch.GetTimestamp() < warmupEnd)
        {
            sink += op();
        }

        long ops = 0;
        int batch = 1;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(Stopwatch.Frequency * seconds);
        long now;
        do
        {
            for (int i = 0; i < batch; i++)
            {
                sink += op();
            }

            ops += batch;
            if (batch < 1024)
            {
                batch *= 2;
            }

            now = Stopwatch.GetTimestamp();
        }
        while (now < end);

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        double elapsed = (now - start) / (double)Stopwatch.Frequency;
        GC.KeepAlive(sink);
        return new Result(operation, key, implementation, ops / elapsed, allocated / (double)ops);
    }

    private static void WriteJson(List<Result> results, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            foreach (Result r in results)
            {
                w.WriteStartObject();
                w.WriteString("operation", r.Operation);
                w.WriteString("key", r.Key);
                w.WriteString("implementation", r.Implementation);
                w.WriteNumber("opsPerSecond", Math.Round(r.OpsPerSecond, 1));
                w.WriteNumber("bytesAllocatedPerOp", Math.Round(r.BytesAllocatedPerOp, 1));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static byte[] LoadResource(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing embedded sample {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
