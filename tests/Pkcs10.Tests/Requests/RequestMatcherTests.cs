using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Keys;
using Pkcs10.Requests;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Requests;

/// <summary>Matching keys, requests and certificates made by OpenSSL (TestVectors/match, see its README).</summary>
public class RequestMatcherTests
{
    private const string Passphrase = "test-passphrase";

    public static TheoryData<string, string> KeyFiles => new()
    {
        { "rsa2048", "pkcs8" }, { "rsa2048", "pkcs8-encrypted" }, { "rsa2048", "pkcs1" },
        { "p256", "pkcs8" }, { "p256", "pkcs8-encrypted" }, { "p256", "sec1" },
        { "p384", "pkcs8" }, { "p384", "pkcs8-encrypted" }, { "p384", "sec1" },
        { "p521", "pkcs8" }, { "p521", "pkcs8-encrypted" }, { "p521", "sec1" },
        { "dsa2048", "pkcs8" }, { "dsa2048", "pkcs8-encrypted" },
    };

    public static TheoryData<string> CertifiedKeys => new("rsa2048", "p256", "p384", "p521");

    internal static string Path(string file) => RepoTestData.TestVectors("match/" + file);

    internal static AsymmetricAlgorithm LoadKey(string name, string format) =>
        PrivateKeyReader.Load(File.ReadAllText(Path($"{name}.{format}.pem")), format.EndsWith("encrypted", StringComparison.Ordinal) ? Passphrase : null);

    private static CertificationRequest Csr(string name) => CertificationRequest.Load(File.ReadAllBytes(Path(name + ".csr")));

    private static X509Certificate2 Cert(string file) => X509Certificate2.CreateFromPem(File.ReadAllText(Path(file)));

