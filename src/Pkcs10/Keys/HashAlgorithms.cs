using System.Security.Cryptography;
using Pkcs10.Internal;

namespace Pkcs10.Keys;

/// <summary>Hash algorithm OIDs and names.</summary>
internal static class HashAlgorithms
{
    /// <summary>SHA-224, which <see cref="HashAlgorithmName"/> lacks as a property.</summary>
    public static HashAlgorithmName Sha224 { get; } = new("SHA224");

    /// <summary>SHA-512/224 (FIPS 180-4 §6.7), computed by managed code.</summary>
    public static HashAlgorithmName Sha512_224 { get; } = new("SHA512/224");

    /// <summary>SHA-512/256 (FIPS 180-4 §6.7), computed by managed code.</summary>
    public static HashAlgorithmName Sha512_256 { get; } = new("SHA512/256");

    /// <summary>Whether the BCL's RSA and ECDsa can take this digest name (SHA-224 and SHA-512/t are managed-only).</summary>
    public static bool IsBclDigest(HashAlgorithmName hash) => hash != Sha224 && hash != Sha512_224 && hash != Sha512_256;

    public static HashAlgorithmName? FromOid(ReadOnlySpan<byte> oid)
    {
        if (oid.SequenceEqual(Oids.Sha256)) { return HashAlgorithmName.SHA256; }
        if (oid.SequenceEqual(Oids.Sha384)) { return HashAlgorithmName.SHA384; }
        if (oid.SequenceEqual(Oids.Sha512)) { return HashAlgorithmName.SHA512; }
        if (oid.SequenceEqual(Oids.Sha1)) { return HashAlgorithmName.SHA1; }
        if (oid.SequenceEqual(Oids.Sha224)) { return Sha224; }
        if (oid.SequenceEqual(Oids.Sha512_224)) { return Sha512_224; }
        if (oid.SequenceEqual(Oids.Sha512_256)) { return Sha512_256; }
        if (oid.SequenceEqual(Oids.Sha3_256)) { return HashAlgorithmName.SHA3_256; }
        if (oid.SequenceEqual(Oids.Sha3_384)) { return HashAlgorithmName.SHA3_384; }
        if (oid.SequenceEqual(Oids.Sha3_512)) { return HashAlgorithmName.SHA3_512; }
        if (oid.SequenceEqual(Oids.Md5)) { return HashAlgorithmName.MD5; }
        return null;
    }
}
