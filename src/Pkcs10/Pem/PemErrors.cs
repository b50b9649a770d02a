using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text;
using Pkcs10.Internal;

namespace Pkcs10.Pem;

/// <summary>
/// Turns a failed <see cref="PemStatus"/> into a <see cref="Pkcs10Exception"/> whose message names the
/// line, column and offset. Only error paths come here, so this is where strings are built.
/// </summary>
internal static class PemErrors
{
    private const int MaxLabelInMessage = 80;

    internal static Pkcs10ErrorCode GetCode(PemFailure failure) => failure switch
    {
        PemFailure.NoBlock => Pkcs10ErrorCode.PemNoBlock,
        PemFailure.WrongLabel => Pkcs10ErrorCode.PemWrongLabel,
        PemFailure.MissingEndLine => Pkcs10ErrorCode.PemMissingEndLine,
        PemFailure.LabelMismatch => Pkcs10ErrorCode.PemLabelMismatch,
        PemFailure.BeginNotAtLineStart or PemFailure.MissingSpace or PemFailure.Unterminated
            or PemFailure.InvalidLabel or PemFailure.BeginNotFollowedByLineBreak or PemFailure.EndNotAtLineStart
            or PemFailure.EndFollowedByText or PemFailure.EndNotFollowedByLineBreak
            or PemFailure.StrayDashes => Pkcs10ErrorCode.PemInvalidBoundary,
        PemFailure.None => Pkcs10ErrorCode.None,
        _ => Pkcs10ErrorCode.PemInvalidBase64,
    };

    [DoesNotReturn]
    internal static void Throw<T>(ReadOnlySpan<T> text, PemStatus status, in PemLabelFilter filter)
        where T : unmanaged, IBinaryInteger<T>
    {
        Debug.Assert(!status.IsOk);
        string message = GetMessage(text, status, filter);
        ThrowHelper.Throw(GetCode(status.Failure), message, status.Offset >= 0 ? status.Offset : null);
    }

