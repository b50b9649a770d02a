using System.Buffers.Binary;
using System.Numerics;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// SHA-512/224 and SHA-512/256 (FIPS 180-4 §6.7): the SHA-512 compression function started from the
/// initial hash values of §5.3.6 and truncated. The BCL has neither, but RSASSA-PSS parameters may name
/// them (id-sha512-224, id-sha512-256; RFC 8017 Appendix B.1).
/// </summary>
/// <remarks>One-shot and allocation-free: all working state lives on the stack.</remarks>
internal static class Sha512T
{
    private const int BlockSizeInBytes = 128;

    // FIPS 180-4 §5.3.6.1: the SHA-512/224 initial hash value.
    private static readonly ulong[] s_initial224 =
    [
        0x8C3D37C819544DA2, 0x73E1996689DCD4D6, 0x1DFAB7AE32FF9C82, 0x679DD514582F9FCF,
        0x0F6D2B697BD44DA8, 0x77E36F7304C48942, 0x3F9D85A86A1D36C8, 0x1112E6AD91D692A1,
    ];

    // FIPS 180-4 §5.3.6.2: the SHA-512/256 initial hash value.
    private static readonly ulong[] s_initial256 =
    [
        0x22312194FC2BF72C, 0x9F555FA3C84C64C2, 0x2393B86B6F53B151, 0x963877195940EABD,
        0x96283EE2A88EFFE3, 0xBE5E1E2553863992, 0x2B0199FC2C85B8AA, 0x0EB72DDC81C52CA2,
    ];

    // FIPS 180-4 §4.2.3: the SHA-384/512 constants K0..K79.
    private static readonly ulong[] s_roundConstants =
    [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019,
        0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
        0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001,
        0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ];

    /// <summary>Computes SHA-512/224 (28 bytes) or SHA-512/256 (32 bytes) of <paramref name="source"/>.</summary>
    /// <param name="digestSize">28 or 32.</param>
    /// <param name="source">The data to hash.</param>
    /// <param name="destination">Receives the digest in its first <paramref name="digestSize"/> bytes.</param>
    /// <exception cref="ArgumentException">The size is neither 28 nor 32, or <paramref name="destination"/> is too short.</exception>
    public static void HashData(int digestSize, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (digestSize is not (28 or 32))
        {
            throw new ArgumentException("SHA-512/t is implemented for t = 224 and 256.", nameof(digestSize));
        }

        if (destination.Length < digestSize)
        {
            throw new ArgumentException("Destination is too short for the digest.", nameof(destination));
        }

        Span<ulong> state = stackalloc ulong[8];
        Span<ulong> schedule = stackalloc ulong[80];
        (digestSize == 28 ? s_initial224 : s_initial256).CopyTo(state);

        int fullLength = source.Length - (source.Length % BlockSizeInBytes);
        for (int offset = 0; offset < fullLength; offset += BlockSizeInBytes)
        {
            Compress(state, source.Slice(offset, BlockSizeInBytes), schedule);
        }

        // §5.1.2 padding: 0x80, zeros, then the 128-bit big-endian bit length (one or two final blocks).
        Span<byte> tail = stackalloc byte[2 * BlockSizeInBytes];
        tail.Clear();
        int remaining = source.Length - fullLength;
        source[fullLength..].CopyTo(tail);
        tail[remaining] = 0x80;
        int tailLength = remaining + 1 + 16 <= BlockSizeInBytes ? BlockSizeInBytes : 2 * BlockSizeInBytes;
        UInt128 bitLength = (UInt128)(ulong)source.Length * 8;
        BinaryPrimitives.WriteUInt128BigEndian(tail.Slice(tailLength - 16, 16), bitLength);
        for (int offset = 0; offset < tailLength; offset += BlockSizeInBytes)
        {
            Compress(state, tail.Slice(offset, BlockSizeInBytes), schedule);
        }

        Span<byte> full = stackalloc byte[64];
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(full.Slice(i * 8, 8), state[i]);
        }

        full[..digestSize].CopyTo(destination);
    }

    // FIPS 180-4 §6.4.2, one 1024-bit block. The arithmetic is mod 2^64 by definition.
    private static void Compress(Span<ulong> state, ReadOnlySpan<byte> block, Span<ulong> w)
    {
        unchecked
        {
            for (int t = 0; t < 16; t++)
            {
                w[t] = BinaryPrimitives.ReadUInt64BigEndian(block.Slice(t * 8, 8));
            }

            for (int t = 16; t < 80; t++)
            {
                ulong s0 = BitOperations.RotateRight(w[t - 15], 1) ^ BitOperations.RotateRight(w[t - 15], 8) ^ (w[t - 15] >> 7);
                ulong s1 = BitOperations.RotateRight(w[t - 2], 19) ^ BitOperations.RotateRight(w[t - 2], 61) ^ (w[t - 2] >> 6);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }

            ulong a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
            for (int t = 0; t < 80; t++)
            {
                ulong sum1 = BitOperations.RotateRight(e, 14) ^ BitOperations.RotateRight(e, 18) ^ BitOperations.RotateRight(e, 41);
                ulong ch = (e & f) ^ (~e & g);
                ulong t1 = h + sum1 + ch + s_roundConstants[t] + w[t];
                ulong sum0 = BitOperations.RotateRight(a, 28) ^ BitOperations.RotateRight(a, 34) ^ BitOperations.RotateRight(a, 39);
                ulong maj = (a & b) ^ (a & c) ^ (b & c);
                ulong t2 = sum0 + maj;
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
