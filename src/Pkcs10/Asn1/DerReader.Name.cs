using System.Runtime.CompilerServices;

namespace Pkcs10.Asn1;

public ref partial struct DerReader
{
    /// <summary>
    /// Validates and skips one RelativeDistinguishedName of the usual shape
    /// <c>SET { SEQUENCE { OBJECT IDENTIFIER, primitive universal character string } }</c> with short-form
    /// lengths, in one pass over the bytes. Returns <see langword="false"/> without moving on any other shape,
    /// so the caller's general path reads it (and reports any error exactly as it always does). Within this
    /// shape the only checks left are the OID's and the string's, made in the general path's order with its offsets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TrySkipSimpleRdn()
    {
        ReadOnlySpan<byte> d = _data;
        int pos = _position;

        // The SET and the SEQUENCE are two nesting levels, as the general path's readers would be.
        if (d.Length - pos < 8 || _depth + 1 >= _maxDepth || d[pos] != 0x31 || d[pos + 2] != 0x30)
        {
            return false;
        }

        int setLength = d[pos + 1];
        int sequenceLength = d[pos + 3];
        int oidLength = d[pos + 5];

        // Short-form lengths (< 0x80); exactly one ATV filling the SET; an OID with content and room for a value header.
        if (setLength >= 0x80 || setLength > d.Length - pos - 2 || sequenceLength != setLength - 2 || d[pos + 4] != 0x06 ||
            oidLength == 0 || oidLength > sequenceLength - 4)
        {
            return false;
        }

        int valuePos = pos + 6 + oidLength;
        int identifier = d[valuePos];
        int valueLength = d[valuePos + 1];
        if ((identifier & 0xE0) != 0 || (identifier & 0x1F) == 0x1F || !DerString.IsCharacterStringNumber(identifier) ||
            valueLength != sequenceLength - oidLength - 4)
        {
            return false;
        }

        // An id-at type (2.5.4.n with n < 128, the type of nearly every attribute) is a valid OID as it stands.
        if (oidLength != 3 || d[pos + 6] != 0x55 || d[pos + 7] != 0x04 || d[pos + 8] >= 0x80)
        {
            DerRules.CheckObjectIdentifier(d.Slice(pos + 6, oidLength), _baseOffset + pos + 6);
        }
        DerRules.CheckCharacterString((UniversalTagNumber)identifier, d.Slice(valuePos + 2, valueLength), _baseOffset + valuePos + 2);
        _position = pos + 2 + setLength;
        return true;
    }

    /// <summary>
    /// Validates and skips one GeneralName of the usual shapes, rfc822Name/dNSName/URI (IA5String) or an iPAddress
    /// of 4 or 16 octets, with a short-form length. Returns <see langword="false"/> without moving on anything else,
    /// so the general path reads it and reports any error as it always does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TrySkipSimpleGeneralName()
    {
        ReadOnlySpan<byte> d = _data;
        int pos = _position;
        if (d.Length - pos < 2)
        {
            return false;
        }

        int identifier = d[pos];
        int length = d[pos + 1];
        if (length >= 0x80 || length > d.Length - pos - 2)
        {
            return false;
        }

        if (identifier is 0x81 or 0x82 or 0x86)
        {
            ReadOnlySpan<byte> content = d.Slice(pos + 2, length);
            if (!DerRules.IsAscii(content))
            {
                DerRules.CheckCharacterString(UniversalTagNumber.IA5String, content, _baseOffset + pos + 2);
            }
        }
        else if (identifier != 0x87 || length is not (4 or 16))
        {
            return false;
        }

        _position = pos + 2 + length;
        return true;
    }
}
