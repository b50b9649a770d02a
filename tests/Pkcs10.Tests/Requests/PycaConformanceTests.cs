using System.Security.Cryptography;
using System.Text.Json;
using Pkcs10.Keys;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Requests;

/// <summary>
/// The 27 pyca/cryptography CSR vectors (../shared/testdata/pyca-cryptography-vectors), one row per entry of
/// <c>csr-expectations.json</c>, checked against the project's strictness policy and against what
/// pyca/cryptography 48 observed.
/// </summary>
/// <remarks>
/// Policy: strict decoding rejects what DER (X.690) or RFC 2986 / RFC 2985 / RFC 5280 forbid; lenient decoding
/// accepts the deviations real requesters produce and lists each one in <c>Findings</c>. Duplicate extensions
/// are rejected in both modes (RFC 5280 §4.2 leaves no sensible interpretation), and a version other than 0, 1
/// or 2 in both modes. Signature ground truth is <c>raw_signature_math_check</c> (a direct check over the TBS
/// bytes), with our own digest policy (MD5/SHA-1 refused by <c>VerifySignature()</c>) on top.
///
/// Where we and pyca/cryptography 48 differ, on principle:
/// <code>
/// | file                          | pyca 48                                      | strict                   | lenient                        | why
/// |-------------------------------|----------------------------------------------|--------------------------|--------------------------------|-------------------------------------------
/// | challenge-invalid.der         | loads; rejects the attribute when read       | InvalidAttribute         | accepts, finding InvalidAttribute | we validate attributes eagerly (RFC 2985 §5.4.1: DirectoryString)
/// | challenge-multi-valued.der    | loads; rejects the attribute when read       | InvalidAttribute         | accepts, finding InvalidAttribute | eager; challengePassword is SINGLE VALUE (RFC 2985 §5.4.1)
/// | long-form-attribute.pem       | loads; rejects the attribute when read       | InvalidAttribute         | accepts, finding InvalidAttribute | eager; [APPLICATION 32] is not a DirectoryString
/// | zero-element-attribute.pem    | loads; rejects the attributes when read      | InvalidAttribute         | accepts, finding InvalidAttribute | eager; SET SIZE(1..MAX) (RFC 2986 §4.1)
/// | freeipa-bad-critical.pem,     | loads; rejects the extensions when read      | DefaultValueEncoded      | accepts, 3 findings            | X.690 §11.5: critical FALSE is the DEFAULT
/// |   freeipa_bad_bool.pem        |                                              |                          |                                |
/// | two_basic_constraints.pem     | loads; DuplicateExtension when read          | DuplicateExtension       | DuplicateExtension             | RFC 5280 §4.2, rejected in both modes
/// | bad-version.pem               | InvalidVersion                               | UnsupportedVersion       | accepts, finding UnsupportedVersion | lenient tolerates versions 1 and 2
/// | rsa_sha1.*, san_rsa_sha1.*    | is_signature_valid False (policy)            | CheckSignature Valid; VerifySignature() false, true with AllowSha1Policy
/// | rsa_md4.*                     | UnsupportedAlgorithm                          | decodes; CheckSignature Unsupported (MD4 is not computed)
/// | dsa_sha1.*                    | valid                                         | CheckSignature Valid (BCL DSA); VerifySignature() false (SHA-1)
/// </code>
/// </remarks>
public sealed class PycaConformanceTests
{
    private const string Root = "pyca-cryptography-vectors/";

    private sealed record Policy(Pkcs10ErrorCode? StrictError = null, Pkcs10ErrorCode[]? LenientFindings = null, SignatureStatus? SignatureWhenNoTruth = null);

    private static readonly Policy Accept = new();

