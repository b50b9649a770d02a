using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Pkcs10.Pem;

/// <summary>
/// Validates and decodes a PEM body (RFC 7468 §3 with RFC 4648 §4 base64) in one pass, without allocating.
/// </summary>
/// <remarks>
/// Full 64-character lines followed by a line break (what every RFC 7468 generator writes) and a plain last
/// line go through the BCL's vectorized
/// <see cref="Base64.DecodeFromUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/>, UTF-16 input
/// narrowed to ASCII on the way. Everything else (whitespace inside lines, irregular lines, errors) goes
/// through a scalar state machine that enforces the grammar of the selected mode and pinpoints errors.
/// </remarks>
internal static class PemBase64
{
    /// <summary>Four full lines: the stack buffer the fast path gathers lines into (STYLE: at most 256 bytes).</summary>
    private const int ChunkSize = 4 * PemSyntax.LineLength;

    private static readonly SearchValues<byte> s_base64Utf8 =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    /// <summary>
    /// Validates <c>text[bodyStart..bodyEnd]</c> and, when <paramref name="write"/> is set, decodes it into
    /// <paramref name="destination"/>. <paramref name="decodedLength"/> is the full decoded length even when
    /// it exceeds the destination (whose excess is then not written): callers compare the two.
    /// </summary>
    internal static PemStatus Decode<T>(
        ReadOnlySpan<T> text,
        int bodyStart,
        int bodyEnd,
        PemDecodingMode mode,
        Span<byte> destination,
        bool write,
        out int decodedLength)
        where T : unmanaged, IBinaryInteger<T>
    {
        Debug.Assert(bodyStart >= 0 && bodyStart <= bodyEnd && bodyEnd <= text.Length);
        bool strict = mode == PemDecodingMode.Strict;
        int i = bodyStart;
        if (!strict)
        {
            while (i < bodyEnd && PemSyntax.IsWhiteSpace(PemSyntax.Code(text[i])))
            {
                i++;
            }
        }

        int written = 0;
        bool any = false;

        // Fast path. RFC 7468 §2: generators MUST wrap lines at exactly 64 characters. Up to four such lines
        // are gathered (without their line breaks) into one stack buffer and decoded or checked in one call:
        // the BCL's vectorized loops need long inputs, and 64 characters alone barely reach them.
        Span<byte> chunk = stackalloc byte[ChunkSize];
        while (true)
        {
            int gathered = 0;
            int next = i;
            while (gathered < ChunkSize && bodyEnd - next > PemSyntax.LineLength)
            {
                int lineBreak = PemSyntax.LineBreakLength(text, next + PemSyntax.LineLength, bodyEnd, lfOrCrLfOnly: strict);
                if (lineBreak == 0 || !TryCopyAscii(text.Slice(next, PemSyntax.LineLength), chunk.Slice(gathered, PemSyntax.LineLength)))
                {
                    break;
                }

                gathered += PemSyntax.LineLength;
                next += PemSyntax.LineLength + lineBreak;
            }

            if (gathered == 0)
            {
                break;
            }

            int bytes = gathered / 4 * 3;
            if (write)
            {
                // The BCL decoder skips some whitespace and stops at padding; 4n characters that decode to
                // exactly 3n bytes can contain neither, so nothing it skipped goes unnoticed.
                if (destination.Length - written < bytes
                    || Base64.DecodeFromUtf8(chunk[..gathered], destination.Slice(written, bytes), out _, out int decoded, isFinalBlock: false) != OperationStatus.Done
                    || decoded != bytes)
                {
                    break;
                }
            }
            else if (chunk[..gathered].ContainsAnyExcept(s_base64Utf8))
            {
                break;
            }

            written += bytes;
            i = next;
            any = true;
        }

        if (TryDecodeLastLine(text, i, bodyEnd, strict, chunk, destination, write, ref written))
        {
            decodedLength = written;
            return PemStatus.Ok;
        }

        // Anything else (whitespace inside lines, irregular lines, a destination too small, errors) takes
        // the general path from the first line the fast path did not accept.
        return DecodeRest(text, i, bodyEnd, strict, destination, write, written, any, out decodedLength);
    }

    /// <summary>Returns the body without the whitespace at its two ends (an empty range at <paramref name="bodyEnd"/> if it is all whitespace).</summary>
    internal static Range TrimmedRange<T>(ReadOnlySpan<T> text, int bodyStart, int bodyEnd)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = bodyStart;
        while (start < bodyEnd && PemSyntax.IsWhiteSpace(PemSyntax.Code(text[start])))
        {
            start++;
        }