    [Theory, MemberData(nameof(KeyFiles))]
    public void KeyFile_LoadsAsTheRightType_AndMatchesItsRequestOnly(string name, string format)
    {
        using AsymmetricAlgorithm key = LoadKey(name, format);
        Assert.IsType(name.StartsWith("rsa", StringComparison.Ordinal) ? typeof(RSA) : name.StartsWith("dsa", StringComparison.Ordinal) ? typeof(DSA) : typeof(ECDsa),
            key, exactMatch: false);

        MatchResult own = RequestMatcher.MatchKey(Csr(name), key);
        Assert.True(own.IsMatch, own.ToString());
        Assert.Empty(own.Findings);

        // Every other request is a mismatch on the public key, and the message names both keys.
        foreach (string other in new[] { "rsa2048", "p256", "p384", "p521", "dsa2048" }.Where(o => o != name))
        {
            MatchResult result = RequestMatcher.MatchKey(Csr(other), key);
            Assert.False(result.IsMatch);
            MatchFinding finding = Assert.Single(result.Findings);
            Assert.Equal("public key", finding.Item);
            Assert.True(finding.IsMismatch);
            Assert.Contains("SPKI SHA-256", finding.Message, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(CertifiedKeys))]
    public void HonouringCertificate_Matches_WithTheAddedSanAsANote(string name)
    {
        using AsymmetricAlgorithm key = LoadKey(name, "pkcs8");
        using X509Certificate2 cert = Cert(name + ".cert.pem");

        Assert.True(RequestMatcher.MatchKey(cert, key).IsMatch);
        MatchResult result = RequestMatcher.MatchCertificate(Csr(name), cert);
        Assert.True(result.IsMatch, result.ToString());
        MatchFinding note = Assert.Single(result.Findings);
        Assert.False(note.IsMismatch);
        Assert.Equal("subjectAltName", note.Item);
        Assert.Contains("extra.example.com", note.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(CertifiedKeys))]
    public void CertificateThatChangesTheRequest_IsAMismatch_NamingSubjectAndSan(string name)
    {
        using X509Certificate2 cert = Cert(name + ".cert-other.pem");
        MatchResult result = RequestMatcher.MatchCertificate(Csr(name), cert);

        Assert.False(result.IsMatch);
        Assert.Equal(["subject", "subjectAltName"], result.Findings.Where(f => f.IsMismatch).Select(f => f.Item).Order());
        Assert.Contains(result.Findings, f => f.Item == "subject" && f.Message.Contains("O=Other", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Item == "subjectAltName" && f.Message.Contains("192.0.2.1", StringComparison.Ordinal));
    }

    [Fact]
    public void CertificateForAnotherKey_IsAMismatchOnTheKey()
    {
        using X509Certificate2 cert = Cert("p256.cert.pem");
        using AsymmetricAlgorithm other = LoadKey("p384", "pkcs8");
        Assert.False(RequestMatcher.MatchKey(cert, other).IsMatch);
        MatchResult result = RequestMatcher.MatchCertificate(Csr("p384"), cert);
        Assert.Contains(result.Findings, f => f.IsMismatch && f.Item == "public key");
    }

    [Fact]
    public void CompressedAndUncompressedPoints_AreTheSameKey()
    {
        var uncompressed = SubjectPublicKeyInfo.Decode(File.ReadAllBytes(Path("p256.pub.der")));
        var compressed = SubjectPublicKeyInfo.Decode(File.ReadAllBytes(Path("p256.pub-compressed.der")));
        Assert.Equal(33, compressed.EcPoint.Length);

        MatchResult result = RequestMatcher.ComparePublicKeys(uncompressed, compressed);
        Assert.True(result.IsMatch, result.ToString());
        Assert.False(Assert.Single(result.Findings).IsMismatch);

        // Flip the parity bit of the compressed form: the other point with the same x is another key.
        byte[] flipped = compressed.RawData.ToArray();
        flipped[^33] ^= 0x01;
        Assert.False(RequestMatcher.ComparePublicKeys(uncompressed, SubjectPublicKeyInfo.Decode(flipped)).IsMatch);
    }

    [Fact]
    public void RsaAndRsaPssEncodingsOfOneKey_AreTheSameKey()
    {
        using AsymmetricAlgorithm key = LoadKey("rsa2048", "pkcs8");
        var rsa = SubjectPublicKeyInfo.Decode(key.ExportSubjectPublicKeyInfo());

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.113549.1.1.10");
            }

            writer.WriteBitString(rsa.PublicKey.Span);
        }

        var pss = SubjectPublicKeyInfo.Decode(writer.Encode());
        MatchResult result = RequestMatcher.ComparePublicKeys(rsa, pss);
        Assert.True(result.IsMatch);
        Assert.Contains("encoded differently", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncryptedKey_NeedsTheRightPassphrase()
    {
        string pem = File.ReadAllText(Path("p256.pkcs8-encrypted.pem"));
        Assert.Throws<ArgumentException>(() => PrivateKeyReader.Load(pem));
        Assert.Throws<CryptographicException>(() => PrivateKeyReader.Load(pem, "wrong"));
        using AsymmetricAlgorithm key = PrivateKeyReader.Load(pem, Passphrase);
        Assert.IsType<ECDsa>(key, exactMatch: false);
    }

    [Fact]
    public void UnloadableKeys_AreRefusedWithAReason()
    {
        NotSupportedException legacy = Assert.Throws<NotSupportedException>(() => PrivateKeyReader.Load(File.ReadAllText(Path("rsa2048.legacy-encrypted.pem")), Passphrase));
        Assert.Contains("openssl pkcs8 -topk8", legacy.Message, StringComparison.Ordinal);

        NotSupportedException ed = Assert.Throws<NotSupportedException>(() => PrivateKeyReader.Load(File.ReadAllText(Path("ed25519.pkcs8.pem"))));
        Assert.Contains("Ed25519", ed.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => PrivateKeyReader.Load(File.ReadAllText(Path("p256.csr"))));
    }

    [Fact]
    public void Pkcs8Der_LoadsLikeItsPem()
    {
        using AsymmetricAlgorithm pem = LoadKey("p384", "pkcs8");
        byte[] der = pem.ExportPkcs8PrivateKey();
        using AsymmetricAlgorithm fromDer = PrivateKeyReader.LoadPkcs8(der);
        Assert.Equal(pem.ExportSubjectPublicKeyInfo(), fromDer.ExportSubjectPublicKeyInfo());
    }
}