    // One entry per CSR of csr-expectations.json: strict error (null = accepted) and, when strict rejects, the
    // findings lenient decoding reports (null = lenient rejects as well, with the same code).
    private static readonly Dictionary<string, Policy> s_policy = new()
    {
        ["x509/requests/bad-version.pem"] = new(Pkcs10ErrorCode.UnsupportedVersion, [Pkcs10ErrorCode.UnsupportedVersion],
            // raw_signature_math_check could not run (pyca refuses to load); ECDSA over the TBS with
            // pyca 48's primitives says the signature does not verify.
            SignatureWhenNoTruth: SignatureStatus.Invalid),
        ["x509/requests/basic_constraints.pem"] = Accept,
        ["x509/requests/challenge-invalid.der"] = new(Pkcs10ErrorCode.InvalidAttribute, [Pkcs10ErrorCode.InvalidAttribute]),
        ["x509/requests/challenge-multi-valued.der"] = new(Pkcs10ErrorCode.InvalidAttribute, [Pkcs10ErrorCode.InvalidAttribute]),
        ["x509/requests/challenge-unstructured.pem"] = Accept,
        ["x509/requests/challenge.pem"] = Accept,
        ["x509/requests/dsa_sha1.der"] = Accept,
        ["x509/requests/dsa_sha1.pem"] = Accept,
        ["x509/requests/ec_sha256.der"] = Accept,
        ["x509/requests/ec_sha256.pem"] = Accept,
        ["x509/requests/ec_sha256_old_header.pem"] = Accept,
        ["x509/requests/freeipa-bad-critical.pem"] = new(Pkcs10ErrorCode.DefaultValueEncoded,
            [Pkcs10ErrorCode.DefaultValueEncoded, Pkcs10ErrorCode.DefaultValueEncoded, Pkcs10ErrorCode.DefaultValueEncoded]),
        ["x509/requests/freeipa_bad_bool.pem"] = new(Pkcs10ErrorCode.DefaultValueEncoded,
            [Pkcs10ErrorCode.DefaultValueEncoded, Pkcs10ErrorCode.DefaultValueEncoded, Pkcs10ErrorCode.DefaultValueEncoded]),
        ["x509/requests/invalid_signature.pem"] = Accept,
        ["x509/requests/long-form-attribute.pem"] = new(Pkcs10ErrorCode.InvalidAttribute, [Pkcs10ErrorCode.InvalidAttribute]),
        ["x509/requests/rsa_md4.der"] = Accept,
        ["x509/requests/rsa_md4.pem"] = Accept,
        ["x509/requests/rsa_sha1.der"] = Accept,
        ["x509/requests/rsa_sha1.pem"] = Accept,
        ["x509/requests/rsa_sha256.der"] = Accept,
        ["x509/requests/rsa_sha256.pem"] = Accept,
        ["x509/requests/san_rsa_sha1.der"] = Accept,
        ["x509/requests/san_rsa_sha1.pem"] = Accept,
        ["x509/requests/two_basic_constraints.pem"] = new(Pkcs10ErrorCode.DuplicateExtension, LenientFindings: null),
        ["x509/requests/unsupported_extension.pem"] = Accept,
        ["x509/requests/unsupported_extension_critical.pem"] = Accept,
        ["x509/requests/zero-element-attribute.pem"] = new(Pkcs10ErrorCode.InvalidAttribute, [Pkcs10ErrorCode.InvalidAttribute]),
    };

    public static TheoryData<string> Files => new(s_policy.Keys.Order(StringComparer.Ordinal));

    private static readonly Lazy<JsonDocument> s_expectations =
        new(() => JsonDocument.Parse(File.ReadAllBytes(SharedTestData.Require(Root + "csr-expectations.json"))));

    private static JsonElement Entry(string file) =>
        s_expectations.Value.RootElement.GetProperty("csrs").EnumerateArray().Single(c => c.GetProperty("file").GetString() == file);

