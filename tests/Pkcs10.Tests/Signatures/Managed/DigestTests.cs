using System.Formats.Asn1;
using System.Security.Cryptography;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Managed;

public sealed class DigestTests
{
    // name, size, DigestInfo OID (RFC 8017 §9.2 note 1; SHA-3 from NIST CSOR).
    public static TheoryData<string, int, string> KnownAlgorithms => new()
    {
        { "MD5", 16, "1.2.840.113549.2.5" },
        { "SHA1", 20, "1.3.14.3.2.26" },
        { "SHA224", 28, "2.16.840.1.101.3.4.2.4" },
        { "SHA256", 32, "2.16.840.1.101.3.4.2.1" },
        { "SHA384", 48, "2.16.840.1.101.3.4.2.2" },
        { "SHA512", 64, "2.16.840.1.101.3.4.2.3" },
        { "SHA512/224", 28, "2.16.840.1.101.3.4.2.5" },
        { "SHA512/256", 32, "2.16.840.1.101.3.4.2.6" },
        { "SHA3-256", 32, "2.16.840.1.101.3.4.2.8" },
        { "SHA3-384", 48, "2.16.840.1.101.3.4.2.9" },
        { "SHA3-512", 64, "2.16.840.1.101.3.4.2.10" },
    };

    // HashAlgorithmName compares its name ordinally, like the BCL: spellings other than the BCL's are unknown.
    public static TheoryData<string> UnknownNames => ["", "SHA-256", "sha256", "SHA-512/224", "SHA-512/256", "MD2", "SHAKE128", "SHA3-224"];

    [Fact]
    public void Sha224_IsTheBclStyleName() => Assert.Equal(new HashAlgorithmName("SHA224"), Digest.Sha224);

    [Theory]
    [MemberData(nameof(KnownAlgorithms))]
    public void GetHashSize_KnownAlgorithm(string name, int size, string oid)
    {
        _ = oid;
        Assert.Equal(size, Digest.GetHashSize(new HashAlgorithmName(name)));
    }

    [Theory]
    [MemberData(nameof(UnknownNames))]
    public void UnknownAlgorithm_HasNoSizeNoPrefixAndIsUnsupported(string name)
    {
        var algorithm = new HashAlgorithmName(name);
        Assert.Equal(0, Digest.GetHashSize(algorithm));
        Assert.False(Digest.IsSupported(algorithm));
        Assert.True(Digest.GetPkcs1DigestInfoPrefix(algorithm).IsEmpty);
        var ex = Assert.Throws<Pkcs10Exception>(() => Digest.HashData(algorithm, "abc"u8, new byte[64]));
        Assert.Equal(Pkcs10ErrorCode.UnsupportedAlgorithm, ex.Code);
    }

    [Fact]
    public void DefaultName_IsUnknown()
    {
        Assert.Equal(0, Digest.GetHashSize(default));
        Assert.False(Digest.IsSupported(default));
        Assert.True(Digest.GetPkcs1DigestInfoPrefix(default).IsEmpty);
    }

    [Fact]
    public void IsSupported_Md5Sha1Sha2Always_Sha3AsThePlatform()
    {
        Assert.True(Digest.IsSupported(HashAlgorithmName.MD5));
        Assert.True(Digest.IsSupported(HashAlgorithmName.SHA1));
        Assert.True(Digest.IsSupported(Digest.Sha224));
        Assert.True(Digest.IsSupported(HashAlgorithmName.SHA256));
        Assert.True(Digest.IsSupported(HashAlgorithmName.SHA384));
        Assert.True(Digest.IsSupported(HashAlgorithmName.SHA512));
        Assert.Equal(SHA3_256.IsSupported, Digest.IsSupported(HashAlgorithmName.SHA3_256));
        Assert.Equal(SHA3_384.IsSupported, Digest.IsSupported(HashAlgorithmName.SHA3_384));
        Assert.Equal(SHA3_512.IsSupported, Digest.IsSupported(HashAlgorithmName.SHA3_512));
    }

