using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Pkcs10.Signatures.Managed;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Signatures.Managed;

/// <summary>
/// Every vector of the Wycheproof RSASSA-PKCS1-v1_5 and RSASSA-PSS verification files
/// (shared/testdata/wycheproof, see its README) through <see cref="ManagedRsa"/>. The key comes
/// from the group's publicKeyDer (read here with System.Formats.Asn1), cross-checked against the
/// hex modulus and exponent; for the <c>_params</c> files the PSS parameters come from the SPKI.
/// </summary>
/// <remarks>
/// <para>"valid" must verify and "invalid" must not. The only "acceptable" vectors are
/// <c>MissingNull</c> (a PKCS#1 DigestInfo without the NULL parameters): ManagedRsa rejects them,
/// because it compares against the one encoding it builds, as Go, BoringSSL and the BCL on
/// OpenSSL 3 do.</para>
/// <para>Groups whose digest <see cref="Digest"/> cannot compute are not skipped: the test asserts
/// the reason (SHA-3 missing on this platform, or SHA-512/224 and SHA-512/256, which Digest does not
/// implement) and that ManagedRsa fails closed on every vector.</para>
/// </remarks>
public sealed class ManagedRsaWycheproofTests
{
    private const string Folder = "wycheproof/testvectors_v1";

    // Digests Digest deliberately does not implement (no BCL support; not used in WebPKI CSRs).
    private static readonly HashSet<string> s_knownUnsupported = ["SHA-512/224", "SHA-512/256"];

    private static readonly string[] s_pkcs1Files =
    [
        "rsa_signature_2048_sha224_test.json",
        "rsa_signature_2048_sha256_test.json",
        "rsa_signature_2048_sha384_test.json",
        "rsa_signature_2048_sha512_test.json",
        "rsa_signature_3072_sha256_test.json",
        "rsa_signature_3072_sha384_test.json",
        "rsa_signature_3072_sha512_test.json",
        "rsa_signature_4096_sha256_test.json",
        "rsa_signature_4096_sha384_test.json",
        "rsa_signature_4096_sha512_test.json",
    ];

    private static readonly string[] s_pssFiles =
    [
        "rsa_pss_2048_sha1_mgf1_20_test.json",
        "rsa_pss_2048_sha1_mgf1_20_params_test.json",
        "rsa_pss_2048_sha256_mgf1_0_test.json",
        "rsa_pss_2048_sha256_mgf1_0_params_test.json",
        "rsa_pss_2048_sha256_mgf1_32_test.json",
        "rsa_pss_2048_sha256_mgf1_32_params_test.json",
        "rsa_pss_2048_sha256_mgf1sha1_20_test.json",
        "rsa_pss_2048_sha384_mgf1_48_test.json",
        "rsa_pss_2048_sha512_224_mgf1_28_test.json",
        "rsa_pss_2048_sha512_256_mgf1_32_test.json",
        "rsa_pss_2048_sha512_mgf1sha256_32_params_test.json",
        "rsa_pss_3072_sha256_mgf1_32_test.json",
        "rsa_pss_3072_sha256_mgf1_32_params_test.json",
        "rsa_pss_4096_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha384_mgf1_48_test.json",
        "rsa_pss_4096_sha512_mgf1_32_test.json",
        "rsa_pss_4096_sha512_mgf1_32_params_test.json",
        "rsa_pss_4096_sha512_mgf1_64_test.json",
        "rsa_pss_4096_sha512_mgf1_64_params_test.json",
        "rsa_pss_misc_test.json",
        "rsa_pss_misc_params_test.json",
    ];

    public static TheoryData<string> Pkcs1Files => [.. s_pkcs1Files];

    public static TheoryData<string> PssFiles => [.. s_pssFiles];

