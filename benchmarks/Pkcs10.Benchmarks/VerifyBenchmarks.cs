using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BenchmarkDotNet.Attributes;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Benchmarks;

/// <summary>
/// Signature verification alone, the whole PEM → verified request path, and the floor: the BCL's
/// ImportSubjectPublicKeyInfo + VerifyData primitive on the same bytes.
/// </summary>
public class VerifyBenchmarks
{
    private byte[] _pem = [];
    private string _pemText = "";
    private CertificationRequest _request = null!;
    private byte[] _spki = [];
    private byte[] _info = [];
    private byte[] _signature = [];
    private HashAlgorithmName _hash;
    private bool _isRsa;

    [Params("rsa2048", "rsa4096", "p256", "p384")]
    public string Key { get; set; } = "rsa2048";

    [GlobalSetup]
    public void Setup()
    {
        _pem = Samples.PemUtf8(Key);
        _pemText = Encoding.UTF8.GetString(_pem);
        _request = CertificationRequest.DecodePem(_pem);
        _spki = _request.PublicKey.RawData.ToArray();
        _info = _request.RawInfo.ToArray();
        _signature = _request.Signature.ToArray();
        _hash = _request.SignatureAlgorithm.Hash!.Value;
        _isRsa = Key.StartsWith("rsa", StringComparison.Ordinal);
        if (_request.CheckSignature() != SignatureStatus.Valid || !Floor())
        {
            throw new InvalidOperationException("sample does not verify");
        }
    }

    [Benchmark(Baseline = true, Description = "Floor: BCL ImportSubjectPublicKeyInfo + VerifyData")]
    public bool Floor()
    {
        if (_isRsa)
        {
            using RSA rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(_spki, out _);
            return rsa.VerifyData(_info, _signature, _hash, RSASignaturePadding.Pkcs1);
        }

        using ECDsa ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(_spki, out _);
        return ecdsa.VerifyData(_info, _signature, _hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    [Benchmark(Description = "Pkcs10 CheckSignature (decoded request, Managed engine for RSA)")]
    public SignatureStatus Pkcs10Verify() => _request.CheckSignature();

    [Benchmark(Description = "Pkcs10 PEM → verified request")]
    public bool Pkcs10PemToVerified() => CertificationRequest.DecodePem(_pem).CheckSignature() == SignatureStatus.Valid;

    [Benchmark(Description = "BCL LoadSigningRequestPem (with validation)")]
    public CertificateRequest BclPemToVerified() => CertificateRequest.LoadSigningRequestPem(_pemText, HashAlgorithmName.SHA256);

    [Benchmark(Description = "BouncyCastle parse + Verify")]
    public bool BouncyCastle()
    {
        var request = new Org.BouncyCastle.Pkcs.Pkcs10CertificationRequest(_request.RawData.ToArray());
        return request.Verify();
    }
}
