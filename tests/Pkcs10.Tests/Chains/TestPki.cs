using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;

namespace Pkcs10.Tests.Chains;

/// <summary>Makes small PKIs with the BCL's CertificateRequest, for chain tests and the X509Chain differential.</summary>
public static class TestPki
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A certificate with the key that issued it and the BCL object (private key attached).</summary>
    public sealed record Issued(Certificate Certificate, X509Certificate2 Bcl, AsymmetricAlgorithm Key)
    {
        public string Name => Certificate.Subject.ToString();
    }

    public enum KeyKind
    {
        Rsa2048,
        P256,
    }

    public static AsymmetricAlgorithm NewKey(KeyKind kind) => kind == KeyKind.Rsa2048 ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static readonly Lazy<RSA[]> s_rsaKeys = new(() => Enumerable.Range(0, 8).Select(_ => RSA.Create(2048)).ToArray());

    /// <summary>RSA key generation is slow: tests share a few keys by index.</summary>
    public static AsymmetricAlgorithm Key(KeyKind kind, int index) => kind == KeyKind.Rsa2048 ? s_rsaKeys.Value[index % 8] : ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static Issued Root(string name, AsymmetricAlgorithm key, Action<CertificateRequest>? configure = null,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        CertificateRequest request = Request(name, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        configure?.Invoke(request);
        X509Certificate2 bcl = request.CreateSelfSigned(notBefore ?? Now.AddYears(-5), notAfter ?? Now.AddYears(10));
        return new Issued(Certificate.Decode(bcl.RawData), bcl, key);
    }

    public static Issued Intermediate(Issued issuer, string name, AsymmetricAlgorithm key, int? pathLength = null, Action<CertificateRequest>? configure = null,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, bool ca = true, bool defaultExtensions = true)
    {
        CertificateRequest request = Request(name, key);
        if (defaultExtensions)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, pathLength is not null, pathLength ?? 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        }

        return Sign(issuer, request, configure, notBefore ?? Now.AddYears(-2), notAfter ?? Now.AddYears(5));
    }

    public static Issued Leaf(Issued issuer, string name, AsymmetricAlgorithm key, string[]? dnsNames = null, Action<CertificateRequest>? configure = null,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string[]? ekus = null)
    {
        CertificateRequest request = Request(name, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var eku = new OidCollection();
        foreach (string oid in ekus ?? ["1.3.6.1.5.5.7.3.1"])
        {
            eku.Add(new Oid(oid));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(eku, false));
        var san = new SubjectAlternativeNameBuilder();
        foreach (string dns in dnsNames ?? ["app.example.com"])
        {
            san.AddDnsName(dns);
        }

        request.CertificateExtensions.Add(san.Build());
        return Sign(issuer, request, configure, notBefore ?? Now.AddDays(-30), notAfter ?? Now.AddDays(60));
    }

    private static Issued Sign(Issued issuer, CertificateRequest request, Action<CertificateRequest>? configure, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Bcl, true, false));
        configure?.Invoke(request);
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        X509SignatureGenerator generator = issuer.Key is RSA rsa
            ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
            : X509SignatureGenerator.CreateForECDsa((ECDsa)issuer.Key);
        X509Certificate2 bcl = request.Create(issuer.Bcl.SubjectName, generator, notBefore, notAfter, serial);
        return new Issued(Certificate.Decode(bcl.RawData), bcl, KeyOf(request)!);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CertificateRequest, AsymmetricAlgorithm> s_keys = new();

    private static AsymmetricAlgorithm? KeyOf(CertificateRequest request) => s_keys.TryGetValue(request, out AsymmetricAlgorithm? key) ? key : null;

    private static CertificateRequest Request(string name, AsymmetricAlgorithm key)
    {
        CertificateRequest request = key switch
        {
            RSA rsa => new CertificateRequest(name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ec => new CertificateRequest(name, ec, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("RSA or ECDsa", nameof(key)),
        };
        s_keys.AddOrUpdate(request, key);
        return request;
    }
}
