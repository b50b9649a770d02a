using System.Buffers.Binary;
using System.Numerics;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// SHAKE256 (FIPS 202 §6.2): Keccak[c = 512] with the domain suffix 1111, over Keccak-f[1600] (§3.3-3.4).
/// The fallback for Ed448 on platforms where <see cref="System.Security.Cryptography.Shake256.IsSupported"/>
/// is false; tests compare it with the BCL wherever the BCL has it.
/// </summary>
/// <remarks>One-shot and allocation-free: the 200-byte state lives on the stack.</remarks>
internal static class ManagedShake256
{
    /// <summary>The rate r = 1600 - 512 bits, in bytes.</summary>
    private const int RateInBytes = 136;

    // Static arrays rather than ReadOnlySpan<T> properties (RuntimeHelpers.CreateSpan allocates in unoptimised code).

    // FIPS 202 §3.2.5: the round constants RC[i_r] of the iota step.
    private static readonly ulong[] s_roundConstants =
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    // FIPS 202 §3.2.2-3.2.3 combined: rho rotates lane (x, y) by (t+1)(t+2)/2 while pi walks (x, y) -> (y, 2x+3y);
    // these are the rotation and the destination lane index x + 5y at each of the 24 steps, starting from lane 1.
    private static readonly int[] s_rhoOffsets = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];

    private static readonly int[] s_piLanes = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    /// <summary>Writes SHAKE256(<paramref name="source"/>, 8·destination.Length) to <paramref name="destination"/>.</summary>
    /// <param name="source">The input.</param>
    /// <param name="destination">Receives as many output bytes as it is long.</param>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Span<ulong> state = stackalloc ulong[25];
        state.Clear();

        // Absorb whole blocks.
        while (source.Length >= RateInBytes)
        {
            XorBlock(state, source[..RateInBytes]);
            Permute(state);
            source = source[RateInBytes..];
        }

        // The last, partial block with the SHAKE padding: the suffix 1111 then pad10*1 (§5.1, §6.2), that is
        // 0x1F after the data and 0x80 in the block's last byte (the same byte when only one is free).
        Span<byte> block = stackalloc byte[RateInBytes];
        block.Clear();
        source.CopyTo(block);
        block[source.Length] ^= 0x1F;
        block[RateInBytes - 1] ^= 0x80;
        XorBlock(state, block);
        Permute(state);

        // Squeeze.
        while (true)
        {
            int n = Math.Min(destination.Length, RateInBytes);
            for (int i = 0; i < n; i += 8)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(block[i..], state[i >> 3]);
            }

            block[..n].CopyTo(destination);
            destination = destination[n..];
            if (destination.IsEmpty)
            {
                break;
            }

            Permute(state);
        }
    }

    private static void XorBlock(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (int i = 0; i < RateInBytes / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(8 * i)..]);
        }
    }

    // Keccak-f[1600] (FIPS 202 Algorithm 7): 24 rounds of theta, rho, pi, chi, iota on 64-bit lanes,
    // lane (x, y) at index x + 5y.
    private static void Permute(Span<ulong> a)
    {
        ReadOnlySpan<ulong> rc = s_roundConstants;
        ReadOnlySpan<int> rho = s_rhoOffsets;
        ReadOnlySpan<int> pi = s_piLanes;
        Span<ulong> c = stackalloc ulong[5];
        for (int round = 0; round < 24; round++)
        {
            // theta
            for (int x = 0; x < 5; x++)
            {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }

            for (int x = 0; x < 5; x++)
            {
                ulong d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5)
                {
                    a[x + y] ^= d;
                }
            }

            // rho and pi
            ulong current = a[1];
            for (int t = 0; t < 24; t++)
            {
                int lane = pi[t];
                ulong next = a[lane];
                a[lane] = BitOperations.RotateLeft(current, rho[t]);
                current = next;
            }

            // chi
            for (int y = 0; y < 25; y += 5)
            {
                ulong a0 = a[y], a1 = a[y + 1], a2 = a[y + 2], a3 = a[y + 3], a4 = a[y + 4];
                a[y] = a0 ^ (~a1 & a2);
                a[y + 1] = a1 ^ (~a2 & a3);
                a[y + 2] = a2 ^ (~a3 & a4);
                a[y + 3] = a3 ^ (~a4 & a0);
                a[y + 4] = a4 ^ (~a0 & a1);
            }

            // iota
            a[0] ^= rc[round];
        }
    }
}
