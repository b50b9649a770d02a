using System.Numerics;

namespace Pkcs10.Pem;

/// <summary>Finds and checks the encapsulation boundaries of PEM blocks (RFC 7468 §2, §3).</summary>
internal static class PemParser
{
    private const int BeginMarkerLength = 10; // "-----BEGIN"
    private const int EndMarkerLength = 8;    // "-----END"
    private const int DashesLength = 5;       // "-----"

    /// <summary>
    /// Finds the next block at or after <paramref name="start"/> and checks its boundaries, but not its
    /// body. Returns <see cref="PemFailure.NoBlock"/> when no further BEGIN boundary exists.
    /// </summary>
    internal static PemStatus FindNext<T>(ReadOnlySpan<T> text, int start, PemDecodingMode mode, out RawPemBlock block)
        where T : unmanaged, IBinaryInteger<T>
    {
        ReadOnlySpan<T> beginMarker = PemSyntax.BeginMarker<T>();
        int searchFrom = start;
        while (searchFrom < text.Length)
        {
            int found = text[searchFrom..].IndexOf(beginMarker);
            if (found < 0)
            {
                break;
            }

            int begin = searchFrom + found;

            // RFC 7468 §2: explanatory text may surround the blocks, and §3 (laxtextualmsg = *W preeb) puts
            // only whitespace before a boundary. "-----BEGIN" glued to a preceding word is therefore part
            // of that text, not a boundary; PemEncoding skips it the same way.
            if (begin > 0 && !PemSyntax.IsWhiteSpace(PemSyntax.Code(text[begin - 1])))
            {
                searchFrom = begin + 1;
                continue;
            }

            return ParseBlock(text, begin, mode, out block);
        }

        block = default;
        return new PemStatus(PemFailure.NoBlock, -1);
    }

    /// <summary>
    /// Returns the end of the label that starts at <paramref name="labelStart"/>: the first <c>-----</c> after
    /// it, provided no line break comes first; -1 otherwise.
    /// </summary>
    /// <remarks>
    /// Searching for the dashes first, then for a line break only before them, keeps the work proportional to
    /// the label even when the text is one enormous line holding many blocks.
    /// </remarks>
    internal static int FindLabelEnd<T>(ReadOnlySpan<T> text, int labelStart)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (labelStart >= text.Length)
        {
            return -1;
        }

        int close = text[labelStart..].IndexOf(PemSyntax.Dashes<T>());
        if (close < 0 || text.Slice(labelStart, close).IndexOfAny(PemSyntax.Unit<T>('\r'), PemSyntax.Unit<T>('\n')) >= 0)
        {
            return -1;
        }

        return labelStart + close;
    }

    // Once "-----BEGIN" stands where a boundary may start, anything malformed is an error rather than
    // more explanatory text: a broken block must not be skipped silently.
    private static PemStatus ParseBlock<T>(ReadOnlySpan<T> text, int begin, PemDecodingMode mode, out RawPemBlock block)
        where T : unmanaged, IBinaryInteger<T>
    {
        block = default;
        bool strict = mode == PemDecodingMode.Strict;

        // RFC 7468 §3 Figure 3: stricttextualmsg = preeb eol strictbase64text posteb eol, so in strict mode a
        // boundary owns its whole line.
        if (strict && begin > 0 && PemSyntax.Code(text[begin - 1]) != '\n')
        {
            return new PemStatus(PemFailure.BeginNotAtLineStart, begin);
        }

        int space = begin + BeginMarkerLength;
        if (space >= text.Length || PemSyntax.Code(text[space]) != ' ')
        {
            return new PemStatus(PemFailure.MissingSpace, space, begin);
        }

        int labelStart = space + 1;
        int labelEnd = FindLabelEnd(text, labelStart);
        if (labelEnd < 0)
        {
            return new PemStatus(PemFailure.Unterminated, begin);
        }

        int badLabel = PemSyntax.InvalidLabelIndex(text[labelStart..labelEnd]);
        if (badLabel >= 0)
        {
            return new PemStatus(PemFailure.InvalidLabel, labelStart + badLabel, begin);
        }

        int bodyStart = labelEnd + DashesLength;
        if (strict)
        {
            int lineBreak = PemSyntax.LineBreakLength(text, bodyStart, text.Length, lfOrCrLfOnly: true);
            if (lineBreak == 0)
            {
                return new PemStatus(PemFailure.BeginNotFollowedByLineBreak, bodyStart, begin);
            }

            bodyStart += lineBreak;
        }

        // RFC 7468 §3 (laxtextualmsg) even lets data follow the BEGIN boundary on its line. The body runs to
        // the next "-----": base64 has no '-', so that must be the END boundary.
        int bodyEnd = text[bodyStart..].IndexOf(PemSyntax.Dashes<T>());
        if (bodyEnd < 0)
        {
            return new PemStatus(PemFailure.MissingEndLine, begin, -1);
        }

        bodyEnd += bodyStart;
        ReadOnlySpan<T> boundary = text[bodyEnd..];
        if (!boundary.StartsWith(PemSyntax.EndMarker<T>()))
        {
            return boundary.StartsWith(PemSyntax.BeginMarker<T>())
                ? new PemStatus(PemFailure.MissingEndLine, begin, bodyEnd)
                : new PemStatus(PemFailure.StrayDashes, bodyEnd, begin);
        }

        if (strict && PemSyntax.Code(text[bodyEnd - 1]) != '\n')
        {
            return new PemStatus(PemFailure.EndNotAtLineStart, bodyEnd, begin);
        }

        space = bodyEnd + EndMarkerLength;
        if (space >= text.Length || PemSyntax.Code(text[space]) != ' ')
        {
            return new PemStatus(PemFailure.MissingSpace, space, bodyEnd);
        }

        int endLabelStart = space + 1;
        int endLabelEnd = FindLabelEnd(text, endLabelStart);
        if (endLabelEnd < 0)
        {
            return new PemStatus(PemFailure.Unterminated, bodyEnd);
        }

        // RFC 7468 §2 lets parsers ignore the END label; we do not, so a truncated or spliced file fails.
        if (!text[endLabelStart..endLabelEnd].SequenceEqual(text[labelStart..labelEnd]))
        {
            return new PemStatus(PemFailure.LabelMismatch, endLabelStart, endLabelEnd, begin);
        }

        int end = endLabelEnd + DashesLength;
        if (strict)
        {
            // RFC 7468 Figure 3 ends with "posteb eol". Leniency: the end of the input may stand for that eol,
            // because PemEncoding.Write and many editors omit the final line break.
            if (end < text.Length && PemSyntax.LineBreakLength(text, end, text.Length, lfOrCrLfOnly: true) == 0)
            {
                return new PemStatus(PemFailure.EndNotFollowedByLineBreak, end, bodyEnd);
            }
        }
        else if (end < text.Length && !PemSyntax.IsWhiteSpace(PemSyntax.Code(text[end])))
        {
            // laxtextualmsg = ... posteb *W: only whitespace (then, per §2, explanatory text) may follow.
            return new PemStatus(PemFailure.EndFollowedByText, end, bodyEnd);
        }

        block = new RawPemBlock(begin, labelStart, labelEnd, bodyStart, bodyEnd, end);
        return PemStatus.Ok;
    }
}
