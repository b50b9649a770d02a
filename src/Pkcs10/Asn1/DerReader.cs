using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Pkcs10.Internal;

namespace Pkcs10.Asn1;

/// <summary>
/// A strict DER (X.690 §10–11) reader: a cursor over a <see cref="ReadOnlySpan{T}"/> of bytes that knows
/// the absolute offset of every element. Each <c>ReadX</c> validates one TLV and advances past it; values
/// are returned as slices of the input. <c>ReadSequence</c>, <c>ReadSetOf</c> and <c>ReadExplicit</c>
/// return nested readers; finish each with <see cref="ThrowIfNotEmpty"/>.
/// </summary>
/// <remarks>
/// Every rejection throws <see cref="Pkcs10Exception"/> with a stable <see cref="Pkcs10ErrorCode"/> and the
/// absolute byte offset of the offending element (or byte).
/// </remarks>
public ref partial struct DerReader
{
    /// <summary>The default maximum nesting depth.</summary>
    public const int DefaultMaxDepth = 32;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private readonly int _depth;
    private readonly int _maxDepth;
    private int _position;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    /// <param name="data">The DER bytes.</param>
    /// <param name="baseOffset">The absolute offset of <paramref name="data"/>[0], used in error messages.</param>
    /// <param name="maxDepth">The maximum nesting depth of constructed elements.</param>
    public DerReader(ReadOnlySpan<byte> data, int baseOffset = 0, int maxDepth = DefaultMaxDepth)
        : this(data, baseOffset, 0, maxDepth)
    {
    }

    private DerReader(ReadOnlySpan<byte> data, int baseOffset, int depth, int maxDepth, bool validated = false)
    {
        if (!validated)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(baseOffset);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        }

        _data = data;
        _baseOffset = baseOffset;
        _depth = depth;
        _maxDepth = maxDepth;
        _position = 0;
    }

    /// <summary>Whether unread bytes remain.</summary>
    public readonly bool HasData => _position < _data.Length;

    /// <summary>The absolute offset of the next unread byte.</summary>
    public readonly int Offset => _baseOffset + _position;

    /// <summary>The nesting depth of this reader (0 at the top).</summary>
    public readonly int Depth => _depth;

    /// <summary>The unread bytes.</summary>
    public readonly ReadOnlySpan<byte> RemainingBytes => _data[_position..];

    /// <summary>Throws <see cref="Pkcs10ErrorCode.TrailingData"/> when unread bytes remain.</summary>
    /// <exception cref="Pkcs10Exception">Bytes remain.</exception>
    public readonly void ThrowIfNotEmpty()
    {
        if (HasData)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.TrailingData, $"{_data.Length - _position} unexpected byte(s) after the last element", Offset);
        }
    }

    /// <summary>Reads the tag of the next element without advancing.</summary>
    /// <returns>The tag.</returns>
    /// <exception cref="Pkcs10Exception">The identifier octets are truncated or not minimal.</exception>
    public readonly Asn1Tag PeekTag() => ReadHeader(out _, out _);

    /// <summary>Whether a next element exists and has the tag <paramref name="tag"/> (class, number and constructed bit).</summary>
    /// <param name="tag">The tag to test for.</param>
    /// <returns><see langword="true"/> when the next element has that tag.</returns>
    /// <exception cref="Pkcs10Exception">The identifier octets are malformed.</exception>
    public readonly bool IsNext(Asn1Tag tag) => HasData && PeekTag() == tag;

    /// <summary>Returns the whole encoding (tag, length, content) of the next element without advancing.</summary>
    /// <returns>The element's encoding, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public readonly ReadOnlySpan<byte> PeekEncodedValue()
    {
        _ = ReadHeader(out int headerLength, out int contentLength);
        return _data.Slice(_position, headerLength + contentLength);
    }

    /// <summary>Reads the whole encoding (tag, length, content) of the next element, whatever its tag.</summary>
    /// <returns>The element's encoding, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public ReadOnlySpan<byte> ReadEncodedValue()
    {
        ReadOnlySpan<byte> value = PeekEncodedValue();
        _position += value.Length;
        return value;
    }

    /// <summary>Reads the whole encoding of the next element and reports its absolute offset.</summary>
    /// <param name="offset">The absolute offset of the element's first byte.</param>
    /// <returns>The element's encoding.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public ReadOnlySpan<byte> ReadEncodedValue(out int offset)
    {
        offset = Offset;
        return ReadEncodedValue();
    }

    /// <summary>Reads an element that must have <paramref name="expected"/> and returns its content octets.</summary>
    /// <param name="expected">The required tag, constructed bit included.</param>
    /// <param name="contentOffset">The absolute offset of the first content byte.</param>
    /// <returns>The content octets, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or has another tag.</exception>
    public ReadOnlySpan<byte> ReadContent(Asn1Tag expected, out int contentOffset)
    {
        int start = _baseOffset + _position;
        Asn1Tag tag = ReadHeader(out int headerLength, out int contentLength);
        if (!tag.Equals(expected))
        {
            ThrowWrongTag(expected, tag, start);
        }

        contentOffset = start + headerLength;
        ReadOnlySpan<byte> content = _data.Slice(_position + headerLength, contentLength);
        _position += headerLength + contentLength;
        return content;
    }

    /// <summary>Reads the next element whatever its tag and returns its content octets.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="contentOffset">The absolute offset of the first content byte.</param>
    /// <returns>The content octets, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public ReadOnlySpan<byte> ReadAnyContent(out Asn1Tag tag, out int contentOffset)
    {
        int start = _baseOffset + _position;
        tag = ReadHeader(out int headerLength, out int contentLength);
        contentOffset = start + headerLength;
        ReadOnlySpan<byte> content = _data.Slice(_position + headerLength, contentLength);
        _position += headerLength + contentLength;
        return content;
    }

    /// <summary>Reads a SEQUENCE (or another constructed tag) and returns a reader over its content.</summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.Sequence"/> when <see langword="null"/>; it must be constructed.</param>
    /// <returns>A nested reader.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed, has another tag, or is nested too deeply.</exception>
    public DerReader ReadSequence(Asn1Tag? tag = null)
    {
        Asn1Tag t = tag ?? Asn1Tag.Sequence;
        int start = Offset;
        ReadOnlySpan<byte> content = ReadContent(t, out int contentOffset);
        return Nested(content, contentOffset, start);
    }

    /// <summary>
    /// Reads a SET OF and returns a reader over its content, after checking that the elements appear in
    /// ascending order of their encodings (X.690 §11.6).
    /// </summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.SetOf"/> when <see langword="null"/>.</param>
    /// <param name="requireSorted">Whether to enforce DER ordering.</param>
    /// <returns>A nested reader.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed, unsorted, or nested too deeply.</exception>
    public DerReader ReadSetOf(Asn1Tag? tag = null, bool requireSorted = true)
    {
        Asn1Tag t = tag ?? Asn1Tag.SetOf;
        int start = Offset;
        ReadOnlySpan<byte> content = ReadContent(t, out int contentOffset);
        DerReader nested = Nested(content, contentOffset, start);
        if (requireSorted)
        {
            DerReader scan = nested;
            ReadOnlySpan<byte> previous = default;
            bool first = true;
            while (scan.HasData)
            {
                int elementOffset = scan.Offset;
                ReadOnlySpan<byte> current = scan.ReadEncodedValue();
                if (!first && DerComparer.Compare(previous, current) > 0)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.SetNotSorted, "SET OF elements are not in ascending order of their encodings (X.690 §11.6)", elementOffset);
                }

                previous = current;
                first = false;
            }
        }

        return nested;
    }

    /// <summary>Reads an explicitly tagged <c>[n]</c> element and returns a reader over its content.</summary>
    /// <param name="number">The context-specific tag number.</param>
    /// <returns>A nested reader.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or has another tag.</exception>
    public DerReader ReadExplicit(int number) => ReadSequence(Asn1Tag.Context(number, isConstructed: true));

    /// <summary>Reads <c>[n]</c> EXPLICIT when it is next.</summary>
    /// <param name="number">The context-specific tag number.</param>
    /// <param name="inner">A reader over its content when present.</param>
    /// <returns>Whether it was present.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public bool TryReadExplicit(int number, out DerReader inner)
    {
        if (IsNext(Asn1Tag.Context(number, isConstructed: true)))
        {
            inner = ReadExplicit(number);
            return true;
        }

        inner = default;
        return false;
    }

    /// <summary>Reads a NULL.</summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.Null"/> when <see langword="null"/>.</param>
    /// <exception cref="Pkcs10Exception">The element is malformed or not NULL.</exception>
    public void ReadNull(Asn1Tag? tag = null)
    {
        int start = Offset;
        ReadOnlySpan<byte> content = ReadContent(tag ?? Asn1Tag.Null, out _);
        if (!content.IsEmpty)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidNull, "NULL must have no content octets (X.690 §8.8)", start);
        }
    }

    /// <summary>Reads a BOOLEAN; DER allows only 0x00 and 0xFF (X.690 §11.1).</summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.Boolean"/> when <see langword="null"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public bool ReadBoolean(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadContent(tag ?? Asn1Tag.Boolean, out int contentOffset);
        if (content.Length != 1 || (content[0] != 0x00 && content[0] != 0xFF))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidBoolean, "DER BOOLEAN must be one octet, 0x00 or 0xFF (X.690 §11.1)", contentOffset);
        }

        return content[0] == 0xFF;
    }

    /// <summary>Reads an OCTET STRING (primitive, as DER requires).</summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.OctetString"/> when <see langword="null"/>.</param>
    /// <returns>The content, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public ReadOnlySpan<byte> ReadOctetString(Asn1Tag? tag = null) => ReadContent(tag ?? Asn1Tag.OctetString, out _);

    /// <summary>Reads an OCTET STRING and reports the absolute offset of its content.</summary>
    /// <param name="contentOffset">The absolute offset of the content.</param>
    /// <param name="tag">The tag, <see cref="Asn1Tag.OctetString"/> when <see langword="null"/>.</param>
    /// <returns>The content, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public ReadOnlySpan<byte> ReadOctetString(out int contentOffset, Asn1Tag? tag = null) => ReadContent(tag ?? Asn1Tag.OctetString, out contentOffset);

    private readonly DerReader Nested(ReadOnlySpan<byte> content, int contentOffset, int elementOffset)
    {
        if (_depth >= _maxDepth)
        {
            ThrowTooDeep(_maxDepth, elementOffset);
        }

        return new DerReader(content, contentOffset, _depth + 1, _maxDepth, validated: true);
    }

    [DoesNotReturn]
    private static void ThrowWrongTag(Asn1Tag expected, Asn1Tag actual, int offset)
    {
        if (actual.HasSameClassAndValue(expected))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidConstructedBit,
                $"{expected} must be {(expected.IsConstructed ? "constructed" : "primitive")} in DER (X.690 §10.2)", offset);
        }

        ThrowHelper.Throw(Pkcs10ErrorCode.UnexpectedTag, $"expected {expected}, found {actual}", offset);
    }

    [DoesNotReturn]
    private static void ThrowTooDeep(int maxDepth, int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.MaxDepthExceeded, $"nesting deeper than {maxDepth} levels", offset);

    // X.690 §8.1.2 (identifier) and §8.1.3 (length), with the DER restrictions of §10.1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Asn1Tag ReadHeader(out int headerLength, out int contentLength)
    {
        // Fast path: a low tag number with a one-, two- or three-octet minimal length, the shape of nearly every element.
        ReadOnlySpan<byte> d = _data.Slice(_position);
        if (d.Length >= 2 && (d[0] & 0x1F) != 0x1F)
        {
            int remaining = d.Length - 2;
            byte b1 = d[1];
            if (b1 < 0x80)
            {
                if (b1 <= remaining)
                {
                    headerLength = 2;
                    contentLength = b1;
                    return Asn1Tag.FromIdentifier(d[0]);
                }
            }
            else if (b1 == 0x81)
            {
                if (remaining >= 1 && d[2] >= 0x80 && d[2] <= remaining - 1)
                {
                    headerLength = 3;
                    contentLength = d[2];
                    return Asn1Tag.FromIdentifier(d[0]);
                }
            }
            else if (b1 == 0x82 && remaining >= 2)
            {
                int length = (d[2] << 8) | d[3];
                if (length >= 0x100 && length <= remaining - 2)
                {
                    headerLength = 4;
                    contentLength = length;
                    return Asn1Tag.FromIdentifier(d[0]);
                }
            }
        }

        return ReadHeaderSlow(out headerLength, out contentLength);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly Asn1Tag ReadHeaderSlow(out int headerLength, out int contentLength)
    {
        ReadOnlySpan<byte> d = _data[_position..];
        int start = Offset;
        if (d.IsEmpty)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.Truncated, "expected an element, found the end of the data", start);
        }

        byte first = d[0];
        var cls = (TagClass)(first & 0xC0);
        bool constructed = (first & 0x20) != 0;
        int number = first & 0x1F;
        int i = 1;
        if (number == 0x1F)
        {
            // High-tag-number form (X.690 §8.1.2.4): base-128, no leading 0x80, only for numbers >= 31.
            number = 0;
            while (true)
            {
                if (i >= d.Length)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.Truncated, "tag number truncated", start);
                }

                byte b = d[i++];
                if (number == 0 && b == 0x80)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.NonMinimalTag, "high-tag-number form with a leading 0x80 octet (X.690 §8.1.2.4.2)", start);
                }

                if (number > (int.MaxValue >> 7))
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.TagTooLarge, "tag number too large", start);
                }

                number = (number << 7) | (b & 0x7F);
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            if (number < 0x1F)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.NonMinimalTag, $"tag number {number} must use the low-tag-number form (X.690 §8.1.2.2)", start);
            }
        }

        if (i >= d.Length)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.Truncated, "length octets missing", start);
        }

        byte lb = d[i++];
        int length;
        if (lb < 0x80)
        {
            length = lb;
        }
        else if (lb == 0x80)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.IndefiniteLength, "indefinite length is not allowed in DER (X.690 §10.1)", start);
            throw new UnreachableException();
        }
        else
        {
            int count = lb & 0x7F;
            if (count == 0x7F)
            {
                // X.690 §8.1.3.5 c): 0xFF is reserved.
                ThrowHelper.Throw(Pkcs10ErrorCode.LengthTooLarge, "reserved length octet 0xFF (X.690 §8.1.3.5)", start);
            }

            if (i + count > d.Length)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.Truncated, "length octets truncated", start);
            }

            if (d[i] == 0)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.NonMinimalLength, "long-form length with a leading zero octet (X.690 §10.1)", start);
            }

            if (count > 4)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.LengthTooLarge, $"a {count}-octet length is larger than supported", start);
            }

            uint value = 0;
            for (int k = 0; k < count; k++)
            {
                value = (value << 8) | d[i + k];
            }

            i += count;
            if (value < 0x80)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.NonMinimalLength, $"length {value} must use the short form (X.690 §10.1)", start);
            }

            if (value > int.MaxValue)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.LengthTooLarge, $"length {value} is larger than supported", start);
            }

            length = (int)value;
        }

        if (length > d.Length - i)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.Truncated, $"element claims {length} content bytes but only {d.Length - i} remain", start);
        }

        headerLength = i;
        contentLength = length;
        return new Asn1Tag(cls, number, constructed);
    }
}
