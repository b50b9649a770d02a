using System.Security.Cryptography;
using System.Text.Json;
using Pkcs10.Keys;
using Pkcs10.Signatures.Managed;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Signatures.Ecdsa;

/// <summary>
/// Every vector of the five Wycheproof ECDSA IEEE P1363 files (raw r‖s, ../shared/testdata/wycheproof) through the
/// managed core <see cref="ManagedEcdsa.VerifyP1363"/>, with the key decoded from <c>publicKeyDer</c> by
/// <see cref="SubjectPublicKeyInfo.Decode(ReadOnlyMemory{byte})"/>. <c>valid</c> must verify; <c>invalid</c>
/// (wrong lengths included: r‖s must be exactly 2·⌈log2 n / 8⌉ octets) must not, or the key must be refused by the
/// decoder. There are no <c>acceptable</c> vectors in these files. The BCL's <see cref="ECDsa"/> (P1363 format) is
/// run on the same vectors and must agree.
/// </summary>
public sealed class EcdsaP1363WycheproofTests
{
    private const string Root = "wycheproof/testvectors_v1/";

    /// <summary>The P1363 files (listed so that the directory-coverage check in WycheproofSignatureTests knows them).</summary>
    internal static readonly string[] FileNames =
    [
        "ecdsa_secp256r1_sha256_p1363_test.json", "ecdsa_secp256r1_sha512_p1363_test.json", "ecdsa_secp384r1_sha384_p1363_test.json",
        "ecdsa_secp384r1_sha512_p1363_test.json", "ecdsa_secp521r1_sha512_p1363_test.json",
    ];

    public static TheoryData<string> Files => [.. FileNames];

    [Theory, MemberData(nameof(Files))]
    public void EveryVector_HasTheExpectedOutcome(string file)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(SharedTestData.Require(Root + file)));
        JsonElement root = doc.RootElement;
        var failures = new List<string>();
        int total = 0, valid = 0, lengthCases = 0;

        foreach (JsonElement group in root.GetProperty("testGroups").EnumerateArray())
        {
            Assert.Equal("EcdsaP1363Verify", group.GetProperty("type").GetString());
            HashAlgorithmName hashName = new(group.GetProperty("sha").GetString()!.Replace("-", "", StringComparison.Ordinal));
            byte[] spki = Convert.FromHexString(group.GetProperty("publicKeyDer").GetString()!);
            SubjectPublicKeyInfo? key = null;
            try
            {
                key = SubjectPublicKeyInfo.Decode(spki);
            }
            catch (Pkcs10Exception)
            {
            }

            WeierstrassCurve? curve = key is null ? null : NistCurves.Find(key.RawCurveOid.Span);
            using ECDsa bcl = ECDsa.Create();
            bool bclKey = true;
            try
            {
                bcl.ImportSubjectPublicKeyInfo(spki, out _);
            }
            catch (CryptographicException)
            {
                bclKey = false;
            }

            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                total++;
                int tcId = test.GetProperty("tcId").GetInt32();
                string result = test.GetProperty("result").GetString()!;
                byte[] msg = Convert.FromHexString(test.GetProperty("msg").GetString()!);
                byte[] sig = Convert.FromHexString(test.GetProperty("sig").GetString()!);
                byte[] hash = CryptographicOperations.HashData(hashName, msg);

                bool managed = key is not null && curve is not null && ManagedEcdsa.VerifyP1363(curve, key.EcPoint.Span, hash, sig);
                bool platform = bclKey && bcl.VerifyHash(hash, sig, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                if (curve is not null && sig.Length != 2 * ((curve.OrderBits + 7) / 8))
                {
                    lengthCases++;
                }

                valid += managed ? 1 : 0;
                bool ok = result switch
                {
                    "valid" => managed,
                    "invalid" => !managed,
                    _ => false,
                };
                if (!ok || managed != platform)
                {
                    failures.Add($"tcId {tcId} ({result}, {test.GetProperty("comment").GetString()}): managed {managed}, platform {platform}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{file}: {total} vectors, {valid} valid, {lengthCases} of another length");
        Assert.Equal(root.GetProperty("numberOfTests").GetInt32(), total);
        Assert.True(lengthCases > 0, "the file has wrong-length signatures");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
