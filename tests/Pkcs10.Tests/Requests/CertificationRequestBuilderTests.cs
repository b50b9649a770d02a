using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Extensions;
using Pkcs10.Keys;
using Pkcs10.Names;
using Pkcs10.Pem;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Requests;

/// <summary>
/// Requests built here must be accepted, with their signatures checked, by .NET's <see cref="CertificateRequest"/>
/// and by BouncyCastle (a test-only reference), and read back with the same subject, key and extensions.
/// </summary>
public class CertificationRequestBuilderTests
{
    private static readonly Lazy<RSA> s_rsa2048 = new(() => RSA.Create(2048));
    private static readonly Lazy<ECDsa> s_p256 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));
    private static readonly Lazy<ECDsa> s_p384 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP384));
    private static readonly Lazy<ECDsa> s_p521 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP521));
#pragma warning disable CA5384 // DSA requests are part of what the builder must produce (issue #3), tested for interop only.
    private static readonly Lazy<DSA> s_dsa = new(() => DSA.Create(2048));
#pragma warning restore CA5384

    public static TheoryData<string> KeyKinds => new(
        "rsa-pkcs1-sha256", "rsa-pkcs1-sha384", "rsa-pkcs1-sha512", "rsa-pss-sha256", "rsa-pss-sha384", "rsa-pss-sha512",
        "ec-p256", "ec-p384", "ec-p521", "dsa-sha256");

    private static (Signer Signer, AsymmetricAlgorithm Key, string SignatureOid) SignerFor(string kind) => kind switch
    {
        "rsa-pkcs1-sha256" => (Signer.Create(s_rsa2048.Value), s_rsa2048.Value, "1.2.840.113549.1.1.11"),
        "rsa-pkcs1-sha384" => (Signer.Create(s_rsa2048.Value, HashAlgorithmName.SHA384), s_rsa2048.Value, "1.2.840.113549.1.1.12"),
        "rsa-pkcs1-sha512" => (Signer.Create(s_rsa2048.Value, HashAlgorithmName.SHA512), s_rsa2048.Value, "1.2.840.113549.1.1.13"),
        "rsa-pss-sha256" => (Signer.Create(s_rsa2048.Value, HashAlgorithmName.SHA256, RSASignaturePadding.Pss), s_rsa2048.Value, "1.2.840.113549.1.1.10"),
        "rsa-pss-sha384" => (Signer.Create(s_rsa2048.Value, HashAlgorithmName.SHA384, RSASignaturePadding.Pss), s_rsa2048.Value, "1.2.840.113549.1.1.10"),
        "rsa-pss-sha512" => (Signer.Create(s_rsa2048.Value, HashAlgorithmName.SHA512, RSASignaturePadding.Pss), s_rsa2048.Value, "1.2.840.113549.1.1.10"),
        "ec-p256" => (Signer.Create(s_p256.Value), s_p256.Value, "1.2.840.10045.4.3.2"),
        "ec-p384" => (Signer.Create(s_p384.Value), s_p384.Value, "1.2.840.10045.4.3.3"),
        "ec-p521" => (Signer.Create(s_p521.Value), s_p521.Value, "1.2.840.10045.4.3.4"),
        "dsa-sha256" => (Signer.Create(s_dsa.Value), s_dsa.Value, "2.16.840.1.101.3.4.3.2"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static CertificationRequestBuilder FullBuilder()
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("device-42.example.com");
        san.AddIpAddress(System.Net.IPAddress.Parse("192.0.2.42"));
        san.AddEmailAddress("ops@example.com");
        X509Extension sanExtension = san.Build();

        return new CertificationRequestBuilder()
            .SetSubject(new X500DistinguishedName("CN=device-42.example.com, O=\"Acme, Inc.\", C=US"))
            .AddExtension(sanExtension.Oid!.Value!, sanExtension.RawData)
            .AddKeyUsage(KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment)
            .AddExtendedKeyUsage("serverAuth", "clientAuth", "1.3.6.1.4.1.99999.1")
            .AddBasicConstraints(false)
            .AddSubjectKeyIdentifier()
            .SetChallengePassword("s3cret-Phrase")
            .AddUnstructuredName("factory line 7");
    }

    [Theory, MemberData(nameof(KeyKinds))]
    public void BuiltRequest_IsAcceptedByTheBcl_WithTheSameValues(string kind)
    {
        (Signer signer, AsymmetricAlgorithm key, string signatureOid) = SignerFor(kind);
        CertificationRequest request = FullBuilder().Sign(signer);
        byte[] der = request.RawData.ToArray();

        // Our own reading: strict, canonical, valid.
        Assert.Empty(request.Findings);
        Assert.Equal(der, request.Encode());
        Assert.Equal(der, CertificationRequest.Decode(der).Encode());
        Assert.True(request.VerifySignature());
        Assert.Equal(signatureOid, request.SignatureAlgorithm.Oid);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), request.PublicKey.RawData.ToArray());

        // The BCL loads it with signature validation (DSA is outside what LoadSigningRequest accepts).
        if (!kind.StartsWith("dsa", StringComparison.Ordinal))
        {
            CertificateRequest bcl = CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256,
                CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions,
                kind.StartsWith("rsa-pss", StringComparison.Ordinal) ? RSASignaturePadding.Pss : null);
            Assert.Equal(request.Subject.RawData.ToArray(), bcl.SubjectName.RawData);
            Assert.Equal(key.ExportSubjectPublicKeyInfo(), bcl.PublicKey.ExportSubjectPublicKeyInfo());
            Assert.Equal(request.Extensions.Select(e => (e.Oid, e.Critical, Convert.ToHexString(e.Value.Span))),
                bcl.CertificateExtensions.Select(e => (e.Oid!.Value!, e.Critical, Convert.ToHexString(e.RawData))));
            Assert.Equal(2, bcl.OtherRequestAttributes.Count);
        }

        // BouncyCastle reads and verifies it too.
        var bc = new Org.BouncyCastle.Pkcs.Pkcs10CertificationRequest(der);
        Assert.True(bc.Verify());
        Assert.Equal(request.Subject.RawData.ToArray(), bc.GetCertificationRequestInfo().Subject.GetEncoded());
    }

    [Fact]
    public void BuiltRequest_HasTheRequestedValues()
    {
        CertificationRequest request = FullBuilder().Sign(s_p256.Value);

        Assert.Equal("CN=device-42.example.com,O=Acme\\, Inc.,C=US", request.Subject.ToString());
        Assert.Equal(["device-42.example.com", "192.0.2.42", "ops@example.com"], request.SubjectAlternativeNames!.Select(n => n.Value));
        Assert.Equal(KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment, request.KeyUsage);
        Assert.True(request.GetExtension("2.5.29.15")!.Critical);
        Assert.Equal([KeyPurposes.ServerAuth, KeyPurposes.ClientAuth, "1.3.6.1.4.1.99999.1"], request.ExtendedKeyUsage);
        Assert.False(request.GetExtension("2.5.29.37")!.Critical);
        Assert.Equal(new BasicConstraints(false, null), request.BasicConstraints);
        Assert.Equal("s3cret-Phrase", request.ChallengePassword);
        Assert.Equal("factory line 7", request.UnstructuredName);

        // RFC 5280 §4.2.1.2 method (1), as the BCL computes it.
        var bclSki = new X509SubjectKeyIdentifierExtension(new PublicKey(s_p256.Value), X509SubjectKeyIdentifierHashAlgorithm.Sha1, false);
        Assert.Equal(Convert.FromHexString(bclSki.SubjectKeyIdentifier!), request.SubjectKeyIdentifier!.Value.ToArray());
    }

    [Fact]
    public void RsaPkcs1Signing_IsDeterministic()
    {
        byte[] first = FullBuilder().Sign(s_rsa2048.Value).RawData.ToArray();
        byte[] second = FullBuilder().Sign(s_rsa2048.Value).RawData.ToArray();
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("SHA256")]
    [InlineData("SHA384")]
    [InlineData("SHA512")]
    public void RsaPkcs1AlgorithmIdentifiers_MatchTheBcl(string hash)
    {
        var name = new HashAlgorithmName(hash);
        byte[] bcl = X509SignatureGenerator.CreateForRSA(s_rsa2048.Value, RSASignaturePadding.Pkcs1).GetSignatureAlgorithmIdentifier(name);
        Assert.Equal(bcl, Signer.Create(s_rsa2048.Value, name).SignatureAlgorithm.RawData.ToArray());
    }

    // RFC 4055 §2.1 lists the hash identifiers inside RSASSA-PSS-params with NULL parameters, as OpenSSL writes
    // them; the BCL omits the NULL (both MUST be accepted). The meaning must be the same as the BCL's.
    [Theory]
    [InlineData("SHA256", "3041 06092A864886F70D01010A 3034 A00F300D06096086480165030402010500 A11C301A06092A864886F70D010108300D06096086480165030402010500 A203020120")]
    [InlineData("SHA384", "3041 06092A864886F70D01010A 3034 A00F300D06096086480165030402020500 A11C301A06092A864886F70D010108300D06096086480165030402020500 A203020130")]
    [InlineData("SHA512", "3041 06092A864886F70D01010A 3034 A00F300D06096086480165030402030500 A11C301A06092A864886F70D010108300D06096086480165030402030500 A203020140")]
    public void RsaPssAlgorithmIdentifiers_AreRfc4055Exact_AndMeanWhatTheBclsMean(string hash, string expectedHex)
    {
        var name = new HashAlgorithmName(hash);
        SignatureAlgorithmIdentifier ours = Signer.Create(s_rsa2048.Value, name, RSASignaturePadding.Pss).SignatureAlgorithm;
        Assert.Equal(Convert.FromHexString(expectedHex.Replace(" ", "", StringComparison.Ordinal)), ours.RawData.ToArray());

        SignatureAlgorithmIdentifier bcl = SignatureAlgorithmIdentifier.Decode(
            X509SignatureGenerator.CreateForRSA(s_rsa2048.Value, RSASignaturePadding.Pss).GetSignatureAlgorithmIdentifier(name));
        Assert.Equal((bcl.Pss!.Hash, bcl.Pss.Mgf1Hash, bcl.Pss.SaltLength, bcl.Pss.TrailerField),
            (ours.Pss!.Hash, ours.Pss.Mgf1Hash, ours.Pss.SaltLength, ours.Pss.TrailerField));
    }

    [Theory]
    [InlineData("nistP256", "SHA256")]
    [InlineData("nistP384", "SHA384")]
    [InlineData("nistP521", "SHA512")]
    public void EcdsaHash_IsMatchedToTheCurve_AndTheIdentifierMatchesTheBcl(string curve, string hash)
    {
        using ECDsa key = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        byte[] bcl = X509SignatureGenerator.CreateForECDsa(key).GetSignatureAlgorithmIdentifier(new HashAlgorithmName(hash));
        Signer signer = Signer.Create(key);
        Assert.Equal(bcl, signer.SignatureAlgorithm.RawData.ToArray());
        Assert.Equal(hash, signer.SignatureAlgorithm.Hash?.Name);
    }

    [Fact]
    public void ExternalSigner_ReceivesTheInfoBytes_AndIsCalledOncePerSignature()
    {
        // A signer that is not one of the built-ins: it holds a separate key object and counts its calls.
        using ECDsa hsmKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.Decode(hsmKey.ExportSubjectPublicKeyInfo());
        int calls = 0;
        byte[]? seen = null;
        Signer signer = Signer.Create(publicKey, SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA256), (data, algorithm) =>
        {
            calls++;
            seen = data.ToArray();
            Assert.Equal(SignatureKind.Ecdsa, algorithm.Kind);
            return hsmKey.SignData(data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        CertificationRequest request = new CertificationRequestBuilder(DistinguishedName.Decode(new X500DistinguishedName("CN=hsm").RawData)).Sign(signer);

        Assert.Equal(1, calls);
        Assert.Equal(request.RawInfo.ToArray(), seen);
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.Equal(publicKey.RawData.ToArray(), request.PublicKey.RawData.ToArray());
    }

    [Fact]
    public async Task AsyncExternalSigner_SignsThroughTheCallback()
    {
        using RSA remote = RSA.Create(2048);
        int calls = 0;
        Signer signer = Signer.Create(SubjectPublicKeyInfo.Decode(remote.ExportSubjectPublicKeyInfo()),
            SignatureAlgorithmIdentifier.CreateRsaPss(HashAlgorithmName.SHA384),
            async (data, algorithm, token) =>
            {
                await Task.Yield();
                Interlocked.Increment(ref calls);
                Assert.Equal(SignatureKind.RsaPss, algorithm.Kind);
                return remote.SignData(data.ToArray(), HashAlgorithmName.SHA384, RSASignaturePadding.Pss);
            });

        CertificationRequest request = await new CertificationRequestBuilder().AddKeyUsage(KeyUsageFlags.DigitalSignature)
            .SignAsync(signer, TestContext.Current.CancellationToken);

        Assert.Equal(1, calls);
        Assert.True(request.VerifySignature());
        Assert.Equal(48, request.SignatureAlgorithm.Pss!.SaltLength);
        Assert.True(request.Subject.IsEmpty);
    }

    [Fact]
    public void TwoStepSigning_AttachesAndVerifies()
    {
        CertificationRequestBuilder builder = FullBuilder().SetPublicKey(s_p384.Value);
        byte[] info = builder.EncodeInfo();
        SignatureAlgorithmIdentifier algorithm = SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA384);
        byte[] signature = s_p384.Value.SignData(info, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence);

        CertificationRequest request = CertificationRequestBuilder.Attach(info, algorithm, signature);
        Assert.Equal(info, request.RawInfo.ToArray());
        Assert.True(request.VerifySignature());

        // A signature over other bytes, or with the wrong hash, is refused rather than returned.
        byte[] other = s_p384.Value.SignData([.. info, 0], HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence);
        Assert.Throws<CryptographicException>(() => CertificationRequestBuilder.Attach(info, algorithm, other));
        Assert.Throws<CryptographicException>(() =>
            CertificationRequestBuilder.Attach(info, SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA256), signature));
        Assert.Throws<ArgumentException>(() => CertificationRequestBuilder.Attach(info.AsSpan(0, info.Length - 1), algorithm, signature));
    }

    [Fact]
    public void SignerWithAnotherKey_IsRefusedBeforeSigning()
    {
        int calls = 0;
        using ECDsa other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Signer signer = Signer.Create(SubjectPublicKeyInfo.Decode(other.ExportSubjectPublicKeyInfo()),
            SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA256), (data, _) =>
            {
                calls++;
                return other.SignData(data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            });

        CertificationRequestBuilder builder = new CertificationRequestBuilder().SetPublicKey(s_p256.Value);
        Assert.Throws<ArgumentException>(() => builder.Sign(signer));
        Assert.Equal(0, calls);
    }

    [Fact]
    public void SignerThatLies_AboutItsKey_IsCaughtByTheVerification()
    {
        // The signer claims one key but signs with another (a misconfigured HSM slot).
        using ECDsa claimed = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using ECDsa actual = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Signer signer = Signer.Create(SubjectPublicKeyInfo.Decode(claimed.ExportSubjectPublicKeyInfo()),
            SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA256),
            (data, _) => actual.SignData(data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        CryptographicException e = Assert.Throws<CryptographicException>(() => new CertificationRequestBuilder().Sign(signer));
        Assert.Contains("does not verify", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateExtensions_AndBadValues_AreRefused()
    {
        var builder = new CertificationRequestBuilder().AddKeyUsage(KeyUsageFlags.DigitalSignature);
        Assert.Throws<ArgumentException>(() => builder.AddKeyUsage(KeyUsageFlags.KeyAgreement));
        Assert.Throws<ArgumentException>(() => builder.AddExtension("2.5.29.15", [0x03, 0x02, 0x07, 0x80]));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddKeyUsage(KeyUsageFlags.None));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddExtendedKeyUsage([]));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddExtendedKeyUsage("serverAuth", "1.3.6.1.5.5.7.3.1"));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddExtendedKeyUsage("notAPurpose"));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddBasicConstraints(false, 0));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddExtension("2.5.29.17", [0x30, 0x00]));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddExtension("2.5.29.19", [0x30, 0x03, 0x01, 0x01, 0x00]));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().SetChallengePassword(""));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().SetChallengePassword(new string('x', 256)));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().SetChallengePassword("a").SetChallengePassword("b"));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddAttribute("1.2.840.113549.1.9.14", [0x30, 0x00]));
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddAttribute("1.2.3.4", [0x04, 0x01]));
        Assert.Throws<InvalidOperationException>(() => new CertificationRequestBuilder().EncodeInfo());
    }

    [Fact]
    public void ChallengePassword_UsesPrintableStringWhenItFits_ElseUtf8String()
    {
        CertificationRequest printable = new CertificationRequestBuilder().SetChallengePassword("Abc 123").Sign(s_p256.Value);
        CertificationRequest utf8 = new CertificationRequestBuilder().SetChallengePassword("pässwörd!").Sign(s_p256.Value);

        Assert.Equal(0x13, printable.Attributes.Single().Values[0].Span[0]);
        Assert.Equal(0x0C, utf8.Attributes.Single().Values[0].Span[0]);
        Assert.Equal("pässwörd!", utf8.ChallengePassword);
    }

    [Fact]
    public void Attributes_AreWrittenInDerSetOrder_WhateverTheOrderAdded()
    {
        byte[] a = new CertificationRequestBuilder().AddUnstructuredName("x").SetChallengePassword("y").AddAttribute("1.2.3.4", [0x05, 0x00])
            .Sign(s_rsa2048.Value).RawData.ToArray();
        byte[] b = new CertificationRequestBuilder().AddAttribute("1.2.3.4", [0x05, 0x00]).SetChallengePassword("y").AddUnstructuredName("x")
            .Sign(s_rsa2048.Value).RawData.ToArray();
        Assert.Equal(a, b);
        Assert.Empty(CertificationRequest.Decode(a).Findings);
    }

    [Theory]
    [InlineData(SubjectKeyIdentifierMethod.Sha1, X509SubjectKeyIdentifierHashAlgorithm.Sha1)]
    [InlineData(SubjectKeyIdentifierMethod.ShortSha1, X509SubjectKeyIdentifierHashAlgorithm.ShortSha1)]
    public void SubjectKeyIdentifier_MatchesTheBcl(SubjectKeyIdentifierMethod method, X509SubjectKeyIdentifierHashAlgorithm bclMethod)
    {
        var key = SubjectPublicKeyInfo.Decode(s_rsa2048.Value.ExportSubjectPublicKeyInfo());
        var bcl = new X509SubjectKeyIdentifierExtension(new PublicKey(s_rsa2048.Value), bclMethod, false);
        Assert.Equal(Convert.FromHexString(bcl.SubjectKeyIdentifier!), ExtensionEncoder.ComputeSubjectKeyIdentifier(key, method));
    }

    [Theory]
    [InlineData(SubjectKeyIdentifierMethod.Sha256Truncated, "SHA256")]
    [InlineData(SubjectKeyIdentifierMethod.Sha384Truncated, "SHA384")]
    [InlineData(SubjectKeyIdentifierMethod.Sha512Truncated, "SHA512")]
    public void SubjectKeyIdentifier_Rfc7093Methods_AreTheLeftmost160Bits(SubjectKeyIdentifierMethod method, string hash)
    {
        var key = SubjectPublicKeyInfo.Decode(s_p256.Value.ExportSubjectPublicKeyInfo());
        byte[] full = CryptographicOperations.HashData(new HashAlgorithmName(hash), key.PublicKey.Span);
        Assert.Equal(full[..20], ExtensionEncoder.ComputeSubjectKeyIdentifier(key, method));
    }

    [Theory]
    [InlineData(PemLineEnding.Lf)]
    [InlineData(PemLineEnding.CrLf)]
    public void Pem_RoundTrips_AndMatchesTheBclsPem(PemLineEnding ending)
    {
        CertificationRequest request = FullBuilder().Sign(s_rsa2048.Value);
        string pem = request.EncodePem(ending);
        string bcl = PemEncoding.WriteString("CERTIFICATE REQUEST", request.RawData.Span) + "\n";
        Assert.Equal(ending == PemLineEnding.Lf ? bcl : bcl.Replace("\n", "\r\n", StringComparison.Ordinal), pem);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(pem), request.EncodePemUtf8(ending));
        Assert.Equal(request.RawData.ToArray(), CertificationRequest.DecodePem(pem).RawData.ToArray());

        char[] buffer = new char[pem.Length];
        Assert.True(request.TryEncodePem(buffer, out int written, ending));
        Assert.Equal(pem, new string(buffer, 0, written));
        Assert.False(request.TryEncodePem(buffer.AsSpan(0, pem.Length - 1), out _, ending));
    }

    [Fact]
    public void IBufferWriterAndTryEncode_GiveTheSameBytes()
    {
        CertificationRequest request = FullBuilder().Sign(s_p256.Value);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        Assert.Equal(request.RawData.Length, request.Encode(output));
        Assert.Equal(request.RawData.ToArray(), output.WrittenSpan.ToArray());
        byte[] buffer = new byte[request.RawData.Length];
        Assert.True(request.TryEncode(buffer, out int written));
        Assert.Equal(buffer.Length, written);
        Assert.False(request.TryEncode(buffer.AsSpan(1), out _));
    }

    [Fact]
    public void SubjectFromRfc4514Text_AndSanCriticality_FollowRfc5280()
    {
        var names = new GeneralNamesBuilder().AddDnsName("bücher.example").AddIpAddress("2001:db8::1");

        CertificationRequest named = new CertificationRequestBuilder().SetSubject("CN=device-42,O=Acme\\, Inc.,C=US")
            .AddSubjectAlternativeNames(names).Sign(s_p256.Value);
        Assert.Equal("CN=device-42,O=Acme\\, Inc.,C=US", named.Subject.ToString());
        Assert.False(named.GetExtension("2.5.29.17")!.Critical);
        Assert.Equal(["dns:xn--bcher-kva.example", "ip:2001:db8::1"], named.SubjectAlternativeNames!.Select(n => n.ToString()));

        // RFC 5280 §4.2.1.6: with an empty subject the extension is critical; an explicit flag wins.
        CertificationRequest anonymous = new CertificationRequestBuilder().AddSubjectAlternativeNames(names).Sign(s_p256.Value);
        Assert.True(anonymous.GetExtension("2.5.29.17")!.Critical);
        CertificationRequest forced = new CertificationRequestBuilder().AddSubjectAlternativeNames(names, critical: false).Sign(s_p256.Value);
        Assert.False(forced.GetExtension("2.5.29.17")!.Critical);

        ArgumentException bad = Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().SetSubject("CN=a,,O=b"));
        Assert.Contains("offset", bad.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => new CertificationRequestBuilder().AddSubjectAlternativeNames(new GeneralNamesBuilder()));
    }
}
