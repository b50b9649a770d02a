using System.Buffers.Text;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Pkcs10.Pem;

namespace Pkcs10.Benchmarks;

/// <summary>PEM (UTF-8) → DER into a caller buffer.</summary>
public class PemBenchmarks
{
    private byte[] _pem = [];
    private byte[] _buffer = [];

    [Params("rsa2048", "rsa4096", "p256", "p384")]
    public string Key { get; set; } = "rsa2048";

    [GlobalSetup]
    public void Setup()
    {
        _pem = Samples.PemUtf8(Key);
        _buffer = new byte[_pem.Length];
    }

    [Benchmark(Baseline = true, Description = "BCL PemEncoding.FindUtf8 + Base64.DecodeFromUtf8")]
    public int Bcl()
    {
        PemFields fields = PemEncoding.FindUtf8(_pem);
        Base64.DecodeFromUtf8(_pem.AsSpan()[fields.Base64Data], _buffer, out _, out int written);
        return written;
    }

    [Benchmark(Description = "Pkcs10 PemReader.TryDecode (UTF-8, caller buffer)")]
    public int Pkcs10()
    {
        PemReader.TryDecode(_pem, PemLabelFilter.CertificateRequest, _buffer, out int written);
        return written;
    }
}
