using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Extensions;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Cli;

/// <summary>The PKI the CLI made in TestVectors/ca-cli, which openssl verified: Pkcs10 must give openssl's verdicts.</summary>
public sealed class CaCliVectorTests
{
    private static byte[] Read(string name) => File.ReadAllBytes(RepoTestData.TestVectors("ca-cli/" + name));

    private static readonly Certificate s_root = Certificate.Load(Read("root.pem"));
    private static readonly Certificate s_intermediate = Certificate.Load(Read("intermediate.pem"));
    private static readonly Certificate s_leaf = Certificate.Load(Read("leaf.pem"));
    private static readonly CertificateRevocationList s_rootCrl = CertificateRevocationList.Load(Read("root.crl.pem"));
    private static readonly CertificateRevocationList s_intermediateCrl = CertificateRevocationList.Load(Read("intermediate.crl.pem"));

    // When openssl checked them: just after both CRLs were made, well inside every validity period.
    private static DateTimeOffset Time => s_rootCrl.ThisUpdate.AddMinutes(1);

    private static ChainResult Validate(Certificate leaf, params CertificateRevocationList[] crls) =>
        new ChainBuilder([s_root], [s_intermediate]).Build(leaf, new ChainPolicy
        {
            ValidationTime = Time,
            RequiredPurposes = leaf == s_leaf ? [KeyPurposes.ServerAuth] : [],
            PeerNames = leaf == s_leaf ? [PeerName.Dns("www.example.com")] : [],
            Crls = crls,
        });

    [Fact]
    public void Files_DecodeAsTheCliMadeThem()
    {
        Assert.True(s_root.IsSelfIssued);
        Assert.Null(s_root.BasicConstraints!.PathLengthConstraint);
        Assert.Equal(0, s_intermediate.BasicConstraints!.PathLengthConstraint);
        Assert.Equal(s_intermediate.Subject.ToString(), s_leaf.Issuer.ToString());
        Assert.Equal([KeyPurposes.ServerAuth], s_leaf.ExtendedKeyUsage);
        Assert.Equal(2, s_intermediateCrl.Version);
        Assert.Equal([1], s_intermediateCrl.CrlNumber!.Value.ToArray());
        RevokedCertificate revoked = Assert.Single(s_intermediateCrl.RevokedCertificates);
        Assert.Equal(s_leaf.SerialNumberHex, revoked.SerialNumberHex);
        Assert.Equal(CrlReason.KeyCompromise, revoked.Reason);
        Assert.Equal(0, s_rootCrl.RevokedCount);
        Assert.Equal(s_root.Subject.ToString(), s_rootCrl.Issuer.ToString());
    }

    [Fact]
    public void Leaf_WithoutCrls_IsValid_AsOpensslSaid()
    {
        ChainResult result = Validate(s_leaf);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Message}")));
        Assert.Equal([s_leaf, s_intermediate, s_root], result.Chain);
    }

    [Fact]
    public void Leaf_WithTheCrls_IsRevoked_AsOpensslSaid()
    {
        Assert.Equal(ChainErrorCode.Revoked, Validate(s_leaf, s_rootCrl, s_intermediateCrl).Error!.Code);
        Assert.Equal(ChainErrorCode.Revoked, new ChainBuilder([s_root], [s_intermediate]).Build(s_leaf,
            new ChainPolicy { ValidationTime = Time, Crls = [s_intermediateCrl], Revocation = RevocationMode.BestEffort }).Error!.Code);
    }

    [Fact]
    public void Intermediate_WithTheRootCrl_IsValid_AsOpensslSaid()
    {
        ChainResult result = Validate(s_intermediate, s_rootCrl);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Message}")));
    }
}
