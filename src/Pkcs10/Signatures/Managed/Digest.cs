using System.Diagnostics;
using System.Security.Cryptography;
using Pkcs10.Internal;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// One-shot message digests by <see cref="HashAlgorithmName"/>, and the DER DigestInfo prefixes
/// that EMSA-PKCS1-v1_5 needs. The BCL computes every digest except SHA-224, which
/// <see cref="Managed.Sha224"/> provides, and SHA-512/224 and SHA-512/256, which <see cref="Sha512T"/> provides.
/// </summary>
/// <remarks>
/// Which digests a signature may use is a policy decision made by the caller; this type only
/// knows how to compute them. MD5 and SHA-1 are here so that legacy signatures can be verified
/// (and reported) when a policy asks for it.
/// </remarks>
internal static class Digest
{
    /// <summary>The largest digest this type produces, in bytes (SHA-512, SHA3-512).</summary>
    public const int MaxHashSizeInBytes = 64;

    /// <summary>SHA-224 (FIPS 180-4), which <see cref="HashAlgorithmName"/> has no property for.</summary>
    public static HashAlgorithmName Sha224 => Pkcs10.Keys.HashAlgorithms.Sha224;

    // RFC 8017 §9.2 note 1: DER of DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier,
    // digest OCTET STRING } up to the digest octets, with the parameters as an explicit NULL.
    private static ReadOnlySpan<byte> Md5Prefix =>
        [0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05, 0x05, 0x00, 0x04, 0x10];

    private static ReadOnlySpan<byte> Sha1Prefix =>
        [0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14];

    // id-sha224 2.16.840.1.101.3.4.2.4
    private static ReadOnlySpan<byte> Sha224Prefix =>
        [0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04, 0x05, 0x00, 0x04, 0x1c];

    // id-sha256 2.16.840.1.101.3.4.2.1
    private static ReadOnlySpan<byte> Sha256Prefix =>
        [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

    // id-sha384 2.16.840.1.101.3.4.2.2
    private static ReadOnlySpan<byte> Sha384Prefix =>
        [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30];

    // id-sha512 2.16.840.1.101.3.4.2.3
    private static ReadOnlySpan<byte> Sha512Prefix =>
        [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40];

    // id-sha512-224 2.16.840.1.101.3.4.2.5
    private static ReadOnlySpan<byte> Sha512_224Prefix =>
        [0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x05, 0x05, 0x00, 0x04, 0x1c];

    // id-sha512-256 2.16.840.1.101.3.4.2.6
    private static ReadOnlySpan<byte> Sha512_256Prefix =>
        [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x06, 0x05, 0x00, 0x04, 0x20];

    // id-sha3-256 2.16.840.1.101.3.4.2.8
    private static ReadOnlySpan<byte> Sha3_256Prefix =>
        [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x08, 0x05, 0x00, 0x04, 0x20];

    // id-sha3-384 2.16.840.1.101.3.4.2.9
    private static ReadOnlySpan<byte> Sha3_384Prefix =>
        [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x09, 0x05, 0x00, 0x04, 0x30];

    // id-sha3-512 2.16.840.1.101.3.4.2.10
    private static ReadOnlySpan<byte> Sha3_512Prefix =>
        [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x0a, 0x05, 0x00, 0x04, 0x40];

    /// <summary>
    /// Returns the digest size of <paramref name="hashAlgorithm"/> in bytes, or 0 when this type
    /// does not know the algorithm. SHA-3 sizes are returned even where the platform lacks SHA-3.
    /// </summary>
    /// <param name="hashAlgorithm">The digest algorithm.</param>
    /// <returns>The digest size in bytes, or 0.</returns>
    public static int GetHashSize(HashAlgorithmName hashAlgorithm) => Identify(hashAlgorithm) switch
    {
        Algorithm.Md5 => 16,
        Algorithm.Sha1 => 20,
        Algorithm.Sha224 or Algorithm.Sha512_224 => 28,
        Algorithm.Sha256 or Algorithm.Sha3_256 or Algorithm.Sha512_256 => 32,
        Algorithm.Sha384 or Algorithm.Sha3_384 => 48,
        Algorithm.Sha512 or Algorithm.Sha3_512 => 64,
        _ => 0,
    };

    /// <summary>
    /// Returns whether <see cref="HashData"/> can compute <paramref name="hashAlgorithm"/> here:
    /// MD5, SHA-1 and SHA-2 (224/256/384/512, 512/224, 512/256) always; SHA3-256/384/512 when the platform has them.
    /// </summary>
    /// <param name="hashAlgorithm">The digest algorithm.</param>
    /// <returns><see langword="true"/> when the digest can be computed.</returns>
    public static bool IsSupported(HashAlgorithmName hashAlgorithm) => Identify(hashAlgorithm) switch
    {
        Algorithm.Md5 or Algorithm.Sha1 or Algorithm.Sha224 or Algorithm.Sha256 or Algorithm.Sha384 or Algorithm.Sha512 or
            Algorithm.Sha512_224 or Algorithm.Sha512_256 => true,
        Algorithm.Sha3_256 => SHA3_256.IsSupported,
        Algorithm.Sha3_384 => SHA3_384.IsSupported,
        Algorithm.Sha3_512 => SHA3_512.IsSupported,
        _ => false,
    };

    /// <summary>Computes the digest of <paramref name="source"/> with <paramref name="hashAlgorithm"/>.</summary>
    /// <param name="hashAlgorithm">The digest algorithm; <see cref="IsSupported"/> must be true for it.</param>
    /// <param name="source">The data to hash.</param>
    /// <param name="destination">Receives the digest.</param>
    /// <returns>The number of bytes written, <see cref="GetHashSize"/>.</returns>
    /// <exception cref="Pkcs10Exception">The algorithm is not supported (<see cref="Pkcs10ErrorCode.UnsupportedAlgorithm"/>).</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the digest.</exception>
    public static int HashData(HashAlgorithmName hashAlgorithm, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!IsSupported(hashAlgorithm))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.UnsupportedAlgorithm, $"The digest algorithm '{hashAlgorithm.Name}' is not supported.");
        }

        int size = GetHashSize(hashAlgorithm);
        if (destination.Length < size)
        {
            throw new ArgumentException("Destination is too short for the digest.", nameof(destination));
        }