    internal static string GetMessage<T>(ReadOnlySpan<T> text, PemStatus status, in PemLabelFilter filter)
        where T : unmanaged, IBinaryInteger<T>
    {
        int at = status.Offset;
        return status.Failure switch
        {
            PemFailure.NoBlock =>
                "No PEM block found: the input has no \"-----BEGIN \" boundary at its start or after whitespace.",
            PemFailure.WrongLabel =>
                $"Expected a PEM block labelled {filter} but found \"{BeginLabel(text, at)}\" at {Where(text, at)}.",
            PemFailure.MissingEndLine => status.Aux >= 0
                ? $"The PEM block \"{BeginLabel(text, at)}\" that begins at {Where(text, at)} has no \"-----END\" line before the next BEGIN boundary at {Where(text, status.Aux)}."
                : $"The PEM block \"{BeginLabel(text, at)}\" that begins at {Where(text, at)} has no \"-----END\" line.",
            PemFailure.LabelMismatch =>
                $"The END label \"{Describe(text[at..status.Aux])}\" at {Where(text, at)} does not match the BEGIN label \"{BeginLabel(text, status.Aux2)}\" at {Where(text, status.Aux2)}.",
            PemFailure.BeginNotAtLineStart =>
                $"Malformed BEGIN boundary at {Where(text, at)}: strict mode requires it to start a line (RFC 7468 §3, Figure 3).",
            PemFailure.MissingSpace =>
                $"Malformed boundary at {Where(text, status.Aux)}: expected a space after \"-----BEGIN\" or \"-----END\" but found {DescribeAt(text, at)} at {Where(text, at)}.",
            PemFailure.Unterminated =>
                $"Malformed boundary at {Where(text, at)}: the line has no closing \"-----\".",
            PemFailure.InvalidLabel =>
                $"Malformed boundary at {Where(text, status.Aux)}: {DescribeAt(text, at)} at {Where(text, at)} is not allowed there in a label (RFC 7468 §3: label = [ labelchar *( [\"-\" / SP] labelchar ) ]).",
            PemFailure.BeginNotFollowedByLineBreak =>
                $"Malformed BEGIN boundary at {Where(text, status.Aux)}: strict mode requires a line break right after it, but found {DescribeAt(text, at)} at {Where(text, at)} (RFC 7468 §3, Figure 3).",
            PemFailure.EndNotAtLineStart =>
                $"Malformed END boundary at {Where(text, at)}: strict mode requires it to start a line (RFC 7468 §3, Figure 3).",
            PemFailure.EndFollowedByText =>
                $"Malformed END boundary at {Where(text, status.Aux)}: it must be followed by whitespace or the end of the input, but {DescribeAt(text, at)} follows at {Where(text, at)}.",
            PemFailure.EndNotFollowedByLineBreak =>
                $"Malformed END boundary at {Where(text, status.Aux)}: strict mode requires a line break right after it, but found {DescribeAt(text, at)} at {Where(text, at)} (RFC 7468 §3, Figure 3).",
            PemFailure.StrayDashes =>
                $"Malformed boundary at {Where(text, at)}: expected \"-----END \" (base64 data never contains '-').",
            PemFailure.InvalidCharacter =>
                $"Invalid base64 character {DescribeAt(text, at)} at {Where(text, at)}.",
            PemFailure.WhiteSpaceNotAllowed =>
                $"Whitespace {DescribeAt(text, at)} at {Where(text, at)} is not allowed in strict mode (RFC 7468 §3, Figure 3).",
            PemFailure.LoneCarriageReturn =>
                $"A CR that is not followed by LF at {Where(text, at)}: strict mode allows only LF and CRLF line breaks.",
            PemFailure.DataAfterPadding =>
                $"Base64 character {DescribeAt(text, at)} at {Where(text, at)} follows the padding '='.",
            PemFailure.MisplacedPadding =>
                $"Misplaced base64 padding '=' at {Where(text, at)}: padding can only complete a group of 2 or 3 characters (RFC 4648 §4).",
            PemFailure.TooMuchPadding =>
                $"Too much base64 padding: an extra '=' at {Where(text, at)} (RFC 4648 §4).",
            PemFailure.IncompletePadding =>
                $"The final base64 group that starts at {Where(text, at)} needs {status.Aux} padding characters but has {status.Aux2} (RFC 4648 §4).",
            PemFailure.IncompleteQuantum =>
                $"The base64 data ends with an incomplete group of {status.Aux} character(s) that starts at {Where(text, at)}: the length must be a multiple of 4 (RFC 4648 §4).",
            PemFailure.LineTooLong =>
                $"Base64 line longer than 64 characters: the 65th is at {Where(text, at)}; strict mode requires 64-character lines (RFC 7468 §3, Figure 3).",
            PemFailure.LineTooShort =>
                $"A base64 line of {status.Aux} characters ends at {Where(text, at)} but is not the last line; strict mode requires exactly 64 (RFC 7468 §3, Figure 3).",
            PemFailure.EmptyLine =>
                $"Empty line at {Where(text, at)}: strict mode allows no blank lines in the base64 data (RFC 7468 §3, Figure 3).",
            PemFailure.EmptyBody =>
                $"The PEM block has no base64 data before its END boundary at {Where(text, at)}; strict mode requires at least one line (RFC 7468 §3, Figure 3).",
            PemFailure.NonCanonical =>
                $"Non-canonical base64 at {Where(text, at)}: the padding bits of this character are not zero (RFC 4648 §3.5), which strict mode rejects.",
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>Formats a position as <c>line 3, column 17 (character offset 57)</c>.</summary>
    internal static string Where<T>(ReadOnlySpan<T> text, int offset)
        where T : unmanaged, IBinaryInteger<T>
    {
        LineCounter lines = default;
        (int line, int column) = lines.Advance(text, offset);
        string unit = typeof(T) == typeof(byte) ? "byte" : "character";
        return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column} ({unit} offset {offset})");
    }

    private static string BeginLabel<T>(ReadOnlySpan<T> text, int begin)
        where T : unmanaged, IBinaryInteger<T>
    {
        int labelStart = begin + 11; // "-----BEGIN "
        int labelEnd = PemParser.FindLabelEnd(text, labelStart);
        return labelEnd < 0 ? string.Empty : Describe(text[labelStart..labelEnd]);
    }

    private static string DescribeAt<T>(ReadOnlySpan<T> text, int offset)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (offset >= text.Length)
        {
            return "the end of the input";
        }

        int c = PemSyntax.Code(text[offset]);
        string name = c switch
        {
            ' ' => "a space",
            '\t' => "a tab",
            '\n' => "LF",
            '\r' => "CR",
            '\v' => "VT",
            '\f' => "FF",
            _ when c is > 0x20 and < 0x7F => $"'{(char)c}'",
            _ when typeof(T) == typeof(byte) => string.Create(CultureInfo.InvariantCulture, $"byte 0x{c:X2}"),
            _ when c is < 0x20 or 0x7F or (>= 0xD800 and <= 0xDFFF) => "character",
            _ => $"'{(char)c}'",
        };
        return typeof(T) == typeof(byte) && c >= 0x80
            ? name
            : string.Create(CultureInfo.InvariantCulture, $"{name} (U+{c:X4})");
    }

    // Text from the input, made safe for a message: printable ASCII kept, the rest escaped, long text cut.
    private static string Describe<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        StringBuilder builder = new(Math.Min(text.Length, MaxLabelInMessage) + 3);
        foreach (T unit in text[..Math.Min(text.Length, MaxLabelInMessage)])
        {
            int c = PemSyntax.Code(unit);
            if (c is >= 0x20 and < 0x7F)
            {
                builder.Append((char)c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{c:X4}");
            }
        }

        if (text.Length > MaxLabelInMessage)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }
}