    [Theory]
    [MemberData(nameof(KnownAlgorithms))]
    public void HashData_MatchesTheBcl(string name, int size, string oid)
    {
        _ = oid;
        var algorithm = new HashAlgorithmName(name);
        SkipUnlessSupported(algorithm);
        var random = new Random(size);
        foreach (int length in new[] { 0, 1, 55, 56, 64, 111, 112, 128, 1000 })
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            byte[] destination = new byte[size + 3];

            int written = Digest.HashData(algorithm, data, destination);

            Assert.Equal(size, written);
            Assert.Equal(BclHash(name, data), destination[..size]);
            Assert.Equal(new byte[3], destination[size..]);
        }
    }

    [Theory]
    [MemberData(nameof(KnownAlgorithms))]
    public void HashData_ShortDestination_Throws(string name, int size, string oid)
    {
        _ = oid;
        var algorithm = new HashAlgorithmName(name);
        SkipUnlessSupported(algorithm);
        Assert.Throws<ArgumentException>("destination", () => Digest.HashData(algorithm, "abc"u8, new byte[size - 1]));
    }

    [Theory]
    [MemberData(nameof(KnownAlgorithms))]
    public void GetPkcs1DigestInfoPrefix_DecodesAsDigestInfoWithNullParameters(string name, int size, string oid)
    {
        // Not skipped without SHA-3: the prefix is data, whatever the platform computes.
        byte[] hash = Enumerable.Range(1, size).Select(i => (byte)i).ToArray();
        byte[] digestInfo = [.. Digest.GetPkcs1DigestInfoPrefix(new HashAlgorithmName(name)), .. hash];

        // DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET STRING }
        var reader = new AsnReader(digestInfo, AsnEncodingRules.DER);
        AsnReader sequence = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        AsnReader algorithmIdentifier = sequence.ReadSequence();
        Assert.Equal(oid, algorithmIdentifier.ReadObjectIdentifier());
        algorithmIdentifier.ReadNull();
        algorithmIdentifier.ThrowIfNotEmpty();
        Assert.Equal(hash, sequence.ReadOctetString());
        sequence.ThrowIfNotEmpty();

        // And it is byte-for-byte what a DER writer produces.
        Assert.Equal(TestRsaKey.EncodeDigestInfo(new HashAlgorithmName(name), hash), digestInfo);
    }

    [Theory]
    [InlineData("SHA-256, RFC 8017 §9.2 note 1", "SHA256", "3031300d060960864801650304020105000420")]
    [InlineData("SHA-1, RFC 8017 §9.2 note 1", "SHA1", "3021300906052b0e03021a05000414")]
    [InlineData("SHA-224, RFC 8017 §9.2 note 1", "SHA224", "302d300d06096086480165030402040500041c")]
    public void GetPkcs1DigestInfoPrefix_RfcText(string why, string name, string hex)
    {
        _ = why;
        Assert.Equal(hex, Convert.ToHexStringLower(Digest.GetPkcs1DigestInfoPrefix(new HashAlgorithmName(name))));
    }

    private static void SkipUnlessSupported(HashAlgorithmName algorithm)
    {
        if (!Digest.IsSupported(algorithm))
        {
            Assert.StartsWith("SHA3-", algorithm.Name);
            Assert.Skip($"{algorithm.Name} is not available on this platform.");
        }
    }

    private static byte[] BclHash(string name, byte[] data) => name switch
    {
        "MD5" => MD5.HashData(data),
        "SHA1" => SHA1.HashData(data),
        "SHA224" => ReferenceOnlyForSha224(data),
        "SHA256" => SHA256.HashData(data),
        "SHA384" => SHA384.HashData(data),
        "SHA512" => SHA512.HashData(data),
        "SHA512/224" => ReferenceOnlyForSha512T(28, data),
        "SHA512/256" => ReferenceOnlyForSha512T(32, data),
        "SHA3-256" => SHA3_256.HashData(data),
        "SHA3-384" => SHA3_384.HashData(data),
        "SHA3-512" => SHA3_512.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    // The BCL has no SHA-512/t; Sha512TTests checks it against FIPS 180-4's example and OpenSSL.
    private static byte[] ReferenceOnlyForSha512T(int size, byte[] data)
    {
        byte[] digest = new byte[size];
        Sha512T.HashData(size, data, digest);
        return digest;
    }

    // The BCL has no SHA-224; Sha224Tests checks Sha224 itself against FIPS vectors and a reference.
    private static byte[] ReferenceOnlyForSha224(byte[] data)
    {
        byte[] digest = new byte[Sha224.HashSizeInBytes];
        Sha224.HashData(data, digest);
        return digest;
    }
}
