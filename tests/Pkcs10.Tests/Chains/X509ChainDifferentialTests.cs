using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Chains;
using Pkcs10.Extensions;
using static Pkcs10.Tests.Chains.TestPki;

namespace Pkcs10.Tests.Chains;

/// <summary>
/// Generated PKIs, valid and with one defect each, validated by <see cref="ChainBuilder"/> and by .NET's
/// <see cref="X509Chain"/> (custom root trust, offline, no revocation): the verdicts must agree. Where the two
/// are known to differ, the case states the expected verdict of each and why.
/// </summary>
public sealed class X509ChainDifferentialTests
{
    public enum Defect
    {
        None,
        ExpiredLeaf,
        NotYetValidLeaf,
        ExpiredIntermediate,
        IntermediateNotCa,
        IntermediateWithoutKeyCertSign,
        PathLengthZeroExceeded,
        WrongIssuerKey,
        LeafClientAuthOnly,
        UnknownCriticalExtension,
        MissingIntermediate,
        UntrustedRoot,
    }

    public static TheoryData<KeyKind, Defect> Cases()
    {
        var data = new TheoryData<KeyKind, Defect>();
        foreach (KeyKind kind in Enum.GetValues<KeyKind>())
        {
            foreach (Defect defect in Enum.GetValues<Defect>())
            {
                data.Add(kind, defect);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pkcs10_and_X509Chain_agree(KeyKind kind, Defect defect)
    {
        Issued root = Root("CN=Differential Root,O=Test", Key(kind, 0));
        Issued ica = defect switch
        {
            Defect.ExpiredIntermediate => Intermediate(root, "CN=ICA,O=Test", Key(kind, 1), notBefore: Now.AddYears(-3), notAfter: Now.AddDays(-2)),
            Defect.IntermediateNotCa => Intermediate(root, "CN=ICA,O=Test", Key(kind, 1), ca: false),
            Defect.IntermediateWithoutKeyCertSign => Intermediate(root, "CN=ICA,O=Test", Key(kind, 1), defaultExtensions: false, configure: r =>
            {
                r.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
                r.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            }),
            Defect.PathLengthZeroExceeded => Intermediate(root, "CN=ICA,O=Test", Key(kind, 1), pathLength: 0),
            _ => Intermediate(root, "CN=ICA,O=Test", Key(kind, 1)),
        };

        var pool = new List<Issued> { ica };
        Issued issuer = ica;
        if (defect == Defect.PathLengthZeroExceeded)
        {
            issuer = Intermediate(ica, "CN=ICA2,O=Test", Key(kind, 2));
            pool.Add(issuer);
        }

        Issued leaf = defect switch
        {
            Defect.ExpiredLeaf => Leaf(issuer, "CN=app.example.com", Key(kind, 3), notBefore: Now.AddDays(-90), notAfter: Now.AddDays(-1)),
            Defect.NotYetValidLeaf => Leaf(issuer, "CN=app.example.com", Key(kind, 3), notBefore: Now.AddDays(1), notAfter: Now.AddDays(90)),
            Defect.LeafClientAuthOnly => Leaf(issuer, "CN=app.example.com", Key(kind, 3), ekus: [KeyPurposes.ClientAuth]),
            Defect.UnknownCriticalExtension => Leaf(issuer, "CN=app.example.com", Key(kind, 3),
                configure: r => r.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.55555.7", [0x05, 0x00], true))),
            Defect.WrongIssuerKey => Leaf(Intermediate(root, "CN=ICA,O=Test", Key(kind, 4)), "CN=app.example.com", Key(kind, 3)),
            _ => Leaf(issuer, "CN=app.example.com", Key(kind, 3)),
        };

        if (defect == Defect.MissingIntermediate)
        {
            pool.Clear();
        }

        Issued trusted = defect == Defect.UntrustedRoot ? Root("CN=Other Root,O=Test", Key(kind, 5)) : root;

        // Pkcs10
        var policy = new ChainPolicy { ValidationTime = Now, RequiredPurposes = [KeyPurposes.ServerAuth] };
        ChainResult ours = new ChainBuilder([trusted.Certificate], pool.Select(p => p.Certificate)).Build(leaf.Certificate, policy);

        // X509Chain, offline, custom root trust, at the same time, with the same purpose.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted.Bcl);
        chain.ChainPolicy.ExtraStore.AddRange(pool.Select(p => p.Bcl).ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(KeyPurposes.ServerAuth));
        bool theirs = chain.Build(leaf.Bcl);

        string detail = $"Pkcs10: {(ours.IsValid ? "valid" : ours.Error!.ToString())}; X509Chain: " +
            string.Join(", ", chain.ChainStatus.Select(s => s.Status));
        Assert.True(ours.IsValid == theirs, detail);
        Assert.Equal(defect == Defect.None, ours.IsValid);
    }
}
