using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text.Json;
using Pkcs10.Keys;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Signatures;

/// <summary>
/// Every vector of the Wycheproof ECDSA (DER), RSASSA-PKCS1-v1_5 and RSASSA-PSS verification files
/// (../shared/testdata/wycheproof/testvectors_v1, C2SP/wycheproof v1 schemas) through
/// <see cref="SignatureVerifier.Verify(SignatureAlgorithmIdentifier, SubjectPublicKeyInfo, ReadOnlySpan{byte}, ReadOnlySpan{byte}, VerificationEngine)"/>,
/// the ECDSA and RSA files on both engines. The key and the signature AlgorithmIdentifier are built with
/// <see cref="AsnWriter"/> from the group's key and sha/mgfSha/sLen and decoded with the library's own
/// <c>Decode</c> methods; the built key must equal the group's <c>publicKeyDer</c>.
/// </summary>
/// <remarks>
/// Expected outcomes: <c>valid</c> → Valid; <c>invalid</c> → Invalid (a key the SPKI decoder refuses also counts
/// as rejection); Unsupported is accepted only for digests listed in <c>s_unsupportedDigests</c>, which is empty
/// now that SHA-512/224 and SHA-512/256 (two PSS files) are computed by managed code.
/// <c>acceptable</c>: only the RSASSA-PKCS1-v1_5 <c>MissingNull</c> vectors (a DigestInfo without the NULL
/// parameters, RFC 8017 §9.2 note 1). We return <see cref="SignatureStatus.Invalid"/> for them: the encoded
/// DigestInfo is compared with the one canonical encoding, which has the NULL.
/// The ECDSA DER files have no <c>acceptable</c> vectors. Not run here: the <c>*_p1363_test.json</c> files
/// (SignatureVerifier takes X.509/CSR signatures, i.e. DER Ecdsa-Sig-Value only), which
/// <see cref="Ecdsa.EcdsaP1363WycheproofTests"/> runs through the managed core, and the EdDSA files, which
/// <see cref="EdDsa.EdDsaWycheproofTests"/> runs.
/// </remarks>
public sealed class WycheproofSignatureTests
{
    private const string Root = "wycheproof/testvectors_v1/";

    private static readonly string[] s_ecdsaFiles =
    [
        "ecdsa_secp256r1_sha256_test.json", "ecdsa_secp256r1_sha512_test.json", "ecdsa_secp384r1_sha256_test.json",
        "ecdsa_secp384r1_sha384_test.json", "ecdsa_secp384r1_sha512_test.json", "ecdsa_secp521r1_sha512_test.json",
    ];

    private static readonly string[] s_rsaFiles =
    [
        "rsa_signature_2048_sha224_test.json", "rsa_signature_2048_sha256_test.json", "rsa_signature_2048_sha384_test.json",
        "rsa_signature_2048_sha512_test.json", "rsa_signature_3072_sha256_test.json", "rsa_signature_3072_sha384_test.json",
        "rsa_signature_3072_sha512_test.json", "rsa_signature_4096_sha256_test.json", "rsa_signature_4096_sha384_test.json",
        "rsa_signature_4096_sha512_test.json",
    ];

    private static readonly string[] s_pssFiles =
    [
        "rsa_pss_2048_sha1_mgf1_20_params_test.json", "rsa_pss_2048_sha1_mgf1_20_test.json",
        "rsa_pss_2048_sha256_mgf1_0_params_test.json", "rsa_pss_2048_sha256_mgf1_0_test.json",
        "rsa_pss_2048_sha256_mgf1_32_params_test.json", "rsa_pss_2048_sha256_mgf1_32_test.json",
        "rsa_pss_2048_sha256_mgf1sha1_20_test.json", "rsa_pss_2048_sha384_mgf1_48_test.json",
        "rsa_pss_2048_sha512_224_mgf1_28_test.json", "rsa_pss_2048_sha512_256_mgf1_32_test.json",
        "rsa_pss_2048_sha512_mgf1sha256_32_params_test.json", "rsa_pss_3072_sha256_mgf1_32_params_test.json",
        "rsa_pss_3072_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha384_mgf1_48_test.json", "rsa_pss_4096_sha512_mgf1_32_params_test.json",
        "rsa_pss_4096_sha512_mgf1_32_test.json", "rsa_pss_4096_sha512_mgf1_64_params_test.json",
        "rsa_pss_4096_sha512_mgf1_64_test.json", "rsa_pss_misc_params_test.json", "rsa_pss_misc_test.json",
    ];

