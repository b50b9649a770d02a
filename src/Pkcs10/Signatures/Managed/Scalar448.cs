using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// Scalars modulo the Ed448 group order
/// L = 2^446 - 13818066809895115352007386748515426880336692474882178609894547503885 (RFC 8032 §5.2):
/// the S &lt; L range check and the reduction of the 912-bit SHAKE256 output mod L.
/// </summary>
/// <remarks>
/// Montgomery multiplication on eight 56-bit limbs with R = 2^448: x = x0 + x1·R + x2·R^2 (x0, x1 &lt; 2^448,
/// x2 &lt; 2^16) gives x mod L = REDC(x0·(R mod L)) + REDC(x1·(R^2 mod L)) + REDC(x2·(R^3 mod L)).
/// No <c>BigInteger</c>, no allocation; variable-time, for public values only.
/// </remarks>
internal static class Scalar448
{
    /// <summary>The size of an encoded scalar, in bytes (RFC 8032 §5.2.6).</summary>
    public const int EncodedSize = 57;

    /// <summary>The number of 64-bit words of a reduced scalar.</summary>
    public const int Words = 7;

    private const ulong Mask56 = (1UL << 56) - 1;

    // -L^-1 mod 2^56.
    private const ulong LFactor = 0xBD440FAE918BC5;

    // Static arrays rather than ReadOnlySpan<ulong> properties (RuntimeHelpers.CreateSpan allocates in unoptimised code).
    private static readonly ulong[] s_l = [0x78C292AB5844F3, 0xC2728DC58F5523, 0x49AED63690216C, 0x7CCA23E9C44EDB, Mask56, Mask56, Mask56, 0x3FFFFFFFFFFFFF];

    private static readonly ulong[] s_r = [0x1CF5B5529EEC34, 0xF635C8E9C2AB72, 0xD944A725BF7A4C, 0xCD77058EEC492, 0x2, 0, 0, 0];

    private static readonly ulong[] s_r2 = [0x539257049B9B60, 0x2C4BC1B195D9E3, 0x2388EA18597AF3, 0x5EE4D8380D66DE, 0xC47C44AE17CF72, 0x70AF1A9CC14BA3, 0x292052BCB7E4D0, 0x3402A939F823B7];

    private static readonly ulong[] s_r3 = [0xDB79E25F9B74ED, 0x33584F61D63662, 0x8B5FA7496432D5, 0x878DFCDA3E0D0C, 0x54B842178769ED, 0x736DE4C71AF867, 0xF1ED66E7F42BAB, 0xD30A4F69D3AF5];

    // L as seven little-endian 64-bit words.
    private static readonly ulong[] s_lWords = [0x2378C292AB5844F3, 0x216CC2728DC58F55, 0xC44EDB49AED63690, 0xFFFFFFFF7CCA23E9, ulong.MaxValue, ulong.MaxValue, 0x3FFFFFFFFFFFFFFF];

    /// <summary>Whether the 57-byte little-endian integer <paramref name="s"/> is below L (RFC 8032 §5.2.7 step 1).</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> s)
    {
        if (s[56] != 0)
        {
            return false;
        }

        ReadOnlySpan<ulong> l = s_lWords;
        for (int i = Words - 1; i >= 0; i--)
        {
            ulong w = BinaryPrimitives.ReadUInt64LittleEndian(s[(8 * i)..]);
            if (w != l[i])
            {
                return w < l[i];
            }
        }

        return false;
    }

    /// <summary>Reads the low 56 bytes of an encoded scalar into seven 64-bit words (no reduction).</summary>
    public static void ToWords(ReadOnlySpan<byte> s, Span<ulong> words)
    {
        for (int i = 0; i < Words; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt64LittleEndian(s[(8 * i)..]);
        }
    }

