using System.Buffers.Binary;
using System.Numerics;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// SHA-224 (FIPS 180-4 §6.3): the SHA-256 compression function started from the SHA-224 initial
/// hash value (§5.3.2) and truncated to 224 bits. The BCL has no SHA-224, but RSA signatures in
/// CSRs may use it (sha224WithRSAEncryption, RFC 5754 §3.2).
/// </summary>
/// <remarks>One-shot and allocation-free: all working state lives on the stack.</remarks>
internal static class Sha224
{
    /// <summary>The digest size, 28 bytes (224 bits).</summary>
    public const int HashSizeInBytes = 28;

    private const int BlockSizeInBytes = 64;

    // Static arrays rather than ReadOnlySpan<uint> properties: those go through
    // RuntimeHelpers.CreateSpan, which allocates a field stub per call in unoptimized (Debug) code.

    // FIPS 180-4 §5.3.2: the SHA-224 initial hash value.
    private static readonly uint[] s_initialHashValue =
    [
        0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
    ];

    // FIPS 180-4 §4.2.2: the SHA-224/SHA-256 constants K0..K63.
    private static readonly uint[] s_roundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Computes the SHA-224 digest of <paramref name="source"/>.</summary>
    /// <param name="source">The data to hash.</param>
    /// <param name="destination">Receives the 28-byte digest in its first <see cref="HashSizeInBytes"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="HashSizeInBytes"/>.</exception>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw new ArgumentException("Destination is too short for a SHA-224 digest.", nameof(destination));
        }

        Span<uint> state = stackalloc uint[8];
        Span<uint> schedule = stackalloc uint[64];
        s_initialHashValue.CopyTo(state);

        int fullLength = source.Length - (source.Length % BlockSizeInBytes);
        for (int offset = 0; offset < fullLength; offset += BlockSizeInBytes)
        {
            Compress(state, source.Slice(offset, BlockSizeInBytes), schedule);
        }

        // FIPS 180-4 §5.1.1: append 0x80, zero-fill, and the 64-bit big-endian message length in
        // bits, so the padded tail is one block, or two when fewer than 9 bytes are left.
        ReadOnlySpan<byte> tail = source[fullLength..];
        Span<byte> padded = stackalloc byte[2 * BlockSizeInBytes];
        padded.Clear();
        tail.CopyTo(padded);
        padded[tail.Length] = 0x80;
        int paddedLength = tail.Length + 9 <= BlockSizeInBytes ? BlockSizeInBytes : 2 * BlockSizeInBytes;
        BinaryPrimitives.WriteUInt64BigEndian(padded.Slice(paddedLength - 8, 8), (ulong)source.Length * 8);
        for (int offset = 0; offset < paddedLength; offset += BlockSizeInBytes)
        {
            Compress(state, padded.Slice(offset, BlockSizeInBytes), schedule);
        }

        // §6.3: SHA-224 is the leftmost 224 bits, that is H0..H6.
        for (int i = 0; i < 7; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4 * i, 4), state[i]);
        }
    }

    // FIPS 180-4 §6.2.2 steps 1-4. The additions are mod 2^32 by definition, hence unchecked.
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> w)
    {
        ReadOnlySpan<uint> k = s_roundConstants;
        unchecked
        {
            for (int t = 0; t < 16; t++)
            {
                w[t] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(4 * t, 4));
            }

            for (int t = 16; t < 64; t++)
            {
                uint w15 = w[t - 15];
                uint w2 = w[t - 2];
                uint sigma0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
                uint sigma1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
                w[t] = sigma1 + w[t - 7] + sigma0 + w[t - 16];
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3];
            uint e = state[4], f = state[5], g = state[6], h = state[7];
            for (int t = 0; t < 64; t++)
            {
                uint bigSigma1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
                uint ch = (e & f) ^ (~e & g);
                uint t1 = h + bigSigma1 + ch + k[t] + w[t];
                uint bigSigma0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
                uint maj = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = bigSigma0 + maj;
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }
    }
}
