using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    // Unchecked: both are non-negative and their sum is an offset within the caller's input.
    public readonly int Offset => unchecked(_baseOffset + _position);

    /// <summary>The nesting depth of this reader (0 at the top).</summary>
    public readonly int Depth => _depth;

    /// <summary>The unread bytes.</summary>
    public readonly ReadOnlySpan<byte> RemainingBytes => _data[_position..];

    /// <summary>Throws <see cref="Pkcs10ErrorCode.TrailingData"/> when unread bytes remain.</summary>
    /// <exception cref="Pkcs10Exception">Bytes remain.</exception>
    public readonly void ThrowIfNotEmpty()
    {
        if (_position < _data.Length)
        {
            ThrowTrailing(_data.Length - _position, Offset);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTrailing(int count, int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.TrailingData, $"{count} unexpected byte(s) after the last element", offset);

    /// <summary>
    /// Whether constructed elements may be read <paramref name="levels"/> deep below this reader: a fast path
    /// that matches nested structure in one go must ask this where the general path's readers would check depth.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly bool CanNest(int levels) => _depth <= _maxDepth - levels;

    /// <summary>Moves past <paramref name="count"/> bytes that a fast path has validated in full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Skip(int count)
    {
        Debug.Assert((uint)count <= (uint)(_data.Length - _position));
        _position = unchecked(_position + count);
    }

    /// <summary>The next identifier octet without any validation, or -1 at the end of the data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly int PeekIdentifierOctet()
    {
        int pos = _position;
        return (uint)pos < (uint)_data.Length ? _data[pos] : -1;
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

    /// <summary>
    /// <see cref="IsNext(Asn1Tag)"/> for a low-tag-number identifier octet. When the next identifier octet is
    /// <paramref name="identifier"/> the header is not validated here: the read that follows validates it and
    /// reports the same error at the same offset.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly bool IsNext(byte identifier)
    {
        int pos = _position;
        if ((uint)pos >= (uint)_data.Length)
        {
            return false;
        }

        return _data[pos] == identifier || IsNextSlow(identifier);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly bool IsNextSlow(byte identifier) => PeekTag() == Asn1Tag.FromIdentifier(identifier);
    /// <summary>Returns the whole encoding (tag, length, content) of the next element without advancing.</summary>
    /// <returns>The element's encoding, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public readonly ReadOnlySpan<byte> PeekEncodedValue()
    {
        _ = ReadHeader(out int headerLength, out int contentLength);
        return _data.Slice(_position, unchecked(headerLength + contentLength));
    }

    /// <summary>Reads the whole encoding (tag, length, content) of the next element, whatever its tag.</summary>
    /// <returns>The element's encoding, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public ReadOnlySpan<byte> ReadEncodedValue()
    {
        _ = ReadHeader(out int headerLength, out int contentLength);
        int pos = _position;
        int length = unchecked(headerLength + contentLength);
        _position = unchecked(pos + length);
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), (nint)(uint)pos), length);
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
        if (expected.TryGetIdentifier(out byte identifier))
        {
            return ReadContent(identifier, out contentOffset);
        }

        return ReadContentGeneral(expected, out contentOffset);
    }

    /// <summary>
    /// <see cref="ReadContent(Asn1Tag, out int)"/> for a low-tag-number identifier octet (number below 31):
    /// the same checks, errors and offsets, with the common short-form header decoded inline.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> ReadContent(byte expected, out int contentOffset)
    {
        unchecked
        {
            int pos = _position;
            int available = _data.Length - pos;
            if (available >= 2)
            {
                ref byte p = ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), (nint)(uint)pos);
                uint length = Unsafe.Add(ref p, 1);
                if (p == expected && length < 0x80 && length <= (uint)(available - 2))
                {
                    contentOffset = _baseOffset + pos + 2;
                    _position = pos + 2 + (int)length;
                    return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref p, 2), (int)length);
                }
            }

            return ReadContentLong(expected, out contentOffset);
        }
    }

    // Long-form lengths (one or two octets) with the expected identifier; anything else takes the general path.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<byte> ReadContentLong(byte expected, out int contentOffset)
    {
        unchecked
        {
            int pos = _position;
            int available = _data.Length - pos;
            if (available >= 3)
            {
                ref byte p = ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), (nint)(uint)pos);
                if (p == expected)
                {
                    int b1 = Unsafe.Add(ref p, 1);
                    int headerLength = 0, length = 0;
                    if (b1 == 0x81)
                    {
                        length = Unsafe.Add(ref p, 2);
                        headerLength = length >= 0x80 && length <= available - 3 ? 3 : 0;
                    }
                    else if (b1 == 0x82 && available >= 4)
                    {
                        length = (Unsafe.Add(ref p, 2) << 8) | Unsafe.Add(ref p, 3);
                        headerLength = length >= 0x100 && length <= available - 4 ? 4 : 0;
                    }

                    if (headerLength != 0)
                    {
                        contentOffset = _baseOffset + pos + headerLength;
                        _position = pos + headerLength + length;
                        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref p, headerLength), length);
                    }
                }
            }

            return ReadContentGeneral(Asn1Tag.FromIdentifier(expected), out contentOffset);
        }
    }

    private ReadOnlySpan<byte> ReadContentGeneral(Asn1Tag expected, out int contentOffset)
    {
        int start = _baseOffset + _position;
        Asn1Tag tag = ReadHeader(out int headerLength, out int contentLength);
        if (!tag.Equals(expected))
        {
            ThrowWrongTag(expected, tag, start);
        }

        contentOffset = unchecked(start + headerLength);
        ReadOnlySpan<byte> content = _data.Slice(unchecked(_position + headerLength), contentLength);
        _position = unchecked(_position + headerLength + contentLength);
        return content;
    }

    /// <summary>
    /// Reads the next element whatever its tag; returns its content and its identifier octet, or -1 when the
    /// tag uses the high-tag-number form (then <paramref name="tag"/> holds it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> ReadAnyContent(out int identifier, out Asn1Tag tag, out int contentOffset)
    {
        unchecked
        {
            int pos = _position;
            int available = _data.Length - pos;
            if (available >= 2)
            {
                ref byte p = ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), (nint)(uint)pos);
                uint length = Unsafe.Add(ref p, 1);
                if ((p & 0x1F) != 0x1F && length < 0x80 && length <= (uint)(available - 2))
                {
                    identifier = p;
                    tag = default;
                    contentOffset = _baseOffset + pos + 2;
                    _position = pos + 2 + (int)length;
                    return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref p, 2), (int)length);
                }
            }

            return ReadAnyContentSlow(out identifier, out tag, out contentOffset);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<byte> ReadAnyContentSlow(out int identifier, out Asn1Tag tag, out int contentOffset)
    {
        ReadOnlySpan<byte> content = ReadAnyContent(out tag, out contentOffset);
        identifier = tag.TryGetIdentifier(out byte b) ? b : -1;
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
        contentOffset = unchecked(start + headerLength);
        ReadOnlySpan<byte> content = _data.Slice(unchecked(_position + headerLength), contentLength);
        _position = unchecked(_position + headerLength + contentLength);
        return content;
    }

    /// <summary>Reads a SEQUENCE (or another constructed tag) and returns a reader over its content.</summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.Sequence"/> when <see langword="null"/>; it must be constructed.</param>
    /// <returns>A nested reader.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed, has another tag, or is nested too deeply.</exception>
    public DerReader ReadSequence(Asn1Tag? tag = null) =>
        tag is null ? ReadSequence(0x30) : ReadSequenceGeneral(tag.GetValueOrDefault());

    private DerReader ReadSequenceGeneral(Asn1Tag tag)
    {
        int start = Offset;
        ReadOnlySpan<byte> content = ReadContent(tag, out int contentOffset);
        return Nested(content, contentOffset, start);
    }

    /// <summary><see cref="ReadSequence(Asn1Tag?)"/> for a low-tag-number identifier octet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal DerReader ReadSequence(byte identifier)
    {
        int start = unchecked(_baseOffset + _position);
        ReadOnlySpan<byte> content = ReadContent(identifier, out int contentOffset);
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
        int start = Offset;
        ReadOnlySpan<byte> content = tag is null ? ReadContent(0x31, out int contentOffset) : ReadContent(tag.GetValueOrDefault(), out contentOffset);
        DerReader nested = Nested(content, contentOffset, start);
        if (requireSorted && nested.HasData)
        {
            CheckSorted(nested);
        }

        return nested;
    }

    /// <summary><see cref="ReadSetOf(Asn1Tag?, bool)"/> (sorted) for a low-tag-number identifier octet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal DerReader ReadSetOf(byte identifier)
    {
        int start = unchecked(_baseOffset + _position);
        ReadOnlySpan<byte> content = ReadContent(identifier, out int contentOffset);
        DerReader nested = Nested(content, contentOffset, start);
        if (content.Length != 0 && !IsSingleShortElement(content))
        {
            CheckSorted(nested);
        }

        return nested;
    }

    // One element with a low tag number and a short-form length that spans exactly the content: the scan
    // in CheckSorted could neither fail nor find a second element.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSingleShortElement(ReadOnlySpan<byte> content) =>
        content.Length >= 2 && (content[0] & 0x1F) != 0x1F && content[1] < 0x80 && content[1] == unchecked(content.Length - 2);

    // X.690 §11.6. The first element's framing is checked here as before; the comparisons only run when
    // there is more than one element (rare: multi-valued RDNs, several attributes or values).
    private static void CheckSorted(DerReader scan)
    {
        ReadOnlySpan<byte> previous = scan.ReadEncodedValue();
        if (scan.HasData)
        {
            CheckSortedRest(scan, previous);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckSortedRest(DerReader scan, ReadOnlySpan<byte> previous)
    {
        while (scan.HasData)
        {
            int elementOffset = scan.Offset;
            ReadOnlySpan<byte> current = scan.ReadEncodedValue();
            if (DerComparer.Compare(previous, current) > 0)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.SetNotSorted, "SET OF elements are not in ascending order of their encodings (X.690 §11.6)", elementOffset);
            }

            previous = current;
        }
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
        ReadOnlySpan<byte> content = tag is null ? ReadContent(0x05, out _) : ReadContent(tag.GetValueOrDefault(), out _);
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
        ReadOnlySpan<byte> content = tag is null ? ReadContent(0x01, out int contentOffset) : ReadContent(tag.GetValueOrDefault(), out contentOffset);
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
    public ReadOnlySpan<byte> ReadOctetString(Asn1Tag? tag = null) =>
        tag is null ? ReadContent(0x04, out _) : ReadContent(tag.GetValueOrDefault(), out _);

    /// <summary>Reads an OCTET STRING and reports the absolute offset of its content.</summary>
    /// <param name="contentOffset">The absolute offset of the content.</param>
    /// <param name="tag">The tag, <see cref="Asn1Tag.OctetString"/> when <see langword="null"/>.</param>
    /// <returns>The content, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public ReadOnlySpan<byte> ReadOctetString(out int contentOffset, Asn1Tag? tag = null) =>
        tag is null ? ReadContent(0x04, out contentOffset) : ReadContent(tag.GetValueOrDefault(), out contentOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly DerReader Nested(ReadOnlySpan<byte> content, int contentOffset, int elementOffset)
    {
        if (_depth >= _maxDepth)
        {
            ThrowTooDeep(_maxDepth, elementOffset);
        }

        return new DerReader(content, contentOffset, unchecked(_depth + 1), _maxDepth, validated: true);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooDeep(int maxDepth, int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.MaxDepthExceeded, $"nesting deeper than {maxDepth} levels", offset);

    // X.690 §8.1.2 (identifier) and §8.1.3 (length), with the DER restrictions of §10.1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Asn1Tag ReadHeader(out int headerLength, out int contentLength)
    {
        // Fast path: a low tag number with a one-, two- or three-octet minimal length, the shape of nearly every element.
        unchecked
        {
            int pos = _position;
            int available = _data.Length - pos;
            if (available >= 2)
            {
                ref byte p = ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), (nint)(uint)pos);
                byte b0 = p;
                if ((b0 & 0x1F) != 0x1F)
                {
                    int remaining = available - 2;
                    int b1 = Unsafe.Add(ref p, 1);
                    if (b1 < 0x80)
                    {
                        if (b1 <= remaining)
                        {
                            headerLength = 2;
                            contentLength = b1;
                            return Asn1Tag.FromIdentifier(b0);
                        }
                    }
                    else if (b1 == 0x81)
                    {
                        if (remaining >= 1)
                        {
                            int length = Unsafe.Add(ref p, 2);
                            if (length >= 0x80 && length <= remaining - 1)
                            {
                                headerLength = 3;
                                contentLength = length;
                                return Asn1Tag.FromIdentifier(b0);
                            }
                        }
                    }
                    else if (b1 == 0x82 && remaining >= 2)
                    {
                        int length = (Unsafe.Add(ref p, 2) << 8) | Unsafe.Add(ref p, 3);
                        if (length >= 0x100 && length <= remaining - 2)
                        {
                            headerLength = 4;
                            contentLength = length;
                            return Asn1Tag.FromIdentifier(b0);
                        }
                    }
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
