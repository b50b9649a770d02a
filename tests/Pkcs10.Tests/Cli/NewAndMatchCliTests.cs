using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Cli;
using Pkcs10.Extensions;
using Pkcs10.Requests;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Cli;

/// <summary><c>pkcs10 new</c> and <c>pkcs10 match</c>, run through the real command-line parser.</summary>
public sealed class NewAndMatchCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pkcs10-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Temp(string name) => Path.Combine(_dir, name);

    private static string Match(string file) => RepoTestData.TestVectors("match/" + file);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static TheoryData<string, string, string> NewKeyTypes => new()
    {
        { "rsa:2048", "RSA", "sha256WithRSAEncryption" },
        { "rsa-pss:3072", "RSA", "RSASSA-PSS" },
        { "ec:P-256", "EC", "ecdsa-with-SHA256" },
        { "ec:P-384", "EC", "ecdsa-with-SHA384" },
        { "ec:P-521", "EC", "ecdsa-with-SHA512" },
    };

    [Theory, MemberData(nameof(NewKeyTypes))]
    public void New_WithANewKey_WritesAVerifiedRequestAndAnOwnerOnlyKey(string keyType, string algorithm, string signature)
    {
        string variable = "PKCS10_TEST_CHALLENGE_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "one-time-Secret");
        try
        {
            (int code, string output, string error) = Run("new", "--new-key", keyType, "--key-out", Temp("key.pem"),
                "--subject", "CN=device-42.example.com,O=Acme\\, Inc.,C=US",
                "--san", "dns:device-42.example.com", "--san", "ip:2001:db8::42", "--san", "email:ops@example.com",
                "--san", "uri:https://device-42.example.com/", "--san", "upn:device42@example.com",
                "--key-usage", "digitalSignature,keyEncipherment", "--eku", "serverAuth,clientAuth,1.3.6.1.4.1.99999.7",
                "--challenge-password-env", variable, "--ski", "--out", Temp("req.csr"));
            Assert.True(code == 0, error);
            Assert.Contains("signature verified", output, StringComparison.Ordinal);

            CertificationRequest request = CertificationRequest.Load(File.ReadAllBytes(Temp("req.csr")));
            Assert.True(request.VerifySignature());
            Assert.Equal(algorithm, request.PublicKey.AlgorithmName);
            Assert.Equal(signature, request.SignatureAlgorithm.Name);
            Assert.Equal("CN=device-42.example.com,O=Acme\\, Inc.,C=US", request.Subject.ToString());
            Assert.Equal(["dns:device-42.example.com", "ip:2001:db8::42", "email:ops@example.com", "uri:https://device-42.example.com/"],
                request.SubjectAlternativeNames!.Take(4).Select(n => n.ToString()));
            Assert.Equal(GeneralNameType.OtherName, request.SubjectAlternativeNames![4].Type);
            Assert.False(request.GetExtension("2.5.29.17")!.Critical);
            Assert.Equal(KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment, request.KeyUsage);
            Assert.Equal([KeyPurposes.ServerAuth, KeyPurposes.ClientAuth, "1.3.6.1.4.1.99999.7"], request.ExtendedKeyUsage);
            Assert.Equal("one-time-Secret", request.ChallengePassword);
            Assert.NotNull(request.SubjectKeyIdentifier);

            // The BCL accepts it with its signature checked.
            CertificateRequest bcl = CertificateRequest.LoadSigningRequestPem(File.ReadAllText(Temp("req.csr")), HashAlgorithmName.SHA256,
                CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions, keyType.StartsWith("rsa-pss", StringComparison.Ordinal) ? RSASignaturePadding.Pss : null);
            Assert.Equal(request.Subject.RawData.ToArray(), bcl.SubjectName.RawData);

            // The key file: PKCS#8, owner-only, and it matches the request.
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(Temp("key.pem")), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Temp("key.pem")));
            }

            Assert.Equal(0, Run("match", "--key", Temp("key.pem"), "--csr", Temp("req.csr")).Code);
            (int mismatch, string mismatchOutput, _) = Run("match", "--key", Match("p384.pkcs8.pem"), "--csr", Temp("req.csr"));
            Assert.Equal(1, mismatch);
            Assert.Contains("key and request: MISMATCH", mismatchOutput, StringComparison.Ordinal);
            Assert.Contains("public key", mismatchOutput, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("rsa2048", "pkcs8", "RSA")]
    [InlineData("rsa2048", "pkcs1", "RSA")]
    [InlineData("rsa2048", "pkcs8-encrypted", "RSA")]
    [InlineData("p256", "sec1", "EC")]
    [InlineData("p384", "pkcs8-encrypted", "EC")]
    [InlineData("dsa2048", "pkcs8", "DSA")]
    public void New_WithAnExistingKey_UsesIt_AndMatchAgrees(string name, string format, string algorithm)
    {
        string variable = "PKCS10_TEST_PASSPHRASE_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "test-passphrase");
        try
        {
            string keyFile = Match($"{name}.{format}.pem");
            string[] passphrase = format.EndsWith("encrypted", StringComparison.Ordinal) ? ["--passphrase-env", variable] : [];
            (int code, _, string error) = Run(["new", "--key", keyFile, .. passphrase, "--subject", "CN=existing key", "--out", Temp("req.der"), "--der"]);
            Assert.True(code == 0, error);

            byte[] der = File.ReadAllBytes(Temp("req.der"));
            Assert.Equal(0x30, der[0]);
            CertificationRequest request = CertificationRequest.Decode(der);
            Assert.True(request.VerifySignature());
            Assert.Equal(algorithm, request.PublicKey.AlgorithmName);
            using AsymmetricAlgorithm key = Pkcs10.Tests.Requests.RequestMatcherTests.LoadKey(name, format);
            Assert.Equal(key.ExportSubjectPublicKeyInfo(), request.PublicKey.RawData.ToArray());

            Assert.Equal(0, Run(["match", "--key", keyFile, .. passphrase, "--csr", Temp("req.der")]).Code);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("p256")]
    public void Match_WithCertificates_ExitCodesSayWhetherAllBelongTogether(string name)
    {
        Assert.Equal(0, Run("match", "--key", Match(name + ".pkcs8.pem"), "--csr", Match(name + ".csr"), "--cert", Match(name + ".cert.pem")).Code);

        (int code, string output, _) = Run("match", "--csr", Match(name + ".csr"), "--cert", Match(name + ".cert-other.pem"));
        Assert.Equal(1, code);
        Assert.Contains("request and certificate: MISMATCH", output, StringComparison.Ordinal);
        Assert.Contains("mismatch: subject", output, StringComparison.Ordinal);
        Assert.Contains("mismatch: subjectAltName", output, StringComparison.Ordinal);

        Assert.Equal(1, Run("match", "--key", Match("p521.pkcs8.pem"), "--cert", Match(name + ".cert.pem")).Code);
    }

    [Fact]
    public void UsageErrors_ExitWithTwo()
    {
        Assert.Equal(2, Run("new", "--new-key", "ec:P-256", "--key-out", Temp("k.pem")).Code);                            // no --out
        Assert.Equal(2, Run("new", "--new-key", "ec:P-256", "--out", Temp("r.csr")).Code);                                // no --key-out
        Assert.Equal(2, Run("new", "--new-key", "ec:P-256", "--key", Match("p256.pkcs8.pem"), "--out", Temp("r.csr")).Code);
        Assert.Equal(2, Run("new", "--new-key", "ec:P-192", "--key-out", Temp("k.pem"), "--out", Temp("r.csr")).Code);
        Assert.Equal(2, Run("new", "--key", Match("p256.pkcs8.pem"), "--san", "fax:12345", "--out", Temp("r.csr")).Code);
        Assert.Equal(2, Run("new", "--key", Match("p256.pkcs8.pem"), "--san", "ip:127.1", "--out", Temp("r.csr")).Code);
        Assert.Equal(2, Run("new", "--key", Match("p256.pkcs8.pem"), "--subject", "CN=a,,", "--out", Temp("r.csr")).Code);
        Assert.Equal(2, Run("new", "--key", Match("p256.pkcs8.pem"), "--key-usage", "everything", "--out", Temp("r.csr")).Code);
        Assert.Equal(2, Run("new", "--key", Match("p256.pkcs8-encrypted.pem"), "--passphrase-env", "PKCS10_TEST_UNSET_VARIABLE", "--out", Temp("r.csr")).Code);
        Assert.Equal(2, Run("match", "--key", Match("p256.pkcs8.pem")).Code);
        Assert.Equal(2, Run("match", "--key", Temp("missing.pem"), "--csr", Match("p256.csr")).Code);
        Assert.False(File.Exists(Temp("r.csr")));
    }

    [Fact]
    public void ExistingKeyFile_IsNotOverwritten_WithoutForce()
    {
        File.WriteAllText(Temp("key.pem"), "precious");
        (int code, _, string error) = Run("new", "--new-key", "ec:P-256", "--key-out", Temp("key.pem"), "--out", Temp("r.csr"));
        Assert.Equal(1, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(Temp("key.pem")));

        Assert.Equal(0, Run("new", "--new-key", "ec:P-256", "--key-out", Temp("key.pem"), "--out", Temp("r.csr"), "--force").Code);
        Assert.Equal(0, Run("match", "--key", Temp("key.pem"), "--csr", Temp("r.csr")).Code);
    }

    [Fact]
    public void EncryptedNewKey_NeedsItsPassphraseToMatch()
    {
        string variable = "PKCS10_TEST_PASSPHRASE_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "correct horse");
        try
        {
            Assert.Equal(0, Run("new", "--new-key", "ec:P-256", "--key-out", Temp("key.pem"), "--passphrase-env", variable, "--out", Temp("r.csr")).Code);
            Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", File.ReadAllText(Temp("key.pem")), StringComparison.Ordinal);
            Assert.Equal(0, Run("match", "--key", Temp("key.pem"), "--passphrase-env", variable, "--csr", Temp("r.csr")).Code);
            Assert.Equal(2, Run("match", "--key", Temp("key.pem"), "--csr", Temp("r.csr")).Code);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}

