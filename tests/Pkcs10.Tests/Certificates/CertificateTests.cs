using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Certificates;

/// <summary>Decoding, signatures, interop and byte-level negative cases for <see cref="Certificate"/>.</summary>
public sealed class CertificateTests
{
    // ---- well-formed certificates ----

    [Fact]
    public void Builder_Default_DecodesStrictly_AndVerifies()
    {
        byte[] der = new TestCertificateBuilder().Build();
        Certificate cert = Certificate.Decode(der);
        Assert.Equal(3, cert.Version);
        Assert.Equal([0x01, 0x23], cert.SerialNumber.ToArray());
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), cert.NotBefore);
        Assert.Equal(new DateTimeOffset(2055, 1, 1, 0, 0, 0, TimeSpan.Zero), cert.NotAfter);
        Assert.True(cert.IsSelfIssued);
        Assert.Equal(new BasicConstraints(true, null), cert.BasicConstraints);
        Assert.Empty(cert.Findings);
        Assert.Equal(SignatureStatus.Valid, cert.CheckSignature(cert));
        Assert.True(cert.VerifySignature(cert));
    }

    public static TheoryData<string> BclKeys => new() { "RSA-2048", "RSA-PSS-2048", "P-256", "P-384", "P-521" };

    [Theory, MemberData(nameof(BclKeys))]
    public void BclSelfSigned_Decodes_Verifies_AndTamperingIsDetected(string key)
    {
        using AsymmetricAlgorithm alg = key.StartsWith("RSA", StringComparison.Ordinal) ? RSA.Create(2048) : ECDsa.Create(key switch
        {
            "P-256" => ECCurve.NamedCurves.nistP256,
            "P-384" => ECCurve.NamedCurves.nistP384,
            _ => ECCurve.NamedCurves.nistP521,
        });
        HashAlgorithmName hash = key == "P-521" ? HashAlgorithmName.SHA512 : key == "P-384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
        CertificateRequest request = alg is RSA rsa
            ? new CertificateRequest("CN=bcl " + key + ", O=Pkcs10", rsa, hash, key == "RSA-PSS-2048" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=bcl " + key + ", O=Pkcs10", (ECDsa)alg, hash);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var sans = new SubjectAlternativeNameBuilder();
        sans.AddDnsName("bcl.example");
        request.CertificateExtensions.Add(sans.Build());
        using X509Certificate2 bcl = request.CreateSelfSigned(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2051, 5, 1, 0, 0, 0, TimeSpan.Zero));

        Certificate cert = Certificate.FromX509Certificate2(bcl);
        Assert.Equal(3, cert.Version);
        Assert.Equal(bcl.SerialNumberBytes.ToArray(), cert.SerialNumber.ToArray());
        Assert.Equal(new DateTimeOffset(2051, 5, 1, 0, 0, 0, TimeSpan.Zero), cert.NotAfter);
        Assert.Equal(new BasicConstraints(true, 1), cert.BasicConstraints);
        Assert.Equal(KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign, cert.KeyUsage);
        Assert.Equal("dns:bcl.example", Assert.Single(cert.SubjectAlternativeNames!).ToString());
        Assert.Equal(SignatureStatus.Valid, cert.CheckSignature(cert));
        Assert.Equal(SignatureStatus.Valid, cert.CheckSignature(cert.PublicKey));
        using (X509Certificate2 back = cert.ToX509Certificate2())
        {
            Assert.Equal(bcl.RawData, back.RawData);
        }

        // A flipped bit in the TBS (the serial's last octet: still well-formed) or in the signature is caught.
        byte[] tampered = cert.RawData.ToArray();
        int at = OffsetOfSerialEnd(tampered);
        tampered[at] ^= 0x01;
        Assert.Equal(SignatureStatus.Invalid, Certificate.Decode(tampered).CheckSignature(cert));

        byte[] badSignature = cert.RawData.ToArray();
        badSignature[^1] ^= 0x01;
        Assert.NotEqual(SignatureStatus.Valid, Certificate.Decode(badSignature).CheckSignature(cert));
    }

    private static int OffsetOfSerialEnd(byte[] der)
    {
        Certificate c = Certificate.Decode(der);
        return TestCertificateBuilder.OffsetIn(der, c.SerialNumber) + c.SerialNumber.Length - 1;
    }

    public static TheoryData<string> OpensslFixtures => new() { "openssl-rsa2048.der", "openssl-p256.der", "openssl-p384.der", "openssl-ed25519.der", "openssl-policies.der" };

    [Theory, MemberData(nameof(OpensslFixtures))]
    public void OpensslFixture_DecodesStrictly_AndVerifies(string file)
    {
        byte[] der = File.ReadAllBytes(RepoTestData.TestVectors(Path.Combine("certificates", file)));
        Certificate cert = Certificate.Decode(der);
        Assert.Empty(cert.Findings);
        Assert.Equal(SignatureStatus.Valid, cert.CheckSignature(cert));
        Assert.True(cert.IsSelfIssued);
        Assert.Equal(cert.SubjectKeyIdentifier!.Value.ToArray(), cert.AuthorityKeyIdentifier!.KeyIdentifier!.Value.ToArray());

        byte[] flipped = (byte[])der.Clone();
        flipped[OffsetOfSerialEnd(der)] ^= 0x01;
        Assert.Equal(SignatureStatus.Invalid, Certificate.Decode(flipped).CheckSignature(cert));

        if (file == "openssl-policies.der")
        {
            Assert.Equal(21, cert.SerialNumber.Length); // 20 octets of magnitude with the top bit set, plus the sign octet
            Assert.Equal(new BasicConstraints(true, 2), cert.BasicConstraints);
            AuthorityKeyIdentifier aki = cert.AuthorityKeyIdentifier!;
            Assert.Equal("directoryName:CN=openssl-policies", Assert.Single(aki.AuthorityCertIssuer!).ToString());
            Assert.Equal(cert.SerialNumber.ToArray(), aki.AuthorityCertSerialNumber!.Value.ToArray());
            IReadOnlyList<PolicyInformation> policies = cert.CertificatePolicies!;
            Assert.Equal(["1.3.6.1.4.1.99999.1", "2.5.29.32.0"], policies.Select(p => p.PolicyIdentifier));
            Assert.True(cert.GetExtension("2.5.29.32")!.Critical);
            Assert.Equal("http://cps.example/cps", policies[0].Qualifiers[0].CpsUri);
            Assert.Equal("Pkcs10 Tests", policies[0].Qualifiers[1].NoticeOrganization);
            Assert.Equal("Pkcs10 test notice", policies[0].Qualifiers[1].ExplicitText);
            Assert.Empty(policies[1].Qualifiers);
            Assert.Equal([new PolicyMapping("1.3.6.1.4.1.99999.1", "1.3.6.1.4.1.99999.2"), new PolicyMapping("1.3.6.1.4.1.99999.3", "1.3.6.1.4.1.99999.4")], cert.PolicyMappings!);
            DistributionPoint dp = Assert.Single(cert.CrlDistributionPoints!);
            Assert.Equal("uri:http://crl.example/policies.crl", Assert.Single(dp.FullName!).ToString());
            Assert.Equal(CrlReasonFlags.KeyCompromise | CrlReasonFlags.CACompromise, dp.Reasons);
            Assert.Equal("directoryName:CN=Pkcs10 CRL Issuer", Assert.Single(dp.CrlIssuer!).ToString());
        }
        else
        {
            Assert.True(cert.NotAfter.Year >= 2050); // GeneralizedTime, as RFC 5280 requires from 2050
            Assert.Equal(["serverAuth", "clientAuth"], cert.ExtendedKeyUsage!.Select(o => o == "1.3.6.1.5.5.7.3.1" ? "serverAuth" : o == "1.3.6.1.5.5.7.3.2" ? "clientAuth" : o));
            Assert.Equal(KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign, cert.KeyUsage);
            Assert.Equal(3, cert.SubjectAlternativeNames!.Count);
            Assert.Equal("ip:192.0.2.1", cert.SubjectAlternativeNames[1].ToString());
            NameConstraints nc = cert.NameConstraints!;
            Assert.Equal("dns:example", Assert.Single(nc.PermittedSubtrees!).Base.ToString());
            GeneralSubtree excluded = Assert.Single(nc.ExcludedSubtrees!);
            Assert.Equal("ip:#0a000000ff000000", excluded.Base.ToString());
            Assert.Equal(0, excluded.Minimum);
            Assert.Null(excluded.Maximum);
            Assert.Equal(new PolicyConstraints(0, null), cert.PolicyConstraints);
            Assert.Equal(1, cert.InhibitAnyPolicy);
            Assert.Equal(["1.3.6.1.5.5.7.48.1 uri:http://ocsp.example/", $"1.3.6.1.5.5.7.48.2 uri:http://ca.example/{Path.GetFileNameWithoutExtension(file)}.cer"],
                cert.AuthorityInformationAccess!.Select(a => a.AccessMethod + " " + a.AccessLocation));
            Assert.Equal(["2.23.140.1.2.1", "1.3.6.1.4.1.99999.1"], cert.CertificatePolicies!.Select(p => p.PolicyIdentifier));
        }
    }

    [Fact]
    public void Decode_KeepsTheCallersArray_SpanOverloadCopies_AndPemRoundTrips()
    {
        byte[] der = new TestCertificateBuilder().Build();
        Certificate fromArray = Certificate.Decode(der);
        Assert.Equal(0, TestCertificateBuilder.OffsetIn(der, fromArray.RawData));
        Assert.Equal(4, TestCertificateBuilder.OffsetIn(der, fromArray.RawTbs));

        Certificate fromSpan = Certificate.Decode((ReadOnlySpan<byte>)der);
        Assert.False(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(fromSpan.RawData, out ArraySegment<byte> s) && ReferenceEquals(s.Array, der));
        Assert.Equal(der, fromSpan.RawData.ToArray());

        string pem = fromArray.EncodePem();
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", pem, StringComparison.Ordinal);
        Assert.Equal(der, Certificate.DecodePem(pem).RawData.ToArray());
        Assert.Equal(der, Certificate.Load(System.Text.Encoding.UTF8.GetBytes("text before\n" + pem)).RawData.ToArray());
        Assert.Equal(der, Certificate.Load(der).RawData.ToArray());
        Assert.False(Certificate.TryLoad("-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n"u8.ToArray(), out _, out Pkcs10Exception? error));
        Assert.Equal(Pkcs10ErrorCode.PemWrongLabel, error.Code);
    }

    // ---- byte-level negative cases: each with its code and offset ----

    private static int TbsFieldOffset(byte[] der, int index)
    {
        AsnReader tbs = new AsnReader(der, AsnEncodingRules.BER).ReadSequence().ReadSequence();
        for (int i = 0; i < index; i++)
        {
            tbs.ReadEncodedValue();
        }

        return TestCertificateBuilder.OffsetIn(der, tbs.PeekEncodedValue());
    }

    private static (Pkcs10Exception Strict, Certificate? Lenient) Reject(TestCertificateBuilder builder, out byte[] der)
    {
        der = builder.Build();
        Assert.False(Certificate.TryDecode(der, out _, out Pkcs10Exception? strict));
        Certificate.TryDecode(der, out Certificate? lenient, out _, CertificateDecoderOptions.Lenient);
        return (strict, lenient);
    }

    [Fact]
    public void MismatchedInnerAndOuterAlgorithm_Throws_EvenLeniently()
    {
        var b = new TestCertificateBuilder { OuterAlgorithm = TestCertificateBuilder.EcdsaSha384 };
        (Pkcs10Exception e, Certificate? lenient) = Reject(b, out byte[] der);
        Assert.Equal(Pkcs10ErrorCode.SignatureAlgorithmMismatch, e.Code);
        AsnReader outer = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        outer.ReadEncodedValue();
        Assert.Equal(TestCertificateBuilder.OffsetIn(der, outer.PeekEncodedValue()), e.Offset);
        Assert.Null(lenient);
    }

    [Fact]
    public void ExplicitV1Version_IsADefaultValueEncoded_StrictError_AndALenientFinding()
    {
        var b = new TestCertificateBuilder { VersionField = Convert.FromHexString("A003020100"), Extensions = null };
        (Pkcs10Exception e, Certificate? lenient) = Reject(b, out byte[] der);
        Assert.Equal(Pkcs10ErrorCode.DefaultValueEncoded, e.Code);
        Assert.Equal(TbsFieldOffset(der, 0), e.Offset);
        Assert.Equal(1, lenient!.Version);
        Assert.Equal(Pkcs10ErrorCode.DefaultValueEncoded, Assert.Single(lenient.Findings).Code);
    }

    [Theory]
    [InlineData("version 3 (v4)", "A003020103")]
    [InlineData("version -1", "A0030201FF")]
    public void UnknownVersion_Throws(string why, string hex)
    {
        _ = why;
        (Pkcs10Exception e, Certificate? lenient) = Reject(new TestCertificateBuilder { VersionField = Convert.FromHexString(hex) }, out byte[] der);
        Assert.Equal(Pkcs10ErrorCode.UnsupportedVersion, e.Code);
        Assert.Equal(TbsFieldOffset(der, 0) + 4, e.Offset);
        Assert.Null(lenient);
    }

    [Fact]
    public void DuplicateExtensions_Throw_EvenLeniently()
    {
        byte[] san = TestCertificateBuilder.Extension("2.5.29.17", null, Convert.FromHexString("300D820B6578616D706C652E636F6D"));
        byte[] bc = TestCertificateBuilder.Extension("2.5.29.19", true, Convert.FromHexString("30030101FF"));
        var b = new TestCertificateBuilder { Extensions = [san, bc, san] };
        (Pkcs10Exception e, Certificate? lenient) = Reject(b, out byte[] der);
        Assert.Equal(Pkcs10ErrorCode.DuplicateExtension, e.Code);
        int extensionsContent = TbsFieldOffset(der, 7) + 4; // [3] header, SEQUENCE header (both short form)
        Assert.Equal(extensionsContent + san.Length + bc.Length, e.Offset); // the second subjectAltName
        Assert.Null(lenient);
    }

    [Fact]
    public void CriticalFalseExplicit_IsAStrictError_AndALenientFinding()
    {
        var b = new TestCertificateBuilder { Extensions = [TestCertificateBuilder.Extension("2.5.29.19", false, Convert.FromHexString("3000"))] };
        (Pkcs10Exception e, Certificate? lenient) = Reject(b, out byte[] der);
        Assert.Equal(Pkcs10ErrorCode.DefaultValueEncoded, e.Code);
        Assert.Equal(TbsFieldOffset(der, 7) + 4 + 2 + 5, e.Offset); // [3], SEQUENCE, Extension header, OID 2.5.29.19
        Assert.False(lenient!.Extensions[0].Critical);
    }

    [Fact]
    public void UtcTimeYear50_MeansYear1950_SoUtcTimeCanNeverEncode2050()
    {
        // RFC 5280 §4.1.2.5.1: YY >= 50 is 19YY. A "2050" written as UTCTime therefore decodes as 1950, a date
        // far before notBefore; the error is semantic (path validation), not a decoding one.
        var b = new TestCertificateBuilder { NotAfter = TestCertificateBuilder.Time("500101000000Z", UniversalTagNumber.UtcTime) };
        Certificate cert = Certificate.Decode(b.Build());
        Assert.Equal(1950, cert.NotAfter.Year);
    }

    [Theory]
    [InlineData("GeneralizedTime before 2050", "20491231235959Z", Pkcs10ErrorCode.InvalidTime, true)]
    [InlineData("GeneralizedTime with a fraction", "20550101000000.5Z", Pkcs10ErrorCode.InvalidTime, true)]
    [InlineData("GeneralizedTime without seconds", "205501010000Z", Pkcs10ErrorCode.InvalidTime, false)]
    [InlineData("GeneralizedTime with an offset", "20550101000000+0100", Pkcs10ErrorCode.InvalidTime, false)]
    [InlineData("GeneralizedTime without Z", "20550101000000", Pkcs10ErrorCode.InvalidTime, false)]
    public void BadNotAfterGeneralizedTime_Throws(string why, string text, Pkcs10ErrorCode code, bool lenientAccepts)
    {
        _ = why;
        (Pkcs10Exception e, Certificate? lenient) = Reject(new TestCertificateBuilder { NotAfter = TestCertificateBuilder.Time(text, UniversalTagNumber.GeneralizedTime) }, out byte[] der);
        Assert.Equal(code, e.Code);
        int validity = TbsFieldOffset(der, 4);
        int notAfter = validity + 2 + 15;
        Assert.InRange(e.Offset!.Value, notAfter, notAfter + 2 + text.Length);
        Assert.Equal(lenientAccepts, lenient is not null);
    }

    [Theory]
    [InlineData("UTCTime without seconds", "2501010000Z")]
    [InlineData("UTCTime with an offset", "250101000000+0000")]
    [InlineData("UTCTime without Z", "250101000000")]
    [InlineData("UTCTime month 13", "251301000000Z")]
    public void BadNotBeforeUtcTime_Throws(string why, string text)
    {
        _ = why;
        (Pkcs10Exception e, Certificate? lenient) = Reject(new TestCertificateBuilder { NotBefore = TestCertificateBuilder.Time(text, UniversalTagNumber.UtcTime) }, out byte[] der);
        Assert.Equal(Pkcs10ErrorCode.InvalidTime, e.Code);
        Assert.InRange(e.Offset!.Value, TbsFieldOffset(der, 4) + 2, TbsFieldOffset(der, 4) + 4 + text.Length);
        Assert.Null(lenient);
    }

    [Theory]
    [InlineData("v1 with extensions", null, Pkcs10ErrorCode.FieldNotAllowedForVersion)]
    [InlineData("v2 with extensions", "A003020101", Pkcs10ErrorCode.FieldNotAllowedForVersion)]
    public void ExtensionsBeforeV3_AreAStrictError_AndALenientFinding(string why, string? version, Pkcs10ErrorCode code)
    {
        _ = why;
        var b = new TestCertificateBuilder { VersionField = version is null ? null : Convert.FromHexString(version) };
        (Pkcs10Exception e, Certificate? lenient) = Reject(b, out byte[] der);
        Assert.Equal(code, e.Code);
        Assert.Equal(TbsFieldOffset(der, version is null ? 6 : 7), e.Offset);
        Assert.Equal(code, Assert.Single(lenient!.Findings).Code);
        Assert.Single(lenient.Extensions);
    }

    [Fact]
    public void UniqueIdsInV1_AreAStrictError_InV2Accepted()
    {
        var v1 = new TestCertificateBuilder { VersionField = null, Extensions = null, IssuerUniqueId = [0xAB] };
        (Pkcs10Exception e, _) = Reject(v1, out byte[] der);
        Assert.Equal(Pkcs10ErrorCode.FieldNotAllowedForVersion, e.Code);
        Assert.Equal(TbsFieldOffset(der, 6), e.Offset);

        var v2 = new TestCertificateBuilder { VersionField = Convert.FromHexString("A003020101"), Extensions = null, IssuerUniqueId = [0xAB], SubjectUniqueId = [0xCD, 0xEF] };
        Certificate cert = Certificate.Decode(v2.Build());
        Assert.Equal(2, cert.Version);
        Assert.Equal([0xAB], cert.IssuerUniqueId!.Value.ToArray());
        Assert.Equal([0xCD, 0xEF], cert.SubjectUniqueId!.Value.ToArray());
        Assert.Equal(SignatureStatus.Valid, cert.CheckSignature(cert));

        // Absent unique identifiers are null, not empty (a `? null : memory` conditional would make them empty).
        Certificate none = Certificate.Decode(new TestCertificateBuilder { VersionField = Convert.FromHexString("A003020101"), Extensions = null }.Build());
        Assert.Null(none.IssuerUniqueId);
        Assert.Null(none.SubjectUniqueId);
    }

    [Theory]
    [InlineData("zero", "00", true)]
    [InlineData("negative", "FF7F", true)]
    [InlineData("21 octets of magnitude", "010203040506070809101112131415161718192021", true)]
    [InlineData("non-minimal", "0001", false)]
    [InlineData("empty", "", false)]
    public void BadSerial_Throws(string why, string hex, bool lenientAccepts)
    {
        _ = why;
        (Pkcs10Exception e, Certificate? lenient) = Reject(new TestCertificateBuilder { Serial = Convert.FromHexString(hex) }, out byte[] der);
        Assert.Equal(lenientAccepts ? Pkcs10ErrorCode.InvalidSerialNumber : hex.Length == 0 ? Pkcs10ErrorCode.EmptyInteger : Pkcs10ErrorCode.NonMinimalInteger, e.Code);
        Assert.InRange(e.Offset!.Value, TbsFieldOffset(der, 1), TbsFieldOffset(der, 1) + 2);
        Assert.Equal(lenientAccepts, lenient is not null);
        if (lenient is not null)
        {
            Assert.Equal(Convert.FromHexString(hex), lenient.SerialNumber.ToArray());
        }
    }

    [Fact]
    public void TwentyOctetSerialWithSignOctet_IsAccepted()
    {
        byte[] serial = [0x00, 0x80, .. new byte[19]];
        Certificate cert = Certificate.Decode(new TestCertificateBuilder { Serial = serial }.Build());
        Assert.Equal(serial, cert.SerialNumber.ToArray());
    }

    [Fact]
    public void EmptyIssuer_IsAStrictError_AndALenientFinding()
    {
        (Pkcs10Exception e, Certificate? lenient) = Reject(new TestCertificateBuilder { Issuer = "" }, out byte[] der);
        Assert.Equal(Pkcs10ErrorCode.InvalidName, e.Code);
        Assert.Equal(TbsFieldOffset(der, 3), e.Offset);
        Assert.False(lenient!.IsSelfIssued);
    }

    [Fact]
    public void TrailingData_Throws_AtTheEndOfTheCertificate()
    {
        (Pkcs10Exception e, Certificate? lenient) = Reject(new TestCertificateBuilder { Trailing = [0x00] }, out byte[] der);
        Assert.Equal(Pkcs10ErrorCode.TrailingData, e.Code);
        Assert.Equal(der.Length - 1, e.Offset);
        Assert.Null(lenient);
    }

    [Theory]
    [InlineData("AKI keyIdentifier only", "2.5.29.35", "30068004010203FF", true)]
    [InlineData("name constraints minimum 0 explicit", "2.5.29.30", "300FA00D300B82076578616D706C658000", false)]
    [InlineData("name constraints with maximum", "2.5.29.30", "300FA00D300B82076578616D706C658101", false)]
    [InlineData("empty name constraints", "2.5.29.30", "3000", false)]
    [InlineData("AIA with a location that is not a GeneralName", "1.3.6.1.5.5.7.1.1", "300C300A06082B060105050730010500", false)]
    [InlineData("policy qualifiers empty", "2.5.29.32", "3009300706032A03043000", false)]
    [InlineData("policy twice", "2.5.29.32", "300A300406022A03300406022A03", false)]
    [InlineData("policyConstraints empty", "2.5.29.36", "3000", false)]
    [InlineData("policyConstraints requireExplicitPolicy 2", "2.5.29.36", "3003800102", true)]
    [InlineData("inhibitAnyPolicy -1", "2.5.29.54", "0201FF", false)]
    [InlineData("policy mapping with one OID", "2.5.29.33", "3006300406022A03", false)]
    [InlineData("CRL DP with neither name nor issuer", "2.5.29.31", "300430020000", false)]
    [InlineData("CRL DP reasons only", "2.5.29.31", "3006300481020780", false)]
    public void ExtensionValue_IsCheckedWhileDecoding(string why, string oid, string valueHex, bool valid)
    {
        _ = why;
        var b = new TestCertificateBuilder { Extensions = [TestCertificateBuilder.Extension(oid, null, Convert.FromHexString(valueHex))] };
        byte[] der = b.Build();
        bool ok = Certificate.TryDecode(der, out Certificate? cert, out Pkcs10Exception? e);
        Assert.True(valid == ok, e?.Message);
        if (!ok)
        {
            // The offset points inside the extension value.
            int value = TbsFieldOffset(der, 7) + 4 + 2 + 2 + ObjectIdentifierLength(oid) + 2;
            Assert.InRange(e!.Offset!.Value, value, value + valueHex.Length / 2);
        }
        else
        {
            _ = (cert!.AuthorityKeyIdentifier, cert.PolicyConstraints);
        }
    }

    private static int ObjectIdentifierLength(string oid)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteObjectIdentifier(oid);
        return w.GetEncodedLength() - 2;
    }

    [Fact]
    public void LenientlyDecodedExtensionViews_DecodeLeniently()
    {
        // nameConstraints with an explicit minimum 0 and a maximum; policyConstraints empty; cA FALSE explicit.
        var b = new TestCertificateBuilder
        {
            Extensions =
            [
                TestCertificateBuilder.Extension("2.5.29.30", true, Convert.FromHexString("3013A011300F82076578616D706C65800100810103")),
                TestCertificateBuilder.Extension("2.5.29.36", null, Convert.FromHexString("3000")),
                TestCertificateBuilder.Extension("2.5.29.19", true, Convert.FromHexString("3003010100")),
            ],
        };
        byte[] der = b.Build();
        Assert.False(Certificate.TryDecode(der, out _));
        Certificate cert = Certificate.Decode(der, CertificateDecoderOptions.Lenient);
        Assert.Equal(
            [Pkcs10ErrorCode.DefaultValueEncoded, Pkcs10ErrorCode.InvalidExtension, Pkcs10ErrorCode.InvalidExtension, Pkcs10ErrorCode.DefaultValueEncoded],
            cert.Findings.Select(f => f.Code));
        GeneralSubtree subtree = Assert.Single(cert.NameConstraints!.PermittedSubtrees!);
        Assert.Equal((0L, (long?)3), (subtree.Minimum, subtree.Maximum));
        Assert.Equal(new PolicyConstraints(null, null), cert.PolicyConstraints);
        Assert.Equal(new BasicConstraints(false, null), cert.BasicConstraints);
        Assert.Equal(4, cert.Findings.Count); // the views added nothing to the decode findings
        Assert.Equal(SignatureStatus.Valid, cert.CheckSignature(cert));
    }
}