    /// <summary>Reduces the 114-byte little-endian integer <paramref name="wide"/> mod L into seven 64-bit words.</summary>
    public static void ReduceWide(ReadOnlySpan<byte> wide, Span<ulong> words)
    {
        Span<ulong> x = stackalloc ulong[8];
        Span<ulong> acc = stackalloc ulong[8];
        Span<ulong> term = stackalloc ulong[8];

        ToLimbs(wide[..56], x);
        MontgomeryMul(x, s_r, acc);
        ToLimbs(wide[56..112], x);
        MontgomeryMul(x, s_r2, term);
        AddModL(acc, term);
        x.Clear();
        x[0] = wide[112] | ((ulong)wide[113] << 8);
        MontgomeryMul(x, s_r3, term);
        AddModL(acc, term);

        unchecked
        {
            for (int i = 0; i < Words; i++)
            {
                // Word i holds bits 64i..64i+63: limb (64i)/56 shifted, plus the next limb's low bits.
                int bit = 64 * i;
                int limb = bit / 56;
                int shift = bit % 56;
                ulong w = acc[limb] >> shift;
                w |= acc[limb + 1] << (56 - shift);
                if (shift > 48 && limb + 2 < 8)
                {
                    w |= acc[limb + 2] << (112 - shift);
                }

                words[i] = w;
            }
        }
    }

    private static void ToLimbs(ReadOnlySpan<byte> bytes56, Span<ulong> limbs)
    {
        for (int i = 0; i < 8; i++)
        {
            ReadOnlySpan<byte> s = bytes56[(7 * i)..];
            limbs[i] = BinaryPrimitives.ReadUInt32LittleEndian(s) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(s[4..]) << 32) | ((ulong)s[6] << 48);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt128 M(ulong a, ulong b)
    {
        ulong hi = Math.BigMul(a, b, out ulong lo);
        return new UInt128(hi, lo);
    }

    // r = a·b/R mod L (56-bit limbs; a·b < R·L), fully reduced.
    private static void MontgomeryMul(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> r)
    {
        ReadOnlySpan<ulong> l = s_l;
        Span<UInt128> t = stackalloc UInt128[17];
        t.Clear();
        unchecked
        {
            for (int i = 0; i < 8; i++)
            {
                for (int j = 0; j < 8; j++)
                {
                    t[i + j] += M(a[i], b[j]);
                }
            }

            // REDC: make column i divisible by 2^56 with n_i·L, then carry it into column i + 1.
            for (int i = 0; i < 8; i++)
            {
                ulong n = ((ulong)t[i] * LFactor) & Mask56;
                for (int j = 0; j < 8; j++)
                {
                    t[i + j] += M(n, l[j]);
                }

                t[i + 1] += t[i] >> 56;
            }

            for (int i = 8; i < 16; i++)
            {
                t[i + 1] += t[i] >> 56;
                r[i - 8] = (ulong)t[i] & Mask56;
            }

            // t[16] holds what is above 2^448 (the result is below 2L < 2^447, so it is zero).
            r[7] |= (ulong)t[16] << 56;
        }

        SubtractLIfNotBelow(r);
    }

    private static void AddModL(Span<ulong> acc, ReadOnlySpan<ulong> term)
    {
        unchecked
        {
            ulong carry = 0;
            for (int i = 0; i < 8; i++)
            {
                ulong v = acc[i] + term[i] + carry;
                acc[i] = v & Mask56;
                carry = v >> 56;
            }

            acc[7] |= carry << 56;
        }

        SubtractLIfNotBelow(acc);
    }

    // c (56-bit limbs, c < 2L, the top limb may exceed 56 bits) becomes c - L when c >= L.
    private static void SubtractLIfNotBelow(Span<ulong> c)
    {
        ReadOnlySpan<ulong> l = s_l;
        Span<ulong> d = stackalloc ulong[8];
        unchecked
        {
            ulong borrow = 0;
            for (int i = 0; i < 7; i++)
            {
                ulong v = c[i] - l[i] - borrow;
                borrow = v >> 63;
                d[i] = v & Mask56;
            }

            ulong top = c[7] - l[7] - borrow;
            if ((long)top >= 0)
            {
                d[7] = top;
                d.CopyTo(c);
            }
        }
    }
}
