using System.Security.Cryptography;
using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Issuance;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Issuance;

/// <summary>Keys, requests and a root → intermediate → leaf PKI made with the issuer, at a fixed time.</summary>
internal static class IssuanceTestPki
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<RSA[]> s_rsa = new(() => [RSA.Create(2048), RSA.Create(2048), RSA.Create(2048)]);
    private static readonly Lazy<ECDsa[]> s_ec = new(() =>
        [ECDsa.Create(ECCurve.NamedCurves.nistP384), ECDsa.Create(ECCurve.NamedCurves.nistP256), ECDsa.Create(ECCurve.NamedCurves.nistP256)]);

    public static IssuanceOptions Options => new() { Now = Now };

    /// <summary>Key <paramref name="index"/> of a kind: 0 root, 1 intermediate, 2 leaf.</summary>
    public static AsymmetricAlgorithm Key(bool rsa, int index) => rsa ? s_rsa.Value[index] : s_ec.Value[index];

    public static Signer SignerFor(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => Signer.Create(rsa),
        ECDsa ec => Signer.Create(ec),
        _ => throw new ArgumentException("unexpected key", nameof(key)),
    };

    public static CertificationRequest Request(AsymmetricAlgorithm key, string subject, Action<CertificationRequestBuilder>? configure = null)
    {
        CertificationRequestBuilder builder = new CertificationRequestBuilder().SetSubject(subject).SetPublicKey(key);
        configure?.Invoke(builder);
        return builder.Sign(SignerFor(key));
    }

    public static Certificate Root(bool rsa, DateTimeOffset? now = null)
    {
        AsymmetricAlgorithm key = Key(rsa, 0);
        return CertificateIssuer.IssueSelfSigned(DistinguishedName.Parse($"CN=Test {(rsa ? "RSA" : "EC")} Root,O=Pkcs10 Tests,C=US"), SignerFor(key),
            IssuanceProfile.RootCa, new IssuanceOptions { Now = now ?? Now }).EnsureIssued();
    }

    public static CertificateIssuer RootIssuer(bool rsa) => new(Root(rsa), SignerFor(Key(rsa, 0)));

    public static Certificate Intermediate(bool rsa, int? pathLength = 0) =>
        RootIssuer(rsa).Issue(Request(Key(rsa, 1), $"CN=Test {(rsa ? "RSA" : "EC")} Intermediate,O=Pkcs10 Tests,C=US"),
            IssuanceProfile.IntermediateCa(pathLength), Options).EnsureIssued();

    public static CertificateIssuer IntermediateIssuer(bool rsa, int? pathLength = 0) => new(Intermediate(rsa, pathLength), SignerFor(Key(rsa, 1)));

    /// <summary>Each extension as "oid critical? hex".</summary>
    public static string[] Describe(Certificate certificate) =>
        [.. certificate.Extensions.Select(e => $"{e.Oid}{(e.Critical ? " critical" : string.Empty)} {Convert.ToHexString(e.Value.Span)}")];

    public static string Ski(Certificate certificate) => "0414" + Convert.ToHexString(ExtensionEncoder.ComputeSubjectKeyIdentifier(certificate.PublicKey));

    public static string Aki(Certificate issuer) => "30168014" + Convert.ToHexString(issuer.SubjectKeyIdentifier!.Value.Span);

    public static string San(Action<GeneralNamesBuilder> add)
    {
        var builder = new GeneralNamesBuilder();
        add(builder);
        return Convert.ToHexString(builder.Encode());
    }
}
