using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Managed;

/// <summary>
/// ManagedRsa against signatures made by <see cref="TestRsaKey"/>: modulus sizes the BCL cannot
/// generate (2047 bits, with two unused top bits in the PSS EM, and 2049 bits, where the PSS
/// emLen = k - 1; the 512 and 16384-bit limits), every digest, every PSS salt length, and
/// encodings broken one RFC 8017 step at a time.
/// </summary>
public sealed class ManagedRsaTests
{
    private static readonly HashAlgorithmName s_sha3_256 = HashAlgorithmName.SHA3_256;

    public static TheoryData<int, string> Pkcs1Cases
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (int bits in new[] { 512, 2047, 2049 })
            {
                foreach (string hash in new[] { "MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3-256", "SHA3-384", "SHA3-512" })
                {
                    // RFC 8017 §9.2 step 3: k >= tLen + 11. 512-bit keys are too short for SHA-512 DigestInfo.
                    if (bits / 8 >= 19 + Digest.GetHashSize(new HashAlgorithmName(hash)) + 11)
                    {
                        data.Add(bits, hash);
                    }
                }
            }

            return data;
        }
    }

    public static TheoryData<int, string, string> PssCases
    {
        get
        {
            var data = new TheoryData<int, string, string>();
            (string Hash, string Mgf)[] combinations =
            [
                ("SHA1", "SHA1"), ("SHA224", "SHA224"), ("SHA256", "SHA256"), ("SHA256", "SHA1"), ("SHA384", "SHA512"),
                ("SHA512", "SHA512"), ("SHA512", "SHA224"), ("SHA3-256", "SHA3-256"), ("SHA256", "SHA3-512"),
            ];
            foreach (int bits in new[] { 2047, 2049 })
            {
                foreach ((string hash, string mgf) in combinations)
                {
                    data.Add(bits, hash, mgf);
                }
            }

            data.Add(1024, "SHA256", "SHA256");
            data.Add(1024, "SHA384", "SHA512");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pkcs1Cases))]
    public void VerifyPkcs1_TestKey_Valid(int bits, string hashName)
    {
        var hashAlgorithm = new HashAlgorithmName(hashName);
        SkipUnlessSupported(hashAlgorithm);
        TestRsaKey key = TestRsaKey.Sample(bits);
        byte[] hash = TestRsaKey.Hash(hashAlgorithm, [.. BitConverter.GetBytes(bits), .. "message"u8]);
        byte[] signature = key.SignPkcs1(hashAlgorithm, hash);

        Assert.True(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, signature, hashAlgorithm));
        Assert.True(BclVerify(key, hash, signature, hashAlgorithm, RSASignaturePadding.Pkcs1) ?? true);

        // The same signature under another digest of the same size, a different hash, or PSS: rejected.
        byte[] otherHash = (byte[])hash.Clone();
        otherHash[0] ^= 1;
        Assert.False(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, otherHash, signature, hashAlgorithm));
        HashAlgorithmName sameSize = hash.Length switch
        {
            32 => hashName == "SHA256" ? s_sha3_256 : HashAlgorithmName.SHA256,
            48 => hashName == "SHA384" ? HashAlgorithmName.SHA3_384 : HashAlgorithmName.SHA384,
            64 => hashName == "SHA512" ? HashAlgorithmName.SHA3_512 : HashAlgorithmName.SHA512,
            _ => default,
        };
        if (sameSize != default)
        {
            Assert.False(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, signature, sameSize));
        }

        Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash, signature, hashAlgorithm, hashAlgorithm, 0, 1));
    }

    [Theory]
    [MemberData(nameof(PssCases))]
    public void VerifyPss_TestKey_EverySaltLength(int bits, string hashName, string mgfName)
    {
        var hashAlgorithm = new HashAlgorithmName(hashName);
        var mgf1Hash = new HashAlgorithmName(mgfName);
        SkipUnlessSupported(hashAlgorithm);
        SkipUnlessSupported(mgf1Hash);
        TestRsaKey key = TestRsaKey.Sample(bits);
        byte[] mHash = TestRsaKey.Hash(hashAlgorithm, [.. BitConverter.GetBytes(bits), .. "message"u8]);
        int hLen = mHash.Length;
        int max = key.MaxSaltLength(hashAlgorithm);
        var random = new Random(bits + hLen);

        foreach (int saltLength in new[] { 0, 1, hLen, max }.Where(s => s >= 0 && s <= max).Distinct())
        {
            byte[] salt = new byte[saltLength];
            random.NextBytes(salt);
            byte[] signature = key.SignPss(hashAlgorithm, mgf1Hash, mHash, salt);

            Assert.True(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, signature, hashAlgorithm, mgf1Hash, saltLength, 1), $"salt {saltLength}");

            // sLen must match exactly (RFC 8017 §9.1.2 step 10 finds the 0x01 elsewhere).
            Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, signature, hashAlgorithm, mgf1Hash, saltLength + 1, 1));
            if (saltLength > 0)
            {
                Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, signature, hashAlgorithm, mgf1Hash, saltLength - 1, 1));
            }

            // Trailer field 1 only; MGF1 must use the signer's digest; not a PKCS#1 v1.5 signature.
            Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, signature, hashAlgorithm, mgf1Hash, saltLength, 2));
            Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, signature, hashAlgorithm, mgfName == "SHA384" ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384, saltLength, 1));
            Assert.False(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, mHash, signature, hashAlgorithm));

            if (saltLength == hLen && hashName == mgfName)
            {
                Assert.True(BclVerify(key, mHash, signature, hashAlgorithm, RSASignaturePadding.Pss) ?? true);
            }
        }

        // Step 3: a salt that cannot fit (emLen < hLen + sLen + 2), and absurd values, are false, not exceptions.
        byte[] anySignature = key.SignPss(hashAlgorithm, mgf1Hash, mHash, []);
        foreach (int saltLength in new[] { max + 1, max + 1000, int.MaxValue, -1, int.MinValue })
        {
            Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, anySignature, hashAlgorithm, mgf1Hash, saltLength, 1));
        }
    }

    [Theory]
    [InlineData("2047-bit: emBits = 2046, two unused bits", 2047)]
    [InlineData("2048-bit: one unused bit", 2048)]
    [InlineData("1024-bit: one unused bit", 1024)]
    public void VerifyPss_UnusedTopBitSet_False(string why, int bits)
    {
        _ = why;

        // RFC 8017 §9.1.2 step 6: the leftmost 8 emLen - emBits bits of maskedDB must be zero. A
        // verifier that only clears them (step 9) would accept this signature.
        TestRsaKey key = TestRsaKey.Sample(bits);
        HashAlgorithmName sha256 = HashAlgorithmName.SHA256;
        byte[] mHash = TestRsaKey.Hash(sha256, "unused bits"u8);
        int emBits = bits - 1;
        int unusedBits = (8 * ((emBits + 7) / 8)) - emBits;
        int tested = 0;
        for (int attempt = 0; attempt < 200 && tested < 3; attempt++)
        {
            byte[] salt = BitConverter.GetBytes(attempt);
            byte[] em = TestRsaKey.EncodePss(sha256, sha256, mHash, salt, emBits);
            em[0] |= (byte)(0x80 >> (unusedBits - 1)); // the lowest of the unused bits
            if (new BigInteger(em, isUnsigned: true, isBigEndian: true) >= key.N)
            {
                continue; // cannot be signed; try another salt
            }

            byte[] signature = key.RawSign(em);
            Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, signature, sha256, sha256, salt.Length, 1));

            em[0] &= (byte)(0xff >> unusedBits);
            Assert.True(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, key.RawSign(em), sha256, sha256, salt.Length, 1));
            tested++;
        }

        Assert.Equal(3, tested);
    }

    [Fact]
    public void VerifyPss_2049BitKey_MessageRepresentativeTooLongForEmLen_False()
    {
        // modBits = 2049: emBits = 2048, emLen = 256 = k - 1. A representative m >= 256^emLen fails
        // I2OSP(m, emLen) (§8.1.2 step 2c) even when its low emLen octets are a valid EM.
        TestRsaKey key = TestRsaKey.Sample(2049);
        Assert.Equal(257, key.K);
        HashAlgorithmName sha256 = HashAlgorithmName.SHA256;
        byte[] mHash = TestRsaKey.Hash(sha256, "too long"u8);
        int tested = 0;
        for (int attempt = 0; attempt < 200 && tested < 3; attempt++)
        {
            byte[] salt = BitConverter.GetBytes(attempt);
            byte[] em = TestRsaKey.EncodePss(sha256, sha256, mHash, salt, 2048);
            Assert.Equal(256, em.Length);
            Assert.True(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, key.RawSign(em), sha256, sha256, salt.Length, 1));

            byte[] block = [0x01, .. em];
            if (new BigInteger(block, isUnsigned: true, isBigEndian: true) >= key.N)
            {
                continue;
            }

            Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, key.RawSign(block), sha256, sha256, salt.Length, 1));
            tested++;
        }

        Assert.Equal(3, tested);
    }

    [Theory]
    [InlineData("separator 0x01 is 0x02", 0)]
    [InlineData("separator 0x01 is 0x00", 1)]
    [InlineData("a non-zero octet in PS", 2)]
    [InlineData("trailer 0xbc is 0xbb", 3)]
    [InlineData("trailer 0xbc is 0xcc", 4)]
    [InlineData("H replaced by the hash of another M'", 5)]
    public void VerifyPss_BrokenEncoding_False(string why, int tamper)
    {
        _ = why;
        TestRsaKey key = TestRsaKey.Sample(2049);
        HashAlgorithmName sha256 = HashAlgorithmName.SHA256;
        byte[] mHash = TestRsaKey.Hash(sha256, "broken"u8);
        byte[] salt = new byte[32];
        int emBits = key.ModulusBits - 1;
        int separator = ((emBits + 7) / 8) - 32 - 32 - 2;
        Action<byte[]>? tamperDb = tamper switch
        {
            0 => db => db[separator] = 0x02,
            1 => db => db[separator] = 0x00,
            2 => db => db[separator / 2] = 0x40,
            _ => null,
        };
        byte[] em = TestRsaKey.EncodePss(sha256, sha256, mHash, salt, emBits, tamperDb);
        if (tamper == 3)
        {
            em[^1] = 0xbb;
        }
        else if (tamper == 4)
        {
            em[^1] = 0xcc;
        }
        else if (tamper == 5)
        {
            // Re-encode with a different salt, then graft the other H in; the mask then matches neither.
            byte[] other = TestRsaKey.EncodePss(sha256, sha256, mHash, new byte[32].Select(_ => (byte)1).ToArray(), emBits);
            other.AsSpan(other.Length - 33, 32).CopyTo(em.AsSpan(em.Length - 33, 32));
        }

        Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, mHash, key.RawSign(em), sha256, sha256, 32, 1));
    }

    [Theory]
    [InlineData("DigestInfo without the NULL parameters (RFC 8017 §9.2 note 2; Wycheproof MissingNull)", 0)]
    [InlineData("block type 02", 1)]
    [InlineData("a padding octet FE", 2)]
    [InlineData("leading octet 01", 3)]
    [InlineData("separator 00 missing: FF until the DigestInfo", 4)]
    [InlineData("short padding with garbage after the digest (Bleichenbacher 2006)", 5)]
    [InlineData("DigestInfo of another algorithm with the same digest size", 6)]
    [InlineData("the DigestInfo length octet off by one", 7)]
    public void VerifyPkcs1_BrokenEncoding_False(string why, int tamper)
    {
        _ = why;
        foreach (int bits in new[] { 2049, 2047 })
        {
            TestRsaKey key = TestRsaKey.Sample(bits);
            HashAlgorithmName sha256 = HashAlgorithmName.SHA256;
            byte[] hash = TestRsaKey.Hash(sha256, "broken"u8);
            int k = key.K;
            byte[] em = TestRsaKey.EncodePkcs1(sha256, hash, k, includeNull: tamper != 0);
            int tLen = 19 + 32;
            switch (tamper)
            {
                case 1:
                    em[1] = 0x02;
                    break;
                case 2:
                    em[10] = 0xfe;
                    break;
                case 3:
                    em[0] = 0x01;
                    if (new BigInteger(em, isUnsigned: true, isBigEndian: true) >= key.N)
                    {
                        continue;
                    }

                    break;
                case 4:
                    em[k - tLen - 1] = 0xff;
                    break;
                case 5:
                    em = TestRsaKey.EncodePkcs1(sha256, hash, k);
                    byte[] garbage = [0x00, 0x01, .. Enumerable.Repeat((byte)0xff, 8), 0x00, .. TestRsaKey.EncodeDigestInfo(sha256, hash)];
                    em = [.. garbage, .. new byte[k - garbage.Length]];
                    em[^1] = 0x5a;
                    break;
                case 6:
                    em = TestRsaKey.EncodePkcs1(HashAlgorithmName.SHA3_256, hash, k);
                    break;
                case 7:
                    em[k - tLen + 1]++;
                    break;
            }

            Assert.False(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, key.RawSign(em), sha256));
        }
    }

    // description, which key/signature mutation, whether it still verifies.
    public static TheoryData<string, int, bool> KeyAndSignatureCases => new()
    {
        { "unchanged", 0, true },
        { "modulus with a leading 0x00, as in a DER INTEGER", 1, true },
        { "modulus and exponent with several leading zeros", 2, true },
        { "even modulus (n xor 1)", 3, false },
        { "modulus n + 2 (odd, wrong key)", 4, false },
        { "exponent 1", 5, false },
        { "exponent 0", 6, false },
        { "empty exponent", 7, false },
        { "even exponent 65536", 8, false },
        { "exponent equal to n", 9, false },
        { "exponent above n", 10, false },
        { "empty modulus", 11, false },
        { "all-zero modulus", 12, false },
        { "signature one octet short", 13, false },
        { "signature with a leading 0x00 (k + 1 octets, same value)", 14, false },
        { "signature equal to n", 15, false },
        { "signature above n (all FF)", 16, false },
        { "signature 0", 17, false },
        { "signature 1", 18, false },
        { "signature n - 1", 19, false },
        { "empty signature", 20, false },
        { "exponent 3 (odd, wrong key)", 21, false },
        { "exponent with a leading 0x00 only", 22, true },
    };

    [Theory]
    [MemberData(nameof(KeyAndSignatureCases))]
    public void Verify_KeyAndSignatureChecks(string why, int mutation, bool expected)
    {
        _ = why;
        TestRsaKey key = TestRsaKey.Sample(2048);
        HashAlgorithmName sha256 = HashAlgorithmName.SHA256;
        byte[] hash = TestRsaKey.Hash(sha256, "key checks"u8);
        byte[] pkcs1 = key.SignPkcs1(sha256, hash);
        byte[] pss = key.SignPss(sha256, sha256, hash, new byte[32]);
        byte[] n = key.Modulus;
        byte[] e = key.Exponent;
        byte[] nMinus1 = (key.N - 1).ToByteArray(isUnsigned: true, isBigEndian: true);
        Func<byte[], byte[]> sig = s => s;
        switch (mutation)
        {
            case 1: n = [0x00, .. n]; break;
            case 2: n = [0x00, 0x00, 0x00, .. n]; e = [0x00, 0x00, .. e]; break;
            case 3: n[^1] ^= 1; break;
            case 4: n = (key.N + 2).ToByteArray(isUnsigned: true, isBigEndian: true); break;
            case 5: e = [0x01]; break;
            case 6: e = [0x00]; break;
            case 7: e = []; break;
            case 8: e = [0x01, 0x00, 0x00]; break;
            case 9: e = key.Modulus; break;
            case 10: e = (key.N + 2).ToByteArray(isUnsigned: true, isBigEndian: true); break;
            case 11: n = []; break;
            case 12: n = new byte[256]; break;
            case 13: sig = s => s[1..]; break;
            case 14: sig = s => [0x00, .. s]; break;
            case 15: sig = _ => key.Modulus; break;
            case 16: sig = _ => Enumerable.Repeat((byte)0xff, key.K).ToArray(); break;
            case 17: sig = _ => new byte[key.K]; break;
            case 18: sig = _ => [.. new byte[key.K - 1], 0x01]; break;
            case 19: sig = _ => nMinus1; break;
            case 20: sig = _ => []; break;
            case 21: e = [0x03]; break;
            case 22: e = [0x00, .. e]; break;
        }

        Assert.Equal(expected, ManagedRsa.VerifyPkcs1(n, e, hash, sig(pkcs1), sha256));
        Assert.Equal(expected, ManagedRsa.VerifyPss(n, e, hash, sig(pss), sha256, sha256, 32, 1));
    }

    [Theory]
    [InlineData("smallest accepted, 512 bits", 512, true)]
    [InlineData("one bit short, 511 bits", 511, false)]
    [InlineData("largest accepted, 16384 bits", 16384, true)]
    [InlineData("8 bits over the limit, 16392 bits", 16392, false)]
    public void Verify_ModulusSizeLimits(string why, int bits, bool expected)
    {
        _ = why;
        TestRsaKey key = TestRsaKey.Sample(bits);
        HashAlgorithmName sha1 = HashAlgorithmName.SHA1;
        byte[] hash = TestRsaKey.Hash(sha1, "limits"u8);

        Assert.Equal(expected, ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, key.SignPkcs1(sha1, hash), sha1));
        Assert.Equal(expected, ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash, key.SignPss(sha1, sha1, hash, new byte[20]), sha1, sha1, 20, 1));
    }

    [Theory]
    [InlineData("e = 3", "3", true)]
    [InlineData("e = 2^33 - 1, the largest accepted", "8589934591", true)]
    [InlineData("e = 2^33 + 1, one bit too long", "8589934593", false)]
    [InlineData("e = 2^64 + 13", "18446744073709551629", false)]
    [InlineData("e of 500 bits (would make verification as slow as signing)", "big", false)]
    public void Verify_PublicExponentLimit(string why, string exponent, bool expected)
    {
        _ = why;
        BigInteger e = exponent == "big"
            ? (BigInteger.One << 499) + 0x1235
            : BigInteger.Parse(exponent, CultureInfo.InvariantCulture);
        TestRsaKey key = TestRsaKey.Generate(512, 2, seed: exponent.Length, e);
        HashAlgorithmName sha256 = HashAlgorithmName.SHA256;
        byte[] hash = TestRsaKey.Hash(sha256, "exponent"u8);

        Assert.Equal(expected, ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, key.SignPkcs1(sha256, hash), sha256));
        Assert.Equal(expected, ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash, key.SignPss(sha256, sha256, hash, new byte[8]), sha256, sha256, 8, 1));
    }

    [Property(MaxTest = 200)]
    public void Verify_RandomInputs_FalseNeverThrow(int seed, bool wellFormedKey, int saltLength, byte trailerChoice)
    {
        // Mostly plausible shapes (odd n of 512..2400 bits, small e, k-octet signature) so the
        // modular exponentiation and the encoding checks run, plus arbitrary bytes everywhere.
        var random = new Random(seed);
        byte[] n = new byte[wellFormedKey ? random.Next(64, 300) : random.Next(0, 80)];
        random.NextBytes(n);
        if (wellFormedKey)
        {
            n[0] |= 0x80;
            n[^1] |= 1;
        }

        byte[] e = wellFormedKey ? (random.Next(2) == 0 ? [0x03] : [0x01, 0x00, 0x01]) : RandomBytes(random, random.Next(0, 6));
        byte[] signature = RandomBytes(random, wellFormedKey && random.Next(4) != 0 ? n.Length : random.Next(0, 300));
        HashAlgorithmName[] names = [HashAlgorithmName.SHA1, Digest.Sha224, HashAlgorithmName.SHA256, HashAlgorithmName.SHA512, HashAlgorithmName.MD5, new("X")];
        HashAlgorithmName hashAlgorithm = names[random.Next(names.Length)];
        HashAlgorithmName mgf1Hash = names[random.Next(names.Length)];
        byte[] hash = RandomBytes(random, random.Next(3) == 0 ? random.Next(0, 70) : Digest.GetHashSize(hashAlgorithm));
        int trailer = trailerChoice % 4 == 0 ? trailerChoice : 1;

        // A random signature passing would mean a 2^-100-ish event or a bug.
        Assert.False(ManagedRsa.VerifyPkcs1(n, e, hash, signature, hashAlgorithm));
        Assert.False(ManagedRsa.VerifyPss(n, e, hash, signature, hashAlgorithm, mgf1Hash, saltLength % 3 == 0 ? saltLength : Math.Abs(saltLength % 70), trailer));

        static byte[] RandomBytes(Random random, int length)
        {
            byte[] bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }
    }

    [Fact]
    public void Verify_HugeModulusInput_FalseWithoutWork()
    {
        byte[] n = new byte[1 << 20];
        n[0] = 0xc0;
        n[^1] = 0x01;
        byte[] signature = new byte[n.Length];
        signature[^1] = 2;
        byte[] hash = new byte[32];
        Assert.False(ManagedRsa.VerifyPkcs1(n, [0x01, 0x00, 0x01], hash, signature, HashAlgorithmName.SHA256));
        Assert.False(ManagedRsa.VerifyPss(n, [0x01, 0x00, 0x01], hash, signature, HashAlgorithmName.SHA256, HashAlgorithmName.SHA256, 32, 1));
    }

    [Fact]
    public void Verify_DigestArguments()
    {
        TestRsaKey key = TestRsaKey.Sample(2048);
        HashAlgorithmName sha256 = HashAlgorithmName.SHA256;
        byte[] hash = TestRsaKey.Hash(sha256, "digest arguments"u8);
        byte[] pkcs1 = key.SignPkcs1(sha256, hash);
        byte[] pss = key.SignPss(sha256, sha256, hash, new byte[32]);
        var unknown = new HashAlgorithmName("SHA-256");

        Assert.True(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, pkcs1, sha256));
        Assert.True(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash, pss, sha256, sha256, 32, 1));

        // Hash of the wrong length (truncated, extended), unknown digest names, default names.
        Assert.False(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash.AsSpan(0, 31), pkcs1, sha256));
        Assert.False(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, [.. hash, 0], pkcs1, sha256));
        Assert.False(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, pkcs1, unknown));
        Assert.False(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, pkcs1, default));
        Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash.AsSpan(0, 31), pss, sha256, sha256, 32, 1));
        Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, [.. hash, 0], pss, sha256, sha256, 32, 1));
        Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash, pss, unknown, sha256, 32, 1));
        Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash, pss, sha256, unknown, 32, 1));
        Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash, pss, sha256, default, 32, 1));

        // RFC 8017 A.2.3: trailerField must be trailerFieldBC(1).
        foreach (int trailer in new[] { 0, 2, -1, 0xbc, int.MaxValue })
        {
            Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash, pss, sha256, sha256, 32, trailer));
        }
    }

    [Fact]
    public void VerifyPkcs1_KeyTooShortForDigestInfo_False()
    {
        // 512-bit key, SHA-512: k = 64 < tLen (83) + 11, so no signature can exist (§9.2 step 3).
        TestRsaKey key = TestRsaKey.Sample(512);
        byte[] hash = new byte[64];
        byte[] signature = key.RawSign([0x00, 0x01, 0xff, 0x00, 0x42]);
        Assert.False(ManagedRsa.VerifyPkcs1(key.Modulus, key.Exponent, hash, signature, HashAlgorithmName.SHA512));

        // PSS: emLen = 64 < hLen + sLen + 2 for SHA-512 with any salt.
        Assert.False(ManagedRsa.VerifyPss(key.Modulus, key.Exponent, hash, signature, HashAlgorithmName.SHA512, HashAlgorithmName.SHA512, 0, 1));
    }

    private static void SkipUnlessSupported(HashAlgorithmName algorithm)
    {
        if (!Digest.IsSupported(algorithm))
        {
            Assert.StartsWith("SHA3-", algorithm.Name);
            Assert.Skip($"{algorithm.Name} is not available on this platform.");
        }
    }

    // The BCL's answer for the same public key, when it can give one (it has no SHA-224 and no MD5/SHA-3 with PSS everywhere).
    private static bool? BclVerify(TestRsaKey key, byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (hashAlgorithm.Name is not ("SHA1" or "SHA256" or "SHA384" or "SHA512"))
        {
            return null;
        }

        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = key.Modulus, Exponent = key.Exponent });
        return rsa.VerifyHash(hash, signature, hashAlgorithm, padding);
    }
}
