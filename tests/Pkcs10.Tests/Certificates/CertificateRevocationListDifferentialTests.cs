using Pkcs10.Certificates;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Certificates;

/// <summary>
/// Every NIST PKITS CRL and every openssl fixture decodes strictly, reads the same as System.Formats.Asn1 reads it,
/// and (PKITS) verifies under a certificate whose subject is the CRL issuer, except the few made not to.
/// </summary>
public class CertificateRevocationListDifferentialTests
{
    private static string[] PkitsCrlFiles() =>
        [.. Directory.GetFiles(SharedTestData.Require(Path.Combine("nist-pkits", "crls")), "*.crl").OrderBy(f => f, StringComparer.Ordinal)];

    [Fact]
    public void AllPkitsCrls_DecodeStrictly_AndMatchTheOracle()
    {
        string[] files = PkitsCrlFiles();
        Assert.Equal(173, files.Length);
        foreach (string file in files)
        {
            byte[] der = File.ReadAllBytes(file);
            Assert.True(CertificateRevocationList.TryDecode(der, out CertificateRevocationList? crl, out Pkcs10Exception? error), $"{Path.GetFileName(file)}: {error?.Message}");
            AssertMatchesOracle(crl, der, Path.GetFileName(file));
        }
    }

    [Theory]
    [InlineData("v1.der")]
    [InlineData("v2-reasons.der")]
    [InlineData("v2-idp.der")]
    [InlineData("delta.der")]
    public void OpensslFixtures_MatchTheOracle(string name)
    {
        byte[] der = CertificateRevocationListTests.Fixture(name);
        AssertMatchesOracle(CertificateRevocationList.Decode(der), der, name);
    }

    [Fact]
    public void AllPkitsCrls_VerifyUnderACertificateWithTheIssuerName_ExceptTheKnownOnes()
    {
        Certificate[] certs = [.. Directory.GetFiles(SharedTestData.Require(Path.Combine("nist-pkits", "certs")), "*.crt")
            .Select(f => Certificate.Decode(File.ReadAllBytes(f), CertificateDecoderOptions.Lenient))];
        var failures = new List<string>();
        foreach (string file in PkitsCrlFiles())
        {
            CertificateRevocationList crl = CertificateRevocationList.Decode(File.ReadAllBytes(file));
            bool valid = certs.Where(c => Pkcs10.Chains.NameComparer.Equal(c.Subject, crl.Issuer))
                .Any(c => crl.CheckSignature(c) == SignatureStatus.Valid);
            if (!valid)
            {
                failures.Add(Path.GetFileName(file));
            }
        }

        // On purpose: BadCRLIssuerNameCACRL.crl names an issuer no certificate has (PKITS 4.4.2); BadCRLSignatureCACRL.crl
        // and TwoCRLsCABadCRL.crl have bad signatures (PKITS 4.4.3, 4.4.19). DSAParametersInheritedCACRL.crl is signed by
        // a DSA key whose parameters are inherited from its issuer (PKITS 4.1.5), which a lone key cannot verify.
        // Names are compared under RFC 5280 §7.1 (RolloverfromPrintableStringtoUTF8StringCACRL.crl differs in bytes).
        Assert.Equal(["BadCRLIssuerNameCACRL.crl", "BadCRLSignatureCACRL.crl", "DSAParametersInheritedCACRL.crl", "TwoCRLsCABadCRL.crl"], failures);
    }

    [Fact]
    public void PkitsDeltaAndIndirectCrls_ExposeTheirExtensions()
    {
        string dir = SharedTestData.Require(Path.Combine("nist-pkits", "crls"));
        CertificateRevocationList delta = CertificateRevocationList.Decode(File.ReadAllBytes(Path.Combine(dir, "deltaCRLCA1deltaCRL.crl")));
        Assert.True(delta.IsDelta);
        Assert.NotNull(delta.BaseCrlNumber);
        CertificateRevocationList indirect = CertificateRevocationList.Decode(File.ReadAllBytes(Path.Combine(dir, "indirectCRLCA1CRL.crl")));
        Assert.True(indirect.IssuingDistributionPoint!.IndirectCrl);
        Assert.False(indirect.HasUnknownCriticalExtension);
    }

    private static void AssertMatchesOracle(CertificateRevocationList crl, byte[] der, string name)
    {
        CrlOracle oracle = CrlOracle.Read(der);
        Assert.True(oracle.Version == crl.Version, name);
        Assert.True(oracle.Issuer.AsSpan().SequenceEqual(crl.RawIssuer.Span), name);
        Assert.True(oracle.ThisUpdate == crl.ThisUpdate, name);
        Assert.True(oracle.NextUpdate == crl.NextUpdate, name);
        Assert.True(oracle.Signature.AsSpan().SequenceEqual(crl.Signature.Span), name);
        Assert.Equal(oracle.ExtensionOids, crl.Extensions.Select(e => e.Oid));
        Assert.Equal(oracle.CrlNumber is null, crl.CrlNumber is null);
        if (oracle.CrlNumber is not null)
        {
            Assert.Equal(oracle.CrlNumber, crl.CrlNumber!.Value.ToArray());
        }

        Assert.Equal(oracle.Entries.Count, crl.RevokedCertificates.Count);
        for (int i = 0; i < oracle.Entries.Count; i++)
        {
            RevokedCertificate entry = crl.RevokedCertificates[i];
            Assert.Equal(oracle.Entries[i].Serial, entry.SerialNumber.ToArray());
            Assert.Equal(oracle.Entries[i].Date, entry.RevocationDate);
            Assert.Equal(oracle.Entries[i].ExtensionOids, entry.Extensions.Select(e => e.Oid));
            Assert.Same(entry, crl.FindAllRevoked(entry.SerialNumber.Span).First(e => e.Offset == entry.Offset) is var f && f == entry ? entry : null);
        }
    }
}
