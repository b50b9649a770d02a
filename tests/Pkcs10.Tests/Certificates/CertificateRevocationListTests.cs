using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Names;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Certificates;

/// <summary>CRL decoding: the openssl fixtures, CrlBuilder round trips, strictness, bounds and serial lookups.</summary>
public class CertificateRevocationListTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_thisUpdate = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    internal static byte[] Fixture(string name) => File.ReadAllBytes(RepoTestData.TestVectors(Path.Combine("crls", name)));

    private static Certificate FixtureCa() => Certificate.Load(Fixture("ca.pem"));

    [Fact]
    public void V1_HasNoVersionField_NoExtensions_AndTwoEntries()
    {
        CertificateRevocationList crl = CertificateRevocationList.Decode(Fixture("v1.der"));
        Assert.Equal(1, crl.Version);
        Assert.Empty(crl.Extensions);
        Assert.Null(crl.CrlNumber);
        Assert.False(crl.IsDelta);
        Assert.Equal(FixtureCa().Subject.RawData.ToArray(), crl.RawIssuer.ToArray());
        Assert.Contains("CN=Pkcs10 CRL Test CA", crl.Issuer.ToString(), StringComparison.Ordinal);
        Assert.Equal(s_thisUpdate, crl.ThisUpdate);
        Assert.Equal(s_thisUpdate.AddDays(30), crl.NextUpdate);
        Assert.Equal(["1000", "1001"], crl.RevokedCertificates.Select(e => e.SerialNumberHex));
        Assert.All(crl.RevokedCertificates, e => Assert.Null(e.Reason));
        Assert.All(crl.RevokedCertificates, e => Assert.Empty(e.Extensions));
        Assert.Equal(SignatureStatus.Valid, crl.CheckSignature(FixtureCa()));
        Assert.True(crl.VerifySignature(FixtureCa()));
    }

    [Fact]
    public void V2_Reasons_InvalidityDates_AndAnUnknownNonCriticalEntryExtension()
    {
        CertificateRevocationList crl = CertificateRevocationList.Decode(Fixture("v2-reasons.der"));
        Assert.Equal(2, crl.Version);
        Assert.Equal([0x0A], crl.CrlNumber!.Value.ToArray());
        Assert.False(crl.IsDelta);
        Assert.Null(crl.BaseCrlNumber);
        Assert.False(crl.HasUnknownCriticalExtension);
        Assert.False(crl.HasUnknownCriticalEntryExtension);
        Assert.Equal(FixtureCa().SubjectKeyIdentifier!.Value.ToArray(), crl.AuthorityKeyIdentifier!.KeyIdentifier!.Value.ToArray());
        Assert.Equal(FixtureCa().Subject.RawData.ToArray(), crl.RawIssuer.ToArray());

        IReadOnlyList<RevokedCertificate> entries = crl.RevokedCertificates;
        Assert.Equal(6, entries.Count);
        Assert.Equal(new CrlReason?[] { null, null, CrlReason.KeyCompromise, CrlReason.Superseded, CrlReason.CertificateHold, CrlReason.CACompromise },
            entries.Select(e => e.Reason));
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero), entries[2].InvalidityDate);
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 0, 0, 0, TimeSpan.Zero), entries[5].InvalidityDate);
        Assert.Null(entries[3].InvalidityDate);

        // holdInstructionCode (2.5.29.23) is kept, not understood, and not critical.
        Assert.Contains(entries[4].Extensions, e => e.Oid == "2.5.29.23" && !e.Critical);
        Assert.False(entries[4].HasUnknownCriticalExtension);
        Assert.All(entries, e => Assert.Null(e.CertificateIssuer));

        Assert.Same(entries[2], crl.FindRevoked([0x10, 0x02]));
        Assert.Null(crl.FindRevoked([0x10, 0x06]));
        Assert.Null(crl.FindRevoked([0x00, 0x10, 0x02])); // content octets compare exactly
        Assert.Equal(SignatureStatus.Valid, crl.CheckSignature(FixtureCa().PublicKey, VerificationEngine.Platform));

        // PEM and DER decode to the same CRL.
        CertificateRevocationList pem = CertificateRevocationList.Load(Fixture("v2-reasons.pem"));
        Assert.Equal(crl.RawData.ToArray(), pem.RawData.ToArray());
        Assert.Equal(crl.RawData.ToArray(), CertificateRevocationList.DecodePem(crl.EncodePem()).RawData.ToArray());
    }

    [Fact]
    public void V2_IssuingDistributionPoint()
    {
        CertificateRevocationList crl = CertificateRevocationList.Decode(Fixture("v2-idp.der"));
        IssuingDistributionPoint idp = crl.IssuingDistributionPoint!;
        Assert.Equal("uri:http://crl.example.com/ca.crl", Assert.Single(idp.DistributionPointFullName!).ToString());
        Assert.Null(idp.NameRelativeToCrlIssuer);
        Assert.True(idp.OnlyContainsUserCerts);
        Assert.False(idp.OnlyContainsCACerts);
        Assert.False(idp.IndirectCrl);
        Assert.False(idp.OnlyContainsAttributeCerts);
        Assert.Equal(CrlReasonFlags.KeyCompromise | CrlReasonFlags.Superseded, idp.OnlySomeReasons);
        Assert.True(crl.GetExtension("2.5.29.28")!.Critical);
        Assert.False(crl.HasUnknownCriticalExtension);
        Assert.Equal(SignatureStatus.Valid, crl.CheckSignature(FixtureCa()));
    }

    [Fact]
    public void Delta_HasBaseCrlNumber()
    {
        CertificateRevocationList crl = CertificateRevocationList.Decode(Fixture("delta.der"));
        Assert.True(crl.IsDelta);
        Assert.Equal([0x05], crl.BaseCrlNumber!.Value.ToArray());
        Assert.Equal([0x0C], crl.CrlNumber!.Value.ToArray());
        Assert.Equal(SignatureStatus.Valid, crl.CheckSignature(FixtureCa()));
    }

    [Fact]
    public void CrlBuilder_RoundTrip()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuer = DistinguishedName.FromX500(new X500DistinguishedName("CN=Round Trip CA, O=Acme"));
        byte[] ski = [1, 2, 3, 4];
        byte[] der = new CrlBuilder()
            .AddRevoked([0x01, 0x23, 0x45], s_now.AddHours(-3), CrlReason.KeyCompromise, s_now.AddDays(-2))
            .AddRevoked([0xFF, 0x01], s_now.AddHours(-2))
            .AddRevoked([0x7A], s_now.AddHours(-1), CrlReason.AACompromise)
            .Build(issuer, Signer.Create(key), [0x01, 0x00], s_now, s_now.AddDays(7), ski);

        CertificateRevocationList crl = CertificateRevocationList.Decode(der);
        Assert.Equal(2, crl.Version);
        Assert.Equal(issuer.RawData.ToArray(), crl.RawIssuer.ToArray());
        Assert.Equal(s_now, crl.ThisUpdate);
        Assert.Equal(s_now.AddDays(7), crl.NextUpdate);
        Assert.Equal([0x01, 0x00], crl.CrlNumber!.Value.ToArray());
        Assert.Equal(ski, crl.AuthorityKeyIdentifier!.KeyIdentifier!.Value.ToArray());
        Assert.Equal(["012345", "00FF01", "7A"], crl.RevokedCertificates.Select(e => e.SerialNumberHex));
        Assert.Equal(new CrlReason?[] { CrlReason.KeyCompromise, null, CrlReason.AACompromise }, crl.RevokedCertificates.Select(e => e.Reason));
        Assert.Equal(s_now.AddDays(-2), crl.RevokedCertificates[0].InvalidityDate);
        Assert.Equal(s_now.AddHours(-2), crl.RevokedCertificates[1].RevocationDate);
        Assert.Equal(3, crl.RevokedCount);
        Assert.Same(der, System.Runtime.InteropServices.MemoryMarshal.TryGetArray(crl.RawData, out ArraySegment<byte> s) ? s.Array : null);
        var spki = Keys.SubjectPublicKeyInfo.Decode(key.ExportSubjectPublicKeyInfo());
        Assert.Equal(SignatureStatus.Valid, crl.CheckSignature(spki));

        // A different key does not verify it.
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal(SignatureStatus.Invalid, crl.CheckSignature(Keys.SubjectPublicKeyInfo.Decode(other.ExportSubjectPublicKeyInfo())));
    }

    [Fact]
    public void FindRevoked_ManyEntries_EveryListedSerialIsFound_AndOthersAreNot()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var builder = new CrlBuilder();
        for (int i = 1; i <= 5000; i++)
        {
            builder.AddRevoked([(byte)(i >> 8), (byte)i, 0x5A], s_now.AddSeconds(-i));
        }

        byte[] der = builder.Build(DistinguishedName.FromX500(new X500DistinguishedName("CN=Big CA")), Signer.Create(key), [7], s_now, s_now.AddDays(1), [9]);
        CertificateRevocationList crl = CertificateRevocationList.Decode(der);
        Assert.Equal(5000, crl.RevokedCount);
        for (int i = 1; i <= 5000; i++)
        {
            byte[] serial = i >> 8 == 0 ? [(byte)i, 0x5A] : [(byte)(i >> 8), (byte)i, 0x5A];
            if ((serial[0] & 0x80) != 0)
            {
                serial = [0, .. serial];
            }

            RevokedCertificate? found = crl.FindRevoked(serial);
            Assert.NotNull(found);
            Assert.Equal(s_now.AddSeconds(-i), found.RevocationDate);
        }

        Assert.Null(crl.FindRevoked([0x5A]));
        Assert.Empty(crl.FindAllRevoked([0x13, 0x89, 0x5B]));
        Assert.Single(crl.FindAllRevoked([0x13, 0x88, 0x5A]));
    }

    [Fact]
    public void Bounds_MaxEntries_AndMaxLength()
    {
        byte[] der = Fixture("v2-reasons.der");
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => CertificateRevocationList.Decode(der, new CrlDecoderOptions { MaxEntries = 5 }));
        Assert.Equal(Pkcs10ErrorCode.MaxElementsExceeded, e.Code);
        Assert.Equal(6, CertificateRevocationList.Decode(der, new CrlDecoderOptions { MaxEntries = 6 }).RevokedCount);
        e = Assert.Throws<Pkcs10Exception>(() => CertificateRevocationList.Decode(der, new CrlDecoderOptions { MaxLength = der.Length - 1 }));
        Assert.Equal(Pkcs10ErrorCode.InputTooLarge, e.Code);
    }

    [Fact]
    public void Load_RejectsAPemWithTheWrongLabel_AndTryLoadReports()
    {
        string certPem = File.ReadAllText(RepoTestData.TestVectors(Path.Combine("crls", "ca.pem")));
        Assert.False(CertificateRevocationList.TryLoad(System.Text.Encoding.ASCII.GetBytes(certPem), out _, out Pkcs10Exception? error));
        Assert.NotNull(error);
        Assert.False(CertificateRevocationList.TryDecode(new byte[] { 0x30, 0x00 }, out CertificateRevocationList? none));
        Assert.Null(none);
    }

    // Hand-built TBSCertLists (the signature is junk: decoding does not verify).
    private static string Tlv(string tag, string contentHex)
    {
        int n = contentHex.Length / 2;
        string length = n < 0x80 ? n.ToString("X2") : n < 0x100 ? "81" + n.ToString("X2") : "82" + n.ToString("X4");
        return tag + length + contentHex;
    }

    private const string Alg = "300A06082A8648CE3D040302";
    private const string Issuer = "300F310D300B06035504030C0454657374";
    private const string ThisUpdate = "170D3236313130313030303030305A";

    private static byte[] Make(string afterTimes, string version = "020101", string outerAlg = Alg) =>
        Convert.FromHexString(Tlv("30", Tlv("30", version + Alg + Issuer + ThisUpdate + afterTimes) + outerAlg + "03020000"));

    public static TheoryData<string, string, Pkcs10ErrorCode> Malformed => new()
    {
        { "version 2 (v3) is not a CRL version", Convert.ToHexString(Make("", "020102")), Pkcs10ErrorCode.UnsupportedVersion },
        { "explicit v1 version", Convert.ToHexString(Make("", "020100")), Pkcs10ErrorCode.UnsupportedVersion },
        { "outer algorithm differs", Convert.ToHexString(Make("", outerAlg: "300A06082A8648CE3D040303")), Pkcs10ErrorCode.SignatureAlgorithmMismatch },
        { "empty revokedCertificates", Convert.ToHexString(Make("3000")), Pkcs10ErrorCode.EmptySequence },
        { "non-minimal serial", Convert.ToHexString(Make(Tlv("30", "3013" + "0202007F" + "170D3236313030313030303030305A"))), Pkcs10ErrorCode.NonMinimalInteger },
        { "reasonCode 7 is unused", Convert.ToHexString(Make(Tlv("30", Tlv("30", "02021000" + "170D3236313030313030303030305A" + Tlv("30", Tlv("30", "0603551D15" + "0403" + "0A0107")))))), Pkcs10ErrorCode.InvalidExtension },
        { "reasonCode as INTEGER", Convert.ToHexString(Make(Tlv("30", Tlv("30", "02021000" + "170D3236313030313030303030305A" + Tlv("30", Tlv("30", "0603551D15" + "0403" + "020101")))))), Pkcs10ErrorCode.UnexpectedTag },
        { "invalidityDate as UTCTime", Convert.ToHexString(Make(Tlv("30", Tlv("30", "02021000" + "170D3236313030313030303030305A" + Tlv("30", Tlv("30", "0603551D18" + "040F" + "170D3236313030313030303030305A")))))), Pkcs10ErrorCode.UnexpectedTag },
        { "extensions in a v1 CRL", Convert.ToHexString(Make("A00E300C300A0603551D1404030201" + "01", "")), Pkcs10ErrorCode.FieldNotAllowedForVersion },
        { "negative cRLNumber", Convert.ToHexString(Make("A00E300C300A0603551D14040302" + "01FF")), Pkcs10ErrorCode.IntegerOutOfRange },
        { "IDP onlyContainsUserCerts FALSE encoded", Convert.ToHexString(Make(Tlv("A0", Tlv("30", Tlv("30", "0603551D1C" + "0101FF" + Tlv("04", Tlv("30", "810100"))))))), Pkcs10ErrorCode.DefaultValueEncoded },
        { "IDP empty", Convert.ToHexString(Make(Tlv("A0", Tlv("30", Tlv("30", "0603551D1C" + "0101FF" + Tlv("04", "3000")))))), Pkcs10ErrorCode.EmptySequence },
        { "IDP user and CA only", Convert.ToHexString(Make(Tlv("A0", Tlv("30", Tlv("30", "0603551D1C" + "0101FF" + Tlv("04", Tlv("30", "8101FF8201FF"))))))), Pkcs10ErrorCode.InvalidExtension },
        { "deltaCRLIndicator not critical", Convert.ToHexString(Make(Tlv("A0", Tlv("30", Tlv("30", "0603551D1B" + Tlv("04", "020105")))))), Pkcs10ErrorCode.InvalidExtension },
        { "duplicate extension", Convert.ToHexString(Make(Tlv("A0", Tlv("30", Tlv("30", "0603551D14" + Tlv("04", "020105")) + Tlv("30", "0603551D14" + Tlv("04", "020106")))))), Pkcs10ErrorCode.DuplicateExtension },
        { "trailing data after the CRL", Convert.ToHexString(Make("")) + "00", Pkcs10ErrorCode.TrailingData },
    };

    [Theory, MemberData(nameof(Malformed))]
    public void Malformed_IsRejected_WithTheCode(string why, string hex, Pkcs10ErrorCode code)
    {
        byte[] der = Convert.FromHexString(hex);
        Assert.False(CertificateRevocationList.TryDecode(der, out _, out Pkcs10Exception? error), why);
        Assert.Equal(code, error.Code);
        Assert.InRange(error.Offset ?? 0, 0, der.Length);
    }

    [Fact]
    public void WellFormedHandBuilt_MinimalV2_AndLenientAcceptsExplicitV1WithAFinding()
    {
        CertificateRevocationList crl = CertificateRevocationList.Decode(Make(""));
        Assert.Equal(2, crl.Version);
        Assert.Null(crl.NextUpdate);
        Assert.Empty(crl.RevokedCertificates);
        Assert.Null(crl.FindRevoked([0x10, 0x00]));

        CertificateRevocationList lenient = CertificateRevocationList.Decode(Make("", "020100"), CrlDecoderOptions.Lenient);
        Assert.Equal(1, lenient.Version);
        Assert.Equal(Pkcs10ErrorCode.UnsupportedVersion, Assert.Single(lenient.Findings).Code);
    }

    [Fact]
    public void UnknownCriticalExtensions_AreKept_AndFlagged()
    {
        // A critical CRL extension 1.2.3.4 and, in the entry, a critical 1.2.3.5.
        string entry = Tlv("30", "02021000" + "170D3236313030313030303030305A" + Tlv("30", Tlv("30", "06032A0305" + "0101FF" + Tlv("04", "0500"))));
        string extensions = Tlv("A0", Tlv("30", Tlv("30", "06032A0304" + "0101FF" + Tlv("04", "0500"))));
        CertificateRevocationList crl = CertificateRevocationList.Decode(Make(Tlv("30", entry) + extensions));
        Assert.True(crl.HasUnknownCriticalExtension);
        Assert.True(crl.HasUnknownCriticalEntryExtension);
        Assert.Equal("1.2.3.4", Assert.Single(crl.Extensions).Oid);
        RevokedCertificate revoked = Assert.Single(crl.RevokedCertificates);
        Assert.True(revoked.HasUnknownCriticalExtension);
        Assert.Equal("1.2.3.5", Assert.Single(revoked.Extensions).Oid);
    }

    [Fact]
    public void IndirectCrl_CertificateIssuer_CarriesForward()
    {
        // certificateIssuer [4] directoryName CN=Other on the second entry; the third inherits it; the first has none.
        string otherName = Tlv("A4", "3010310E300C06035504030C054F74686572");
        string certIssuerExt = Tlv("30", "0603551D1D" + "0101FF" + Tlv("04", Tlv("30", otherName)));
        string e1 = Tlv("30", "02020101" + "170D3236313030313030303030305A");
        string e2 = Tlv("30", "02020101" + "170D3236313030313030303030305A" + Tlv("30", certIssuerExt));
        string e3 = Tlv("30", "02020102" + "170D3236313030313030303030305A");
        CertificateRevocationList crl = CertificateRevocationList.Decode(Make(Tlv("30", e1 + e2 + e3)));
        Assert.False(crl.HasUnknownCriticalEntryExtension);
        IReadOnlyList<RevokedCertificate> entries = crl.RevokedCertificates;
        Assert.Null(entries[0].CertificateIssuer);
        Assert.True(entries[1].HasCertificateIssuerExtension);
        Assert.Equal("CN=Other", entries[1].CertificateIssuer![0].DirectoryName!.ToString());
        Assert.False(entries[2].HasCertificateIssuerExtension);
        Assert.Same(entries[1].CertificateIssuer, entries[2].CertificateIssuer);

        // The same serial under two issuers: both found, in order.
        Assert.Equal([entries[0], entries[1]], crl.FindAllRevoked([0x01, 0x01]));
        Assert.Same(entries[0], crl.FindRevoked([0x01, 0x01]));
    }
}