        if (start == bodyEnd)
        {
            return bodyEnd..bodyEnd;
        }

        int end = bodyEnd;
        while (PemSyntax.IsWhiteSpace(PemSyntax.Code(text[end - 1])))
        {
            end--;
        }

        return start..end;
    }

    /// <summary>
    /// Decodes the body's last line, from <paramref name="i"/>, through the BCL decoder when it is a plain
    /// line: 4 to 64 (strict) or up to <see cref="ChunkSize"/> (lax) characters, a multiple of 4, decoding to
    /// exactly the length its size and padding imply (so it holds no whitespace). The BCL decoder also
    /// rejects non-zero padding bits, which strict mode requires; lax mode, which accepts them, then takes
    /// the general path. Returns false, having consumed nothing, in every other case.
    /// </summary>
    private static bool TryDecodeLastLine<T>(
        ReadOnlySpan<T> text,
        int i,
        int bodyEnd,
        bool strict,
        Span<byte> chunk,
        Span<byte> destination,
        bool write,
        ref int written)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = i;
        int end = bodyEnd;
        if (strict)
        {
            // strictbase64finl = ... eol, and the END boundary starts the next line.
            if (end - start < 2 || PemSyntax.Code(text[end - 1]) != '\n')
            {
                return false;
            }

            end -= PemSyntax.Code(text[end - 2]) == '\r' ? 2 : 1;
        }
        else
        {
            while (end > start && PemSyntax.IsWhiteSpace(PemSyntax.Code(text[end - 1])))
            {
                end--;
            }
        }

        int length = end - start;
        if (length == 0 || length % 4 != 0 || length > (strict ? PemSyntax.LineLength : ChunkSize)
            || !TryCopyAscii(text[start..end], chunk[..length]))
        {
            return false;
        }

        int padding = chunk[length - 1] != '=' ? 0 : chunk[length - 2] != '=' ? 1 : 2;
        int expected = (length / 4 * 3) - padding;
        OperationStatus status;
        int decoded;
        if (write)
        {
            if (destination.Length - written < expected)
            {
                return false;
            }

            status = Base64.DecodeFromUtf8(chunk[..length], destination[written..], out _, out decoded, isFinalBlock: true);
        }
        else
        {
            status = Base64.DecodeFromUtf8InPlace(chunk[..length], out decoded);
        }

        if (status != OperationStatus.Done || decoded != expected)
        {
            return false;
        }

        written += decoded;
        return true;
    }

    /// <summary>Copies ASCII text into bytes (narrowing UTF-16); false if it is not all ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryCopyAscii<T>(ReadOnlySpan<T> source, Span<byte> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (typeof(T) == typeof(byte))
        {
            MemoryMarshal.Cast<T, byte>(source).CopyTo(destination);
            return true;
        }

        return Ascii.FromUtf16(MemoryMarshal.Cast<T, char>(source), destination, out _) == OperationStatus.Done;
    }

    // The general path: one character at a time through the RFC 7468 §3 grammar of the mode.
    private static PemStatus DecodeRest<T>(
        ReadOnlySpan<T> text,
        int i,
        int bodyEnd,
        bool strict,
        Span<byte> destination,
        bool write,
        int written,
        bool any,
        out int decodedLength)
        where T : unmanaged, IBinaryInteger<T>
    {
        decodedLength = 0;
        uint bits = 0;
        int groupLength = 0;   // base64 characters in the current 4-character group
        int groupStart = i;
        int padding = 0;
        int paddingNeeded = 0;
        int lineLength = 0;    // strict mode only
        int lastDigit = -1;

        for (; i < bodyEnd; i++)
        {
            sbyte value = PemSyntax.Classify(PemSyntax.Code(text[i]));
            if (value >= 0)
            {
                // laxbase64text = *(W / base64char) [base64pad *W [base64pad *W]]: nothing after padding.
                if (padding != 0)
                {
                    return new PemStatus(PemFailure.DataAfterPadding, i);
                }

                if (strict && ++lineLength > PemSyntax.LineLength)
                {
                    return new PemStatus(PemFailure.LineTooLong, i);
                }

                if (groupLength == 0)
                {
                    groupStart = i;
                }

                bits = (bits << 6) | (byte)value;
                lastDigit = i;
                any = true;
                if (++groupLength == 4)
                {
                    Emit(destination, write, ref written, bits, 3);
                    groupLength = 0;
                    bits = 0;
                }
            }
            else if (value == PemSyntax.Pad)
            {
                if (strict && ++lineLength > PemSyntax.LineLength)
                {
                    return new PemStatus(PemFailure.LineTooLong, i);
                }

                if (padding == 0)
                {
                    // RFC 4648 §4: "=" completes a final group of 2 ("xx==") or 3 ("xxx=") characters.
                    if (groupLength < 2)
                    {
                        return new PemStatus(PemFailure.MisplacedPadding, i);
                    }

                    paddingNeeded = 4 - groupLength;
                }

                if (++padding > paddingNeeded)
                {
                    return new PemStatus(PemFailure.TooMuchPadding, i);
                }
            }
            else if (value is PemSyntax.LineFeed or PemSyntax.CarriageReturn)
            {
                if (!strict)
                {
                    continue;
                }

                int lineBreakAt = i;
                if (value == PemSyntax.CarriageReturn)
                {
                    // Strict mode: LF or CRLF only.
                    if (i + 1 >= bodyEnd || PemSyntax.Code(text[i + 1]) != '\n')
                    {
                        return new PemStatus(PemFailure.LoneCarriageReturn, i);
                    }

                    i++;
                }

                if (lineLength == 0)
                {
                    return new PemStatus(PemFailure.EmptyLine, lineBreakAt);
                }

                // RFC 7468 Figure 3: base64fullline = 64base64char eol; only the last line may be shorter.
                if (lineLength != PemSyntax.LineLength && i + 1 < bodyEnd)
                {
                    // A blank line after a short last line is the better diagnosis.
                    return PemSyntax.Code(text[i + 1]) is '\n' or '\r'
                        ? new PemStatus(PemFailure.EmptyLine, i + 1)
                        : new PemStatus(PemFailure.LineTooShort, lineBreakAt, lineLength);
                }

                lineLength = 0;
            }
            else if (value == PemSyntax.Space)
            {
                if (strict)
                {
                    return new PemStatus(PemFailure.WhiteSpaceNotAllowed, i);
                }
            }
            else
            {
                // RFC 7468 §2 suggests ignoring other non-base64 characters; both of its grammars (§3)
                // forbid them, and so do we, as PemEncoding does.
                return new PemStatus(PemFailure.InvalidCharacter, i);
            }
        }

        if (padding != 0 && padding != paddingNeeded)
        {
            return new PemStatus(PemFailure.IncompletePadding, groupStart, paddingNeeded, padding);
        }

        if (padding == 0 && groupLength != 0)
        {
            return new PemStatus(PemFailure.IncompleteQuantum, groupStart, groupLength);
        }

        if (strict)
        {
            // The END boundary was checked to start a line, so the last line ended with its line break.
            Debug.Assert(lineLength == 0);
            if (!any)
            {
                return new PemStatus(PemFailure.EmptyBody, bodyEnd);
            }
        }

        if (groupLength == 2)
        {
            // 12 bits hold one byte; RFC 4648 §3.5: the 4 bits left over are zero in canonical encodings.
            // Lax mode drops them, as Convert.FromBase64String does.
            if (strict && (bits & 0xF) != 0)
            {
                return new PemStatus(PemFailure.NonCanonical, lastDigit);
            }

            Emit(destination, write, ref written, bits >> 4, 1);
        }
        else if (groupLength == 3)
        {
            if (strict && (bits & 0x3) != 0)
            {
                return new PemStatus(PemFailure.NonCanonical, lastDigit);
            }

            Emit(destination, write, ref written, bits >> 2, 2);
        }

        decodedLength = written;
        return PemStatus.Ok;
    }

    // Writes the low count bytes of value (big-endian) if they fit; always counts them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Emit(Span<byte> destination, bool write, ref int written, uint value, int count)
    {
        if (write && destination.Length - written >= count)
        {
            unchecked
            {
                switch (count)
                {
                    case 3:
                        destination[written] = (byte)(value >> 16);
                        destination[written + 1] = (byte)(value >> 8);
                        destination[written + 2] = (byte)value;
                        break;
                    case 2:
                        destination[written] = (byte)(value >> 8);
                        destination[written + 1] = (byte)value;
                        break;
                    default:
                        destination[written] = (byte)value;
                        break;
                }
            }
        }

        written += count;
    }
}
