using System.Globalization;
using System.Text;

namespace Pkcs10.Asn1;

/// <summary>
/// Encodes text as the content octets of a character string type without throwing: the write-side twin of
/// <see cref="DerString.Decode"/>, used where a bad character is an answer (a message with its index), not an exception.
/// </summary>
internal static class CharacterStringEncoder
{
    /// <summary>Whether this library writes <paramref name="type"/> (the types <see cref="DerString.Decode"/> reads back to the same text).</summary>
    public static bool IsWritable(UniversalTagNumber type) => type is
        UniversalTagNumber.Utf8String or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String or
        UniversalTagNumber.NumericString or UniversalTagNumber.VisibleString or UniversalTagNumber.BmpString or
        UniversalTagNumber.UniversalString or UniversalTagNumber.TeletexString;

    /// <summary>Whether every character of <paramref name="value"/> is in the PrintableString set (X.680 §41.4).</summary>
    public static bool IsPrintable(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (!IsPrintableChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number of Unicode scalar values in well-formed <paramref name="value"/> (what an ASN.1 SIZE constraint on a string counts).</summary>
    public static int CountCharacters(string value)
    {
        int count = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>Encodes <paramref name="value"/> as the content octets of <paramref name="type"/>.</summary>
    /// <param name="type">A type for which <see cref="IsWritable"/> holds.</param>
    /// <param name="value">The text.</param>
    /// <param name="content">The content octets when the text fits the type.</param>
    /// <param name="error">Why the text does not fit, naming the first bad character and its index.</param>
    /// <returns>Whether the text fits.</returns>
    public static bool TryEncode(UniversalTagNumber type, string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? content, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        content = null;
        int bad = FindFirstInvalid(type, value);
        if (bad >= 0)
        {
            error = Describe(type, value, bad);
            return false;
        }

        content = type switch
        {
            UniversalTagNumber.Utf8String => Encoding.UTF8.GetBytes(value),
            UniversalTagNumber.BmpString => Encoding.BigEndianUnicode.GetBytes(value),
            UniversalTagNumber.UniversalString => Ucs4(value),
            UniversalTagNumber.TeletexString => Encoding.Latin1.GetBytes(value),
            _ => Encoding.ASCII.GetBytes(value),
        };
        error = null;
        return true;
    }

    private static byte[] Ucs4(string value)
    {
        var bytes = new byte[CountCharacters(value) * 4];
        int at = 0;
        foreach (Rune r in value.EnumerateRunes())
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at), r.Value);
            at += 4;
        }

        return bytes;
    }

    // The index of the first character the type cannot hold (a lone surrogate counts for every type), or -1.
    private static int FindFirstInvalid(UniversalTagNumber type, string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsSurrogate(c))
            {
                bool pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                if (!pair || type is not (UniversalTagNumber.Utf8String or UniversalTagNumber.UniversalString))
                {
                    return i;
                }

                i++;
                continue;
            }

            bool ok = type switch
            {
                UniversalTagNumber.Utf8String or UniversalTagNumber.UniversalString or UniversalTagNumber.BmpString => true,
                UniversalTagNumber.PrintableString => IsPrintableChar(c),
                UniversalTagNumber.IA5String => c < 0x80,
                UniversalTagNumber.NumericString => char.IsAsciiDigit(c) || c == ' ',
                UniversalTagNumber.VisibleString => c is >= ' ' and <= '~',
                UniversalTagNumber.TeletexString => c <= 0xFF,
                _ => false,
            };
            if (!ok)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(UniversalTagNumber type, string value, int index)
    {
        char c = value[index];
        string what;
        if (char.IsSurrogate(c))
        {
            bool pair = char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]);
            what = pair
                ? $"'{value.Substring(index, 2)}' (U+{char.ConvertToUtf32(c, value[index + 1]).ToString("X4", CultureInfo.InvariantCulture)}, outside the Basic Multilingual Plane)"
                : "a lone UTF-16 surrogate";
        }
        else
        {
            string shown = char.IsControl(c) ? "" : $"'{c}' ";
            what = $"{shown}(U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)})";
        }

        string set = type switch
        {
            UniversalTagNumber.PrintableString => " (A-Z a-z 0-9 space ' ( ) + , - . / : = ? only)",
            UniversalTagNumber.IA5String => " (ASCII only)",
            UniversalTagNumber.NumericString => " (digits and space only)",
            UniversalTagNumber.VisibleString => " (printable ASCII only)",
            UniversalTagNumber.TeletexString => " (written as Latin-1 here)",
            _ => "",
        };
        return $"cannot be written as a {type}{set}: {what} at index {index}";
    }

    private static bool IsPrintableChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is ' ' or '\'' or '(' or ')' or '+' or ',' or '-' or '.' or '/' or ':' or '=' or '?';
}
