using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// Scalars modulo the Ed25519 group order L = 2^252 + 27742317777372353535851937790883648493
/// (RFC 8032 §5.1): the S &lt; L range check and the reduction of the 512-bit SHA-512 output mod L.
/// </summary>
/// <remarks>
/// The reduction is Montgomery multiplication on five 52-bit limbs with R = 2^260: a 512-bit input
/// x = lo + hi·2^260 gives x mod L = REDC(lo·(R mod L)) + REDC(hi·(R^2 mod L)). No <c>BigInteger</c>,
/// no allocation; variable-time, which is fine for public values.
/// </remarks>
internal static class Scalar25519
{
    private const ulong Mask52 = (1UL << 52) - 1;

    // L in five 52-bit limbs.
    private const ulong L0 = 0x2631A5CF5D3ED, L1 = 0xDEA2F79CD6581, L2 = 0x14DEF9, L3 = 0, L4 = 0x100000000000;

    // -L^-1 mod 2^52.
    private const ulong LFactor = 0x51DA312547E1B;

    // L as four little-endian 64-bit words, for the S < L check.
    private const ulong LW0 = 0x5812631A5CF5D3ED, LW1 = 0x14DEF9DEA2F79CD6, LW2 = 0, LW3 = 0x1000000000000000;

    /// <summary>Whether the 32-byte little-endian integer <paramref name="s"/> is below L (RFC 8032 §5.1.7 step 1).</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> s)
    {
        ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(s[24..]);
        if (w3 != LW3)
        {
            return w3 < LW3;
        }

        ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(s[16..]);
        if (w2 != LW2)
        {
            return w2 < LW2;
        }

        ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(s[8..]);
        if (w1 != LW1)
        {
            return w1 < LW1;
        }

        return BinaryPrimitives.ReadUInt64LittleEndian(s) < LW0;
    }

    /// <summary>Reads a 32-byte little-endian scalar into four 64-bit words (no reduction).</summary>
    public static void ToWords(ReadOnlySpan<byte> s, Span<ulong> words)
    {
        for (int i = 0; i < 4; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt64LittleEndian(s[(8 * i)..]);
        }
    }

    /// <summary>Reduces the 64-byte little-endian integer <paramref name="wide"/> mod L into four 64-bit words.</summary>
    public static void ReduceWide(ReadOnlySpan<byte> wide, Span<ulong> words)
    {
        Span<ulong> w = stackalloc ulong[9];
        for (int i = 0; i < 8; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt64LittleEndian(wide[(8 * i)..]);
        }

        w[8] = 0;

        // lo = bits 0..259 (limbs 0-4), hi = bits 260..511 (limbs 5-9).
        ulong lo0 = Limb(w, 0), lo1 = Limb(w, 1), lo2 = Limb(w, 2), lo3 = Limb(w, 3), lo4 = Limb(w, 4);
        ulong hi0 = Limb(w, 5), hi1 = Limb(w, 6), hi2 = Limb(w, 7), hi3 = Limb(w, 8), hi4 = Limb(w, 9);

        // lo·R / R = lo; hi·R^2 / R = hi·R (mod L). Both results are below L.
        MontgomeryMul(out ulong a0, out ulong a1, out ulong a2, out ulong a3, out ulong a4,
            lo0, lo1, lo2, lo3, lo4, 0xF48BD6721E6ED, 0x3BAB5AC67E45A, 0xFFFFFEB35E51B, 0xFFFFFFFFFFFFF, 0xFFFFFFFFFFF);
        MontgomeryMul(out ulong b0, out ulong b1, out ulong b2, out ulong b3, out ulong b4,
            hi0, hi1, hi2, hi3, hi4, 0x9D265E952D13B, 0xD63C715BEA69F, 0x5BE65CB687604, 0x3DCEEC73D217F, 0x9411B7C309A);

        unchecked
        {
            // a + b < 2L; SubtractLIfNotBelow propagates the limb carries first.
            ulong c0 = a0 + b0, c1 = a1 + b1, c2 = a2 + b2, c3 = a3 + b3, c4 = a4 + b4;
            SubtractLIfNotBelow(ref c0, ref c1, ref c2, ref c3, ref c4);
            c0 &= Mask52;
            c1 &= Mask52;
            c2 &= Mask52;
            c3 &= Mask52;

            words[0] = c0 | (c1 << 52);
            words[1] = (c1 >> 12) | (c2 << 40);
            words[2] = (c2 >> 24) | (c3 << 28);
            words[3] = (c3 >> 36) | (c4 << 16);
        }
    }

