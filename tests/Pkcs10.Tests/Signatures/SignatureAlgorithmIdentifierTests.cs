using System.Formats.Asn1;
using Pkcs10.Keys;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Signatures;

/// <summary>
/// <see cref="SignatureAlgorithmIdentifier.Decode"/> on hand-written AlgorithmIdentifiers, the key/algorithm
/// pairing rules of <see cref="SignatureVerifier"/> (RFC 4055 PSS restrictions), and <see cref="VerificationPolicy"/>.
/// </summary>
public sealed class SignatureAlgorithmIdentifierTests
{
    [Theory]
    [InlineData("sha256WithRSAEncryption, NULL", "300d06092a864886f70d01010b0500", SignatureKind.RsaPkcs1, "SHA256", "sha256WithRSAEncryption")]
    [InlineData("sha224WithRSAEncryption, NULL", "300d06092a864886f70d01010e0500", SignatureKind.RsaPkcs1, "SHA224", "sha224WithRSAEncryption")]
    [InlineData("sha1WithRSAEncryption, NULL", "300d06092a864886f70d0101050500", SignatureKind.RsaPkcs1, "SHA1", "sha1WithRSAEncryption")]
    [InlineData("md5WithRSAEncryption, NULL", "300d06092a864886f70d0101040500", SignatureKind.RsaPkcs1, "MD5", "md5WithRSAEncryption")]
    [InlineData("id-rsassa-pkcs1-v1_5-with-sha3-256, NULL", "300d060960864801650304030e0500", SignatureKind.RsaPkcs1, "SHA3-256", "id-rsassa-pkcs1-v1_5-with-sha3-256")]
    [InlineData("ecdsa-with-SHA256, absent", "300a06082a8648ce3d040302", SignatureKind.Ecdsa, "SHA256", "ecdsa-with-SHA256")]
    [InlineData("ecdsa-with-SHA1, absent", "300906072a8648ce3d0401", SignatureKind.Ecdsa, "SHA1", "ecdsa-with-SHA1")]
    [InlineData("dsa-with-sha256, absent", "300b0609608648016503040302", SignatureKind.Dsa, "SHA256", "dsa-with-sha256")]
    [InlineData("Ed25519, absent", "300506032b6570", SignatureKind.Ed25519, null, "Ed25519")]
    [InlineData("Ed448, absent", "300506032b6571", SignatureKind.Ed448, null, "Ed448")]
    [InlineData("RSASSA-PSS, all defaults (empty SEQUENCE)", "300d06092a864886f70d01010a3000", SignatureKind.RsaPss, "SHA1", "RSASSA-PSS")]
    [InlineData("md4WithRSAEncryption", "300d06092a864886f70d0101030500", SignatureKind.Unknown, null, "md4WithRSAEncryption")]
    [InlineData("unknown OID 1.2.3.4", "300506032a0304", SignatureKind.Unknown, null, "1.2.3.4")]
    public void Decode_Accepts(string why, string hex, SignatureKind kind, string? hash, string name)
    {
        _ = why;
        byte[] der = Convert.FromHexString(hex);
        SignatureAlgorithmIdentifier id = SignatureAlgorithmIdentifier.Decode(der);
        Assert.Equal(kind, id.Kind);
        Assert.Equal(hash, id.Hash?.Name);
        Assert.Equal(name, id.Name);
        Assert.Equal(der, id.RawData.ToArray());

        var reader = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        Assert.Equal(reader.ReadObjectIdentifier(), id.Oid);
        Assert.Equal(reader.HasData ? Convert.ToHexString(reader.ReadEncodedValue().Span) : null, id.RawParameters is { } p ? Convert.ToHexString(p.Span) : null);
    }

