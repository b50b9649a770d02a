using System.Diagnostics;

namespace Pkcs10.Signatures.Managed;

/// <summary>Width-w non-adjacent form of a non-negative scalar, for variable-time scalar multiplication.</summary>
internal static class Naf
{
    /// <summary>
    /// Writes the width-<paramref name="width"/> NAF of <paramref name="scalar"/> (little-endian 64-bit words):
    /// digits d_i, each zero or odd with |d_i| &lt; 2^(width-1), every non-zero digit followed by at least
    /// width - 1 zeros, and sum d_i·2^i equal to the scalar.
    /// </summary>
    /// <param name="scalar">The scalar; it must be below 2^(naf.Length - 1).</param>
    /// <param name="width">The window width, 2 to 8.</param>
    /// <param name="naf">Receives one digit per bit position.</param>
    public static void Compute(ReadOnlySpan<ulong> scalar, int width, Span<sbyte> naf)
    {
        Debug.Assert(width is >= 2 and <= 8);
        naf.Clear();
        ulong windowMask = (1UL << width) - 1;
        ulong half = 1UL << (width - 1);
        int full = 1 << width;
        ulong carry = 0;
        int position = 0;
        while (position < naf.Length)
        {
            int word = position >> 6;
            int bit = position & 63;
            ulong bits = word < scalar.Length ? scalar[word] >> bit : 0;
            if (bit + width > 64 && word + 1 < scalar.Length)
            {
                bits |= scalar[word + 1] << (64 - bit);
            }

            ulong window = carry + (bits & windowMask);
            if ((window & 1) == 0)
            {
                // An even window means the bit and the carry are equal: digit 0, and the carry moves up unchanged.
                position++;
                continue;
            }

            if (window < half)
            {
                naf[position] = (sbyte)window;
                carry = 0;
            }
            else
            {
                naf[position] = (sbyte)((int)window - full);
                carry = 1;
            }

            position += width;
        }

        Debug.Assert(carry == 0, "the scalar fits in the NAF");
    }
}
