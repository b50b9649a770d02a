using System.Security.Cryptography;
using System.Text.Json;
using Pkcs10.Keys;
using Pkcs10.Signatures;
using Pkcs10.Signatures.Managed;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>
/// Every vector of the Wycheproof <c>ed25519_test.json</c> and <c>ed448_test.json</c> files
/// (../shared/testdata/wycheproof/testvectors_v1, EddsaVerify schema v1) through <see cref="SignatureVerifier"/>.Verify,
/// with the key decoded from the group's <c>publicKeyDer</c> by <see cref="SubjectPublicKeyInfo.Decode(ReadOnlyMemory{byte})"/>
/// and the RFC 8410 AlgorithmIdentifier (parameters absent).
/// </summary>
/// <remarks>
/// valid → Valid, invalid → Invalid, never Unsupported. The files have no <c>acceptable</c> vectors; one would fail
/// this test so that its handling is decided explicitly. Ed448 runs a second time through the managed SHAKE256.
/// The counts are pinned, so an emptied or truncated file fails.
/// </remarks>
public sealed class EdDsaWycheproofTests
{
    [Theory]
    [InlineData("ed25519_test.json", 151, 88, 63)]
    [InlineData("ed448_test.json", 87, 17, 70)]
    public void EveryVector_HasTheExpectedOutcome(string file, int total, int valid, int invalid)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(SharedTestData.Require("wycheproof/testvectors_v1/" + file)));
        JsonElement root = doc.RootElement;
        Assert.Equal("EDDSA", root.GetProperty("algorithm").GetString());
        bool is448 = file.StartsWith("ed448", StringComparison.Ordinal);
        SignatureAlgorithmIdentifier algorithm = is448 ? EdDsaTestKeys.Ed448Algorithm : EdDsaTestKeys.Ed25519Algorithm;

        int run = 0, seenValid = 0, seenInvalid = 0;
        var failures = new List<string>();
        foreach (JsonElement group in root.GetProperty("testGroups").EnumerateArray())
        {
            Assert.Equal("EddsaVerify", group.GetProperty("type").GetString());
            byte[] pk = Convert.FromHexString(group.GetProperty("publicKey").GetProperty("pk").GetString()!);
            SubjectPublicKeyInfo key = SubjectPublicKeyInfo.Decode(Convert.FromHexString(group.GetProperty("publicKeyDer").GetString()!));
            Assert.Equal(is448 ? KeyAlgorithm.Ed448 : KeyAlgorithm.Ed25519, key.Algorithm);
            Assert.Equal(pk, key.PublicKey.ToArray());

            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                run++;
                string result = test.GetProperty("result").GetString()!;
                byte[] msg = Convert.FromHexString(test.GetProperty("msg").GetString()!);
                byte[] sig = Convert.FromHexString(test.GetProperty("sig").GetString()!);
                SignatureStatus expected = result switch
                {
                    "valid" => SignatureStatus.Valid,
                    "invalid" => SignatureStatus.Invalid,
                    _ => throw new InvalidOperationException($"tcId {test.GetProperty("tcId").GetInt32()}: unexpected result '{result}'"),
                };
                seenValid += expected == SignatureStatus.Valid ? 1 : 0;
                seenInvalid += expected == SignatureStatus.Invalid ? 1 : 0;

                SignatureStatus status = SignatureVerifier.Verify(algorithm, key, msg, sig);
                bool managedShake = is448 ? Ed448.Verify(pk, msg, sig, useBclShake256: false) : status == SignatureStatus.Valid;
                bool bclShake = !is448 || !Shake256.IsSupported || Ed448.Verify(pk, msg, sig, useBclShake256: true) == managedShake;
                if (status != expected || managedShake != (expected == SignatureStatus.Valid) || !bclShake)
                {
                    failures.Add($"tcId {test.GetProperty("tcId").GetInt32()} ({result}, {test.GetProperty("comment").GetString()}): {status}, managed SHAKE {managedShake}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{file}: {run} vectors run, {seenValid} valid, {seenInvalid} invalid, {failures.Count} failures");
        Assert.Equal(root.GetProperty("numberOfTests").GetInt32(), run);
        Assert.Equal((total, valid, invalid), (run, seenValid, seenInvalid));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
