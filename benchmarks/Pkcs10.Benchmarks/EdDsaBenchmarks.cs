using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Pkcs10.Keys;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Benchmarks;

/// <summary>
/// Ed25519 and Ed448 verification of the openssl fixtures (tests/Pkcs10.Tests/TestVectors/openssl/ed25519.der and
/// ed448.der): the managed engines alone, through <see cref="SignatureVerifier"/>, and the whole DER → verified
/// request path. The BCL has no EdDSA, so the baseline is BouncyCastle's verifier on the same bytes. Compare with
/// <c>openssl speed ed25519 ed448</c> on the same machine (benchmarks/README.md).
/// </summary>
[MemoryDiagnoser]
public class EdDsaBenchmarks
{
    private byte[] _der = [];
    private CertificationRequest _request = null!;
    private SignatureAlgorithmIdentifier _algorithm = null!;
    private SubjectPublicKeyInfo _key = null!;
    private byte[] _publicKey = [];
    private byte[] _info = [];
    private byte[] _signature = [];
    private ISigner _bouncyCastle = null!;

    [Params("ed25519", "ed448")]
    public string Key { get; set; } = "ed25519";

    [GlobalSetup]
    public void Setup()
    {
        _der = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", Key + ".der"));
        _request = CertificationRequest.Decode(_der);
        _algorithm = _request.SignatureAlgorithm;
        _key = _request.PublicKey;
        _publicKey = _key.PublicKey.ToArray();
        _info = _request.RawInfo.ToArray();
        _signature = _request.Signature.ToArray();
        _bouncyCastle = Key == "ed25519" ? new Ed25519Signer() : new Ed448Signer([]);
        _bouncyCastle.Init(false, Key == "ed25519" ? new Ed25519PublicKeyParameters(_publicKey) : new Ed448PublicKeyParameters(_publicKey));
        if (!BouncyCastle() || !Engine() || Pkcs10Verify() != SignatureStatus.Valid || !Pkcs10DerToVerified())
        {
            throw new InvalidOperationException("fixture does not verify");
        }
    }

    [Benchmark(Baseline = true, Description = "BouncyCastle Ed25519Signer/Ed448Signer.VerifySignature")]
    public bool BouncyCastle()
    {
        _bouncyCastle.BlockUpdate(_info, 0, _info.Length);
        return _bouncyCastle.VerifySignature(_signature);
    }

    [Benchmark(Description = "Pkcs10 managed engine (Ed25519/Ed448.Verify)")]
    public bool Engine() => Key == "ed25519" ? Ed25519.Verify(_publicKey, _info, _signature) : Ed448.Verify(_publicKey, _info, _signature);

    [Benchmark(Description = "Pkcs10 SignatureVerifier.Verify")]
    public SignatureStatus Pkcs10Verify() => SignatureVerifier.Verify(_algorithm, _key, _info, _signature);

    [Benchmark(Description = "Pkcs10 DER → verified request")]
    public bool Pkcs10DerToVerified() => CertificationRequest.Decode(_der).CheckSignature() == SignatureStatus.Valid;
}
