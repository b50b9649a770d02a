using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Security.Cryptography;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// RSA signature verification (RFC 8017 RSASSA-PKCS1-v1_5 and RSASSA-PSS) from a raw public key,
/// in managed code. Only the public-key operation exists here; there is no private-key code.
/// </summary>
/// <remarks>
/// <para>
/// Every method returns <see langword="false"/> for any unacceptable input (a malformed key, a
/// signature of the wrong length, an unknown digest, inconsistent PSS parameters) and never throws
/// for it. Keys must have an odd modulus of 512 to 16384 bits and an odd exponent with
/// 1 &lt; e &lt; n and e &lt; 2^33 (<see cref="MaxExponentBits"/>). Integers are big-endian
/// unsigned; leading zero octets (as left by a DER INTEGER) are ignored.
/// </para>
/// <para>
/// The caller hashes the message; the PSS M' hash and MGF1 use <see cref="Digest"/>. The modular
/// exponentiation is <see cref="RsaPublicOperation"/> (Montgomery multiplication over 64-bit limbs, no
/// heap allocation after warm-up), which is not constant-time; that is fine for public keys and signatures.
/// </para>
/// </remarks>
internal static class ManagedRsa
{
    /// <summary>The smallest modulus accepted, in bits.</summary>
    public const int MinModulusBits = 512;

    /// <summary>The largest modulus accepted, in bits (also the largest the BCL generates).</summary>
    public const int MaxModulusBits = 16384;

    /// <summary>
    /// The largest public exponent accepted, in bits: e &lt;= 2^33 - 1, as ring and rustls-webpki.
    /// An attacker who picks the key (as in a CSR) could otherwise choose e close to n and make a
    /// single 16384-bit verification cost tens of seconds.
    /// </summary>
    public const int MaxExponentBits = 33;

    // Octets of scratch kept on the stack: the recovered and expected encodings of a modulus up to 4096 bits (2k),
    // so those verifications never touch the pool (whose arrays a GC may trim away); larger ones rent.
    private const int StackallocThreshold = 1024;

    // RFC 8017 §8.2.2 step 2c / §9.2 step 3: emLen >= tLen + 11 (00 01, at least eight FF, 00).
    private const int Pkcs1MinPadding = 11;

    private const byte PssTrailer = 0xbc;

