using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Extensions;

namespace Pkcs10.Cli;

/// <summary>
/// The <c>chain</c> operation of <c>pkcs10 speed</c>: a 3-level PKI (root → intermediate → leaf with a DNS name)
/// made at start-up, validated by Pkcs10's <see cref="ChainBuilder"/> (held across calls, as a service would) and by
/// <see cref="X509Chain"/> with custom root trust and no revocation.
/// </summary>
internal sealed class SpeedChain
{
    private readonly Certificate _leaf;
    private readonly ChainBuilder _builder;
    private readonly ChainPolicy _policy;
    private readonly X509Certificate2 _rootBcl, _icaBcl, _leafBcl;
    private readonly DateTimeOffset _now;

    public SpeedChain(string key)
    {
        _now = DateTimeOffset.UtcNow;
        AsymmetricAlgorithm NewKey() => key == "rsa2048" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        AsymmetricAlgorithm rootKey = NewKey(), icaKey = NewKey(), leafKey = NewKey();
        CertificateRequest root = Request("CN=Speed Root", rootKey);
        root.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        root.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        root.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(root.PublicKey, false));
        _rootBcl = root.CreateSelfSigned(_now.AddDays(-1), _now.AddYears(1));
        _icaBcl = Issue(_rootBcl, rootKey, "CN=Speed ICA", icaKey, ca: true);
        _leafBcl = Issue(_icaBcl, icaKey, "CN=app.example.com", leafKey, ca: false);
        _leaf = Certificate.Decode(_leafBcl.RawData);
        _builder = new ChainBuilder([Certificate.Decode(_rootBcl.RawData)], [Certificate.Decode(_icaBcl.RawData)]);
        _policy = new ChainPolicy { ValidationTime = _now, RequiredPurposes = [KeyPurposes.ServerAuth], PeerNames = [PeerName.Dns("app.example.com")] };
    }

    public int Pkcs10() => _builder.Build(_leaf, _policy).IsValid ? 1 : throw new InvalidOperationException("the chain did not validate");

    public int Bcl()
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_rootBcl);
        chain.ChainPolicy.ExtraStore.Add(_icaBcl);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = _now.UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(KeyPurposes.ServerAuth));
        return chain.Build(_leafBcl) ? 1 : throw new InvalidOperationException("X509Chain did not validate the chain");
    }

    private X509Certificate2 Issue(X509Certificate2 issuer, AsymmetricAlgorithm issuerKey, string subject, AsymmetricAlgorithm key, bool ca)
    {
        CertificateRequest request = Request(subject, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(ca ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (!ca)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(KeyPurposes.ServerAuth)], false));
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("app.example.com");
            request.CertificateExtensions.Add(san.Build());
        }

        X509SignatureGenerator generator = issuerKey is RSA rsa
            ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
            : X509SignatureGenerator.CreateForECDsa((ECDsa)issuerKey);
        return request.Create(issuer.SubjectName, generator, _now.AddHours(-1), _now.AddDays(90), [0x01, (byte)(ca ? 0x02 : 0x03)]);
    }

    private static CertificateRequest Request(string subject, AsymmetricAlgorithm key) => key is RSA rsa
        ? new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
}
