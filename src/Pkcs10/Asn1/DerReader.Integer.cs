using Pkcs10.Internal;

namespace Pkcs10.Asn1;

public ref partial struct DerReader
{
    /// <summary>Reads an INTEGER and returns its minimal two's-complement content octets (X.690 §8.3).</summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.Integer"/> when <see langword="null"/>.</param>
    /// <returns>The content octets, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or not minimal.</exception>
    public ReadOnlySpan<byte> ReadIntegerBytes(Asn1Tag? tag = null) => ReadIntegerBytes(out _, tag);

    /// <summary>Reads an INTEGER and returns its content octets and their absolute offset.</summary>
    /// <param name="contentOffset">The absolute offset of the content.</param>
    /// <param name="tag">The tag, <see cref="Asn1Tag.Integer"/> when <see langword="null"/>.</param>
    /// <returns>The content octets.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or not minimal.</exception>
    public ReadOnlySpan<byte> ReadIntegerBytes(out int contentOffset, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = tag is null ? ReadContent(0x02, out contentOffset) : ReadContent(tag.GetValueOrDefault(), out contentOffset);
        DerRules.CheckInteger(content, contentOffset);
        return content;
    }

    /// <summary>Reads a non-negative INTEGER and returns its magnitude without the sign octet.</summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.Integer"/> when <see langword="null"/>.</param>
    /// <returns>The big-endian unsigned magnitude (at least one byte).</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or negative.</exception>
    public ReadOnlySpan<byte> ReadUnsignedIntegerBytes(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadIntegerBytes(out int offset, tag);
        if ((content[0] & 0x80) != 0)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.IntegerOutOfRange, "a non-negative INTEGER was expected", offset);
        }

        return content.Length > 1 && content[0] == 0 ? content[1..] : content;
    }

    /// <summary>Reads an INTEGER that fits in an <see cref="int"/>.</summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.Integer"/> when <see langword="null"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or out of range.</exception>
    public int ReadInt32(Asn1Tag? tag = null)
    {
        long value = ReadInt64(out int offset, tag);
        if (value is < int.MinValue or > int.MaxValue)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.IntegerOutOfRange, "INTEGER does not fit in 32 bits", offset);
        }

        return (int)value;
    }

    /// <summary>Reads an INTEGER that fits in a <see cref="long"/>.</summary>
    /// <param name="contentOffset">The absolute offset of the content.</param>
    /// <param name="tag">The tag, <see cref="Asn1Tag.Integer"/> when <see langword="null"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or out of range.</exception>
    public long ReadInt64(out int contentOffset, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadIntegerBytes(out contentOffset, tag);
        if (content.Length > 8)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.IntegerOutOfRange, "INTEGER does not fit in 64 bits", contentOffset);
        }

        long value = unchecked((sbyte)content[0]);
        for (int i = 1; i < content.Length; i++)
        {
            value = unchecked((value << 8) | content[i]);
        }

        return value;
    }
}
