using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using Pkcs10.Requests;

namespace Pkcs10.Benchmarks;

/// <summary>DER → decoded request, validating everything understood (extensions included).</summary>
public class ParseBenchmarks
{
    private byte[] _der = [];
    private ReadOnlyMemory<byte> _derMemory;

    [Params("rsa2048", "rsa4096", "p256", "p384")]
    public string Key { get; set; } = "rsa2048";

    [GlobalSetup]
    public void Setup()
    {
        _der = Samples.Der(Key);
        _derMemory = _der;
    }

    [Benchmark(Baseline = true, Description = "BCL LoadSigningRequest (SkipSignatureValidation)")]
    public CertificateRequest Bcl() =>
        CertificateRequest.LoadSigningRequest(_der, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.SkipSignatureValidation);

    [Benchmark(Description = "Pkcs10 Decode")]
    public CertificationRequest Pkcs10() => CertificationRequest.Decode(_derMemory);

    // Decode validates everything but makes the subject, key, algorithm and extension objects when first read;
    // this variant reads them all, the cost a caller pays who looks at every part.
    [Benchmark(Description = "Pkcs10 Decode + read every part")]
    public int Pkcs10ReadAll()
    {
        CertificationRequest request = CertificationRequest.Decode(_derMemory);
        return request.Subject.RawData.Length + request.PublicKey.KeySize + (int)request.SignatureAlgorithm.Kind + request.Extensions.Count;
    }

    [Benchmark(Description = "BouncyCastle Pkcs10CertificationRequest")]
    public Org.BouncyCastle.Pkcs.Pkcs10CertificationRequest BouncyCastle()
    {
        var request = new Org.BouncyCastle.Pkcs.Pkcs10CertificationRequest(_der);

        // BouncyCastle parses the ASN.1 structure eagerly; touch the subject and the requested extensions.
        // GetPublicKey() is left out: it builds RsaKeyParameters, which tests the modulus (milliseconds).
        _ = request.GetCertificationRequestInfo().Subject.GetValueList();
        _ = request.GetRequestedExtensions();
        return request;
    }
}