    // Limb i (52 bits starting at bit 52·i) of the little-endian words w.
    private static ulong Limb(ReadOnlySpan<ulong> w, int i)
    {
        int bit = 52 * i;
        int word = bit >> 6;
        int shift = bit & 63;
        ulong v = w[word] >> shift;
        if (shift > 12 && word + 1 < w.Length)
        {
            v |= w[word + 1] << (64 - shift);
        }

        return v & Mask52;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt128 M(ulong a, ulong b)
    {
        ulong hi = Math.BigMul(a, b, out ulong lo);
        return new UInt128(hi, lo);
    }

    // (a·b)/R mod L for a, b given as 52-bit limbs with a·b < R·L; the result is below L, in 52-bit limbs.
    private static void MontgomeryMul(out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4,
        ulong a0, ulong a1, ulong a2, ulong a3, ulong a4, ulong b0, ulong b1, ulong b2, ulong b3, ulong b4)
    {
        unchecked
        {
            // The product's nine columns.
            UInt128 t0 = M(a0, b0);
            UInt128 t1 = M(a0, b1) + M(a1, b0);
            UInt128 t2 = M(a0, b2) + M(a1, b1) + M(a2, b0);
            UInt128 t3 = M(a0, b3) + M(a1, b2) + M(a2, b1) + M(a3, b0);
            UInt128 t4 = M(a0, b4) + M(a1, b3) + M(a2, b2) + M(a3, b1) + M(a4, b0);
            UInt128 t5 = M(a1, b4) + M(a2, b3) + M(a3, b2) + M(a4, b1);
            UInt128 t6 = M(a2, b4) + M(a3, b3) + M(a4, b2);
            UInt128 t7 = M(a3, b4) + M(a4, b3);
            UInt128 t8 = M(a4, b4);

            // REDC, one 52-bit column at a time: pick n_i so that column i becomes divisible by 2^52.
            UInt128 s = t0;
            ulong n0 = ((ulong)s * LFactor) & Mask52;
            s = (s + M(n0, L0)) >> 52;

            s += t1 + M(n0, L1);
            ulong n1 = ((ulong)s * LFactor) & Mask52;
            s = (s + M(n1, L0)) >> 52;

            s += t2 + M(n0, L2) + M(n1, L1);
            ulong n2 = ((ulong)s * LFactor) & Mask52;
            s = (s + M(n2, L0)) >> 52;

            s += t3 + M(n0, L3) + M(n1, L2) + M(n2, L1);
            ulong n3 = ((ulong)s * LFactor) & Mask52;
            s = (s + M(n3, L0)) >> 52;

            s += t4 + M(n0, L4) + M(n1, L3) + M(n2, L2) + M(n3, L1);
            ulong n4 = ((ulong)s * LFactor) & Mask52;
            s = (s + M(n4, L0)) >> 52;

            s += t5 + M(n1, L4) + M(n2, L3) + M(n3, L2) + M(n4, L1);
            ulong c0 = (ulong)s & Mask52;
            s >>= 52;

            s += t6 + M(n2, L4) + M(n3, L3) + M(n4, L2);
            ulong c1 = (ulong)s & Mask52;
            s >>= 52;

            s += t7 + M(n3, L4) + M(n4, L3);
            ulong c2 = (ulong)s & Mask52;
            s >>= 52;

            s += t8 + M(n4, L4);
            ulong c3 = (ulong)s & Mask52;
            ulong c4 = (ulong)(s >> 52);

            // (a·b + n·L)/R < 2L: one conditional subtraction.
            SubtractLIfNotBelow(ref c0, ref c1, ref c2, ref c3, ref c4);
            r0 = c0 & Mask52;
            r1 = c1 & Mask52;
            r2 = c2 & Mask52;
            r3 = c3 & Mask52;
            r4 = c4;
        }
    }

    // c (52-bit limbs, c4 unbounded but c < 2L) becomes c - L when c >= L.
    private static void SubtractLIfNotBelow(ref ulong c0, ref ulong c1, ref ulong c2, ref ulong c3, ref ulong c4)
    {
        unchecked
        {
            c1 += c0 >> 52;
            c0 &= Mask52;
            c2 += c1 >> 52;
            c1 &= Mask52;
            c3 += c2 >> 52;
            c2 &= Mask52;
            c4 += c3 >> 52;
            c3 &= Mask52;

            // d = c - L with borrows; the sign of the top limb says whether c < L.
            ulong d0 = c0 - L0;
            ulong d1 = c1 - L1 - (d0 >> 63);
            ulong d2 = c2 - L2 - (d1 >> 63);
            ulong d3 = c3 - L3 - (d2 >> 63);
            ulong d4 = c4 - L4 - (d3 >> 63);
            if ((long)d4 >= 0)
            {
                c0 = d0 & Mask52;
                c1 = d1 & Mask52;
                c2 = d2 & Mask52;
                c3 = d3 & Mask52;
                c4 = d4;
            }
        }
    }
}
