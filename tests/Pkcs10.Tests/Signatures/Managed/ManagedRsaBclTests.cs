using System.Security.Cryptography;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Managed;

/// <summary>
/// Differential tests against the BCL (<see cref="RSA"/>, OpenSSL/CNG/Apple underneath): BCL
/// signatures must verify, and for every corrupted signature or digest both must say no.
/// The BCL's PSS always uses sLen = hLen and MGF1 with the message digest.
/// </summary>
public sealed class ManagedRsaBclTests
{
    // Fresh random keys from RSA.Create where generation is cheap; the third 2048-bit key and the
    // 3072-bit key are fixed test keys imported with RSA.Create(RSAParameters), because generating
    // 3072 bits can take seconds on a loaded machine.
    private static readonly Lazy<RSA[]> s_keys = new(() =>
        [RSA.Create(2048), RSA.Create(2048), TestRsaKey.Sample(2048).ToBcl(), RSA.Create(1024), TestRsaKey.Sample(3072).ToBcl()]);

    private static RSA Key(int index) => s_keys.Value[index];

    public static TheoryData<int, string, string> SignCases
    {
        get
        {
            var data = new TheoryData<int, string, string>();
            for (int key = 0; key < 5; key++)
            {
                foreach (string hash in new[] { "SHA1", "SHA256", "SHA384", "SHA512", "SHA3-256", "SHA3-512" })
                {
                    foreach (string padding in new[] { "Pkcs1", "Pss" })
                    {
                        // 1024-bit key: PSS with a 64-byte digest and salt needs emLen >= 130 > 128.
                        if (!(key == 3 && padding == "Pss" && hash.EndsWith("512", StringComparison.Ordinal)))
                        {
                            data.Add(key, hash, padding);
                        }
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SignCases))]
    public void BclSignature_Verifies(int keyIndex, string hashName, string paddingName)
    {
        var hashAlgorithm = new HashAlgorithmName(hashName);
        RSASignaturePadding padding = paddingName == "Pss" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        SkipUnlessBclSupports(hashAlgorithm);
        RSA rsa = Key(keyIndex);
        RSAParameters p = rsa.ExportParameters(false);
        var random = new Random(keyIndex * 100 + hashName.Length);

        for (int i = 0; i < 3; i++)
        {
            byte[] message = new byte[random.Next(0, 300)];
            random.NextBytes(message);
            byte[] hash = TestRsaKey.Hash(hashAlgorithm, message);
            byte[] signature = rsa.SignData(message, hashAlgorithm, padding);

            Assert.True(Verify(p, hash, signature, hashAlgorithm, padding));
        }
    }

    [Theory]
    [InlineData(0, "SHA256", "Pkcs1")]
    [InlineData(1, "SHA256", "Pss")]
    [InlineData(3, "SHA1", "Pkcs1")]
    [InlineData(3, "SHA512", "Pkcs1")]
    [InlineData(3, "SHA384", "Pss")]
    public void EverySingleBitFlip_RejectedByBoth(int keyIndex, string hashName, string paddingName)
    {
        var hashAlgorithm = new HashAlgorithmName(hashName);
        RSASignaturePadding padding = paddingName == "Pss" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        RSA rsa = Key(keyIndex);
        RSAParameters p = rsa.ExportParameters(false);
        byte[] hash = TestRsaKey.Hash(hashAlgorithm, "every bit"u8);
        byte[] signature = rsa.SignHash(hash, hashAlgorithm, padding);
        Assert.True(Verify(p, hash, signature, hashAlgorithm, padding));

        for (int bit = 0; bit < signature.Length * 8; bit++)
        {
            byte[] corrupted = (byte[])signature.Clone();
            corrupted[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Verify(p, hash, corrupted, hashAlgorithm, padding), $"signature bit {bit}");
            Assert.False(rsa.VerifyHash(hash, corrupted, hashAlgorithm, padding), $"BCL, signature bit {bit}");
        }

        for (int bit = 0; bit < hash.Length * 8; bit++)
        {
            byte[] corrupted = (byte[])hash.Clone();
            corrupted[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Verify(p, corrupted, signature, hashAlgorithm, padding), $"hash bit {bit}");
            Assert.False(rsa.VerifyHash(corrupted, signature, hashAlgorithm, padding), $"BCL, hash bit {bit}");
        }
    }

    [Property(MaxTest = 80)]
    public void RandomMessageAndCorruption_AgreesWithBcl(byte[] message, byte keyChoice, byte hashChoice, bool pss, int bitChoice, bool inSignature)
    {
        int keyIndex = keyChoice % 5;
        HashAlgorithmName hashAlgorithm = (hashChoice % 4) switch
        {
            0 => HashAlgorithmName.SHA1,
            1 => HashAlgorithmName.SHA256,
            2 => HashAlgorithmName.SHA384,
            _ => HashAlgorithmName.SHA512,
        };
        if (pss && keyIndex == 3 && hashAlgorithm == HashAlgorithmName.SHA512)
        {
            hashAlgorithm = HashAlgorithmName.SHA256; // 1024-bit key: emLen 128 < 64 + 64 + 2, no one can sign
        }

        RSASignaturePadding padding = pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        RSA rsa = Key(keyIndex);
        RSAParameters p = rsa.ExportParameters(false);
        byte[] signature = rsa.SignData(message, hashAlgorithm, padding);
        byte[] hash = TestRsaKey.Hash(hashAlgorithm, message);
        Assert.True(Verify(p, hash, signature, hashAlgorithm, padding));

        byte[] target = inSignature ? signature : hash;
        int bit = (int)((uint)bitChoice % (uint)(target.Length * 8));
        target[bit / 8] ^= (byte)(1 << (bit % 8));
        Assert.False(Verify(p, hash, signature, hashAlgorithm, padding));
        Assert.False(rsa.VerifyHash(hash, signature, hashAlgorithm, padding));
    }

    private static bool Verify(RSAParameters p, byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        padding == RSASignaturePadding.Pss
            ? ManagedRsa.VerifyPss(p.Modulus, p.Exponent, hash, signature, hashAlgorithm, hashAlgorithm, Digest.GetHashSize(hashAlgorithm), 1)
            : ManagedRsa.VerifyPkcs1(p.Modulus, p.Exponent, hash, signature, hashAlgorithm);

    private static void SkipUnlessBclSupports(HashAlgorithmName hashAlgorithm)
    {
        if (hashAlgorithm.Name!.StartsWith("SHA3-", StringComparison.Ordinal) && !Digest.IsSupported(hashAlgorithm))
        {
            Assert.Skip($"{hashAlgorithm.Name} is not available on this platform.");
        }
    }
}
