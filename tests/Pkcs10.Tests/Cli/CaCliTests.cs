using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Cli;
using Pkcs10.Extensions;

namespace Pkcs10.Tests.Cli;

/// <summary><c>pkcs10 ca init</c>, <c>issue</c>, <c>revoke</c> and <c>crl</c>, run through the real command-line parser.</summary>
public sealed class CaCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pkcs10-ca-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Temp(string name) => Path.Combine(_dir, name);

    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static void Ok((int Code, string Output, string Error) r) => Assert.True(r.Code == 0, r.Error + r.Output);

    private static Certificate Cert(string path) => Certificate.Load(File.ReadAllBytes(path));

    private void InitRootAndIntermediate()
    {
        Ok(Run("ca", "init", "--subject", "CN=Test Root,O=Acme", "--new-key", "ec:P-384", "--out-dir", Temp("root")));
        Ok(Run("ca", "init", "--parent", Temp("root"), "--subject", "CN=Test Issuing CA,O=Acme", "--new-key", "ec:P-256",
            "--out-dir", Temp("int"), "--days", "365"));
    }

    private string NewRequest(string cn)
    {
        Ok(Run("new", "--new-key", "ec:P-256", "--key-out", Temp(cn + ".key"), "--subject", "CN=" + cn, "--out", Temp(cn + ".csr")));
        return Temp(cn + ".csr");
    }

    [Fact]
    public void Lifecycle_InitIssueRevokeCrl_ValidatesThenFailsWithRevoked()
    {
        InitRootAndIntermediate();
        foreach (string ca in new[] { "root", "int" })
        {
            foreach (string file in new[] { "ca.pem", "chain.pem", "ca.key.pem", "records.log" })
            {
                Assert.True(File.Exists(Temp($"{ca}/{file}")), $"{ca}/{file}");
            }

            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Temp($"{ca}/ca.key.pem")));
            }

            Assert.Contains("BEGIN PRIVATE KEY", File.ReadAllText(Temp($"{ca}/ca.key.pem")), StringComparison.Ordinal);
        }

        Certificate root = Cert(Temp("root/ca.pem"));
        Certificate intermediate = Cert(Temp("int/ca.pem"));
        Assert.True(root.IsSelfIssued);
        Assert.True(root.BasicConstraints!.CertificateAuthority);
        Assert.Equal(root.Subject.ToString(), intermediate.Issuer.ToString());
        Assert.Equal(0, intermediate.BasicConstraints!.PathLengthConstraint);
        IReadOnlyList<Certificate> chain = Certificate.LoadAll(File.ReadAllBytes(Temp("int/chain.pem")));
        Assert.Equal([intermediate.SerialNumberHex, root.SerialNumberHex], chain.Select(c => c.SerialNumberHex));
        Assert.Contains($"issued {CaDirectory.SerialOf(intermediate)} ", File.ReadAllText(Temp("root/records.log")), StringComparison.Ordinal);

        (int code, string output, string error) = Run("issue", "--ca", Temp("int"), "--profile", "tls-server", NewRequest("www.example.com"), "--out", Temp("leaf.pem"));
        Assert.True(code == 0, error);
        Assert.Contains("report:", output, StringComparison.Ordinal);
        Assert.Contains("subjectAltName: Added (dns:www.example.com", output, StringComparison.Ordinal);
        Certificate leaf = Cert(Temp("leaf.pem"));
        Assert.Single(Certificate.LoadAll(File.ReadAllBytes(Temp("leaf.pem"))));
        Assert.Equal(3, Certificate.LoadAll(File.ReadAllBytes(Temp("leaf.chain.pem"))).Count);
        string serial = CaDirectory.SerialOf(leaf);
        Assert.Contains($"issued {serial} ", File.ReadAllText(Temp("int/records.log")), StringComparison.Ordinal);

        DateTimeOffset now = DateTimeOffset.UtcNow;
        var builder = new ChainBuilder([root], chain);
        ChainResult before = builder.Build(leaf, new ChainPolicy { ValidationTime = now, RequiredPurposes = [KeyPurposes.ServerAuth] });
        Assert.True(before.IsValid, string.Join("; ", before.Errors.Select(e => e.Message)));
        Assert.Equal(3, before.Chain.Count);

        // CRLs before the revocation: both certificates are covered and good.
        Ok(Run("crl", "--ca", Temp("int"), "--out", Temp("int1.crl")));
        Ok(Run("crl", "--ca", Temp("root"), "--out", Temp("root1.crl")));
        var goodCrls = new[] { CertificateRevocationList.Load(File.ReadAllBytes(Temp("int1.crl"))), CertificateRevocationList.Load(File.ReadAllBytes(Temp("root1.crl"))) };
        ChainResult covered = builder.Build(leaf, new ChainPolicy { ValidationTime = DateTimeOffset.UtcNow, Crls = goodCrls });
        Assert.True(covered.IsValid, string.Join("; ", covered.Errors.Select(e => $"{e.Code}: {e.Message}")));

        (code, output, error) = Run("revoke", "--ca", Temp("int"), "--serial", serial, "--reason", "keyCompromise");
        Assert.True(code == 0, error);
        Assert.Contains("keyCompromise", output, StringComparison.Ordinal);
        (code, _, error) = Run("revoke", "--ca", Temp("int"), "--serial", serial);
        Assert.Equal(1, code);
        Assert.Contains("already revoked", error, StringComparison.Ordinal);
        (code, _, error) = Run("revoke", "--ca", Temp("int"), "--serial", "0102030405");
        Assert.Equal(1, code);
        Assert.Contains("never issued", error, StringComparison.Ordinal);

        (code, output, error) = Run("crl", "--ca", Temp("int"), "--out", Temp("int2.crl"));
        Assert.True(code == 0, error);
        Assert.Contains("CRL number 2", output, StringComparison.Ordinal);
        CertificateRevocationList crl = CertificateRevocationList.Load(File.ReadAllBytes(Temp("int2.crl")));
        Assert.Equal(2, crl.Version);
        Assert.Equal([2], crl.CrlNumber!.Value.ToArray());
        Assert.Equal(intermediate.Subject.ToString(), crl.Issuer.ToString());
        RevokedCertificate revoked = Assert.Single(crl.RevokedCertificates);
        Assert.NotNull(crl.FindRevoked(leaf.SerialNumber.Span));
        Assert.Equal(CrlReason.KeyCompromise, revoked.Reason);
        Assert.NotNull(crl.Extensions.FirstOrDefault(e => e.Oid == "2.5.29.35"));
        string records = File.ReadAllText(Temp("int/records.log"));
        Assert.Contains("\ncrl 1\n", records, StringComparison.Ordinal);
        Assert.Contains($"\nrevoked {serial} ", records, StringComparison.Ordinal);
        Assert.Contains(" keyCompromise\n", records, StringComparison.Ordinal);
        Assert.EndsWith("\ncrl 2\n", records, StringComparison.Ordinal);

        // Validated after the CRLs were made (a CRL whose thisUpdate is in the future is not current).
        now = DateTimeOffset.UtcNow;
        ChainResult after = builder.Build(leaf, new ChainPolicy { ValidationTime = now, Crls = [crl, goodCrls[1]] });
        Assert.False(after.IsValid);
        Assert.True(after.Error!.Code == ChainErrorCode.Revoked, string.Join("; ", after.Errors.Select(e => $"{e.Code}: {e.Message}")));

        // The intermediate itself is still good under the root's CRL.
        Assert.True(new ChainBuilder([root]).Build(intermediate, new ChainPolicy { ValidationTime = now, Crls = [goodCrls[1]] }).IsValid);
    }

    [Fact]
    public void Issue_RefusedRequest_ExitsOneWithReasons()
    {
        InitRootAndIntermediate();

        // A TLS server certificate needs a DNS name: a CN that is not a host name leaves none.
        (int code, _, string error) = Run("issue", "--ca", Temp("int"), "--profile", "tls-server", NewRequest("not a host name"), "--out", Temp("x.pem"));
        Assert.Equal(1, code);
        Assert.Contains("refused", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Temp("x.pem")));
        Assert.DoesNotContain("issued", File.ReadAllText(Temp("int/records.log")), StringComparison.Ordinal);

        // The intermediate has pathLenConstraint 0: it cannot issue another CA.
        (code, _, error) = Run("issue", "--ca", Temp("int"), "--profile", "intermediate", NewRequest("sub.example"), "--out", Temp("y.pem"));
        Assert.Equal(1, code);
        Assert.Contains("refused", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown profile", "issue --ca {0}/root --profile web {0}/r.csr --out {0}/o.pem")]
    [InlineData("missing --ca", "issue --profile tls-server {0}/r.csr --out {0}/o.pem")]
    [InlineData("not a CA directory", "issue --ca {0} --profile tls-server {0}/r.csr --out {0}/o.pem")]
    [InlineData("bad serial", "revoke --ca {0}/root --serial xyz")]
    [InlineData("bad reason", "revoke --ca {0}/root --serial 01 --reason removeFromCRL")]
    [InlineData("bad time", "revoke --ca {0}/root --serial 01 --time yesterday")]
    [InlineData("bad key type", "ca init --subject CN=X --new-key dsa:1024 --out-dir {0}/x")]
    [InlineData("bad subject", "ca init --subject NOTADN --new-key ec:P-256 --out-dir {0}/x")]
    [InlineData("root path length", "ca init --subject CN=X --new-key ec:P-256 --out-dir {0}/x --path-length 1")]
    [InlineData("existing CA", "ca init --subject CN=X --new-key ec:P-256 --out-dir {0}/root")]
    [InlineData("unset passphrase variable", "ca init --subject CN=X --new-key ec:P-256 --out-dir {0}/x --passphrase-env PKCS10_TEST_UNSET_VARIABLE_7")]
    [InlineData("zero CRL days", "crl --ca {0}/root --out {0}/c.pem --days 0")]
    public void UsageErrors_ExitTwo(string why, string command)
    {
        Ok(Run("ca", "init", "--subject", "CN=Usage Root", "--new-key", "ec:P-256", "--out-dir", Temp("root")));
        File.Copy(NewRequest("usage.example"), Temp("r.csr"));
        (int code, _, string error) = Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, _dir).Split(' '));
        Assert.True(code == 2, $"{why}: exit {code}, {error}");
        Assert.False(Directory.Exists(Temp("x")) && File.Exists(Temp("x/ca.pem")), why);
    }

    [Fact]
    public void EncryptedCaKey_NeedsThePassphrase()
    {
        string variable = "PKCS10_TEST_CA_PASS_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "correct horse");
        try
        {
            Ok(Run("ca", "init", "--subject", "CN=Encrypted Root", "--new-key", "ec:P-256", "--out-dir", Temp("root"), "--passphrase-env", variable));
            Assert.Contains("BEGIN ENCRYPTED PRIVATE KEY", File.ReadAllText(Temp("root/ca.key.pem")), StringComparison.Ordinal);
            string csr = NewRequest("client.example");

            (int code, _, string error) = Run("issue", "--ca", Temp("root"), "--profile", "tls-client", csr, "--out", Temp("c.pem"));
            Assert.Equal(2, code);
            Assert.Contains("encrypted", error, StringComparison.Ordinal);

            Ok(Run("issue", "--ca", Temp("root"), "--profile", "tls-client", csr, "--out", Temp("c.pem"), "--passphrase-env", variable));
            Ok(Run("ca", "init", "--parent", Temp("root"), "--parent-passphrase-env", variable, "--subject", "CN=Sub", "--new-key", "ec:P-256",
                "--out-dir", Temp("sub"), "--path-length", "1"));
            Assert.Equal(1, Cert(Temp("sub/ca.pem")).BasicConstraints!.PathLengthConstraint);
            Ok(Run("crl", "--ca", Temp("root"), "--out", Temp("root.crl"), "--passphrase-env", variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
