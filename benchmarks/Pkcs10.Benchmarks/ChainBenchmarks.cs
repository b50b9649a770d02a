using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Pkix;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509.Store;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Signatures;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Pkcs10.Benchmarks;

/// <summary>
/// Building and validating a 3-level chain (root → intermediate → leaf, no revocation): Pkcs10's ChainBuilder
/// (reused across calls, as a service holds it, and made per call), .NET's X509Chain with custom root trust, and
/// BouncyCastle's PkixCertPathBuilder; the floor is the two raw signature verifications of the path.
/// </summary>
[MemoryDiagnoser]
public class ChainBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private Certificate _root = null!, _ica = null!, _leaf = null!;
    private X509Certificate2 _rootBcl = null!, _icaBcl = null!, _leafBcl = null!;
    private ChainBuilder _builder = null!;
    private ChainPolicy _policy = null!;
    private PkixBuilderParameters _bcParameters = null!;

    [Params("rsa2048", "p256")]
    public string Key { get; set; } = "rsa2048";

    [GlobalSetup]
    public void Setup()
    {
        AsymmetricAlgorithm NewKey() => Key == "rsa2048" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        AsymmetricAlgorithm rootKey = NewKey(), icaKey = NewKey(), leafKey = NewKey();
        _rootBcl = MakeRoot(rootKey);
        _icaBcl = Issue(_rootBcl, rootKey, "CN=Bench ICA", icaKey, ca: true);
        _leafBcl = Issue(_icaBcl, icaKey, "CN=app.example.com", leafKey, ca: false);
        _root = Certificate.Decode(_rootBcl.RawData);
        _ica = Certificate.Decode(_icaBcl.RawData);
        _leaf = Certificate.Decode(_leafBcl.RawData);
        _policy = new ChainPolicy { ValidationTime = Now, RequiredPurposes = [Extensions.KeyPurposes.ServerAuth] };
        _builder = new ChainBuilder([_root], [_ica]);

        var parser = new Org.BouncyCastle.X509.X509CertificateParser();
        BcCertificate bcRoot = parser.ReadCertificate(_rootBcl.RawData), bcIca = parser.ReadCertificate(_icaBcl.RawData), bcLeaf = parser.ReadCertificate(_leafBcl.RawData);
        _bcParameters = new PkixBuilderParameters(new HashSet<TrustAnchor> { new(bcRoot, null) }, new X509CertStoreSelector { Certificate = bcLeaf })
        {
            IsRevocationEnabled = false,
            Date = Now.UtcDateTime,
        };
        _bcParameters.AddStoreCert(CollectionUtilities.CreateStore(new List<BcCertificate> { bcIca, bcLeaf }));

        if (!Pkcs10Reused() || !Pkcs10NewBuilder() || !X509ChainBuild() || BouncyCastle() != 2 || !RawSignatures())
        {
            throw new InvalidOperationException("the chain does not validate");
        }
    }

    [Benchmark(Description = "Pkcs10 ChainBuilder.Build (builder reused)")]
    public bool Pkcs10Reused() => _builder.Build(_leaf, _policy).IsValid;

    [Benchmark(Description = "Pkcs10 new ChainBuilder + Build")]
    public bool Pkcs10NewBuilder() => new ChainBuilder([_root], [_ica]).Build(_leaf, _policy).IsValid;

    [Benchmark(Baseline = true, Description = "X509Chain.Build (custom root trust)")]
    public bool X509ChainBuild()
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_rootBcl);
        chain.ChainPolicy.ExtraStore.Add(_icaBcl);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(Extensions.KeyPurposes.ServerAuth));
        return chain.Build(_leafBcl);
    }

    [Benchmark(Description = "BouncyCastle PkixCertPathBuilder")]
    public int BouncyCastle() => new PkixCertPathBuilder().Build(_bcParameters).CertPath.Certificates.Count;

    [Benchmark(Description = "floor: the path's 2 raw signature checks")]
    public bool RawSignatures() =>
        SignatureVerifier.Verify(_leaf.SignatureAlgorithm, _ica.PublicKey, _leaf.RawTbs.Span, _leaf.Signature.Span) == SignatureStatus.Valid &&
        SignatureVerifier.Verify(_ica.SignatureAlgorithm, _root.PublicKey, _ica.RawTbs.Span, _ica.Signature.Span) == SignatureStatus.Valid;

    private static X509Certificate2 MakeRoot(AsymmetricAlgorithm key)
    {
        CertificateRequest request = Request("CN=Bench Root", key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(10));
    }

    private static X509Certificate2 Issue(X509Certificate2 issuer, AsymmetricAlgorithm issuerKey, string subject, AsymmetricAlgorithm key, bool ca)
    {
        CertificateRequest request = Request(subject, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(ca ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (!ca)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(Extensions.KeyPurposes.ServerAuth)], false));
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("app.example.com");
            request.CertificateExtensions.Add(san.Build());
        }

        X509SignatureGenerator generator = issuerKey is RSA rsa
            ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
            : X509SignatureGenerator.CreateForECDsa((ECDsa)issuerKey);
        return request.Create(issuer.SubjectName, generator, Now.AddDays(-30), Now.AddYears(1), [0x01, (byte)(ca ? 0x02 : 0x03), 0x44]);
    }

    private static CertificateRequest Request(string subject, AsymmetricAlgorithm key) => key is RSA rsa
        ? new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
}
