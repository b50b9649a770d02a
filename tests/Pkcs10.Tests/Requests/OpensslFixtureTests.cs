using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Pkcs10.Extensions;
using Pkcs10.Keys;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;
using Pkcs10TagNumber = Pkcs10.Asn1.UniversalTagNumber;

namespace Pkcs10.Tests.Requests;

/// <summary>
/// The openssl 3.0 fixtures (TestVectors/openssl, listed in manifest.json), each compared three ways: with what
/// openssl read back (the manifest), with <see cref="System.Formats.Asn1.AsnReader"/> in DER mode, and with the
/// BCL's <see cref="CertificateRequest.LoadSigningRequest(byte[], HashAlgorithmName, CertificateRequestLoadOptions, RSASignaturePadding?)"/>
/// and <see cref="X500DistinguishedName"/>.
/// </summary>
/// <remarks>
/// Signature truth is <c>independentSignatureCheck</c>, not <c>expectedSignatureValid</c>: openssl's own
/// <c>req -verify</c> cannot verify p256-sha3-256, dsa2048-sha384 and dsa2048-sha512 ("unknown signature
/// algorithm") although their signatures are good. Ed25519 and Ed448 go through the managed EdDSA engines and are
/// Valid like the rest.
///
/// The BCL loads every fixture (with SkipSignatureValidation | UnsafeLoadCertificateExtensions), EdDSA, DSA and
/// RSASSA-PSS keys included: it keeps an unknown key as OID + parameters + key bytes. Known divergences:
/// <code>
/// | what                              | BCL                                   | Pkcs10                                   | why
/// |-----------------------------------|---------------------------------------|------------------------------------------|------------------------------
/// | p256-explicit-sha256              | loads                                 | InvalidAlgorithmParameters               | RFC 5480 §2.1.1 forbids specifiedCurve
/// | absent SPKI parameters            | EncodedParameters is null             | RawParameters is null                    | (same; compared)
/// </code>
/// Known divergences from openssl's RFC 2253 text (<c>subjectUtf8</c>): openssl prints the members of a
/// multi-valued RDN in reverse order and spells streetAddress "street"; we keep encoded (DER SET) order and use
/// RFC 4514's "STREET". openssl prints IPv6 SANs uncompressed and in upper case; we print RFC 5952 text.
/// </remarks>
public sealed class OpensslFixtureTests
{
    public static TheoryData<string> AllIds => new(RequestTestFiles.OpensslRequests.Select(r => r.GetProperty("id").GetString()!));

    public static TheoryData<string> StrictIds => new(RequestTestFiles.OpensslStrictIds);

    // Strict fixtures whose signature is good (tampering a bad signature may well repair it: rsa2048-sha256-badsig
    // is a good signature with its last bit flipped).
    public static TheoryData<string> GoodSignatureIds => new(RequestTestFiles.OpensslStrictIds.Where(id =>
        Manifest(id).GetProperty("independentSignatureCheck") is { ValueKind: JsonValueKind.Object } c && c.GetProperty("valid").GetBoolean()));

    private static JsonElement Manifest(string id) => RequestTestFiles.OpensslRequest(id);

    [Fact]
    public void Manifest_Lists83Requests()
    {
        Assert.Equal(83, RequestTestFiles.OpensslRequests.Count());
        Assert.Single(RequestTestFiles.OpensslRejected);
    }

