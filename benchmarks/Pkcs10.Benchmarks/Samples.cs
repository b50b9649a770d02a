using Pkcs10.Pem;

namespace Pkcs10.Benchmarks;

/// <summary>The bundled sample requests (samples/data): subject plus three SANs each.</summary>
public static class Samples
{
    public static byte[] PemUtf8(string key) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", key + ".csr"));

    public static byte[] Der(string key) => PemReader.Decode(PemUtf8(key), PemLabelFilter.CertificateRequest);
}
