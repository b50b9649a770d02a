using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Benchmarks;

/// <summary>
/// RSA verification engines (issue #7) on the sample requests' own keys and signatures: the raw managed public
/// operation + EMSA-PKCS1-v1_5 check against the BCL's import + VerifyHash (what the platform engine does per
/// request) and against VerifyHash on an already imported key (the platform's floor), then PEM → verified
/// request on each engine.
/// </summary>
public class RsaVerifyBenchmarks
{
    private byte[] _pem = [];
    private byte[] _modulus = [];
    private byte[] _exponent = [];
    private byte[] _hash = [];
    private byte[] _signature = [];
    private HashAlgorithmName _hashName;
    private RSA _imported = null!;

    [Params("rsa2048", "rsa4096")]
    public string Key { get; set; } = "rsa2048";

    [GlobalSetup]
    public void Setup()
    {
        _pem = Samples.PemUtf8(Key);
        CertificationRequest request = CertificationRequest.DecodePem(_pem);
        _modulus = request.PublicKey.RsaModulus.ToArray();
        _exponent = request.PublicKey.RsaExponent.ToArray();
        _signature = request.Signature.ToArray();
        _hashName = request.SignatureAlgorithm.Hash!.Value;
        byte[] hash = new byte[Digest.MaxHashSizeInBytes];
        _hash = hash[..Digest.HashData(_hashName, request.RawInfo.Span, hash)];
        _imported = RSA.Create();
        _imported.ImportParameters(new RSAParameters { Modulus = _modulus, Exponent = _exponent });
        if (!BclImportVerify() || !ManagedRaw() || !BclVerifyImported() || !PemToVerifiedManaged() || !PemToVerifiedPlatform())
        {
            throw new InvalidOperationException("sample does not verify");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _imported.Dispose();

    [Benchmark(Baseline = true, Description = "BCL ImportParameters + VerifyHash")]
    public bool BclImportVerify()
    {
        using RSA rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = _modulus, Exponent = _exponent });
        return rsa.VerifyHash(_hash, _signature, _hashName, RSASignaturePadding.Pkcs1);
    }

    [Benchmark(Description = "BCL VerifyHash (key imported once)")]
    public bool BclVerifyImported() => _imported.VerifyHash(_hash, _signature, _hashName, RSASignaturePadding.Pkcs1);

    [Benchmark(Description = "Managed RSA raw (ManagedRsa.VerifyPkcs1)")]
    public bool ManagedRaw() => ManagedRsa.VerifyPkcs1(_modulus, _exponent, _hash, _signature, _hashName);

    [Benchmark(Description = "Pkcs10 PEM → verified request (Managed engine)")]
    public bool PemToVerifiedManaged() => CertificationRequest.DecodePem(_pem).CheckSignature(VerificationEngine.Managed) == SignatureStatus.Valid;

    [Benchmark(Description = "Pkcs10 PEM → verified request (Platform engine)")]
    public bool PemToVerifiedPlatform() => CertificationRequest.DecodePem(_pem).CheckSignature(VerificationEngine.Platform) == SignatureStatus.Valid;
}
