using System.Buffers;
using System.Text.Unicode;
using Pkcs10.Internal;

namespace Pkcs10.Asn1;

/// <summary>Content-level DER checks shared by the reader and by decoders of implicitly tagged values.</summary>
internal static class DerRules
{
    // X.690 §8.3.2: the first nine bits of a multi-octet INTEGER are not all zero or all one.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void CheckInteger(ReadOnlySpan<byte> content, int offset)
    {
        if (content.Length == 1 || (content.Length > 1 && ((content[0] << 1) | (content[1] >> 7)) is not (0 or 0x1FF)))
        {
            return;
        }

        CheckIntegerSlow(content, offset);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckIntegerSlow(ReadOnlySpan<byte> content, int offset)
    {
        if (content.IsEmpty)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.EmptyInteger, "INTEGER has no content octets (X.690 §8.3.1)", offset);
        }

        if (content.Length > 1 &&
            ((content[0] == 0x00 && (content[1] & 0x80) == 0) || (content[0] == 0xFF && (content[1] & 0x80) != 0)))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.NonMinimalInteger, "INTEGER has a redundant leading octet (X.690 §8.3.2)", offset);
        }
    }

    // X.690 §8.6.2 and §11.2: unused-bit count 0..7, zero for an empty string, and the unused bits are zero.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void CheckBitString(ReadOnlySpan<byte> content, int offset)
    {
        if (content.Length != 0)
        {
            int unusedBits = content[0];
            if (content.Length == 1 ? unusedBits == 0 : unusedBits <= 7 && (content[^1] & ((1 << unusedBits) - 1)) == 0)
            {
                return;
            }
        }

        CheckBitStringSlow(content, offset);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckBitStringSlow(ReadOnlySpan<byte> content, int offset)
    {
        if (content.IsEmpty)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidBitString, "BIT STRING lacks its unused-bits octet (X.690 §8.6.2)", offset);
        }

        int unused = content[0];
        if (unused > 7)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidBitString, $"BIT STRING unused-bits count {unused} is above 7 (X.690 §8.6.2.2)", offset);
        }

        if (content.Length == 1)
        {
            if (unused != 0)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidBitString, "an empty BIT STRING must have 0 unused bits (X.690 §8.6.2.3)", offset);
            }

            return;
        }

        int mask = (1 << unused) - 1;
        if ((content[^1] & mask) != 0)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidBitString, "BIT STRING unused bits must be zero in DER (X.690 §11.2.1)", offset + content.Length - 1);
        }
    }

    // X.690 §8.19: each subidentifier is base-128 with no leading 0x80 octet, and the last octet ends it.
    public static void CheckObjectIdentifier(ReadOnlySpan<byte> content, int offset)
    {
        // Fast path: fewer than 19 octets cannot hold an arc over 128 bits, so only the subidentifier
        // boundaries need checking: no arc starts with 0x80 and the last octet ends an arc.
        if (content.Length is > 0 and < 19 && (content[^1] & 0x80) == 0 && content[0] != 0x80)
        {
            int i = 1;
            for (; i < content.Length; i++)
            {
                if (content[i] == 0x80 && content[i - 1] < 0x80)
                {
                    break;
                }
            }

            if (i == content.Length)
            {
                return;
            }
        }

        CheckObjectIdentifierSlow(content, offset);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckObjectIdentifierSlow(ReadOnlySpan<byte> content, int offset)
    {
        if (content.IsEmpty)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidObjectIdentifier, "OBJECT IDENTIFIER has no content octets", offset);
        }

        bool atStart = true;
        int septets = 0;
        int arcStart = 0;
        for (int i = 0; i < content.Length; i++)
        {
            byte b = content[i];
            if (atStart)
            {
                if (b == 0x80)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.InvalidObjectIdentifier, "OBJECT IDENTIFIER subidentifier with a leading 0x80 octet (X.690 §8.19.2)", offset + i);
                }

                arcStart = i;
                septets = 0;
            }

            septets++;

            // Arcs up to 128 bits (UUID OIDs under 2.25 need exactly that): 19 septets whose first holds at most 2 bits.
            if (septets > 19 || (septets == 19 && (content[arcStart] & 0x7F) > 3))
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidObjectIdentifier, "OBJECT IDENTIFIER arc larger than 128 bits", offset + arcStart);
            }

            atStart = (b & 0x80) == 0;
        }

        if (!atStart)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidObjectIdentifier, "OBJECT IDENTIFIER ends in the middle of a subidentifier", offset + content.Length - 1);
        }
    }

    public static void CheckCharacterString(UniversalTagNumber type, ReadOnlySpan<byte> content, int offset)
    {
        switch (type)
        {
            case UniversalTagNumber.PrintableString:
                if (!IsAllPrintable(content))
                {
                    CheckCharset(content, offset, s_printable, "PrintableString");
                }

                break;
            case UniversalTagNumber.IA5String:
                if (!IsAscii(content))
                {
                    CheckCharset(content, offset, s_ia5, "IA5String");
                }

                break;
            case UniversalTagNumber.NumericString:
                CheckCharset(content, offset, s_numeric, "NumericString");
                break;
            case UniversalTagNumber.VisibleString:
                CheckCharset(content, offset, s_visible, "VisibleString");
                break;
            case UniversalTagNumber.Utf8String:
                if (!IsAscii(content) && !Utf8.IsValid(content))
                {
                    int bad = FirstInvalidUtf8(content);
                    ThrowHelper.Throw(Pkcs10ErrorCode.InvalidStringEncoding, "UTF8String is not well-formed UTF-8", offset + bad);
                }

                break;
            case UniversalTagNumber.BmpString:
                CheckBmp(content, offset);
                break;
            case UniversalTagNumber.UniversalString:
                CheckUniversal(content, offset);
                break;
            default:
                // TeletexString, VideotexString, GraphicString, GeneralString: no byte-level restriction
                // we can check without the full ISO 2022 machinery; decoded as Latin-1 or kept raw.
                break;
        }
    }

    /// <summary>
    /// Whether every byte is below 0x80: eight bytes at a time for the short strings names are made of,
    /// the BCL's vectorised check for longer ones.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsAscii(ReadOnlySpan<byte> content)
    {
        if (content.Length > 64)
        {
            return System.Text.Ascii.IsValid(content);
        }

        ulong any = 0;
        int i = 0;
        for (; i <= content.Length - 8; i += 8)
        {
            any |= System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(content.Slice(i, 8));
        }

        for (; i < content.Length; i++)
        {
            any |= content[i];
        }

        return (any & 0x8080808080808080UL) == 0;
    }

    private static bool IsAllPrintable(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> map = PrintableMap;
        foreach (byte b in content)
        {
            if (b >= 0x80 || map[b] == 0)
            {
                return false;
            }
        }

        return true;
    }

    // 1 for the PrintableString characters (X.680 §41.4 Table 10), indexed by ASCII code.
    private static ReadOnlySpan<byte> PrintableMap =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, // space ' ( ) + , - . /
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, // 0-9 : = ?
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // A-O
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, // P-Z
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // a-o
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, // p-z
    ];

    private static readonly SearchValues<byte> s_printable =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?"u8);

    private static readonly SearchValues<byte> s_ia5 = SearchValues.Create(Range(0x00, 0x7F));

    private static readonly SearchValues<byte> s_numeric = SearchValues.Create("0123456789 "u8);

    private static readonly SearchValues<byte> s_visible = SearchValues.Create(Range(0x20, 0x7E));

    private static byte[] Range(int first, int last)
    {
        byte[] r = new byte[last - first + 1];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = (byte)(first + i);
        }

        return r;
    }

    private static void CheckCharset(ReadOnlySpan<byte> content, int offset, SearchValues<byte> allowed, string name)
    {
        int i = content.IndexOfAnyExcept(allowed);
        if (i >= 0)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidCharacterString, $"byte 0x{content[i]:X2} is not allowed in a {name}", offset + i);
        }
    }

    private static void CheckBmp(ReadOnlySpan<byte> content, int offset)
    {
        if ((content.Length & 1) != 0)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidStringEncoding, "BMPString length is not a multiple of 2", offset);
        }

        for (int i = 0; i < content.Length; i += 2)
        {
            int unit = (content[i] << 8) | content[i + 1];
            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidStringEncoding, "BMPString contains a surrogate code unit (UCS-2 has none)", offset + i);
            }
        }
    }

    private static void CheckUniversal(ReadOnlySpan<byte> content, int offset)
    {
        if ((content.Length & 3) != 0)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidStringEncoding, "UniversalString length is not a multiple of 4", offset);
        }

        for (int i = 0; i < content.Length; i += 4)
        {
            uint cp = ((uint)content[i] << 24) | ((uint)content[i + 1] << 16) | ((uint)content[i + 2] << 8) | content[i + 3];
            if (cp > 0x10FFFF || cp is >= 0xD800 and <= 0xDFFF)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidStringEncoding, $"UniversalString contains the invalid code point 0x{cp:X}", offset + i);
            }
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> content)
    {
        int i = 0;
        while (i < content.Length)
        {
            System.Buffers.OperationStatus status = System.Text.Rune.DecodeFromUtf8(content[i..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return 0;
    }
}
