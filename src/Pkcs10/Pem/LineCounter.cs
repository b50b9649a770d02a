using System.Numerics;

namespace Pkcs10.Pem;

/// <summary>
/// Turns offsets into 1-based line and column numbers, scanning forward only once when asked for
/// increasing offsets (the enumerator's case). A line ends at LF, CRLF or a lone CR (RFC 7468 §2:
/// <c>eol = CRLF / CR / LF</c>); columns count code units (chars or bytes) from the start of the line.
/// </summary>
internal struct LineCounter
{
    private int _scanned;
    private int _breaks;
    private int _lineStart;

    /// <summary>Returns the line and column of <paramref name="offset"/>, which must not be before the previous one.</summary>
    internal (int Line, int Column) Advance<T>(ReadOnlySpan<T> text, int offset)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (offset < _scanned)
        {
            this = default;
        }

        T cr = PemSyntax.Unit<T>('\r');
        T lf = PemSyntax.Unit<T>('\n');
        ReadOnlySpan<T> segment = text[_scanned..offset];

        // Vectorized counts; lone CRs (rare) are CRs minus CRLF pairs.
        int breaks = segment.Count(lf);
        int crs = segment.Count(cr);
        if (crs != 0)
        {
            int lone = crs - segment.Count(PemSyntax.Literal<T>("\r\n"u8, "\r\n"));
            if (CrLfStraddles(text, offset))
            {
                lone--; // its LF, just past the segment, ends that line
            }

            breaks += lone;
        }

        if (breaks != 0)
        {
            int last = segment.LastIndexOfAny(cr, lf);
            if (segment[last] == cr && CrLfStraddles(text, _scanned + last + 1))
            {
                last = segment[..last].LastIndexOfAny(cr, lf);
            }

            _lineStart = _scanned + last + 1;
            _breaks += breaks;
        }

        _scanned = offset;
        return (_breaks + 1, offset - _lineStart + 1);
    }

    // True when a CR ends just before offset and an LF sits at offset.
    private static bool CrLfStraddles<T>(ReadOnlySpan<T> text, int offset)
        where T : unmanaged, IBinaryInteger<T> =>
        offset > 0 && offset < text.Length
        && PemSyntax.Code(text[offset - 1]) == '\r' && PemSyntax.Code(text[offset]) == '\n';
}
