using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Issuance;

/// <summary>
/// The certificates in TestVectors/issued, made once by make.sh with CertificateIssuer and verified there by
/// `openssl verify -x509_strict` (its output is in the folder's README): strict decoding, signatures, and X509Chain.
/// </summary>
public class IssuedFixtureTests
{
    public static TheoryData<string, string> Leaves { get; } = new(
        from kind in new[] { "rsa", "ec" }
        from profile in new[] { "tls-server", "tls-client", "device", "code-signing" }
        select (kind, profile));

    private static Certificate Load(string file)
    {
        Certificate certificate = Certificate.DecodePem(File.ReadAllText(RepoTestData.TestVectors("issued/" + file)));
        Assert.Equal(certificate.RawData.ToArray(), Certificate.Decode(certificate.RawData.ToArray()).RawData.ToArray());
        return certificate;
    }

    [Theory, MemberData(nameof(Leaves))]
    public void Chain_VerifiesHereAndBuildsWithX509Chain(string kind, string profile)
    {
        Certificate root = Load($"{kind}-root.pem");
        Certificate inter = Load($"{kind}-inter.pem");
        Certificate leaf = Load($"{kind}-{profile}.pem");

        Assert.Equal(SignatureStatus.Valid, root.CheckSignature(root));
        Assert.Equal(SignatureStatus.Valid, inter.CheckSignature(root));
        Assert.Equal(SignatureStatus.Valid, leaf.CheckSignature(inter));
        Assert.Equal(3, leaf.Version);
        Assert.False(leaf.BasicConstraints!.CertificateAuthority);
        Assert.Equal(inter.SubjectKeyIdentifier!.Value.ToArray(), leaf.AuthorityKeyIdentifier!.KeyIdentifier!.Value.ToArray());
        Assert.Equal(0, inter.BasicConstraints!.PathLengthConstraint);
        Assert.Equal(KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign, root.KeyUsage);

        using X509Certificate2 bclRoot = root.ToX509Certificate2();
        using X509Certificate2 bclInter = inter.ToX509Certificate2();
        using X509Certificate2 bclLeaf = leaf.ToX509Certificate2();
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(bclRoot);
        chain.ChainPolicy.ExtraStore.Add(bclInter);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = leaf.NotBefore.UtcDateTime.AddDays(1);
        Assert.True(chain.Build(bclLeaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(3, chain.ChainElements.Count);
    }

    [Fact]
    public void OpensslVerdict_IsOkForEveryLeaf()
    {
        string[] lines = File.ReadAllLines(RepoTestData.TestVectors("issued/openssl-verify.txt"));
        string[] verdicts = [.. lines.Where(l => !l.StartsWith('$'))];
        Assert.Equal(Leaves.Count, verdicts.Length);
        Assert.All(verdicts, v => Assert.EndsWith(".pem: OK", v, StringComparison.Ordinal));
    }
}