#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are computed only to verify legacy signatures; whether to accept them is the caller's policy.
        return Identify(hashAlgorithm) switch
        {
            Algorithm.Md5 => MD5.HashData(source, destination),
            Algorithm.Sha1 => SHA1.HashData(source, destination),
            Algorithm.Sha224 => HashSha224(source, destination),
            Algorithm.Sha256 => SHA256.HashData(source, destination),
            Algorithm.Sha384 => SHA384.HashData(source, destination),
            Algorithm.Sha512 => SHA512.HashData(source, destination),
            Algorithm.Sha512_224 => HashSha512T(28, source, destination),
            Algorithm.Sha512_256 => HashSha512T(32, source, destination),
            Algorithm.Sha3_256 => SHA3_256.HashData(source, destination),
            Algorithm.Sha3_384 => SHA3_384.HashData(source, destination),
            Algorithm.Sha3_512 => SHA3_512.HashData(source, destination),
            _ => Unreachable(),
        };
#pragma warning restore CA5350, CA5351
    }

    /// <summary>
    /// Returns the DER encoding of the EMSA-PKCS1-v1_5 DigestInfo (RFC 8017 §9.2) up to, not
    /// including, the digest octets, with the AlgorithmIdentifier parameters as NULL; empty when
    /// the algorithm is unknown. SHA-3 prefixes are returned even where the platform lacks SHA-3.
    /// </summary>
    /// <param name="hashAlgorithm">The digest algorithm.</param>
    /// <returns>The prefix; the DigestInfo is the prefix followed by the digest.</returns>
    public static ReadOnlySpan<byte> GetPkcs1DigestInfoPrefix(HashAlgorithmName hashAlgorithm) => Identify(hashAlgorithm) switch
    {
        Algorithm.Md5 => Md5Prefix,
        Algorithm.Sha1 => Sha1Prefix,
        Algorithm.Sha224 => Sha224Prefix,
        Algorithm.Sha256 => Sha256Prefix,
        Algorithm.Sha384 => Sha384Prefix,
        Algorithm.Sha512 => Sha512Prefix,
        Algorithm.Sha512_224 => Sha512_224Prefix,
        Algorithm.Sha512_256 => Sha512_256Prefix,
        Algorithm.Sha3_256 => Sha3_256Prefix,
        Algorithm.Sha3_384 => Sha3_384Prefix,
        Algorithm.Sha3_512 => Sha3_512Prefix,
        _ => [],
    };

    private static int Unreachable()
    {
        Debug.Fail("IsSupported was checked");
        throw new UnreachableException();
    }

    private static int HashSha512T(int size, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Sha512T.HashData(size, source, destination);
        return size;
    }

    private static int HashSha224(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Managed.Sha224.HashData(source, destination);
        return Managed.Sha224.HashSizeInBytes;
    }

    // HashAlgorithmName compares its Name ordinally, as the BCL does.
    private static Algorithm Identify(HashAlgorithmName hashAlgorithm)
    {
        if (hashAlgorithm == HashAlgorithmName.SHA256)
        {
            return Algorithm.Sha256;
        }

        if (hashAlgorithm == HashAlgorithmName.SHA384)
        {
            return Algorithm.Sha384;
        }

        if (hashAlgorithm == HashAlgorithmName.SHA512)
        {
            return Algorithm.Sha512;
        }

        if (hashAlgorithm == HashAlgorithmName.SHA1)
        {
            return Algorithm.Sha1;
        }

        if (hashAlgorithm == Sha224)
        {
            return Algorithm.Sha224;
        }

        if (hashAlgorithm == Pkcs10.Keys.HashAlgorithms.Sha512_224)
        {
            return Algorithm.Sha512_224;
        }

        if (hashAlgorithm == Pkcs10.Keys.HashAlgorithms.Sha512_256)
        {
            return Algorithm.Sha512_256;
        }

        if (hashAlgorithm == HashAlgorithmName.MD5)
        {
            return Algorithm.Md5;
        }

        if (hashAlgorithm == HashAlgorithmName.SHA3_256)
        {
            return Algorithm.Sha3_256;
        }

        if (hashAlgorithm == HashAlgorithmName.SHA3_384)
        {
            return Algorithm.Sha3_384;
        }

        if (hashAlgorithm == HashAlgorithmName.SHA3_512)
        {
            return Algorithm.Sha3_512;
        }

        return Algorithm.Unknown;
    }

    private enum Algorithm
    {
        Unknown,
        Md5,
        Sha1,
        Sha224,
        Sha256,
        Sha384,
        Sha512,
        Sha512_224,
        Sha512_256,
        Sha3_256,
        Sha3_384,
        Sha3_512,
    }
}
