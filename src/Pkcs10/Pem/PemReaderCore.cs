using System.Numerics;

namespace Pkcs10.Pem;

/// <summary>
/// The one implementation behind every <see cref="PemReader"/> entry point, for chars and UTF-8 bytes.
/// Each returns a <see cref="PemStatus"/>; the public <c>Try</c> forms turn a failure into
/// <see langword="false"/> and the others into a <see cref="Pkcs10Exception"/>.
/// </summary>
internal static class PemReaderCore
{
    /// <summary>
    /// Finds the first block whose label <paramref name="filter"/> accepts. Blocks before it with other
    /// labels are checked at their boundaries only, so a bundle may hold blocks this library cannot read
    /// (for instance RFC 1421 encrypted keys with headers). With no match, the first other label is the
    /// <see cref="PemFailure.WrongLabel"/>.
    /// </summary>
    internal static PemStatus FindMatch<T>(ReadOnlySpan<T> text, in PemLabelFilter filter, PemDecodingMode mode, out RawPemBlock block)
        where T : unmanaged, IBinaryInteger<T>
    {
        int position = 0;
        int firstOther = -1;
        while (true)
        {
            PemStatus status = PemParser.FindNext(text, position, mode, out block);
            if (status.Failure == PemFailure.NoBlock && firstOther >= 0)
            {
                return new PemStatus(PemFailure.WrongLabel, firstOther);
            }

            if (!status.IsOk)
            {
                return status;
            }

            if (filter.IsAny || PemSyntax.Matches(filter, text[block.LabelStart..block.LabelEnd]))
            {
                return PemStatus.Ok;
            }

            if (firstOther < 0)
            {
                firstOther = block.Begin;
            }

            position = block.End;
        }
    }

    internal static PemStatus Find<T>(ReadOnlySpan<T> text, in PemLabelFilter filter, PemDecodingMode mode, out PemBlock block)
        where T : unmanaged, IBinaryInteger<T>
    {
        block = default;
        PemStatus status = FindMatch(text, filter, mode, out RawPemBlock raw);
        if (!status.IsOk)
        {
            return status;
        }

        LineCounter lines = default;
        return Complete(text, raw, mode, ref lines, out block);
    }

    /// <summary>Validates the body of <paramref name="raw"/> and fills in a <see cref="PemBlock"/>.</summary>
    internal static PemStatus Complete<T>(ReadOnlySpan<T> text, in RawPemBlock raw, PemDecodingMode mode, ref LineCounter lines, out PemBlock block)
        where T : unmanaged, IBinaryInteger<T>
    {
        block = default;
        PemStatus status = PemBase64.Decode(text, raw.BodyStart, raw.BodyEnd, mode, default, write: false, out int length);
        if (!status.IsOk)
        {
            return status;
        }

        (int line, int column) = lines.Advance(text, raw.Begin);
        block = new PemBlock(
            raw.Begin..raw.End,
            raw.LabelStart..raw.LabelEnd,
            PemBase64.TrimmedRange(text, raw.BodyStart, raw.BodyEnd),
            length,
            line,
            column);
        return PemStatus.Ok;
    }

    /// <summary>Finds the first matching block and decodes it; <paramref name="decodedLength"/> may exceed the destination.</summary>
    internal static PemStatus Decode<T>(ReadOnlySpan<T> text, in PemLabelFilter filter, PemDecodingMode mode, Span<byte> destination, out int decodedLength)
        where T : unmanaged, IBinaryInteger<T>
    {
        decodedLength = 0;
        PemStatus status = FindMatch(text, filter, mode, out RawPemBlock raw);
        return status.IsOk
            ? PemBase64.Decode(text, raw.BodyStart, raw.BodyEnd, mode, destination, write: true, out decodedLength)
            : status;
    }

    /// <summary>Decodes the base64 data of a block found earlier in the same text.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The block's data range lies outside the text.</exception>
    internal static PemStatus DecodeBlock<T>(ReadOnlySpan<T> text, in PemBlock block, Span<byte> destination, bool write, out int decodedLength)
        where T : unmanaged, IBinaryInteger<T>
    {
        (int offset, int length) = block.Base64Data.GetOffsetAndLength(text.Length);

        // The range holds valid base64 whichever mode found it, and lax decoding yields the same bytes.
        return PemBase64.Decode(text, offset, offset + length, PemDecodingMode.Lax, destination, write, out decodedLength);
    }
}
