using Pkcs10.Internal;

namespace Pkcs10.Asn1;

public ref partial struct DerReader
{
    /// <summary>Reads a BIT STRING (primitive; unused bits zero, as DER requires) and returns its data octets.</summary>
    /// <param name="unusedBitCount">The number of unused bits in the last octet (0–7).</param>
    /// <param name="tag">The tag, <see cref="Asn1Tag.BitString"/> when <see langword="null"/>.</param>
    /// <returns>The data octets after the unused-bits octet, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public ReadOnlySpan<byte> ReadBitString(out int unusedBitCount, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = tag is null ? ReadContent(0x03, out int contentOffset) : ReadContent(tag.GetValueOrDefault(), out contentOffset);
        DerRules.CheckBitString(content, contentOffset);
        unusedBitCount = content[0];
        return content[1..];
    }

    /// <summary>
    /// Reads a BIT STRING that a named-bit list defines (KeyUsage, ...): DER removes trailing zero bits
    /// (X.690 §11.2.2). Bit 0 is the most significant bit of the first octet.
    /// </summary>
    /// <param name="maxBits">The most bits accepted (at most 64).</param>
    /// <param name="tag">The tag, <see cref="Asn1Tag.BitString"/> when <see langword="null"/>.</param>
    /// <returns>The bits, bit <c>n</c> of the list at <c>1UL &lt;&lt; n</c>.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed, has trailing zero bits, or is too long.</exception>
    public ulong ReadNamedBitList(int maxBits = 64, Asn1Tag? tag = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBits, 64);
        int offset = Offset;
        ReadOnlySpan<byte> data = ReadBitString(out int unused, tag);
        if (data.IsEmpty)
        {
            return 0;
        }

        if ((data[^1] & (1 << unused)) == 0)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.NonMinimalNamedBitString, "named-bit BIT STRING has trailing zero bits (X.690 §11.2.2)", offset);
        }

        int bitCount = (data.Length * 8) - unused;
        if (bitCount > maxBits)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidBitString, $"named-bit BIT STRING has {bitCount} bits, more than the {maxBits} defined", offset);
        }

        ulong bits = 0;
        for (int i = 0; i < bitCount; i++)
        {
            if ((data[i >> 3] & (0x80 >> (i & 7))) != 0)
            {
                bits |= 1UL << i;
            }
        }

        return bits;
    }
}
