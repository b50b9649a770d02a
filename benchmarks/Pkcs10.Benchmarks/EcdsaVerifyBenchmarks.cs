using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BenchmarkDotNet.Attributes;
using Pkcs10.Asn1;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Benchmarks;

/// <summary>
/// ECDSA verification engines (issue #7) on the sample P-256 and P-384 requests: PEM → verified request on the
/// managed and platform engines against the BCL's LoadSigningRequestPem (baseline), the raw managed check
/// (<see cref="ManagedEcdsa.Verify"/> on a precomputed hash), the BCL's import + VerifyHash (what the platform
/// engine does per request) and VerifyHash on an already imported key (the platform's floor).
/// </summary>
public class EcdsaVerifyBenchmarks
{
    private byte[] _pem = [];
    private string _pemText = "";
    private byte[] _spki = [];
    private byte[] _point = [];
    private byte[] _hash = [];
    private byte[] _signature = [];
    private byte[] _r = [];
    private byte[] _s = [];
    private HashAlgorithmName _hashName;
    private WeierstrassCurve _curve = null!;
    private ECDsa _imported = null!;

    [Params("p256", "p384")]
    public string Key { get; set; } = "p256";

    [GlobalSetup]
    public void Setup()
    {
        _pem = Samples.PemUtf8(Key);
        _pemText = Encoding.UTF8.GetString(_pem);
        CertificationRequest request = CertificationRequest.DecodePem(_pem);
        _spki = request.PublicKey.RawData.ToArray();
        _point = request.PublicKey.EcPoint.ToArray();
        _signature = request.Signature.ToArray();
        _hashName = request.SignatureAlgorithm.Hash!.Value;
        _curve = NistCurves.Find(request.PublicKey.RawCurveOid.Span) ?? throw new InvalidOperationException("not a NIST curve");
        byte[] hash = new byte[Digest.MaxHashSizeInBytes];
        _hash = hash[..Digest.HashData(_hashName, request.RawInfo.Span, hash)];
        var reader = new DerReader(_signature);
        DerReader seq = reader.ReadSequence();
        _r = seq.ReadIntegerBytes().ToArray();
        _s = seq.ReadIntegerBytes().ToArray();
        _imported = ECDsa.Create();
        _imported.ImportSubjectPublicKeyInfo(_spki, out _);
        if (!ManagedRaw() || !BclImportVerify() || !BclVerifyImported() || !PemToVerifiedManaged() || !PemToVerifiedPlatform())
        {
            throw new InvalidOperationException("sample does not verify");
        }

        _ = BclPemToVerified();
    }

    [GlobalCleanup]
    public void Cleanup() => _imported.Dispose();

    [Benchmark(Baseline = true, Description = "BCL LoadSigningRequestPem (with validation)")]
    public CertificateRequest BclPemToVerified() => CertificateRequest.LoadSigningRequestPem(_pemText, _hashName);

    [Benchmark(Description = "Pkcs10 PEM → verified request (Managed engine)")]
    public bool PemToVerifiedManaged() => CertificationRequest.DecodePem(_pem).CheckSignature(VerificationEngine.Managed) == SignatureStatus.Valid;

    [Benchmark(Description = "Pkcs10 PEM → verified request (Platform engine)")]
    public bool PemToVerifiedPlatform() => CertificationRequest.DecodePem(_pem).CheckSignature(VerificationEngine.Platform) == SignatureStatus.Valid;

    [Benchmark(Description = "Managed ECDSA raw (ManagedEcdsa.Verify, hash given)")]
    public bool ManagedRaw() => ManagedEcdsa.Verify(_curve, _point, _hash, _r, _s);

    [Benchmark(Description = "Managed ECDSA raw on 64-bit limbs (the non-AVX2 path)")]
    public bool ManagedRawFixed() => ManagedEcdsa.Verify(_curve, _point, _hash, _r, _s, EcdsaArithmetic.Fixed);

    [Benchmark(Description = "BCL ImportSubjectPublicKeyInfo + VerifyHash")]
    public bool BclImportVerify()
    {
        using ECDsa ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(_spki, out _);
        return ecdsa.VerifyHash(_hash, _signature, DSASignatureFormat.Rfc3279DerSequence);
    }

    [Benchmark(Description = "BCL VerifyHash (key imported once)")]
    public bool BclVerifyImported() => _imported.VerifyHash(_hash, _signature, DSASignatureFormat.Rfc3279DerSequence);
}