    [Fact]
    public void PolicyTable_CoversEveryExpectationEntry()
    {
        string[] inJson = [.. s_expectations.Value.RootElement.GetProperty("csrs").EnumerateArray()
            .Select(c => c.GetProperty("file").GetString()!).Order(StringComparer.Ordinal)];
        Assert.Equal(27, inJson.Length);
        Assert.Equal(inJson, s_policy.Keys.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Files))]
    public void Csr_DecodesAndVerifiesPerPolicy(string file)
    {
        JsonElement entry = Entry(file);
        byte[] der = RequestTestFiles.ReadRequest(SharedTestData.Require(Root + file));
        Policy policy = s_policy[file];
        JsonElement observed = entry.GetProperty("observed");

        CertificationRequest request;
        if (policy.StrictError is Pkcs10ErrorCode strictCode)
        {
            Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der));
            Assert.Equal(strictCode, e.Code);
            Assert.NotNull(e.Offset);
            Assert.InRange(e.Offset.Value, 0, der.Length - 1);
            Assert.False(CertificationRequest.TryDecode(der, out CertificationRequest? none, out Pkcs10Exception? error));
            Assert.Null(none);
            Assert.Equal(strictCode, error!.Code);

            if (policy.LenientFindings is null)
            {
                Pkcs10Exception lenientError = Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient));
                Assert.Equal(strictCode, lenientError.Code);
                return;
            }

            request = CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient);
            Assert.Equal(policy.LenientFindings, request.Findings.Select(f => f.Code));
            Assert.All(request.Findings, f => Assert.InRange(f.Offset, 0, der.Length - 1));

            // The finding strict decoding threw is the first one lenient decoding reports, at the same place.
            Assert.Equal(e.Offset, request.Findings[0].Offset);
        }
        else
        {
            request = CertificationRequest.Decode(der);
            Assert.Empty(request.Findings);
            Assert.Empty(CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient).Findings);
        }

        Assert.Equal(der, request.RawData.ToArray());
        Assert.True(observed.GetProperty("pyca_cryptography_48").TryGetProperty("load", out JsonElement load));
        if (load.GetString() == "ok")
        {
            AssertMatchesPyca(request, observed.GetProperty("pyca_cryptography_48"));
        }

        string truth = observed.GetProperty("raw_signature_math_check").GetString()!;
        SignatureStatus expected = truth switch
        {
            "SIG_OK" => SignatureStatus.Valid,
            "SIG_BAD" => SignatureStatus.Invalid,
            _ when truth.StartsWith("ERR UnsupportedAlgorithm", StringComparison.Ordinal) => SignatureStatus.Unsupported, // md4WithRSAEncryption
            _ => policy.SignatureWhenNoTruth ?? throw new InvalidOperationException($"{file}: no signature truth ({truth}) and no override"),
        };
        SignatureStatus status = request.CheckSignature();
        Assert.Equal(expected, status);

        bool weak = request.SignatureAlgorithm.Hash == HashAlgorithmName.SHA1 || request.SignatureAlgorithm.Hash == HashAlgorithmName.MD5;
        Assert.Equal(status == SignatureStatus.Valid && !weak, request.VerifySignature());
        Assert.Equal(status == SignatureStatus.Valid && request.SignatureAlgorithm.Hash != HashAlgorithmName.MD5,
            request.VerifySignature(VerificationPolicy.AllowSha1Policy));

        if (policy.StrictError is null)
        {
            Assert.Equal(der, request.Encode());
        }
    }

    [Theory]
    [InlineData("x509/requests/rsa_sha1.der")]
    [InlineData("x509/requests/rsa_sha1.pem")]
    [InlineData("x509/requests/san_rsa_sha1.der")]
    [InlineData("x509/requests/san_rsa_sha1.pem")]
    [InlineData("x509/requests/dsa_sha1.der")]
    [InlineData("x509/requests/dsa_sha1.pem")]
    public void Sha1_ValidButRefusedByDefaultPolicy(string file)
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.ReadRequest(SharedTestData.Require(Root + file)));
        Assert.Equal(HashAlgorithmName.SHA1, request.SignatureAlgorithm.Hash);
        Assert.True(request.SignatureAlgorithm.IsWeakHash);
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.False(request.VerifySignature());
        Assert.False(request.VerifySignature(VerificationPolicy.Default));
        Assert.True(request.VerifySignature(VerificationPolicy.AllowSha1Policy));
    }

    [Fact]
    public void Dsa_VerifiedWithTheBclDsa()
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.ReadRequest(SharedTestData.Require(Root + "x509/requests/dsa_sha1.der")));
        Assert.Equal(KeyAlgorithm.Dsa, request.PublicKey.Algorithm);
        Assert.Equal("DSA", request.PublicKey.AlgorithmName);
        Assert.Equal(SignatureKind.Dsa, request.SignatureAlgorithm.Kind);
        Assert.Equal("1.2.840.10040.4.3", request.SignatureAlgorithm.Oid);
        Assert.NotNull(request.PublicKey.RawParameters);
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
    }

    [Theory]
    [InlineData("x509/requests/rsa_md4.der")]
    [InlineData("x509/requests/rsa_md4.pem")]
    public void Md4_IsRecognisedButNotComputed(string file)
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.ReadRequest(SharedTestData.Require(Root + file)));
        Assert.Equal("1.2.840.113549.1.1.3", request.SignatureAlgorithm.Oid);
        Assert.Equal("md4WithRSAEncryption", request.SignatureAlgorithm.Name);
        Assert.True(request.SignatureAlgorithm.IsWeakHash);
        Assert.Equal(SignatureStatus.Unsupported, request.CheckSignature());
        Assert.False(request.VerifySignature(new VerificationPolicy { AllowMd5 = true, AllowSha1 = true }));
    }

    [Fact]
    public void LegacyPemLabel_DecodesToTheSameRequest()
    {
        string text = File.ReadAllText(SharedTestData.Require(Root + "x509/requests/ec_sha256_old_header.pem"));
        byte[] der = RequestTestFiles.PemToDer(text, out string label);
        Assert.Equal("NEW CERTIFICATE REQUEST", label);

        CertificationRequest request = CertificationRequest.Decode(der);
        Assert.Equal(File.ReadAllBytes(SharedTestData.Require(Root + "x509/requests/ec_sha256.der")), request.RawData.ToArray());
        Assert.Equal(KeyAlgorithm.EC, request.PublicKey.Algorithm);
        Assert.Equal("P-384", request.PublicKey.CurveName);
        Assert.Equal(384, request.PublicKey.KeySize);
        Assert.Equal("ecdsa-with-SHA256", request.SignatureAlgorithm.Name);
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.True(request.VerifySignature());
    }

    [Fact]
    public void ChallengeAndUnstructuredName_AreExposed()
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.ReadRequest(SharedTestData.Require(Root + "x509/requests/challenge-unstructured.pem")));
        Assert.NotNull(request.ChallengePassword);
        Assert.NotNull(request.UnstructuredName);
        Assert.Equal(["1.2.840.113549.1.9.7", "1.2.840.113549.1.9.2"], request.Attributes.Select(a => a.Oid));
        Assert.Empty(request.Extensions);
    }

    [Fact]
    public void BasicConstraintsRequest_IsDecoded()
    {
        CertificationRequest request = CertificationRequest.Decode(RequestTestFiles.ReadRequest(SharedTestData.Require(Root + "x509/requests/basic_constraints.pem")));
        Assert.Equal(new Pkcs10.Extensions.BasicConstraints(true, 1), request.BasicConstraints);
        Assert.True(request.GetExtension("2.5.29.19")!.Critical);
    }

    [Fact]
    public void ZeroElementExtensionRequest_LenientlyMeansNoExtensions()
    {
        byte[] der = RequestTestFiles.ReadRequest(SharedTestData.Require(Root + "x509/requests/zero-element-attribute.pem"));
        CertificationRequest request = CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient);
        Assert.Empty(request.Extensions);
        Assert.Null(request.SubjectAlternativeNames);
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
    }

    [Fact]
    public void FreeIpa_LenientKeepsTheExtensionsAndTheirCriticalFlags()
    {
        byte[] der = RequestTestFiles.ReadRequest(SharedTestData.Require(Root + "x509/requests/freeipa-bad-critical.pem"));
        CertificationRequest request = CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient);
        Assert.Equal(["2.5.29.17", "2.5.29.19", "2.5.29.14", "1.3.6.1.4.1.311.20.2"], request.Extensions.Select(e => e.Oid));
        Assert.Equal([false, true, false, false], request.Extensions.Select(e => e.Critical));
        Assert.Contains(request.SubjectAlternativeNames!, n => n.Type == Pkcs10.Extensions.GeneralNameType.DnsName && n.Value == "replica1.ipa.test");
        Assert.Equal(Convert.FromHexString("FB4BBE4D917202B029F228D02A7C3EFA7B5EEDF0"), request.SubjectKeyIdentifier!.Value.ToArray());
        Assert.Equal(["1.2.840.113549.1.9.20"], request.Attributes.Select(a => a.Oid));
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());

        // Lenient re-encoding canonicalises (drops the explicit FALSE), so the bytes and the signature change.
        byte[] reencoded = request.Encode();
        Assert.NotEqual(der, reencoded);
        CertificationRequest canonical = CertificationRequest.Decode(reencoded);
        Assert.Empty(canonical.Findings);
        Assert.Equal(SignatureStatus.Invalid, canonical.CheckSignature());
    }

    private static void AssertMatchesPyca(CertificationRequest request, JsonElement pyca)
    {
        Assert.Equal(pyca.GetProperty("signature_algorithm_oid").GetString(), request.SignatureAlgorithm.Oid);
        if (pyca.GetStringOrNull("signature_hash") is { } hash && !hash.StartsWith("error", StringComparison.Ordinal))
        {
            Assert.Equal(hash, request.SignatureAlgorithm.Hash?.Name?.ToLowerInvariant());
        }

        // pyca prints emailAddress as its dotted OID; everything else uses the same RFC 4514 short names.
        string subject = pyca.GetProperty("subject").GetString()!.Replace("1.2.840.113549.1.9.1=", "emailAddress=", StringComparison.Ordinal);
        Assert.Equal(subject, request.Subject.ToString());

        KeyAlgorithm key = pyca.GetProperty("public_key").GetString()! switch
        {
            "RSAPublicKey" => KeyAlgorithm.Rsa,
            "ECPublicKey" => KeyAlgorithm.EC,
            "DSAPublicKey" => KeyAlgorithm.Dsa,
            string other => throw new InvalidOperationException(other),
        };
        Assert.Equal(key, request.PublicKey.Algorithm);

        if (pyca.GetProperty("extensions").ValueKind == JsonValueKind.Array)
        {
            Assert.Equal(
                pyca.GetProperty("extensions").EnumerateArray().Select(e => (e.GetProperty("oid").GetString(), e.GetProperty("critical").GetBoolean())),
                request.Extensions.Select(e => ((string?)e.Oid, e.Critical)));
        }

        if (pyca.GetProperty("attributes").ValueKind == JsonValueKind.Array)
        {
            IEnumerable<string> ours = request.Attributes.Select(a => a.Oid);
            if (request.Extensions.Count > 0)
            {
                ours = ours.Append("1.2.840.113549.1.9.14");
            }

            Assert.Equal(
                pyca.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal),
                ours.Order(StringComparer.Ordinal));
        }
    }
}