    [Fact]
    public void EveryRsaFileIsListed()
    {
        string folder = SharedTestData.Require(Folder);
        string[] present = Directory.GetFiles(folder, "rsa_*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        string[] listed = s_pkcs1Files.Concat(s_pssFiles).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(listed, present);
    }

    [Theory]
    [MemberData(nameof(Pkcs1Files))]
    public void Pkcs1(string file)
    {
        using JsonDocument document = Load(file, out JsonElement root);
        Assert.Equal("RSASSA-PKCS1-v1_5", root.GetProperty("algorithm").GetString());
        var tally = new Tally(file);

        foreach (JsonElement group in root.GetProperty("testGroups").EnumerateArray())
        {
            Assert.Equal("RsassaPkcs1Verify", group.GetProperty("type").GetString());
            RsaKey key = ReadKey(group);
            Assert.Null(key.Pss);
            (HashAlgorithmName hashAlgorithm, _) = MapName(group.GetProperty("sha").GetString()!);
            Assert.True(Digest.IsSupported(hashAlgorithm));

            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                byte[] message = Convert.FromHexString(test.GetProperty("msg").GetString()!);
                byte[] signature = Convert.FromHexString(test.GetProperty("sig").GetString()!);
                byte[] hash = TestRsaKey.Hash(hashAlgorithm, message);
                bool actual = ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, signature, hashAlgorithm);
                tally.Record(test, actual, Pkcs1Acceptable);
            }
        }

