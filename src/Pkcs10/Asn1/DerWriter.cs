using System.Buffers;
using System.Text;

namespace Pkcs10.Asn1;

/// <summary>
/// A DER writer in the style of <c>System.Formats.Asn1.AsnWriter</c>: write primitives, open constructed
/// values with <c>using (writer.PushSequence()) { ... }</c>, then <see cref="Encode()"/>. SET OF values are
/// sorted into DER order when their scope closes (X.690 §11.6); lengths are always minimal.
/// </summary>
public sealed partial class DerWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;
    private readonly Stack<(int Id, int ContentStart)> _scopes = new();
    private int _nextScopeId;

    /// <summary>Creates a writer.</summary>
    /// <param name="initialCapacity">The initial buffer size in bytes.</param>
    public DerWriter(int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 16));
    }

    /// <summary>Returns the rented buffer to the pool. The writer cannot be used afterwards.</summary>
    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>Discards everything written so far.</summary>
    public void Reset()
    {
        _scopes.Clear();
        _length = 0;
    }

    /// <summary>The number of bytes <see cref="Encode()"/> would return.</summary>
    /// <returns>The encoded length.</returns>
    /// <exception cref="InvalidOperationException">A scope is still open.</exception>
    public int GetEncodedLength()
    {
        ThrowIfOpenScopes();
        return _length;
    }

    /// <summary>Returns the encoding.</summary>
    /// <returns>A new array of exactly the encoded length.</returns>
    /// <exception cref="InvalidOperationException">A scope is still open.</exception>
    public byte[] Encode()
    {
        ThrowIfOpenScopes();
        return _buffer.AsSpan(0, _length).ToArray();
    }

    /// <summary>Copies the encoding into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer to write into.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="InvalidOperationException">A scope is still open.</exception>
    public bool TryEncode(Span<byte> destination, out int bytesWritten)
    {
        ThrowIfOpenScopes();
        if (destination.Length < _length)
        {
            bytesWritten = 0;
            return false;
        }

        _buffer.AsSpan(0, _length).CopyTo(destination);
        bytesWritten = _length;
        return true;
    }

    /// <summary>Writes the encoding to <paramref name="output"/>.</summary>
    /// <param name="output">The destination.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="InvalidOperationException">A scope is still open.</exception>
    public int Encode(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ThrowIfOpenScopes();
        output.Write(_buffer.AsSpan(0, _length));
        return _length;
    }

    /// <summary>Whether the encoding equals <paramref name="other"/>.</summary>
    /// <param name="other">Bytes to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool EncodedValueEquals(ReadOnlySpan<byte> other)
    {
        ThrowIfOpenScopes();
        return _buffer.AsSpan(0, _length).SequenceEqual(other);
    }

    /// <summary>Opens a SEQUENCE (or another constructed tag).</summary>
    /// <param name="tag">The tag; <see cref="Asn1Tag.Sequence"/> when <see langword="null"/>.</param>
    /// <returns>A scope that closes the value when disposed.</returns>
    public Scope PushSequence(Asn1Tag? tag = null) => Push(WithConstructed(tag ?? Asn1Tag.Sequence));

    /// <summary>Opens a SET OF; its elements are sorted into DER order when the scope closes.</summary>
    /// <param name="tag">The tag; <see cref="Asn1Tag.SetOf"/> when <see langword="null"/>.</param>
    /// <returns>A scope that closes the value when disposed.</returns>
    public Scope PushSetOf(Asn1Tag? tag = null) => Push(WithConstructed(tag ?? Asn1Tag.SetOf), sort: true);

    /// <summary>Opens an explicit <c>[n]</c> tag.</summary>
    /// <param name="number">The context-specific number.</param>
    /// <returns>A scope that closes the value when disposed.</returns>
    public Scope PushExplicit(int number) => Push(Asn1Tag.Context(number, isConstructed: true));

    /// <summary>Opens an OCTET STRING whose content is the DER written inside the scope (as in extnValue).</summary>
    /// <param name="tag">The tag; <see cref="Asn1Tag.OctetString"/> when <see langword="null"/>.</param>
    /// <returns>A scope that closes the value when disposed.</returns>
    public Scope PushOctetString(Asn1Tag? tag = null) => Push(tag ?? Asn1Tag.OctetString);

    /// <summary>Opens a BIT STRING with zero unused bits whose content is the DER written inside the scope.</summary>
    /// <returns>A scope that closes the value when disposed.</returns>
    public Scope PushBitString()
    {
        Scope scope = Push(Asn1Tag.BitString);
        WriteByte(0);
        return scope;
    }

    /// <summary>Writes an already-encoded element (not checked).</summary>
    /// <param name="encoded">The TLV bytes.</param>
    public void WriteEncodedValue(ReadOnlySpan<byte> encoded) => WriteBytes(encoded);

    /// <summary>Writes a NULL.</summary>
    public void WriteNull() => WriteTlv(Asn1Tag.Null, []);

    /// <summary>Writes a BOOLEAN (0xFF for true, as DER requires).</summary>
    /// <param name="value">The value.</param>
    /// <param name="tag">An implicit tag; BOOLEAN when <see langword="null"/>.</param>
    public void WriteBoolean(bool value, Asn1Tag? tag = null) => WriteTlv(tag ?? Asn1Tag.Boolean, [value ? (byte)0xFF : (byte)0x00]);

    /// <summary>Writes an INTEGER.</summary>
    /// <param name="value">The value.</param>
    /// <param name="tag">An implicit tag; INTEGER when <see langword="null"/>.</param>
    public void WriteInteger(long value, Asn1Tag? tag = null)
    {
        Span<byte> tmp = stackalloc byte[8];
        for (int i = 7; i >= 0; i--)
        {
            tmp[i] = unchecked((byte)value);
            value >>= 8;
        }

        WriteIntegerTwosComplement(tmp, tag);
    }

    /// <summary>Writes an INTEGER from big-endian two's-complement bytes, removing redundant leading octets.</summary>
    /// <param name="value">The value (non-empty).</param>
    /// <param name="tag">An implicit tag; INTEGER when <see langword="null"/>.</param>
    public void WriteIntegerTwosComplement(ReadOnlySpan<byte> value, Asn1Tag? tag = null)
    {
        if (value.IsEmpty)
        {
            throw new ArgumentException("An INTEGER needs at least one byte.", nameof(value));
        }

        int start = 0;
        while (start < value.Length - 1 &&
               ((value[start] == 0x00 && (value[start + 1] & 0x80) == 0) || (value[start] == 0xFF && (value[start + 1] & 0x80) != 0)))
        {
            start++;
        }

        WriteTlv(tag ?? Asn1Tag.Integer, value[start..]);
    }

    /// <summary>Writes a non-negative INTEGER from its big-endian unsigned magnitude.</summary>
    /// <param name="magnitude">The magnitude; leading zeros are removed, and a 0x00 sign octet added when needed.</param>
    /// <param name="tag">An implicit tag; INTEGER when <see langword="null"/>.</param>
    public void WriteIntegerUnsigned(ReadOnlySpan<byte> magnitude, Asn1Tag? tag = null)
    {
        int start = 0;
        while (start < magnitude.Length - 1 && magnitude[start] == 0)
        {
            start++;
        }

        ReadOnlySpan<byte> m = magnitude[start..];
        if (m.IsEmpty)
        {
            WriteTlv(tag ?? Asn1Tag.Integer, [0]);
            return;
        }

        if ((m[0] & 0x80) != 0)
        {
            WriteHeader(tag ?? Asn1Tag.Integer, m.Length + 1);
            WriteByte(0);
            WriteBytes(m);
        }
        else
        {
            WriteTlv(tag ?? Asn1Tag.Integer, m);
        }
    }

    /// <summary>Writes an OCTET STRING.</summary>
    /// <param name="value">The content.</param>
    /// <param name="tag">An implicit tag; OCTET STRING when <see langword="null"/>.</param>
    public void WriteOctetString(ReadOnlySpan<byte> value, Asn1Tag? tag = null) => WriteTlv(tag ?? Asn1Tag.OctetString, value);

    /// <summary>Writes a BIT STRING.</summary>
    /// <param name="value">The data octets.</param>
    /// <param name="unusedBitCount">Unused bits in the last octet (0–7); they are cleared.</param>
    /// <param name="tag">An implicit tag; BIT STRING when <see langword="null"/>.</param>
    public void WriteBitString(ReadOnlySpan<byte> value, int unusedBitCount = 0, Asn1Tag? tag = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unusedBitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unusedBitCount, 7);
        if (value.IsEmpty && unusedBitCount != 0)
        {
            throw new ArgumentException("An empty BIT STRING has no unused bits.", nameof(unusedBitCount));
        }

        WriteHeader(tag ?? Asn1Tag.BitString, value.Length + 1);
        WriteByte((byte)unusedBitCount);
        WriteBytes(value);
        if (unusedBitCount > 0)
        {
            _buffer[_length - 1] &= unchecked((byte)~((1 << unusedBitCount) - 1));
        }
    }

    /// <summary>Writes a named-bit BIT STRING (KeyUsage, ...) with trailing zero bits removed (X.690 §11.2.2).</summary>
    /// <param name="bits">Bit <c>n</c> of the list at <c>1UL &lt;&lt; n</c>.</param>
    /// <param name="tag">An implicit tag; BIT STRING when <see langword="null"/>.</param>
    public void WriteNamedBitList(ulong bits, Asn1Tag? tag = null)
    {
        int bitCount = 64 - System.Numerics.BitOperations.LeadingZeroCount(bits);
        Span<byte> data = stackalloc byte[8];
        data.Clear();
        for (int i = 0; i < bitCount; i++)
        {
            if ((bits & (1UL << i)) != 0)
            {
                data[i >> 3] |= (byte)(0x80 >> (i & 7));
            }
        }

        int byteCount = (bitCount + 7) / 8;
        WriteBitString(data[..byteCount], (byteCount * 8) - bitCount, tag);
    }

    /// <summary>Writes an OBJECT IDENTIFIER from its dotted text.</summary>
    /// <param name="dotted">The OID, for example "1.2.840.113549.1.1.11".</param>
    /// <exception cref="ArgumentException">The text is not a valid OID.</exception>
    public void WriteObjectIdentifier(string dotted)
    {
        ArgumentNullException.ThrowIfNull(dotted);
        WriteTlv(Asn1Tag.ObjectIdentifier, ObjectIdentifier.Encode(dotted));
    }

    /// <summary>Writes an OBJECT IDENTIFIER from its content octets.</summary>
    /// <param name="content">The encoded OID content (as the OID constants hold).</param>
    public void WriteObjectIdentifier(ReadOnlySpan<byte> content) => WriteTlv(Asn1Tag.ObjectIdentifier, content);

    /// <summary>Writes a character string.</summary>
    /// <param name="type">The string type.</param>
    /// <param name="value">The text.</param>
    /// <param name="tag">An implicit tag; the universal tag of <paramref name="type"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The text has characters the type cannot hold.</exception>
    public void WriteCharacterString(UniversalTagNumber type, string value, Asn1Tag? tag = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] content;
        try
        {
            content = type switch
            {
                UniversalTagNumber.Utf8String => s_utf8.GetBytes(value),
                UniversalTagNumber.BmpString => s_ucs2.GetBytes(value),
                UniversalTagNumber.UniversalString => s_ucs4.GetBytes(value),
                UniversalTagNumber.TeletexString => s_latin1.GetBytes(value),
                _ => s_ascii.GetBytes(value),
            };
            DerRules.CheckCharacterString(type, content, 0);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"'{value}' cannot be written as a {type}: it has a character the type cannot encode (or a lone surrogate).", nameof(value), e);
        }
        catch (Pkcs10Exception e)
        {
            throw new ArgumentException($"'{value}' cannot be written as a {type}: {e.Detail}", nameof(value), e);
        }

        WriteTlv(tag ?? new Asn1Tag(type), content);
    }

    /// <summary>Writes a UTCTime (<c>YYMMDDHHMMSSZ</c>); the year must be 1950–2049.</summary>
    /// <param name="value">The time; converted to UTC and truncated to seconds.</param>
    public void WriteUtcTime(DateTimeOffset value)
    {
        DateTime t = value.UtcDateTime;
        ArgumentOutOfRangeException.ThrowIfLessThan(t.Year, 1950, nameof(value));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(t.Year, 2049, nameof(value));
        WriteTlv(Asn1Tag.UtcTime, Encoding.ASCII.GetBytes(t.ToString("yyMMddHHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Writes a GeneralizedTime (<c>YYYYMMDDHHMMSSZ</c>, no fraction, as RFC 5280 requires).</summary>
    /// <param name="value">The time; converted to UTC and truncated to seconds.</param>
    public void WriteGeneralizedTime(DateTimeOffset value)
    {
        DateTime t = value.UtcDateTime;
        WriteTlv(Asn1Tag.GeneralizedTime, Encoding.ASCII.GetBytes(t.ToString("yyyyMMddHHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Writes a primitive element with the given tag and content.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="content">The content octets.</param>
    public void WriteTlv(Asn1Tag tag, ReadOnlySpan<byte> content)
    {
        WriteHeader(tag, content.Length);
        WriteBytes(content);
    }

    // Strict encoders: a character the type cannot hold, or a lone surrogate, throws instead of becoming '?'.
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding s_ucs2 = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding s_ucs4 = new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);
    private static readonly Encoding s_latin1 = Encoding.GetEncoding("iso-8859-1", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    private static readonly Encoding s_ascii = Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static Asn1Tag WithConstructed(Asn1Tag tag) => new(tag.TagClass, tag.TagValue, isConstructed: true);

    private Scope Push(Asn1Tag tag, bool sort = false)
    {
        WriteTag(tag);
        int id = ++_nextScopeId;
        _scopes.Push((id, _length));
        return new Scope(this, id, sort);
    }

    private void Pop(int id, bool sort)
    {
        // Each scope has its own id, so closing one twice, or out of order, is caught rather than
        // silently closing a newer scope at the same depth.
        if (_scopes.Count == 0 || _scopes.Peek().Id != id)
        {
            throw new InvalidOperationException("DerWriter scopes must be closed in the reverse order they were opened.");
        }

        (_, int contentStart) = _scopes.Pop();
        int contentLength = _length - contentStart;
        if (sort)
        {
            SortSetContent(contentStart, contentLength);
        }

        int lengthSize = GetLengthSize(contentLength);
        EnsureCapacity(lengthSize);
        Buffer.BlockCopy(_buffer, contentStart, _buffer, contentStart + lengthSize, contentLength);
        WriteLength(_buffer.AsSpan(contentStart, lengthSize), contentLength);
        _length += lengthSize;
    }

    private void SortSetContent(int start, int length)
    {
        var reader = new DerReader(_buffer.AsSpan(start, length));
        var ranges = new List<(int Start, int Length)>();
        int position = 0;
        while (reader.HasData)
        {
            int len = reader.ReadEncodedValue().Length;
            ranges.Add((position, len));
            position += len;
        }

        if (ranges.Count < 2)
        {
            return;
        }

        byte[] copy = _buffer.AsSpan(start, length).ToArray();
        ranges.Sort((a, b) => DerComparer.Compare(copy.AsSpan(a.Start, a.Length), copy.AsSpan(b.Start, b.Length)));
        int dst = start;
        foreach ((int s, int l) in ranges)
        {
            copy.AsSpan(s, l).CopyTo(_buffer.AsSpan(dst));
            dst += l;
        }
    }

    private void ThrowIfOpenScopes()
    {
        if (_scopes.Count != 0)
        {
            throw new InvalidOperationException("A DerWriter scope is still open.");
        }
    }

    private void WriteHeader(Asn1Tag tag, int contentLength)
    {
        WriteTag(tag);
        int size = GetLengthSize(contentLength);
        EnsureCapacity(size);
        WriteLength(_buffer.AsSpan(_length, size), contentLength);
        _length += size;
    }

    private void WriteTag(Asn1Tag tag)
    {
        byte first = (byte)((int)tag.TagClass | (tag.IsConstructed ? 0x20 : 0));
        if (tag.TagValue < 31)
        {
            WriteByte((byte)(first | tag.TagValue));
            return;
        }

        WriteByte((byte)(first | 0x1F));
        int groups = tag.GetEncodedLength() - 1;
        for (int i = groups - 1; i >= 0; i--)
        {
            byte b = (byte)((tag.TagValue >> (7 * i)) & 0x7F);
            WriteByte(i > 0 ? (byte)(b | 0x80) : b);
        }
    }

    private static int GetLengthSize(int length) => length switch
    {
        < 0x80 => 1,
        < 0x100 => 2,
        < 0x10000 => 3,
        < 0x1000000 => 4,
        _ => 5,
    };

    private static void WriteLength(Span<byte> destination, int length)
    {
        if (destination.Length == 1)
        {
            destination[0] = (byte)length;
            return;
        }

        int count = destination.Length - 1;
        destination[0] = (byte)(0x80 | count);
        for (int i = 0; i < count; i++)
        {
            destination[count - i] = unchecked((byte)(length >> (8 * i)));
        }
    }

    private void WriteByte(byte b)
    {
        EnsureCapacity(1);
        _buffer[_length++] = b;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void EnsureCapacity(int extra)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = bigger;
    }

    /// <summary>An open constructed value; disposing it writes the length.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly DerWriter? _writer;
        private readonly int _id;
        private readonly bool _sort;

        internal Scope(DerWriter writer, int id, bool sort)
        {
            _writer = writer;
            _id = id;
            _sort = sort;
        }

        /// <summary>Closes the value.</summary>
        public void Dispose() => _writer?.Pop(_id, _sort);
    }
}