    [Theory, MemberData(nameof(AllIds))]
    public void Decode_StrictFixturesRoundTrip_OthersFailForTheDocumentedReason(string id)
    {
        JsonElement m = Manifest(id);
        byte[] der = RequestTestFiles.OpensslDer(id);
        Assert.Equal(m.GetProperty("derLength").GetInt32(), der.Length);
        if (m.GetStringOrNull("pemFile") is { } pemFile)
        {
            Assert.Equal(der, RequestTestFiles.PemToDer(File.ReadAllText(RepoTestData.TestVectors("openssl/" + pemFile)), out string label));
            Assert.Equal("CERTIFICATE REQUEST", label);
        }

        if (RequestTestFiles.OpensslRejected.TryGetValue(id, out (Pkcs10ErrorCode Code, string Reason) rejected))
        {
            Assert.Equal(rejected.Code, Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der)).Code);
            Assert.Equal(rejected.Code, Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient)).Code);
            Assert.False(CertificationRequest.TryDecode(der, out _, out Pkcs10Exception? error));
            Assert.Equal(rejected.Code, error!.Code);

            // A documented divergence: the BCL loads it.
            Assert.NotNull(CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.SkipSignatureValidation));
            return;
        }

        CertificationRequest request = CertificationRequest.Decode(der);
        Assert.Empty(request.Findings);
        Assert.Empty(CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient).Findings);
        Assert.True(CertificationRequest.TryDecode(der, out CertificationRequest? again));
        Assert.Equal(der, again.RawData.ToArray());

        Assert.Equal(der, request.Encode());
        byte[] buffer = new byte[der.Length];
        Assert.True(request.TryEncode(buffer, out int written));
        Assert.Equal(der.Length, written);
        Assert.Equal(der, buffer);
        Assert.False(request.TryEncode(new byte[der.Length - 1], out _));
    }

    [Theory, MemberData(nameof(StrictIds))]
    public void Structure_MatchesSystemFormatsAsn1(string id)
    {
        byte[] der = RequestTestFiles.OpensslDer(id);
        CertificationRequest request = CertificationRequest.Decode(der);

        var outer = new AsnReader(der, AsnEncodingRules.DER);
        AsnReader csr = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        ReadOnlyMemory<byte> info = csr.ReadEncodedValue();
        AsnReader algorithm = csr.ReadSequence();
        string algorithmOid = algorithm.ReadObjectIdentifier();
        byte[]? algorithmParameters = algorithm.HasData ? algorithm.ReadEncodedValue().ToArray() : null;
        algorithm.ThrowIfNotEmpty();
        byte[] signature = csr.ReadBitString(out int unusedBits);
        csr.ThrowIfNotEmpty();

        Assert.Equal(info.ToArray(), request.RawInfo.ToArray());
        Assert.Equal(algorithmOid, request.SignatureAlgorithm.Oid);
        Assert.Equal(signature, request.Signature.ToArray());
        Assert.Equal(unusedBits, request.SignatureUnusedBits);

        AsnReader infoSeq = new AsnReader(info, AsnEncodingRules.DER).ReadSequence();
        Assert.True(infoSeq.TryReadInt32(out int version));
        Assert.Equal(version, request.Version);
        Assert.Equal(infoSeq.ReadEncodedValue().ToArray(), request.Subject.RawData.ToArray());
        ReadOnlyMemory<byte> spki = infoSeq.ReadEncodedValue();
        Assert.Equal(spki.ToArray(), request.PublicKey.RawData.ToArray());
        Assert.True(request.HasAttributesField);
        AsnReader attributes = infoSeq.ReadSetOf(new Asn1Tag(TagClass.ContextSpecific, 0));
        infoSeq.ThrowIfNotEmpty();

        var otherAttributes = new List<(string Oid, byte[][] Values)>();
        var extensions = new List<(string Oid, bool Critical, byte[] Value)>();
        while (attributes.HasData)
        {
            AsnReader attribute = attributes.ReadSequence();
            string type = attribute.ReadObjectIdentifier();
            AsnReader values = attribute.ReadSetOf();
            var list = new List<byte[]>();
            while (values.HasData)
            {
                list.Add(values.ReadEncodedValue().ToArray());
            }

            if (type == "1.2.840.113549.1.9.14")
            {
                AsnReader seq = new AsnReader(Assert.Single(list), AsnEncodingRules.DER).ReadSequence();
                while (seq.HasData)
                {
                    AsnReader ext = seq.ReadSequence();
                    string oid = ext.ReadObjectIdentifier();
                    bool critical = ext.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && ext.ReadBoolean();
                    extensions.Add((oid, critical, ext.ReadOctetString()));
                    ext.ThrowIfNotEmpty();
                }
            }
            else
            {
                otherAttributes.Add((type, [.. list]));
            }
        }

        Assert.Equal(extensions.Select(e => e.Oid), request.Extensions.Select(e => e.Oid));
        Assert.Equal(extensions.Select(e => e.Critical), request.Extensions.Select(e => e.Critical));
        Assert.Equal(extensions.Select(e => Convert.ToHexString(e.Value)), request.Extensions.Select(e => Convert.ToHexString(e.Value.Span)));
        Assert.Equal(otherAttributes.Select(a => a.Oid), request.Attributes.Select(a => a.Oid));
        Assert.Equal(
            otherAttributes.Select(a => string.Join(",", a.Values.Select(Convert.ToHexString))),
            request.Attributes.Select(a => string.Join(",", a.Values.Select(v => Convert.ToHexString(v.Span)))));

        // Offsets point at the elements they describe.
        foreach (CertificateExtension e in request.Extensions)
        {
            Assert.Equal(0x30, der[e.Offset]);
        }

        foreach (RequestAttribute a in request.Attributes)
        {
            Assert.Equal(0x30, der[a.Offset]);
        }

        // SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING }.
        AsnReader spkiSeq = new AsnReader(spki, AsnEncodingRules.DER).ReadSequence();
        AsnReader keyAlgorithm = spkiSeq.ReadSequence();
        Assert.Equal(keyAlgorithm.ReadObjectIdentifier(), request.PublicKey.AlgorithmOid);
        byte[]? keyParameters = keyAlgorithm.HasData ? keyAlgorithm.ReadEncodedValue().ToArray() : null;
        Assert.Equal(spkiSeq.ReadBitString(out _), request.PublicKey.PublicKey.ToArray());

        // Absent parameters are null, present ones are their TLV (checked last: it fails on its own line).
        Assert.Equal(algorithmParameters, request.SignatureAlgorithm.RawParameters?.ToArray());
        Assert.Equal(keyParameters, request.PublicKey.RawParameters?.ToArray());
    }

    [Theory, MemberData(nameof(StrictIds))]
    public void KeyAndAlgorithms_MatchManifest(string id)
    {
        JsonElement m = Manifest(id);
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));
        SubjectPublicKeyInfo key = request.PublicKey;

        Assert.Equal(m.GetProperty("keyAlgorithm").GetString(), key.AlgorithmName);
        Assert.Equal(m.GetProperty("spkiAlgorithmOid").GetString(), key.AlgorithmOid);
        int keyBits = m.GetProperty("keyBits").GetInt32();
        switch (key.Algorithm)
        {
            case KeyAlgorithm.Ed25519:
            case KeyAlgorithm.Ed448:
                // The manifest has the public key length for EdDSA (openssl prints no size).
                Assert.Equal(keyBits, key.PublicKey.Length * 8);
                Assert.Equal(key.Algorithm == KeyAlgorithm.Ed25519 ? 255 : 448, key.KeySize);
                break;
            default:
                Assert.Equal(keyBits, key.KeySize);
                break;
        }

        Assert.Equal(m.GetStringOrNull("curve"), key.CurveName);
        Assert.Equal(m.GetStringOrNull("curveOid"), key.CurveOid);
        if (key.Algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss)
        {
            Assert.Equal(keyBits, SubjectPublicKeyInfo.BitLength(key.RsaModulus.Span));
            Assert.NotEqual(0, key.RsaModulus.Span[0]);
            Assert.Equal([0x01, 0x00, 0x01], key.RsaExponent.ToArray());
        }

        Assert.Equal(SHA256.HashData(key.RawData.Span), key.GetSha256Fingerprint());

        JsonElement restriction = m.GetProperty("spkiPssRestrictions");
        if (restriction.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(key.PssRestrictions);
        }
        else
        {
            PssParameters r = key.PssRestrictions!;
            Assert.Equal(restriction.GetProperty("hashOid").GetString(), r.HashOid);
            Assert.Equal(restriction.GetProperty("mgf1HashOid").GetString(), r.Mgf1HashOid);
            Assert.Equal(restriction.GetProperty("minSaltLength").GetInt32(), r.SaltLength);
            Assert.Equal(restriction.GetProperty("trailerField").GetInt32(), r.TrailerField);
            Assert.Equal(Convert.FromHexString(restriction.GetProperty("parametersDer").GetString()!), key.RawParameters!.Value.ToArray());
        }

        SignatureAlgorithmIdentifier alg = request.SignatureAlgorithm;
        Assert.Equal(m.GetProperty("signatureAlgorithmOid").GetString(), alg.Oid);
        Assert.Equal(alg.Oid, SignatureAlgorithmIdentifier.Decode(alg.RawData).Oid);

        JsonElement pss = m.GetProperty("pss");
        if (pss.ValueKind == JsonValueKind.Null)
        {
            Assert.NotEqual(SignatureKind.RsaPss, alg.Kind);
            Assert.Null(alg.Pss);
        }
        else
        {
            Assert.Equal(SignatureKind.RsaPss, alg.Kind);
            Assert.Equal("RSASSA-PSS", alg.Name);
            PssParameters parameters = alg.Pss!;
            Assert.Equal(pss.GetProperty("hashOid").GetString(), parameters.HashOid);
            Assert.Equal(pss.GetProperty("mgf1HashOid").GetString(), parameters.Mgf1HashOid);
            Assert.Equal(pss.GetProperty("saltLength").GetInt32(), parameters.SaltLength);
            Assert.Equal(pss.GetProperty("trailerField").GetInt32(), parameters.TrailerField);
            Assert.Equal(pss.GetProperty("hash").GetString(), parameters.Hash?.Name?.ToLowerInvariant());
            Assert.Equal(pss.GetProperty("mgf1Hash").GetString(), parameters.Mgf1Hash?.Name?.ToLowerInvariant());
            Assert.Equal(parameters.Hash, alg.Hash);
        }

        // Kind and digest from the OID, for the algorithms openssl names.
        (SignatureKind kind, string? hash) = m.GetProperty("signatureAlgorithmOid").GetString()! switch
        {
            "1.2.840.113549.1.1.11" => (SignatureKind.RsaPkcs1, "SHA256"),
            "1.2.840.113549.1.1.5" => (SignatureKind.RsaPkcs1, "SHA1"),
            "1.2.840.113549.1.1.4" => (SignatureKind.RsaPkcs1, "MD5"),
            "1.2.840.113549.1.1.14" => (SignatureKind.RsaPkcs1, "SHA224"),
            "1.2.840.113549.1.1.12" => (SignatureKind.RsaPkcs1, "SHA384"),
            "1.2.840.113549.1.1.13" => (SignatureKind.RsaPkcs1, "SHA512"),
            "2.16.840.1.101.3.4.3.14" => (SignatureKind.RsaPkcs1, "SHA3-256"),
            "2.16.840.1.101.3.4.3.15" => (SignatureKind.RsaPkcs1, "SHA3-384"),
            "2.16.840.1.101.3.4.3.16" => (SignatureKind.RsaPkcs1, "SHA3-512"),
            "1.2.840.10045.4.3.2" => (SignatureKind.Ecdsa, "SHA256"),
            "1.2.840.10045.4.3.3" => (SignatureKind.Ecdsa, "SHA384"),
            "1.2.840.10045.4.3.4" => (SignatureKind.Ecdsa, "SHA512"),
            "1.2.840.10045.4.3.1" => (SignatureKind.Ecdsa, "SHA224"),
            "1.2.840.10045.4.1" => (SignatureKind.Ecdsa, "SHA1"),
            "2.16.840.1.101.3.4.3.10" => (SignatureKind.Ecdsa, "SHA3-256"),
            "2.16.840.1.101.3.4.3.2" => (SignatureKind.Dsa, "SHA256"),
            "1.2.840.10040.4.3" => (SignatureKind.Dsa, "SHA1"),
            "2.16.840.1.101.3.4.3.1" => (SignatureKind.Dsa, "SHA224"),
            "2.16.840.1.101.3.4.3.3" => (SignatureKind.Dsa, "SHA384"),
            "2.16.840.1.101.3.4.3.4" => (SignatureKind.Dsa, "SHA512"),
            "1.3.101.112" => (SignatureKind.Ed25519, null),
            "1.3.101.113" => (SignatureKind.Ed448, null),
            "1.2.840.113549.1.1.10" => (SignatureKind.RsaPss, alg.Pss!.Hash?.Name),
            string other => throw new InvalidOperationException(other),
        };
        Assert.Equal(kind, alg.Kind);
        Assert.Equal(hash, alg.Hash?.Name);
        Assert.Equal(m.GetStringOrNull("signatureAlgorithmParametersDer"), alg.RawParameters is { } p ? Convert.ToHexString(p.Span) : null);
    }

    [Theory, MemberData(nameof(StrictIds))]
    public void SubjectAttributesAndExtensions_MatchManifest(string id)
    {
        JsonElement m = Manifest(id);
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));

        // Subject: per RDN, OID and string type in DER order.
        JsonElement[] rdns = [.. m.GetProperty("subjectRdns").EnumerateArray()];
        Assert.Equal(rdns.Length, request.Subject.Rdns.Count);
        Assert.Equal(rdns.Length == 0, request.Subject.IsEmpty);
        for (int i = 0; i < rdns.Length; i++)
        {
            JsonElement[] expected = [.. rdns[i].EnumerateArray()];
            IReadOnlyList<AttributeTypeAndValue> actual = request.Subject.Rdns[i].Attributes;
            Assert.Equal(expected.Select(a => a.GetProperty("oid").GetString()), actual.Select(a => a.Oid));
            Assert.Equal(expected.Select(a => a.GetProperty("stringType").GetString()), actual.Select(a => OpensslStringType(a.StringType)));
            Assert.Equal(expected.Length > 1, request.Subject.Rdns[i].IsMultiValued);
        }

        Assert.Equal(NormaliseOpensslName(m.GetProperty("subjectUtf8").GetString()!), request.Subject.ToString());

        // SANs, in openssl's spelling normalised to ours.
        string[] sans = [.. m.GetProperty("sans").EnumerateArray().Select(s => NormaliseOpensslSan(s.GetString()!))];
        if (sans.Length == 0)
        {
            Assert.Null(request.SubjectAlternativeNames);
        }
        else
        {
            IReadOnlyList<GeneralName> names = request.SubjectAlternativeNames!;
            Assert.Equal(sans, names.Select(n => n.ToString()));
            foreach (GeneralName n in names)
            {
                Assert.Equal(n.Type == GeneralNameType.IPAddress, n.IPAddress is not null);
                Assert.Equal(n.Type == GeneralNameType.DirectoryName, n.DirectoryName is not null);
                Assert.Equal(n.Type == GeneralNameType.OtherName, n.OtherNameTypeOid is not null);
            }
        }

        // Extensions: OID, critical, value.
        Assert.Equal(m.GetProperty("hasExtensions").GetBoolean(), request.Extensions.Count > 0);
        Assert.Equal(
            m.GetProperty("extensions").EnumerateArray().Select(e => (e.GetProperty("oid").GetString(), e.GetProperty("critical").GetBoolean(), e.GetProperty("valueDer").GetString())),
            request.Extensions.Select(e => ((string?)e.Oid, e.Critical, (string?)Convert.ToHexString(e.Value.Span))));
        foreach (CertificateExtension e in request.Extensions)
        {
            Assert.Same(e, request.GetExtension(e.Oid));
        }

        // Attributes other than extensionRequest: OID and value types.
        Assert.Equal(
            m.GetProperty("attributes").EnumerateArray()
                .Where(a => a.GetProperty("oid").GetString() != "1.2.840.113549.1.9.14")
                .Select(a => a.GetProperty("oid").GetString() + ":" + string.Join(",", a.GetProperty("valueTypes").EnumerateArray().Select(t => t.GetString()))),
            request.Attributes.Select(a => a.Oid + ":" + string.Join(",", a.Values.Select(v => OpensslTypeName(v.Span[0])))));
        Assert.Equal(m.GetProperty("hasChallengePassword").GetBoolean(), request.ChallengePassword is not null);
        Assert.Equal(m.GetStringOrNull("challengePassword"), request.ChallengePassword);
    }

    [Fact]
    public void TypedExtensionViews_DecodeOpensslValues()
    {
        CertificationRequest ku = CertificationRequest.Decode(RequestTestFiles.OpensslDer("ext-keyusage-eku"));
        // 030201EE: bits 0-2 and 4-6.
        Assert.Equal(KeyUsageFlags.DigitalSignature | KeyUsageFlags.NonRepudiation | KeyUsageFlags.KeyEncipherment |
            KeyUsageFlags.KeyAgreement | KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign, ku.KeyUsage);
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", "1.3.6.1.4.1.99999.1.2.3"], ku.ExtendedKeyUsage);

        Assert.Equal(new BasicConstraints(true, 2), CertificationRequest.Decode(RequestTestFiles.OpensslDer("ext-bc-ca")).BasicConstraints);
        Assert.Equal(new BasicConstraints(false, null), CertificationRequest.Decode(RequestTestFiles.OpensslDer("ext-bc-ee")).BasicConstraints);

        // subjectKeyIdentifier=hash is SHA-1 of the subjectPublicKey BIT STRING contents (RFC 5280 §4.2.1.2 method 1).
        CertificationRequest ski = CertificationRequest.Decode(RequestTestFiles.OpensslDer("ext-ski"));
        Assert.Equal(SHA1.HashData(ski.PublicKey.PublicKey.Span), ski.SubjectKeyIdentifier!.Value.ToArray());

        CertificationRequest none = CertificationRequest.Decode(RequestTestFiles.OpensslDer("attr-none"));
        Assert.True(none.HasAttributesField);
        Assert.Empty(none.Attributes);
        Assert.Empty(none.Extensions);
        Assert.Null(none.KeyUsage);
        Assert.Null(none.ExtendedKeyUsage);
        Assert.Null(none.BasicConstraints);
        Assert.Null(none.ChallengePassword);
        Assert.Null(none.UnstructuredName);

        CertificationRequest unknown = CertificationRequest.Decode(RequestTestFiles.OpensslDer("ext-unknown"));
        Assert.True(unknown.GetExtension("1.2.3.5")!.Critical);
        Assert.Null(unknown.GetExtension("1.2.3.6"));
        Assert.Null(unknown.GetExtension("not an oid"));

        CertificationRequest empty = CertificationRequest.Decode(RequestTestFiles.OpensslDer("subject-empty-san"));
        Assert.True(empty.Subject.IsEmpty);
        Assert.Equal("", empty.Subject.ToString());
        Assert.True(empty.GetExtension("2.5.29.17")!.Critical);

        CertificationRequest unstructured = CertificationRequest.Decode(RequestTestFiles.OpensslDer("attr-unstructured-name"));
        Assert.NotNull(unstructured.UnstructuredName);

        // No subjectKeyIdentifier requested: null, not an empty identifier.
        Assert.Null(none.SubjectKeyIdentifier);
    }

    [Theory, MemberData(nameof(StrictIds))]
    public void DifferentialAgainstBclCertificateRequest(string id)
    {
        byte[] der = RequestTestFiles.OpensslDer(id);
        CertificationRequest request = CertificationRequest.Decode(der);
        CertificateRequest bcl = CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256,
            CertificateRequestLoadOptions.SkipSignatureValidation | CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);

        // Subject: same bytes, same RDNs, same decoded values.
        Assert.Equal(bcl.SubjectName.RawData, request.Subject.RawData.ToArray());
        X500RelativeDistinguishedName[] bclRdns = [.. bcl.SubjectName.EnumerateRelativeDistinguishedNames(reversed: false)];
        Assert.Equal(bclRdns.Length, request.Subject.Rdns.Count);
        for (int i = 0; i < bclRdns.Length; i++)
        {
            IReadOnlyList<AttributeTypeAndValue> ours = request.Subject.Rdns[i].Attributes;
            Assert.Equal(bclRdns[i].HasMultipleElements, request.Subject.Rdns[i].IsMultiValued);
            if (!bclRdns[i].HasMultipleElements)
            {
                AttributeTypeAndValue only = Assert.Single(ours);
                Assert.Equal(bclRdns[i].GetSingleElementType().Value, only.Oid);
                Assert.Equal(bclRdns[i].GetSingleElementValue(), only.Value);
            }
            else
            {
                (string Oid, string? Value)[] members = ReadRdnWithAsnReader(bclRdns[i].RawData);
                Assert.Equal(members.Select(x => x.Oid), ours.Select(a => a.Oid));
                Assert.Equal(members.Select(x => x.Value), ours.Select(a => a.Value));
            }
        }

        // X500DistinguishedName.Name for subjects where both formats agree on escaping and names.
        if (IsSimpleSubject(request.Subject))
        {
            string expected = string.Join(", ", request.Subject.ToString().Split(',').Select(p => p.StartsWith("ST=", StringComparison.Ordinal) ? "S=" + p[3..] : p));
            Assert.Equal(expected, new X500DistinguishedName(request.Subject.RawData.Span).Name);
        }

        // SubjectPublicKeyInfo.
        Assert.Equal(bcl.PublicKey.ExportSubjectPublicKeyInfo(), request.PublicKey.RawData.ToArray());
        Assert.Equal(bcl.PublicKey.Oid.Value, request.PublicKey.AlgorithmOid);
        Assert.Equal(bcl.PublicKey.EncodedKeyValue.RawData, request.PublicKey.PublicKey.ToArray());

        // Extensions, in order.
        Assert.Equal(
            bcl.CertificateExtensions.Select(e => (e.Oid!.Value, e.Critical, Convert.ToHexString(e.RawData))),
            request.Extensions.Select(e => ((string?)e.Oid, e.Critical, Convert.ToHexString(e.Value.Span))));

        // Other attributes: the BCL keeps one AsnEncodedData per value.
        Assert.Equal(
            bcl.OtherRequestAttributes.Select(a => a.Oid!.Value + "=" + Convert.ToHexString(a.RawData)),
            request.Attributes.SelectMany(a => a.Values.Select(v => a.Oid + "=" + Convert.ToHexString(v.Span))));

        // Typed views against the BCL's typed extensions.
        foreach (X509Extension e in bcl.CertificateExtensions)
        {
            switch (e.Oid!.Value)
            {
                case "2.5.29.15":
                    Assert.Equal(new X509KeyUsageExtension(e, e.Critical).KeyUsages, ToBcl(request.KeyUsage!.Value));
                    break;
                case "2.5.29.19":
                    var bc = new X509BasicConstraintsExtension(e, e.Critical);
                    Assert.Equal(bc.CertificateAuthority, request.BasicConstraints!.CertificateAuthority);
                    Assert.Equal(bc.HasPathLengthConstraint ? bc.PathLengthConstraint : null, request.BasicConstraints.PathLengthConstraint);
                    break;
                case "2.5.29.37":
                    Assert.Equal(new X509EnhancedKeyUsageExtension(e, e.Critical).EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value), request.ExtendedKeyUsage!);
                    break;
                case "2.5.29.14":
                    Assert.Equal(new X509SubjectKeyIdentifierExtension(e, e.Critical).SubjectKeyIdentifierBytes.ToArray(), request.SubjectKeyIdentifier!.Value.ToArray());
                    break;
                case "2.5.29.17":
                    var san = new X509SubjectAlternativeNameExtension(e.RawData, e.Critical);
                    Assert.Equal(san.EnumerateDnsNames(), request.SubjectAlternativeNames!.Where(n => n.Type == GeneralNameType.DnsName).Select(n => n.Value));
                    Assert.Equal(san.EnumerateIPAddresses(), request.SubjectAlternativeNames!.Where(n => n.Type == GeneralNameType.IPAddress).Select(n => n.IPAddress!));
                    break;
                default:
                    break;
            }
        }

        // The BCL has no EncodedParameters when the SPKI has none (EdDSA, RSASSA-PSS without restrictions).
        Assert.Equal(bcl.PublicKey.EncodedParameters?.RawData, request.PublicKey.RawParameters?.ToArray());
    }

    [Theory, MemberData(nameof(StrictIds))]
    public void Signature_MatchesIndependentCheck(string id)
    {
        JsonElement m = Manifest(id);
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));
        JsonElement independent = m.GetProperty("independentSignatureCheck");
        bool truth = independent.ValueKind == JsonValueKind.Object
            ? independent.GetProperty("valid").GetBoolean()
            : m.GetProperty("expectedSignatureValid").GetBoolean();

        SignatureStatus expected = !truth ? SignatureStatus.Invalid
            : request.SignatureAlgorithm.Hash is { } h && IsSha3(h) && !Sha3Supported(h) ? SignatureStatus.Unsupported
            : SignatureStatus.Valid;
        SignatureStatus status = request.CheckSignature();
        Assert.Equal(expected, status);
        Assert.Equal(status, SignatureVerifier.Verify(request.SignatureAlgorithm, request.PublicKey, request.RawInfo.Span, request.Signature.Span));

        bool weak = request.SignatureAlgorithm.Hash == HashAlgorithmName.SHA1 || request.SignatureAlgorithm.Hash == HashAlgorithmName.MD5;
        Assert.Equal(status == SignatureStatus.Valid && !weak, request.VerifySignature());
        Assert.Equal(status == SignatureStatus.Valid && request.SignatureAlgorithm.Hash != HashAlgorithmName.MD5, request.VerifySignature(VerificationPolicy.AllowSha1Policy));
        Assert.Equal(status == SignatureStatus.Valid, request.VerifySignature(new VerificationPolicy { AllowSha1 = true, AllowMd5 = true }));
    }

    [Theory]
    [InlineData("p256-sha3-256")]
    [InlineData("dsa2048-sha384")]
    [InlineData("dsa2048-sha512")]
    public void OpensslCouldNotVerify_ButTheSignatureIsGood(string id)
    {
        JsonElement m = Manifest(id);
        Assert.False(m.GetProperty("expectedSignatureValid").GetBoolean());
        Assert.Equal("error", m.GetProperty("opensslVerifyResult").GetString());
        Assert.True(m.GetProperty("independentSignatureCheck").GetProperty("valid").GetBoolean());

        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));
        SignatureStatus expected = request.SignatureAlgorithm.Hash is { } h && IsSha3(h) && !Sha3Supported(h) ? SignatureStatus.Unsupported : SignatureStatus.Valid;
        Assert.Equal(expected, request.CheckSignature());
    }

    [Theory]
    [InlineData("rsa2048-sha256-badsig")]
    [InlineData("p256-sha256-tampered-tbs")]
    public void BadSignatureFixtures_AreInvalid(string id)
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer(id));
        Assert.Equal(SignatureStatus.Invalid, request.CheckSignature());
        Assert.Equal(SignatureStatus.Invalid, request.CheckSignature(VerificationEngine.Platform));
        Assert.False(request.VerifySignature(new VerificationPolicy { AllowSha1 = true, AllowMd5 = true }));
    }

    [Fact]
    public void TamperedTbs_ReadsTheFlippedSubject()
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.OpensslDer("p256-sha256-tampered-tbs"));
        Assert.StartsWith("ubs-tamper", request.Subject.Rdns.SelectMany(r => r.Attributes).Single(a => a.ShortName == "CN").Value, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(GoodSignatureIds))]
    public void Tampered_NeverValid(string id)
    {
        byte[] der = RequestTestFiles.OpensslDer(id);
        CertificationRequest original = CertificationRequest.Decode(der);
        int infoStart = Offset(original.RawData, original.RawInfo);
        int signatureStart = Offset(original.RawData, original.Signature);

        var positions = new List<(int Index, int Bit)>();
        for (int k = 0; k < 8; k++)
        {
            positions.Add((infoStart + (int)((long)original.RawInfo.Length * k / 8), k));
        }

        positions.Add((infoStart + original.RawInfo.Length - 1, 0));
        for (int k = 0; k < 5; k++)
        {
            positions.Add((signatureStart + (original.Signature.Length * k / 5), 7 - k));
        }

        positions.Add((signatureStart + original.Signature.Length - 1, 0));

        foreach ((int index, int bit) in positions)
        {
            byte[] copy = (byte[])der.Clone();
            copy[index] ^= (byte)(1 << bit);
            foreach (CertificationRequestDecoderOptions options in new[] { CertificationRequestDecoderOptions.Strict, CertificationRequestDecoderOptions.Lenient })
            {
                if (CertificationRequest.TryDecode(copy, out CertificationRequest? tampered, out Pkcs10Exception? error, options))
                {
                    SignatureStatus status = tampered.CheckSignature();
                    Assert.True(status != SignatureStatus.Valid, $"{id}: bit {bit} of byte {index} flipped, still {status}");
                    Assert.Equal(status, tampered.CheckSignature(VerificationEngine.Platform));
                    Assert.False(tampered.VerifySignature(new VerificationPolicy { AllowSha1 = true, AllowMd5 = true }));
                }
                else
                {
                    Assert.NotEqual(Pkcs10ErrorCode.None, error!.Code);
                }
            }
        }
    }

    private static int Offset(ReadOnlyMemory<byte> outer, ReadOnlyMemory<byte> inner)
    {
        Assert.True(outer.Span.Overlaps(inner.Span, out int offset));
        return offset;
    }

    private static bool IsSha3(HashAlgorithmName h) => h == HashAlgorithmName.SHA3_256 || h == HashAlgorithmName.SHA3_384 || h == HashAlgorithmName.SHA3_512;

    private static bool Sha3Supported(HashAlgorithmName h) =>
        h == HashAlgorithmName.SHA3_256 ? SHA3_256.IsSupported : h == HashAlgorithmName.SHA3_384 ? SHA3_384.IsSupported : SHA3_512.IsSupported;

    private static string? OpensslStringType(Pkcs10TagNumber? type) => type switch
    {
        Pkcs10TagNumber.Utf8String => "UTF8STRING",
        Pkcs10TagNumber.PrintableString => "PRINTABLESTRING",
        Pkcs10TagNumber.TeletexString => "T61STRING",
        Pkcs10TagNumber.BmpString => "BMPSTRING",
        Pkcs10TagNumber.IA5String => "IA5STRING",
        _ => type?.ToString(),
    };

    private static string OpensslTypeName(byte tag) => tag switch
    {
        0x0C => "UTF8STRING",
        0x13 => "PRINTABLESTRING",
        0x14 => "T61STRING",
        0x16 => "IA5STRING",
        0x1E => "BMPSTRING",
        0x30 => "SEQUENCE",
        _ => $"tag {tag:X2}",
    };

    private static X509KeyUsageFlags ToBcl(KeyUsageFlags flags)
    {
        X509KeyUsageFlags r = X509KeyUsageFlags.None;
        (KeyUsageFlags Ours, X509KeyUsageFlags Bcl)[] map =
        [
            (KeyUsageFlags.DigitalSignature, X509KeyUsageFlags.DigitalSignature), (KeyUsageFlags.NonRepudiation, X509KeyUsageFlags.NonRepudiation),
            (KeyUsageFlags.KeyEncipherment, X509KeyUsageFlags.KeyEncipherment), (KeyUsageFlags.DataEncipherment, X509KeyUsageFlags.DataEncipherment),
            (KeyUsageFlags.KeyAgreement, X509KeyUsageFlags.KeyAgreement), (KeyUsageFlags.KeyCertSign, X509KeyUsageFlags.KeyCertSign),
            (KeyUsageFlags.CrlSign, X509KeyUsageFlags.CrlSign), (KeyUsageFlags.EncipherOnly, X509KeyUsageFlags.EncipherOnly),
            (KeyUsageFlags.DecipherOnly, X509KeyUsageFlags.DecipherOnly),
        ];
        foreach ((KeyUsageFlags ours, X509KeyUsageFlags bcl) in map)
        {
            if (flags.HasFlag(ours))
            {
                r |= bcl;
            }
        }

        return r;
    }

    private static (string Oid, string? Value)[] ReadRdnWithAsnReader(ReadOnlyMemory<byte> rdn)
    {
        AsnReader set = new AsnReader(rdn, AsnEncodingRules.DER).ReadSetOf();
        var list = new List<(string, string?)>();
        while (set.HasData)
        {
            AsnReader atv = set.ReadSequence();
            string oid = atv.ReadObjectIdentifier();
            Asn1Tag tag = atv.PeekTag();
            string? value = tag.TagClass == TagClass.Universal && tag.TagValue is (int)UniversalTagNumber.UTF8String or (int)UniversalTagNumber.PrintableString
                or (int)UniversalTagNumber.IA5String or (int)UniversalTagNumber.BMPString or (int)UniversalTagNumber.T61String
                ? atv.ReadCharacterString((UniversalTagNumber)tag.TagValue)
                : null;
            list.Add((oid, value));
        }

        return [.. list];
    }

    // Types and values for which X500DistinguishedName.Name and RFC 4514 text agree up to the separator and "S".
    private static bool IsSimpleSubject(DistinguishedName name) =>
        name.Rdns.All(r => !r.IsMultiValued && r.Attributes[0].ShortName is "CN" or "O" or "OU" or "C" or "L" or "ST" or "DC" &&
            r.Attributes[0].Value is { Length: > 0 } v && v.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.') &&
            v[0] != ' ' && v[^1] != ' ');

    // openssl RFC 2253 text (subjectUtf8) to our RFC 4514 text: reverse the members of multi-valued RDNs back to
    // DER order and spell streetAddress as RFC 4514 does.
    private static string NormaliseOpensslName(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        return string.Join(",", SplitUnescaped(text, ',').Select(rdn =>
            string.Join("+", SplitUnescaped(rdn, '+').Reverse().Select(atv => atv.StartsWith("street=", StringComparison.Ordinal) ? "STREET=" + atv[7..] : atv))));
    }

    private static IEnumerable<string> SplitUnescaped(string text, char separator)
    {
        var current = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (text[i] == separator)
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        yield return current.ToString();
    }

    private static string NormaliseOpensslSan(string san)
    {
        (string prefix, Func<string, string> map)[] rules =
        [
            ("DNS:", v => "dns:" + v),
            ("IP Address:", v => "ip:" + IPAddress.Parse(v)),
            ("email:", v => "email:" + v),
            ("URI:", v => "uri:" + v),
            ("othername: UPN::", v => "otherName:1.3.6.1.4.1.311.20.2.3:" + v),
            ("DirName:", v => "directoryName:" + string.Join(",", v.TrimStart('/').Split('/').Reverse())),
            ("Registered ID:", v => "registeredId:" + v),
        ];
        foreach ((string prefix, Func<string, string> map) in rules)
        {
            if (san.StartsWith(prefix, StringComparison.Ordinal))
            {
                return map(san[prefix.Length..]);
            }
        }

        throw new InvalidOperationException("unknown openssl SAN spelling: " + san);
    }
}