        tally.AssertComplete(root);
    }

    [Theory]
    [MemberData(nameof(PssFiles))]
    public void Pss(string file)
    {
        using JsonDocument document = Load(file, out JsonElement root);
        Assert.Equal("RSASSA-PSS", root.GetProperty("algorithm").GetString());
        bool withParameters = file.EndsWith("_params_test.json", StringComparison.Ordinal);
        var tally = new Tally(file);

        foreach (JsonElement group in root.GetProperty("testGroups").EnumerateArray())
        {
            Assert.Equal(withParameters ? "RsassaPssWithParametersVerify" : "RsassaPssVerify", group.GetProperty("type").GetString());
            Assert.Equal("MGF1", group.GetProperty("mgf").GetString());
            RsaKey key = ReadKey(group);
            string shaName = group.GetProperty("sha").GetString()!;
            string mgfName = group.GetProperty("mgfSha").GetString()!;
            int saltLength = group.GetProperty("sLen").GetInt32();
            (HashAlgorithmName hashAlgorithm, int hashSize) = MapName(shaName);
            (HashAlgorithmName mgf1Hash, _) = MapName(mgfName);
            int trailerField = 1;

            if (withParameters)
            {
                // The verifier takes the parameters from the id-RSASSA-PSS key; Wycheproof's group
                // fields must say the same.
                Assert.NotNull(key.Pss);
                PssParameters pss = key.Pss;
                Assert.Equal(hashAlgorithm, pss.Hash);
                Assert.Equal(mgf1Hash, pss.Mgf1Hash);
                Assert.Equal(saltLength, pss.SaltLength);
                (hashAlgorithm, mgf1Hash, saltLength, trailerField) = (pss.Hash, pss.Mgf1Hash, pss.SaltLength, pss.TrailerField);
            }
            else
            {
                Assert.Null(key.Pss);
            }

            bool supported = Digest.IsSupported(hashAlgorithm) && Digest.IsSupported(mgf1Hash);
            if (!supported)
            {
                // Not silently skipped: the reason must be one we know of, and ManagedRsa must fail closed.
                foreach (string name in new[] { shaName, mgfName })
                {
                    HashAlgorithmName algorithm = MapName(name).Name;
                    Assert.True(
                        Digest.IsSupported(algorithm) || s_knownUnsupported.Contains(name) || (name.StartsWith("SHA3-", StringComparison.Ordinal) && !Digest.IsSupported(algorithm)),
                        $"{file}: {name} should be supported");
                }
            }

            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                byte[] message = Convert.FromHexString(test.GetProperty("msg").GetString()!);
                byte[] signature = Convert.FromHexString(test.GetProperty("sig").GetString()!);
                byte[] mHash = supported ? TestRsaKey.Hash(hashAlgorithm, message) : new byte[hashSize];
                bool actual = ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, signature, hashAlgorithm, mgf1Hash, saltLength, trailerField);
                if (supported)
                {
                    tally.Record(test, actual, NoAcceptable);
                }
                else
                {
                    tally.RecordUnsupported(test, actual);
                }
            }
        }

        tally.AssertComplete(root);
    }

    // MissingNull: the DigestInfo omits the NULL parameters. RFC 8017 §9.2 note 2 lets verifiers
    // accept it; ManagedRsa builds only the NULL form and rejects it.
    private static bool? Pkcs1Acceptable(JsonElement test)
    {
        string[] flags = test.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToArray();
        return flags is ["MissingNull"] ? false : null;
    }

    private static bool? NoAcceptable(JsonElement test) => null;

    private static JsonDocument Load(string file, out JsonElement root)
    {
        string path = Path.Combine(SharedTestData.Require(Folder), file);
        JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        root = document.RootElement;
        return document;
    }

    private static (HashAlgorithmName Name, int Size) MapName(string wycheproofName) => wycheproofName switch
    {
        "SHA-1" => (HashAlgorithmName.SHA1, 20),
        "SHA-224" => (Digest.Sha224, 28),
        "SHA-256" => (HashAlgorithmName.SHA256, 32),
        "SHA-384" => (HashAlgorithmName.SHA384, 48),
        "SHA-512" => (HashAlgorithmName.SHA512, 64),
        "SHA3-256" => (HashAlgorithmName.SHA3_256, 32),
        "SHA3-384" => (HashAlgorithmName.SHA3_384, 48),
        "SHA3-512" => (HashAlgorithmName.SHA3_512, 64),
        "SHA-512/224" => (new HashAlgorithmName("SHA-512/224"), 28),
        "SHA-512/256" => (new HashAlgorithmName("SHA-512/256"), 32),
        _ => throw new InvalidOperationException($"unmapped Wycheproof digest {wycheproofName}"),
    };

    private static HashAlgorithmName MapOid(string oid) => oid switch
    {
        "1.3.14.3.2.26" => HashAlgorithmName.SHA1,
        "2.16.840.1.101.3.4.2.4" => Digest.Sha224,
        "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
        "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
        "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
        "2.16.840.1.101.3.4.2.5" => new HashAlgorithmName("SHA-512/224"),
        "2.16.840.1.101.3.4.2.6" => new HashAlgorithmName("SHA-512/256"),
        _ => throw new InvalidOperationException($"unmapped digest OID {oid}"),
    };

    private sealed record PssParameters(HashAlgorithmName Hash, HashAlgorithmName Mgf1Hash, int SaltLength, int TrailerField);

    private sealed record RsaKey(byte[] Modulus, byte[] Exponent, PssParameters? Pss);

    private static RsaKey ReadKey(JsonElement group)
    {
        RsaKey key = ParseSubjectPublicKeyInfo(Convert.FromHexString(group.GetProperty("publicKeyDer").GetString()!));

        // The hex fields describe the same key (both keep the INTEGER's leading zero).
        JsonElement publicKey = group.GetProperty("publicKey");
        Assert.Equal(Convert.FromHexString(publicKey.GetProperty("modulus").GetString()!), key.Modulus);
        Assert.Equal(
            new BigInteger(Convert.FromHexString(publicKey.GetProperty("publicExponent").GetString()!), isUnsigned: true, isBigEndian: true),
            new BigInteger(key.Exponent, isUnsigned: true, isBigEndian: true));
        Assert.Equal(group.GetProperty("keySize").GetInt32(), (int)new BigInteger(key.Modulus, isUnsigned: true, isBigEndian: true).GetBitLength());
        return key;
    }

    // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
    // with rsaEncryption (NULL parameters) or id-RSASSA-PSS (RSASSA-PSS-params, RFC 4055 §3.1).
    private static RsaKey ParseSubjectPublicKeyInfo(byte[] der)
    {
        var reader = new AsnReader(der, AsnEncodingRules.DER);
        AsnReader spki = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        AsnReader algorithm = spki.ReadSequence();
        string oid = algorithm.ReadObjectIdentifier();
        PssParameters? pss = null;
        if (oid == "1.2.840.113549.1.1.1")
        {
            algorithm.ReadNull();
        }
        else
        {
            Assert.Equal("1.2.840.113549.1.1.10", oid);
            pss = ParsePssParameters(algorithm.ReadSequence());
        }

        algorithm.ThrowIfNotEmpty();
        byte[] bits = spki.ReadBitString(out int unusedBits);
        Assert.Equal(0, unusedBits);
        spki.ThrowIfNotEmpty();

        // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1)
        var keyReader = new AsnReader(bits, AsnEncodingRules.DER);
        AsnReader rsaPublicKey = keyReader.ReadSequence();
        keyReader.ThrowIfNotEmpty();
        byte[] modulus = rsaPublicKey.ReadIntegerBytes().ToArray();
        byte[] exponent = rsaPublicKey.ReadIntegerBytes().ToArray();
        rsaPublicKey.ThrowIfNotEmpty();
        return new RsaKey(modulus, exponent, pss);
    }

    // RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] DEFAULT sha1, maskGenAlgorithm [1] DEFAULT
    // mgf1SHA1, saltLength [2] INTEGER DEFAULT 20, trailerField [3] INTEGER DEFAULT 1 }
    private static PssParameters ParsePssParameters(AsnReader parameters)
    {
        HashAlgorithmName hash = HashAlgorithmName.SHA1;
        HashAlgorithmName mgf1Hash = HashAlgorithmName.SHA1;
        int saltLength = 20;
        int trailerField = 1;
        var tag0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        var tag1 = new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true);
        var tag2 = new Asn1Tag(TagClass.ContextSpecific, 2, isConstructed: true);
        var tag3 = new Asn1Tag(TagClass.ContextSpecific, 3, isConstructed: true);

        if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(tag0))
        {
            AsnReader explicitTag = parameters.ReadSequence(tag0);
            hash = ReadHashAlgorithm(explicitTag.ReadSequence());
            explicitTag.ThrowIfNotEmpty();
        }

        if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(tag1))
        {
            AsnReader explicitTag = parameters.ReadSequence(tag1);
            AsnReader maskGen = explicitTag.ReadSequence();
            Assert.Equal("1.2.840.113549.1.1.8", maskGen.ReadObjectIdentifier()); // id-mgf1
            mgf1Hash = ReadHashAlgorithm(maskGen.ReadSequence());
            maskGen.ThrowIfNotEmpty();
            explicitTag.ThrowIfNotEmpty();
        }

        if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(tag2))
        {
            AsnReader explicitTag = parameters.ReadSequence(tag2);
            Assert.True(explicitTag.TryReadInt32(out saltLength));
            explicitTag.ThrowIfNotEmpty();
        }

        if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(tag3))
        {
            AsnReader explicitTag = parameters.ReadSequence(tag3);
            Assert.True(explicitTag.TryReadInt32(out trailerField));
            explicitTag.ThrowIfNotEmpty();
        }

        parameters.ThrowIfNotEmpty();
        return new PssParameters(hash, mgf1Hash, saltLength, trailerField);
    }

    private static HashAlgorithmName ReadHashAlgorithm(AsnReader algorithmIdentifier)
    {
        HashAlgorithmName hash = MapOid(algorithmIdentifier.ReadObjectIdentifier());
        if (algorithmIdentifier.HasData)
        {
            algorithmIdentifier.ReadNull();
        }

        algorithmIdentifier.ThrowIfNotEmpty();
        return hash;
    }

    /// <summary>Counts and checks the vectors of one file.</summary>
    private sealed class Tally(string file)
    {
        private readonly List<string> _failures = [];
        private int _run;
        private int _passed;
        private int _valid;
        private int _invalid;
        private int _acceptable;
        private int _unsupported;

        public void Record(JsonElement test, bool actual, Func<JsonElement, bool?> acceptable)
        {
            _run++;
            string result = test.GetProperty("result").GetString()!;
            bool? expected = result switch
            {
                "valid" => true,
                "invalid" => false,
                "acceptable" => acceptable(test),
                _ => null,
            };
            _ = result switch
            {
                "valid" => _valid++,
                "invalid" => _invalid++,
                _ => _acceptable++,
            };

            if (expected is null)
            {
                _failures.Add($"tcId {Id(test)}: unexpected '{result}' vector ({Flags(test)}); decide and document what ManagedRsa should return");
            }
            else if (actual != expected)
            {
                _failures.Add($"tcId {Id(test)} ({result}, {Flags(test)}): got {actual} — {test.GetProperty("comment").GetString()}");
            }
            else
            {
                _passed++;
            }
        }

        public void RecordUnsupported(JsonElement test, bool actual)
        {
            _run++;
            _unsupported++;
            if (actual)
            {
                _failures.Add($"tcId {Id(test)}: verified with an unsupported digest");
            }
        }

        public void AssertComplete(JsonElement root)
        {
            string summary = _unsupported == 0
                ? $"{file}: {_run} run, {_passed} passed ({_valid} valid, {_invalid} invalid, {_acceptable} acceptable)"
                : $"{file}: {_run} run, all {_unsupported} rejected because the digest is not supported (fail closed)";
            TestContext.Current.TestOutputHelper?.WriteLine(summary);
            Assert.Equal(root.GetProperty("numberOfTests").GetInt32(), _run);
            Assert.True(_failures.Count == 0, $"{summary}\n{string.Join('\n', _failures)}");
            Assert.True(_unsupported == 0 || _unsupported == _run, "a file is either supported or not");
        }

        private static int Id(JsonElement test) => test.GetProperty("tcId").GetInt32();

        private static string Flags(JsonElement test) => string.Join(',', test.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }
}