    [Theory]
    [InlineData("sha256WithRSAEncryption, parameters absent (RFC 4055 §5: MUST be NULL)", "300b06092a864886f70d01010b", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("sha256WithRSAEncryption, parameters an OID", "300e06092a864886f70d01010b06012a", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("ecdsa-with-SHA256, NULL parameters (RFC 5758 §3.2: absent)", "300c06082a8648ce3d0403020500", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("Ed25519, NULL parameters (RFC 8410 §3: absent)", "300706032b65700500", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("Ed448, NULL parameters (RFC 8410 §3: absent)", "300706032b65710500", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("Ed25519, empty SEQUENCE parameters", "300706032b65703000", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("Ed448, an OID as parameters", "300806032b657106012a", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("RSASSA-PSS, parameters absent (RFC 4055 §3.1)", "300b06092a864886f70d01010a", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("RSASSA-PSS, explicit sha1 hashAlgorithm (DEFAULT)", "301a06092a864886f70d01010a300da00b300906052b0e03021a0500", Pkcs10ErrorCode.DefaultValueEncoded)]
    [InlineData("RSASSA-PSS, explicit saltLength 20 (DEFAULT)", "301206092a864886f70d01010a3005a203020114", Pkcs10ErrorCode.DefaultValueEncoded)]
    [InlineData("RSASSA-PSS, trailerField 2", "301206092a864886f70d01010a3005a303020102", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("RSASSA-PSS, negative saltLength", "301206092a864886f70d01010a3005a2030201ff", Pkcs10ErrorCode.InvalidAlgorithmParameters)]
    [InlineData("RSASSA-PSS, mask generation function not MGF1", "301806092a864886f70d01010a300ba1093007060369ab0c3000", Pkcs10ErrorCode.UnsupportedAlgorithm)]
    [InlineData("trailing data after the SEQUENCE", "300a06082a8648ce3d04030200", Pkcs10ErrorCode.TrailingData)]
    [InlineData("two elements after the OID", "300e06082a8648ce3d04030205000500", Pkcs10ErrorCode.TrailingData)]
    public void Decode_Rejects(string why, string hex, Pkcs10ErrorCode code)
    {
        _ = why;
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => SignatureAlgorithmIdentifier.Decode(Convert.FromHexString(hex)));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void PssKeyRestrictions_AreEnforced()
    {
        // rsapss2048-restricted: the key allows sha256 / mgf1-sha256 / salt >= 32 only (RFC 4055 §3.3).
        CertificationRequest request = Load("rsapss2048-restricted-salt64");
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.Equal(32, request.PublicKey.PssRestrictions!.SaltLength);

        // The same key and signature under parameters the key forbids.
        Assert.Equal(SignatureStatus.Invalid, Verify(request, Pss("sha256", "sha256", 20)));
        Assert.Equal(SignatureStatus.Invalid, Verify(request, Pss("sha512", "sha512", 64)));
        Assert.Equal(SignatureStatus.Invalid, Verify(request, Pss("sha256", "sha1", 64)));
        Assert.Equal(SignatureStatus.Valid, Verify(request, Pss("sha256", "sha256", 64)));
    }

    [Fact]
    public void PssOnlyKey_CannotSignPkcs1()
    {
        // RFC 4055 §1.2: an id-RSASSA-PSS key is only for RSASSA-PSS.
        CertificationRequest request = Load("rsapss2048-sha256-salt32");
        Assert.Equal(KeyAlgorithm.RsaPss, request.PublicKey.Algorithm);
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        SignatureAlgorithmIdentifier pkcs1 = SignatureAlgorithmIdentifier.Decode(Convert.FromHexString("300d06092a864886f70d01010b0500"));
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(pkcs1, request.PublicKey, request.RawInfo.Span, request.Signature.Span));
    }

    [Fact]
    public void RsaEncryptionKey_SignsPss()
    {
        CertificationRequest request = Load("rsa2048-pss-sha256-mgf1sha1-salt32");
        Assert.Equal(KeyAlgorithm.Rsa, request.PublicKey.Algorithm);
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());

        // Same bytes, the other MGF1 digest: the managed PSS path must see the difference.
        Assert.Equal(SignatureStatus.Invalid, Verify(request, Pss("sha256", "sha256", 32)));
    }

    [Fact]
    public void DsaKeyWithoutParameters_IsUnsupported()
    {
        // RFC 3279 §2.3.2: DSA parameters may be inherited from the issuer, which a self-signed request does not
        // have. Strip them from a good request's key: the signature cannot be checked.
        CertificationRequest request = Load("dsa2048-sha256");
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        var spki = new AsnWriter(AsnEncodingRules.DER);
        using (spki.PushSequence())
        {
            using (spki.PushSequence())
            {
                spki.WriteObjectIdentifier("1.2.840.10040.4.1");
            }

            spki.WriteBitString(request.PublicKey.PublicKey.Span);
        }

        SubjectPublicKeyInfo bare = SubjectPublicKeyInfo.Decode(spki.Encode());
        Assert.Equal(KeyAlgorithm.Dsa, bare.Algorithm);
        Assert.Equal(0, bare.KeySize);
        Assert.Equal(SignatureStatus.Unsupported, SignatureVerifier.Verify(request.SignatureAlgorithm, bare, request.RawInfo.Span, request.Signature.Span));
    }

    [Fact]
    public void EcdsaSignature_MustBeStrictDer()
    {
        CertificationRequest request = Load("p256-sha256");
        byte[] sig = request.Signature.ToArray();
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());

        // The same r and s with a non-minimal long-form SEQUENCE length (BER): X.690 §10.1 forbids it in DER.
        byte[] ber = [0x30, 0x81, .. sig[1..]];
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(request.SignatureAlgorithm, request.PublicKey, request.RawInfo.Span, ber));

        // Trailing garbage after the Ecdsa-Sig-Value.
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(request.SignatureAlgorithm, request.PublicKey, request.RawInfo.Span, [.. sig, 0x00]));
    }

    [Theory]
    [InlineData("300d06092a864886f70d01010b0500", false, true, true, true)] // sha256WithRSAEncryption
    [InlineData("300d06092a864886f70d0101050500", true, false, true, true)] // sha1WithRSAEncryption
    [InlineData("300906072a8648ce3d0401", true, false, true, true)] // ecdsa-with-SHA1
    [InlineData("300d06092a864886f70d0101040500", true, false, false, true)] // md5WithRSAEncryption
    [InlineData("300d06092a864886f70d0101030500", true, false, false, false)] // md4WithRSAEncryption: never
    [InlineData("300d06092a864886f70d01010a3000", true, false, true, true)] // RSASSA-PSS, SHA-1 by DEFAULT
    public void VerificationPolicy_Digests(string hex, bool weak, bool byDefault, bool allowSha1, bool allowBoth)
    {
        SignatureAlgorithmIdentifier id = SignatureAlgorithmIdentifier.Decode(Convert.FromHexString(hex));
        Assert.Equal(weak, id.IsWeakHash);
        Assert.Equal(byDefault, VerificationPolicy.Default.Allows(id));
        Assert.Equal(allowSha1, VerificationPolicy.AllowSha1Policy.Allows(id));
        Assert.Equal(allowBoth, new VerificationPolicy { AllowSha1 = true, AllowMd5 = true }.Allows(id));
    }

    private static CertificationRequest Load(string id) =>
        CertificationRequest.Decode(File.ReadAllBytes(RepoTestData.TestVectors("openssl/" + id + ".der")));

    private static SignatureStatus Verify(CertificationRequest request, SignatureAlgorithmIdentifier algorithm) =>
        SignatureVerifier.Verify(algorithm, request.PublicKey, request.RawInfo.Span, request.Signature.Span);

    private static SignatureAlgorithmIdentifier Pss(string hash, string mgfHash, int salt)
    {
        static string Oid(string h) => h switch
        {
            "sha1" => "1.3.14.3.2.26",
            "sha256" => "2.16.840.1.101.3.4.2.1",
            "sha512" => "2.16.840.1.101.3.4.2.3",
            _ => throw new ArgumentOutOfRangeException(nameof(h)),
        };

        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.113549.1.1.10");
            using (w.PushSequence())
            {
                if (hash != "sha1")
                {
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(Oid(hash));
                        w.WriteNull();
                    }
                }

                if (mgfHash != "sha1")
                {
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.2.840.113549.1.1.8");
                        using (w.PushSequence())
                        {
                            w.WriteObjectIdentifier(Oid(mgfHash));
                            w.WriteNull();
                        }
                    }
                }

                if (salt != 20)
                {
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2)))
                    {
                        w.WriteInteger(salt);
                    }
                }
            }
        }

        return SignatureAlgorithmIdentifier.Decode(w.Encode());
    }
}
