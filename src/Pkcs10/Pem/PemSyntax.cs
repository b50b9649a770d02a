using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pkcs10.Pem;

/// <summary>
/// Character classes and literals shared by the UTF-16 (<see cref="char"/>) and UTF-8 (<see cref="byte"/>)
/// readers and writers. Methods are generic over the code unit; the <c>typeof(T)</c> tests fold away when
/// the JIT or AOT compiler specializes them, so each instantiation is as direct as hand-written code.
/// </summary>
internal static class PemSyntax
{
    /// <summary>Base64 characters per full line (RFC 7468 §2: "exactly 64 characters").</summary>
    internal const int LineLength = 64;

    /// <summary>Bytes one full line decodes to.</summary>
    internal const int LineBytes = 48;

    /// <summary>Class of a character that is not allowed in a PEM body.</summary>
    internal const sbyte Invalid = -1;

    /// <summary>Class of <c>=</c>.</summary>
    internal const sbyte Pad = -2;

    /// <summary>Class of LF.</summary>
    internal const sbyte LineFeed = -3;

    /// <summary>Class of CR.</summary>
    internal const sbyte CarriageReturn = -4;

    /// <summary>Class of the other RFC 7468 whitespace: space, tab, VT, FF.</summary>
    internal const sbyte Space = -5;

    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    // Sextet value (0..63) of each ASCII base64 character (RFC 4648 §4, Table 1); negative for the rest.
    private static readonly sbyte[] s_classes = BuildClasses();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Code<T>(T value)
        where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Unit<T>(char value)
        where T : unmanaged, IBinaryInteger<T> => T.CreateTruncating(value);

    /// <summary>Returns the sextet value of a base64 character, or one of the negative classes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static sbyte Classify(int code) => (uint)code < 128u ? s_classes[code] : Invalid;

    /// <summary>RFC 7468 §3: <c>W = WSP / CR / LF / %x0B / %x0C</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWhiteSpace(int code) => code is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<T> Literal<T>(ReadOnlySpan<byte> utf8, string utf16)
        where T : unmanaged, IBinaryInteger<T> =>
        typeof(T) == typeof(byte) ? MemoryMarshal.Cast<byte, T>(utf8) : MemoryMarshal.Cast<char, T>(utf16.AsSpan());

    /// <summary><c>-----BEGIN</c> (the space is checked separately, to report its absence).</summary>
    internal static ReadOnlySpan<T> BeginMarker<T>()
        where T : unmanaged, IBinaryInteger<T> => Literal<T>("-----BEGIN"u8, "-----BEGIN");

    /// <summary><c>-----END</c>.</summary>
    internal static ReadOnlySpan<T> EndMarker<T>()
        where T : unmanaged, IBinaryInteger<T> => Literal<T>("-----END"u8, "-----END");

    /// <summary>The five hyphen-minus characters that open and close each boundary.</summary>
    internal static ReadOnlySpan<T> Dashes<T>()
        where T : unmanaged, IBinaryInteger<T> => Literal<T>("-----"u8, "-----");

    /// <summary>
    /// Checks a label against RFC 7468 §3: <c>label = [ labelchar *( ["-" / SP] labelchar ) ]</c>,
    /// <c>labelchar = %x21-2C / %x2E-7E</c>. Returns -1 if it is valid, else the index of the first
    /// character that breaks the rule (the last one if the label ends in a hyphen or space).
    /// </summary>
    internal static int InvalidLabelIndex<T>(ReadOnlySpan<T> label)
        where T : unmanaged, IBinaryInteger<T>
    {
        bool previousIsLabelChar = false;
        for (int i = 0; i < label.Length; i++)
        {
            int c = Code(label[i]);
            if (c is >= 0x21 and <= 0x7E && c != '-')
            {
                previousIsLabelChar = true;
            }
            else if ((c is '-' or ' ') && previousIsLabelChar)
            {
                previousIsLabelChar = false;
            }
            else
            {
                return i;
            }
        }

        return label.IsEmpty || previousIsLabelChar ? -1 : label.Length - 1;
    }

    internal static bool Matches<T>(in PemLabelFilter filter, ReadOnlySpan<T> label)
        where T : unmanaged, IBinaryInteger<T> =>
        typeof(T) == typeof(byte)
            ? filter.Matches(MemoryMarshal.Cast<T, byte>(label))
            : filter.Matches(MemoryMarshal.Cast<T, char>(label));

    /// <summary>
    /// Returns the length of the line break at <paramref name="index"/> (1 for LF or a lone CR, 2 for CRLF),
    /// or 0 if there is none. With <paramref name="lfOrCrLfOnly"/>, a lone CR is not a line break
    /// (strict mode allows only LF and CRLF).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int LineBreakLength<T>(ReadOnlySpan<T> text, int index, int limit, bool lfOrCrLfOnly)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (index >= limit)
        {
            return 0;
        }

        int c = Code(text[index]);
        if (c == '\n')
        {
            return 1;
        }

        if (c != '\r')
        {
            return 0;
        }

        if (index + 1 < limit && Code(text[index + 1]) == '\n')
        {
            return 2;
        }

        return lfOrCrLfOnly ? 0 : 1;
    }

    private static sbyte[] BuildClasses()
    {
        sbyte[] classes = new sbyte[128];
        classes.AsSpan().Fill(Invalid);
        for (int i = 0; i < Base64Alphabet.Length; i++)
        {
            classes[Base64Alphabet[i]] = (sbyte)i;
        }

        classes['='] = Pad;
        classes['\n'] = LineFeed;
        classes['\r'] = CarriageReturn;
        classes[' '] = Space;
        classes['\t'] = Space;
        classes['\v'] = Space;
        classes['\f'] = Space;
        return classes;
    }
}
