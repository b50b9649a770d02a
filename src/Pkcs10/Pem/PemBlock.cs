namespace Pkcs10.Pem;

/// <summary>
/// Where one PEM block (RFC 7468) sits in the text it was found in: the whole block, its label, its
/// base64 data, the size of the decoded data, and the line and column of its BEGIN boundary.
/// Like <see cref="System.Security.Cryptography.PemFields"/>, it holds positions, not text: slice the
/// original input with <see cref="Location"/>, <see cref="Label"/> and <see cref="Base64Data"/>.
/// </summary>
/// <remarks>
/// Positions count UTF-16 code units when the block was found in a <see cref="ReadOnlySpan{T}"/> of
/// <see cref="char"/>, and bytes when it was found in UTF-8 bytes. A line ends at LF, CRLF or a lone CR
/// (RFC 7468 §2: "eol = CRLF / CR / LF").
/// </remarks>
public readonly struct PemBlock : IEquatable<PemBlock>
{
    internal PemBlock(Range location, Range label, Range base64Data, int decodedDataLength, int line, int column)
    {
        Location = location;
        Label = label;
        Base64Data = base64Data;
        DecodedDataLength = decodedDataLength;
        Line = line;
        Column = column;
    }

    /// <summary>
    /// The whole block, from the first <c>-</c> of <c>-----BEGIN</c> to the last <c>-</c> of the END
    /// boundary (not including any line break after it), as <see cref="System.Security.Cryptography.PemFields.Location"/>.
    /// </summary>
    public Range Location { get; }

    /// <summary>The label, between <c>-----BEGIN </c> and <c>-----</c>.</summary>
    public Range Label { get; }

    /// <summary>
    /// The base64 data, without the whitespace that begins or ends the body (so line breaks between
    /// lines remain). For an empty body this is an empty range at the start of the END boundary.
    /// </summary>
    public Range Base64Data { get; }

    /// <summary>The number of bytes the base64 data decodes to.</summary>
    public int DecodedDataLength { get; }

    /// <summary>The offset of the BEGIN boundary (the start of <see cref="Location"/>), in characters or bytes.</summary>
    public int Offset => Location.Start.Value;

    /// <summary>The 1-based line number of the BEGIN boundary.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the BEGIN boundary, in characters or bytes.</summary>
    public int Column { get; }

    /// <inheritdoc/>
    public bool Equals(PemBlock other) =>
        Location.Equals(other.Location) && Label.Equals(other.Label) && Base64Data.Equals(other.Base64Data)
        && DecodedDataLength == other.DecodedDataLength && Line == other.Line && Column == other.Column;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PemBlock other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Location, Label, Base64Data, DecodedDataLength, Line, Column);

    /// <summary>Lists the positions, for diagnostics.</summary>
    /// <returns>A description such as <c>PemBlock { Location = 0..120, Label = 11..30, ... }</c>.</returns>
    public override string ToString() =>
        $"PemBlock {{ Location = {Location}, Label = {Label}, Base64Data = {Base64Data}, DecodedDataLength = {DecodedDataLength}, Line = {Line}, Column = {Column} }}";

    /// <summary>Compares two blocks for equality of every position.</summary>
    /// <param name="left">The first block.</param>
    /// <param name="right">The second block.</param>
    /// <returns><see langword="true"/> if all positions are equal.</returns>
    public static bool operator ==(PemBlock left, PemBlock right) => left.Equals(right);

    /// <summary>Compares two blocks for inequality.</summary>
    /// <param name="left">The first block.</param>
    /// <param name="right">The second block.</param>
    /// <returns><see langword="true"/> if any position differs.</returns>
    public static bool operator !=(PemBlock left, PemBlock right) => !left.Equals(right);
}