    /// <summary>
    /// Verifies an RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2.2) over a precomputed digest.
    /// </summary>
    /// <param name="modulus">n, big-endian unsigned.</param>
    /// <param name="exponent">e, big-endian unsigned.</param>
    /// <param name="hash">The digest of the message under <paramref name="hashAlgorithm"/>.</param>
    /// <param name="signature">The signature S, exactly k octets where k is the modulus length.</param>
    /// <param name="hashAlgorithm">The digest algorithm named in the DigestInfo.</param>
    /// <returns><see langword="true"/> when the signature is valid.</returns>
    /// <remarks>
    /// Steps 3-4: the expected encoded message 00 01 FF..FF 00 DigestInfo is built and compared
    /// in full with the recovered one; the recovered block is never parsed, so there is no room
    /// for BER leniency or trailing garbage (Bleichenbacher 2006). The DigestInfo parameters must be
    /// NULL: the absent-parameters form that RFC 8017 §9.2 note 2 mentions is rejected, as Go,
    /// BoringSSL and the BCL on OpenSSL 3 do.
    /// </remarks>
    public static bool VerifyPkcs1(
        ReadOnlySpan<byte> modulus,
        ReadOnlySpan<byte> exponent,
        ReadOnlySpan<byte> hash,
        ReadOnlySpan<byte> signature,
        HashAlgorithmName hashAlgorithm)
    {
        if (!TryNormalizeKey(ref modulus, ref exponent, out int modulusBits))
        {
            return false;
        }

        ReadOnlySpan<byte> prefix = Digest.GetPkcs1DigestInfoPrefix(hashAlgorithm);
        if (prefix.IsEmpty || hash.Length != Digest.GetHashSize(hashAlgorithm))
        {
            return false;
        }

        int k = ByteLength(modulusBits);

        // §8.2.2 step 1: the signature is exactly k octets.
        if (signature.Length != k)
        {
            return false;
        }

        // §9.2 step 3: "intended encoded message length too short".
        int digestInfoLength = prefix.Length + hash.Length;
        if (k < digestInfoLength + Pkcs1MinPadding)
        {
            return false;
        }

        byte[]? rented = null;
        Span<byte> buffer = 2 * k <= StackallocThreshold
            ? stackalloc byte[StackallocThreshold]
            : (rented = ArrayPool<byte>.Shared.Rent(2 * k));
        try
        {
            Span<byte> recovered = buffer[..k];
            Span<byte> expected = buffer.Slice(k, k);

            // §8.2.2 step 2: RSAVP1 and I2OSP(m, k).
            if (!TryRsaVp1(modulus, exponent, signature, recovered))
            {
                return false;
            }

            // §9.2 steps 2-5: EM = 0x00 || 0x01 || PS || 0x00 || T, PS all 0xFF.
            int paddingEnd = k - digestInfoLength - 1;
            expected[0] = 0x00;
            expected[1] = 0x01;
            expected[2..paddingEnd].Fill(0xff);
            expected[paddingEnd] = 0x00;
            prefix.CopyTo(expected[(paddingEnd + 1)..]);
            hash.CopyTo(expected[(paddingEnd + 1 + prefix.Length)..]);

            // §8.2.2 step 4: compare the whole encoded message.
            return CryptographicOperations.FixedTimeEquals(recovered, expected);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Verifies an RSASSA-PSS signature (RFC 8017 §8.1.2, EMSA-PSS-VERIFY §9.1.2) over a
    /// precomputed digest.
    /// </summary>
    /// <param name="modulus">n, big-endian unsigned.</param>
    /// <param name="exponent">e, big-endian unsigned.</param>
    /// <param name="mHash">The digest of the message under <paramref name="hashAlgorithm"/>.</param>
    /// <param name="signature">The signature S, exactly k octets where k is the modulus length.</param>
    /// <param name="hashAlgorithm">The digest algorithm of mHash and H (RSASSA-PSS-params hashAlgorithm).</param>
    /// <param name="mgf1Hash">The digest algorithm of MGF1 (RSASSA-PSS-params maskGenAlgorithm), which may differ.</param>
    /// <param name="saltLength">sLen, any value from 0 up; it must match the signer's exactly.</param>
    /// <param name="trailerField">RSASSA-PSS-params trailerField; only 1 (trailer octet 0xBC) is defined.</param>
    /// <returns><see langword="true"/> when the signature is valid.</returns>
    public static bool VerifyPss(
        ReadOnlySpan<byte> modulus,
        ReadOnlySpan<byte> exponent,
        ReadOnlySpan<byte> mHash,
        ReadOnlySpan<byte> signature,
        HashAlgorithmName hashAlgorithm,
        HashAlgorithmName mgf1Hash,
        int saltLength,
        int trailerField)
    {
        // RFC 8017 A.2.3: trailerFieldBC(1) is the only trailer field defined.
        if (trailerField != 1 || saltLength < 0)
        {
            return false;
        }

        if (!Digest.IsSupported(hashAlgorithm) || !Digest.IsSupported(mgf1Hash))
        {
            return false;
        }

        int hLen = Digest.GetHashSize(hashAlgorithm);
        if (mHash.Length != hLen)
        {
            return false;
        }

        if (!TryNormalizeKey(ref modulus, ref exponent, out int modulusBits))
        {
            return false;
        }

        int k = ByteLength(modulusBits);

        // §8.1.2 step 1: the signature is exactly k octets.
        if (signature.Length != k)
        {
            return false;
        }

        // §8.1.2 step 2c: emBits = modBits - 1, emLen = ceil(emBits / 8), which is k - 1 when
        // modBits is 1 mod 8 and k otherwise.
        int emBits = modulusBits - 1;
        int emLen = ByteLength(emBits);

        // §9.1.2 step 3: emLen < hLen + sLen + 2 is "inconsistent". Written to avoid overflow.
        if (saltLength > emLen - hLen - 2)
        {
            return false;
        }

        // Room for m (k octets) and M' = (0x)00 00 00 00 00 00 00 00 || mHash || salt.
        int mPrimeLength = 8 + hLen + saltLength;
        int needed = k + mPrimeLength;
        byte[]? rented = null;
        Span<byte> buffer = needed <= StackallocThreshold
            ? stackalloc byte[StackallocThreshold]
            : (rented = ArrayPool<byte>.Shared.Rent(needed));
        try
        {
            Span<byte> recovered = buffer[..k];
            Span<byte> mPrime = buffer.Slice(k, mPrimeLength);

            // §8.1.2 step 2a-b: RSAVP1.
            if (!TryRsaVp1(modulus, exponent, signature, recovered))
            {
                return false;
            }

            // §8.1.2 step 2c: I2OSP(m, emLen) fails ("invalid signature") when m >= 256^emLen.
            if (emLen < k && recovered[0] != 0)
            {
                return false;
            }

            Span<byte> em = recovered[(k - emLen)..];
            return EmsaPssVerify(mHash, em, emBits, hashAlgorithm, mgf1Hash, saltLength, mPrime);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // RFC 8017 §9.1.2 steps 4-14. em is modified in place (it becomes DB || H || 0xbc).
    private static bool EmsaPssVerify(
        ReadOnlySpan<byte> mHash,
        Span<byte> em,
        int emBits,
        HashAlgorithmName hashAlgorithm,
        HashAlgorithmName mgf1Hash,
        int saltLength,
        Span<byte> mPrime)
    {
        int emLen = em.Length;
        int hLen = mHash.Length;
        Debug.Assert(emLen >= hLen + saltLength + 2, "checked by the caller (step 3)");

        // Step 4: the rightmost octet is 0xbc.
        if (em[^1] != PssTrailer)
        {
            return false;
        }

        // Step 5: maskedDB is the leftmost emLen - hLen - 1 octets, H the next hLen.
        int dbLen = emLen - hLen - 1;
        Span<byte> db = em[..dbLen];
        ReadOnlySpan<byte> h = em.Slice(dbLen, hLen);

        // Step 6: the leftmost 8*emLen - emBits bits of maskedDB must be zero.
        int unusedBits = (8 * emLen) - emBits;
        Debug.Assert(unusedBits is >= 0 and < 8, "emLen = ceil(emBits / 8)");
        int lowBitsMask = 0xff >> unusedBits;
        if ((db[0] & ~lowBitsMask) != 0)
        {
            return false;
        }

        // Steps 7-8: DB = maskedDB xor MGF(H, emLen - hLen - 1).
        Mgf1Xor(mgf1Hash, h, db);

        // Step 9: zero the leftmost 8*emLen - emBits bits of DB.
        db[0] = (byte)(db[0] & lowBitsMask);

        // Step 10: DB = PS (emLen - hLen - sLen - 2 zero octets) || 0x01 || salt.
        int psLen = emLen - hLen - saltLength - 2;
        if (db[..psLen].ContainsAnyExcept((byte)0x00) || db[psLen] != 0x01)
        {
            return false;
        }

        // Steps 11-13: H' = Hash(00 00 00 00 00 00 00 00 || mHash || salt).
        ReadOnlySpan<byte> salt = db[(dbLen - saltLength)..];
        mPrime[..8].Clear();
        mHash.CopyTo(mPrime[8..]);
        salt.CopyTo(mPrime[(8 + hLen)..]);

        Span<byte> hPrime = stackalloc byte[Digest.MaxHashSizeInBytes];
        int written = Digest.HashData(hashAlgorithm, mPrime, hPrime);
        Debug.Assert(written == hLen, "hLen is the digest size");

        // Step 14.
        return CryptographicOperations.FixedTimeEquals(h, hPrime[..written]);
    }

    // RFC 8017 B.2.1 MGF1, xored into target: T = Hash(seed || C) for C = 0, 1, ... (I2OSP(C, 4)).
    private static void Mgf1Xor(HashAlgorithmName mgf1Hash, ReadOnlySpan<byte> seed, Span<byte> target)
    {
        Debug.Assert(seed.Length <= Digest.MaxHashSizeInBytes, "the seed is a digest");
        Span<byte> input = stackalloc byte[Digest.MaxHashSizeInBytes + 4];
        Span<byte> block = stackalloc byte[Digest.MaxHashSizeInBytes];
        seed.CopyTo(input);
        Span<byte> counterBytes = input.Slice(seed.Length, 4);
        ReadOnlySpan<byte> hashInput = input[..(seed.Length + 4)];

        uint counter = 0;
        int offset = 0;
        while (offset < target.Length)
        {
            BinaryPrimitives.WriteUInt32BigEndian(counterBytes, counter);
            int blockLength = Digest.HashData(mgf1Hash, hashInput, block);
            int take = Math.Min(blockLength, target.Length - offset);
            Span<byte> chunk = target.Slice(offset, take);
            for (int i = 0; i < chunk.Length; i++)
            {
                chunk[i] ^= block[i];
            }

            offset += take;
            counter++;
        }
    }

    // RSAVP1 (RFC 8017 §5.2.2) followed by I2OSP(m, k) into output (k octets), on RsaPublicOperation's
    // Montgomery limbs. modulus and exponent are normalized (TryNormalizeKey): no leading zeros, e < 2^33.
    private static bool TryRsaVp1(ReadOnlySpan<byte> modulus, ReadOnlySpan<byte> exponent, ReadOnlySpan<byte> signature, Span<byte> output)
    {
        Debug.Assert(signature.Length == modulus.Length && output.Length == modulus.Length, "k octets");
        ulong e = 0;
        foreach (byte b in exponent)
        {
            e = (e << 8) | b;
        }

        return RsaPublicOperation.TryModPow(modulus, e, signature, output);
    }

    // Strips leading zero octets from n and e and checks the key: n odd with 512..16384 bits,
    // e odd with 1 < e < n (RFC 8017 §3.1) and at most MaxExponentBits bits.
    private static bool TryNormalizeKey(ref ReadOnlySpan<byte> modulus, ref ReadOnlySpan<byte> exponent, out int modulusBits)
    {
        modulusBits = 0;
        modulus = TrimLeadingZeros(modulus);
        exponent = TrimLeadingZeros(exponent);

        // The length check comes first so a huge input costs nothing more.
        if (modulus.IsEmpty || modulus.Length > MaxModulusBits / 8)
        {
            return false;
        }

        modulusBits = (8 * modulus.Length) - BitOperations.LeadingZeroCount((uint)modulus[0]) + 24;
        if (modulusBits is < MinModulusBits or > MaxModulusBits)
        {
            return false;
        }

        if ((modulus[^1] & 1) == 0)
        {
            return false;
        }

        // e is odd, e > 1 (so e >= 3), e < 2^33, and e < n.
        if (exponent.IsEmpty || (exponent[^1] & 1) == 0 || (exponent.Length == 1 && exponent[0] == 1))
        {
            return false;
        }

        const int maxExponentBytes = (MaxExponentBits + 7) / 8;
        const int topByteLimit = 1 << (MaxExponentBits - (8 * (maxExponentBytes - 1)));
        if (exponent.Length > maxExponentBytes || (exponent.Length == maxExponentBytes && exponent[0] >= topByteLimit))
        {
            return false;
        }

        return exponent.Length < modulus.Length
            || (exponent.Length == modulus.Length && exponent.SequenceCompareTo(modulus) < 0);
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        int first = value.IndexOfAnyExcept((byte)0x00);
        return first < 0 ? [] : value[first..];
    }

    private static int ByteLength(int bits) => (bits + 7) / 8;
}