    // P1363 (raw r‖s) files run in Ecdsa.EcdsaP1363WycheproofTests (SignatureVerifier only takes DER
    // Ecdsa-Sig-Value); the EdDSA files run in EdDsa.EdDsaWycheproofTests.
    private static readonly string[] s_skippedFiles =
    [
        .. Ecdsa.EcdsaP1363WycheproofTests.FileNames,
        "ed25519_test.json", "ed448_test.json",
    ];

    // Digests the library does not implement: every vector of a file using them is Unsupported.
    private static readonly HashSet<string> s_unsupportedDigests = [];

    // Each row also checks that it ran the file's numberOfTests vectors, so none is silently dropped. Every file
    // runs on both engines (managed ECDSA for P-256/384/521, and the BCL's ECDsa on the platform engine).
    public static TheoryData<string, VerificationEngine> Files
    {
        get
        {
            var data = new TheoryData<string, VerificationEngine>();
            foreach (string file in s_ecdsaFiles.Concat(s_rsaFiles).Concat(s_pssFiles))
            {
                data.Add(file, VerificationEngine.Managed);
                data.Add(file, VerificationEngine.Platform);
            }

            return data;
        }
    }

    [Fact]
    public void FileList_CoversTheWholeDirectory()
    {
        string dir = SharedTestData.Require(Root);
        Assert.Equal(
            Directory.GetFiles(dir, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            s_ecdsaFiles.Concat(s_rsaFiles).Concat(s_pssFiles).Concat(s_skippedFiles).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Files))]
    public void EveryVector_HasTheExpectedOutcome(string file, VerificationEngine engine)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(SharedTestData.Require(Root + file)));
        JsonElement root = doc.RootElement;
        var counts = new Dictionary<string, int>();
        var failures = new List<string>();
        int total = 0;

        foreach (JsonElement group in root.GetProperty("testGroups").EnumerateArray())
        {
            string type = group.GetProperty("type").GetString()!;
            string sha = group.GetProperty("sha").GetString()!;
            bool digestUnsupported = s_unsupportedDigests.Contains(sha) ||
                (group.TryGetProperty("mgfSha", out JsonElement mgfSha) && s_unsupportedDigests.Contains(mgfSha.GetString()!));

            byte[] spkiDer = BuildSpki(group, type);
            Assert.Equal(Convert.ToHexString(Convert.FromHexString(group.GetProperty("publicKeyDer").GetString()!)), Convert.ToHexString(spkiDer));
            SignatureAlgorithmIdentifier algorithm = SignatureAlgorithmIdentifier.Decode(BuildAlgorithm(group, type));
            SubjectPublicKeyInfo? key = null;
            string? keyError = null;
            try
            {
                key = SubjectPublicKeyInfo.Decode(spkiDer);
            }
            catch (Pkcs10Exception e)
            {
                keyError = e.Code.ToString();
            }

            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                total++;
                int tcId = test.GetProperty("tcId").GetInt32();
                string result = test.GetProperty("result").GetString()!;
                byte[] msg = Convert.FromHexString(test.GetProperty("msg").GetString()!);
                byte[] sig = Convert.FromHexString(test.GetProperty("sig").GetString()!);

                string outcome;
                if (key is null)
                {
                    outcome = "KeyRejected:" + keyError;
                }
                else
                {
                    try
                    {
                        outcome = SignatureVerifier.Verify(algorithm, key, msg, sig, engine).ToString();
                    }
                    catch (Exception e)
                    {
                        outcome = "threw " + e.GetType().Name + ": " + e.Message;
                    }
                }

                string bucket = result + "→" + outcome;
                counts[bucket] = counts.GetValueOrDefault(bucket) + 1;

                bool ok = digestUnsupported
                    ? outcome == nameof(SignatureStatus.Unsupported)
                    : result switch
                    {
                        "valid" => outcome == nameof(SignatureStatus.Valid),
                        "invalid" => outcome == nameof(SignatureStatus.Invalid) || outcome.StartsWith("KeyRejected:", StringComparison.Ordinal),
                        // RSASSA-PKCS1-v1_5 MissingNull: documented as Invalid (see the remarks).
                        "acceptable" => outcome == nameof(SignatureStatus.Invalid) && test.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "MissingNull"),
                        _ => false,
                    };
                if (!ok)
                {
                    failures.Add($"tcId {tcId} ({result}, {test.GetProperty("comment").GetString()}, flags {string.Join("|", test.GetProperty("flags").EnumerateArray())}): {outcome}");
                }
            }
        }

        string summary = $"{file} ({engine}): {total} vectors; " + string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.Equal(root.GetProperty("numberOfTests").GetInt32(), total);
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures));
    }

    [Fact]
    public void KeyOfTheWrongKind_IsInvalid()
    {
        using JsonDocument ec = JsonDocument.Parse(File.ReadAllBytes(SharedTestData.Require(Root + "ecdsa_secp256r1_sha256_test.json")));
        using JsonDocument rsa = JsonDocument.Parse(File.ReadAllBytes(SharedTestData.Require(Root + "rsa_signature_2048_sha256_test.json")));
        JsonElement ecGroup = ec.RootElement.GetProperty("testGroups")[0];
        JsonElement rsaGroup = rsa.RootElement.GetProperty("testGroups")[0];
        JsonElement ecValid = ecGroup.GetProperty("tests").EnumerateArray().First(t => t.GetProperty("result").GetString() == "valid");
        JsonElement rsaValid = rsaGroup.GetProperty("tests").EnumerateArray().First(t => t.GetProperty("result").GetString() == "valid");

        SubjectPublicKeyInfo ecKey = SubjectPublicKeyInfo.Decode(BuildSpki(ecGroup, "EcdsaVerify"));
        SubjectPublicKeyInfo rsaKey = SubjectPublicKeyInfo.Decode(BuildSpki(rsaGroup, "RsassaPkcs1Verify"));
        SignatureAlgorithmIdentifier ecdsa = SignatureAlgorithmIdentifier.Decode(BuildAlgorithm(ecGroup, "EcdsaVerify"));
        SignatureAlgorithmIdentifier pkcs1 = SignatureAlgorithmIdentifier.Decode(BuildAlgorithm(rsaGroup, "RsassaPkcs1Verify"));
        byte[] ecMsg = Convert.FromHexString(ecValid.GetProperty("msg").GetString()!), ecSig = Convert.FromHexString(ecValid.GetProperty("sig").GetString()!);
        byte[] rsaMsg = Convert.FromHexString(rsaValid.GetProperty("msg").GetString()!), rsaSig = Convert.FromHexString(rsaValid.GetProperty("sig").GetString()!);

        Assert.Equal(SignatureStatus.Valid, SignatureVerifier.Verify(ecdsa, ecKey, ecMsg, ecSig));
        Assert.Equal(SignatureStatus.Valid, SignatureVerifier.Verify(pkcs1, rsaKey, rsaMsg, rsaSig));
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(ecdsa, rsaKey, ecMsg, ecSig));
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(pkcs1, ecKey, rsaMsg, rsaSig));
        Assert.Throws<ArgumentNullException>(() => SignatureVerifier.Verify(null!, ecKey, ecMsg, ecSig));
        Assert.Throws<ArgumentNullException>(() => SignatureVerifier.Verify(ecdsa, null!, ecMsg, ecSig));
    }

    private static string HashOid(string sha) => sha switch
    {
        "SHA-1" => "1.3.14.3.2.26",
        "SHA-224" => "2.16.840.1.101.3.4.2.4",
        "SHA-256" => "2.16.840.1.101.3.4.2.1",
        "SHA-384" => "2.16.840.1.101.3.4.2.2",
        "SHA-512" => "2.16.840.1.101.3.4.2.3",
        "SHA-512/224" => "2.16.840.1.101.3.4.2.5",
        "SHA-512/256" => "2.16.840.1.101.3.4.2.6",
        _ => throw new InvalidOperationException(sha),
    };

    internal static byte[] BuildSpki(JsonElement group, string type)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        JsonElement publicKey = group.GetProperty("publicKey");
        using (w.PushSequence())
        {
            if (type == "EcdsaVerify")
            {
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.2.840.10045.2.1");
                    w.WriteObjectIdentifier(publicKey.GetProperty("curve").GetString()! switch
                    {
                        "secp256r1" => "1.2.840.10045.3.1.7",
                        "secp384r1" => "1.3.132.0.34",
                        "secp521r1" => "1.3.132.0.35",
                        string c => throw new InvalidOperationException(c),
                    });
                }

                w.WriteBitString(Convert.FromHexString(publicKey.GetProperty("uncompressed").GetString()!));
            }
            else
            {
                if (type == "RsassaPssWithParametersVerify")
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.2.840.113549.1.1.10");
                        WritePssParameters(w, group);
                    }
                }
                else
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.2.840.113549.1.1.1");
                        w.WriteNull();
                    }
                }

                var key = new AsnWriter(AsnEncodingRules.DER);
                using (key.PushSequence())
                {
                    key.WriteIntegerUnsigned(TrimZeros(Convert.FromHexString(publicKey.GetProperty("modulus").GetString()!)));
                    key.WriteIntegerUnsigned(TrimZeros(Convert.FromHexString(publicKey.GetProperty("publicExponent").GetString()!)));
                }

                w.WriteBitString(key.Encode());
            }
        }

        return w.Encode();
    }

    private static byte[] BuildAlgorithm(JsonElement group, string type)
    {
        string sha = group.GetProperty("sha").GetString()!;
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            switch (type)
            {
                case "EcdsaVerify":
                    // RFC 5758 §3.2: parameters absent.
                    w.WriteObjectIdentifier(sha switch
                    {
                        "SHA-256" => "1.2.840.10045.4.3.2",
                        "SHA-384" => "1.2.840.10045.4.3.3",
                        "SHA-512" => "1.2.840.10045.4.3.4",
                        _ => throw new InvalidOperationException(sha),
                    });
                    break;
                case "RsassaPkcs1Verify":
                    // RFC 4055 §5: parameters NULL.
                    w.WriteObjectIdentifier(sha switch
                    {
                        "SHA-224" => "1.2.840.113549.1.1.14",
                        "SHA-256" => "1.2.840.113549.1.1.11",
                        "SHA-384" => "1.2.840.113549.1.1.12",
                        "SHA-512" => "1.2.840.113549.1.1.13",
                        _ => throw new InvalidOperationException(sha),
                    });
                    w.WriteNull();
                    break;
                default:
                    w.WriteObjectIdentifier("1.2.840.113549.1.1.10");
                    WritePssParameters(w, group);
                    break;
            }
        }

        return w.Encode();
    }

    // RSASSA-PSS-params (RFC 4055 §3.1) in DER: DEFAULT values (sha1, mgf1SHA1, 20, trailerField 1) omitted.
    private static void WritePssParameters(AsnWriter w, JsonElement group)
    {
        string sha = group.GetProperty("sha").GetString()!;
        Assert.Equal("MGF1", group.GetProperty("mgf").GetString());
        string mgfSha = group.GetProperty("mgfSha").GetString()!;
        int salt = group.GetProperty("sLen").GetInt32();
        using (w.PushSequence())
        {
            if (sha != "SHA-1")
            {
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    WriteHashAlgorithm(w, sha);
                }
            }

            if (mgfSha != "SHA-1")
            {
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.2.840.113549.1.1.8");
                    WriteHashAlgorithm(w, mgfSha);
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

    private static void WriteHashAlgorithm(AsnWriter w, string sha)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(HashOid(sha));
            w.WriteNull();
        }
    }

    private static byte[] TrimZeros(byte[] value)
    {
        int i = 0;
        while (i < value.Length - 1 && value[i] == 0)
        {
            i++;
        }

        return value[i..];
    }
}
