using System.Diagnostics;
using System.Numerics;

namespace Pkcs10.Pem;

/// <summary>
/// Reads PEM (RFC 7468) from text or UTF-8 bytes without intermediate strings: finds blocks amid explanatory
/// text, checks their boundaries and labels, and decodes their base64 data into caller buffers, exact-size
/// arrays or pooled buffers.
/// </summary>
/// <remarks>
/// <para>
/// Two grammars are available (<see cref="PemDecodingMode"/>): the lax one of RFC 7468 §3 Figure 2 (the
/// default) and the strict one of Figure 3. In both, text before, between and after blocks is ignored
/// (RFC 7468 §2), and a BEGIN boundary counts only at the start of the input or after whitespace, so
/// <c>-----BEGIN</c> inside a word is text. From a BEGIN boundary on, every defect is an error, not more
/// explanatory text: the END label must equal the BEGIN label (§2 lets parsers ignore it; we do not), and
/// characters outside the base64 alphabet and whitespace are rejected (§2 suggests ignoring them; both §3
/// grammars forbid them).
/// </para>
/// <para>
/// Malformed input throws <see cref="Pkcs10Exception"/> whose message gives the 1-based line and column
/// and the offset; <c>TryFind</c> never throws for bad input. <c>TryDecode</c> returns <see langword="false"/>
/// only when the destination is too small, like the BCL's <c>TryXxx(Span&lt;byte&gt;, out int)</c> methods.
/// Positions count UTF-16 code units for <see cref="char"/> input and bytes for UTF-8 input.
/// </para>
/// </remarks>
public static partial class PemReader
{
    /// <summary>
    /// Returns an allocation-free enumerator over every PEM block in <paramref name="pem"/>, for <c>foreach</c>.
    /// </summary>
    /// <param name="pem">The PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>The enumerator. Its <c>MoveNext</c> throws <see cref="Pkcs10Exception"/> at a malformed block; <c>TryMoveNext</c> does not.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static PemBlockEnumerator EnumerateBlocks(ReadOnlySpan<char> pem, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        CheckMode(mode);
        return new PemBlockEnumerator(pem, mode);
    }

    /// <summary>
    /// Finds the first PEM block, with any label, using the lax rules, like
    /// <see cref="System.Security.Cryptography.PemEncoding.TryFind"/>. Never throws for malformed input.
    /// </summary>
    /// <param name="pem">The PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="block">The block found, or <see langword="default"/>.</param>
    /// <returns><see langword="true"/> if a well-formed block was found before any malformed one.</returns>
    public static bool TryFind(ReadOnlySpan<char> pem, out PemBlock block) =>
        PemReaderCore.Find(pem, PemLabelFilter.Any, PemDecodingMode.Lax, out block).IsOk;

    /// <summary>
    /// Finds the first PEM block whose label <paramref name="label"/> accepts. Never throws for malformed input.
    /// </summary>
    /// <param name="pem">The PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="block">The block found, or <see langword="default"/>.</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>
    /// <see langword="true"/> if a matching, well-formed block was found; <see langword="false"/> if there is none
    /// or a malformed block comes first.
    /// </returns>
    /// <remarks>Blocks with other labels are skipped after checking their boundaries only; their bodies are not decoded.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static bool TryFind(ReadOnlySpan<char> pem, PemLabelFilter label, out PemBlock block, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        CheckMode(mode);
        return PemReaderCore.Find(pem, label, mode, out block).IsOk;
    }

    /// <summary>Finds the first PEM block whose label <paramref name="label"/> accepts.</summary>
    /// <param name="pem">The PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>The block.</returns>
    /// <remarks>Blocks with other labels are skipped after checking their boundaries only; their bodies are not decoded.</remarks>
    /// <exception cref="Pkcs10Exception">
    /// The input holds no block (<see cref="Pkcs10ErrorCode.PemNoBlock"/>), none with an accepted label
    /// (<see cref="Pkcs10ErrorCode.PemWrongLabel"/>), or a malformed block before or at the match
    /// (<see cref="Pkcs10ErrorCode.PemInvalidBoundary"/>, <see cref="Pkcs10ErrorCode.PemMissingEndLine"/>,
    /// <see cref="Pkcs10ErrorCode.PemLabelMismatch"/>, <see cref="Pkcs10ErrorCode.PemInvalidBase64"/>). The message
    /// names the line, column and character offset; <see cref="Pkcs10Exception.Offset"/> holds the offset.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static PemBlock Find(ReadOnlySpan<char> pem, PemLabelFilter label = default, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        CheckMode(mode);
        PemStatus status = PemReaderCore.Find(pem, label, mode, out PemBlock block);
        if (!status.IsOk)
        {
            PemErrors.Throw(pem, status, label);
        }

        return block;
    }

    /// <summary>
    /// Finds the first PEM block whose label <paramref name="label"/> accepts and decodes its data into
    /// <paramref name="destination"/>, in one pass over the text.
    /// </summary>
    /// <param name="pem">The PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="destination">Receives the decoded (usually DER) bytes.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when this returns <see langword="false"/>.</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>
    /// <see langword="true"/> on success; <see langword="false"/> only if <paramref name="destination"/> is too small
    /// (its contents are then cleared). Use <see cref="Find(ReadOnlySpan{char}, PemLabelFilter, PemDecodingMode)"/> and
    /// <see cref="PemBlock.DecodedDataLength"/> to learn the size first.
    /// </returns>
    /// <exception cref="Pkcs10Exception">
    /// The input holds no block (<see cref="Pkcs10ErrorCode.PemNoBlock"/>), none with an accepted label
    /// (<see cref="Pkcs10ErrorCode.PemWrongLabel"/>), or a malformed block before or at the match
    /// (<see cref="Pkcs10ErrorCode.PemInvalidBoundary"/>, <see cref="Pkcs10ErrorCode.PemMissingEndLine"/>,
    /// <see cref="Pkcs10ErrorCode.PemLabelMismatch"/>, <see cref="Pkcs10ErrorCode.PemInvalidBase64"/>). The message
    /// names the line, column and character offset; <see cref="Pkcs10Exception.Offset"/> holds the offset.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static bool TryDecode(ReadOnlySpan<char> pem, PemLabelFilter label, Span<byte> destination, out int bytesWritten, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        CheckMode(mode);
        PemStatus status = PemReaderCore.Decode(pem, label, mode, destination, out int length);
        return Finish(pem, status, label, destination, length, out bytesWritten);
    }

    /// <summary>Decodes the data of a block found earlier in the same text into <paramref name="destination"/>.</summary>
    /// <param name="pem">The text <paramref name="block"/> was found in.</param>
    /// <param name="block">A block from <c>Find</c>, <c>TryFind</c> or <c>EnumerateBlocks</c> on <paramref name="pem"/>.</param>
    /// <param name="destination">Receives the decoded bytes; <see cref="PemBlock.DecodedDataLength"/> bytes are needed.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when this returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> on success; <see langword="false"/> only if <paramref name="destination"/> is too small.</returns>
    /// <exception cref="Pkcs10Exception">The block's data is not valid base64 (<see cref="Pkcs10ErrorCode.PemInvalidBase64"/>): <paramref name="block"/> was not found in this text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The block's data range lies outside <paramref name="pem"/>.</exception>
    public static bool TryDecode(ReadOnlySpan<char> pem, PemBlock block, Span<byte> destination, out int bytesWritten)
    {
        PemStatus status = PemReaderCore.DecodeBlock(pem, block, destination, write: true, out int length);
        return Finish(pem, status, PemLabelFilter.Any, destination, length, out bytesWritten);
    }

    /// <summary>Finds the first PEM block whose label <paramref name="label"/> accepts and returns its decoded data.</summary>
    /// <param name="pem">The PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>A new array of exactly the decoded length.</returns>
    /// <exception cref="Pkcs10Exception">
    /// The input holds no block (<see cref="Pkcs10ErrorCode.PemNoBlock"/>), none with an accepted label
    /// (<see cref="Pkcs10ErrorCode.PemWrongLabel"/>), or a malformed block before or at the match
    /// (<see cref="Pkcs10ErrorCode.PemInvalidBoundary"/>, <see cref="Pkcs10ErrorCode.PemMissingEndLine"/>,
    /// <see cref="Pkcs10ErrorCode.PemLabelMismatch"/>, <see cref="Pkcs10ErrorCode.PemInvalidBase64"/>). The message
    /// names the line, column and character offset; <see cref="Pkcs10Exception.Offset"/> holds the offset.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static byte[] Decode(ReadOnlySpan<char> pem, PemLabelFilter label = default, PemDecodingMode mode = PemDecodingMode.Lax) =>
        Decode(pem, Find(pem, label, mode));

    /// <summary>Returns the decoded data of a block found earlier in the same text.</summary>
    /// <param name="pem">The text <paramref name="block"/> was found in.</param>
    /// <param name="block">A block from <c>Find</c>, <c>TryFind</c> or <c>EnumerateBlocks</c> on <paramref name="pem"/>.</param>
    /// <returns>A new array of exactly the decoded length.</returns>
    /// <exception cref="Pkcs10Exception">The block's data is not valid base64 (<see cref="Pkcs10ErrorCode.PemInvalidBase64"/>): <paramref name="block"/> was not found in this text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The block's data range lies outside <paramref name="pem"/>.</exception>
    public static byte[] Decode(ReadOnlySpan<char> pem, PemBlock block)
    {
        PemStatus status = PemReaderCore.DecodeBlock(pem, block, default, write: false, out int length);
        if (!status.IsOk)
        {
            PemErrors.Throw(pem, status, PemLabelFilter.Any);
        }

        byte[] result = length == 0 ? [] : new byte[length];
        status = PemReaderCore.DecodeBlock(pem, block, result, write: true, out _);
        Debug.Assert(status.IsOk);
        return result;
    }

    /// <summary>
    /// Finds the first PEM block whose label <paramref name="label"/> accepts and decodes its data into an array
    /// rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which is cleared and returned on dispose.
    /// </summary>
    /// <param name="pem">The PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>The decoded data; dispose it when done.</returns>
    /// <exception cref="Pkcs10Exception">
    /// The input holds no block (<see cref="Pkcs10ErrorCode.PemNoBlock"/>), none with an accepted label
    /// (<see cref="Pkcs10ErrorCode.PemWrongLabel"/>), or a malformed block before or at the match
    /// (<see cref="Pkcs10ErrorCode.PemInvalidBoundary"/>, <see cref="Pkcs10ErrorCode.PemMissingEndLine"/>,
    /// <see cref="Pkcs10ErrorCode.PemLabelMismatch"/>, <see cref="Pkcs10ErrorCode.PemInvalidBase64"/>). The message
    /// names the line, column and character offset; <see cref="Pkcs10Exception.Offset"/> holds the offset.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static PemPooledBuffer DecodePooled(ReadOnlySpan<char> pem, PemLabelFilter label = default, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        PemBlock block = Find(pem, label, mode);
        PemPooledBuffer buffer = new(block.DecodedDataLength);
        PemStatus status = PemReaderCore.DecodeBlock(pem, block, buffer.WritableSpan, write: true, out int length);
        Debug.Assert(status.IsOk && length == block.DecodedDataLength);
        return buffer;
    }

    private static void CheckMode(PemDecodingMode mode)
    {
        if (mode is not (PemDecodingMode.Lax or PemDecodingMode.Strict))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown PEM decoding mode.");
        }
    }

    private static bool Finish<T>(ReadOnlySpan<T> text, PemStatus status, in PemLabelFilter label, Span<byte> destination, int length, out int bytesWritten)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (status.IsOk && length <= destination.Length)
        {
            bytesWritten = length;
            return true;
        }

        // Whatever was written is a prefix of data the caller will not get: do not leave it behind.
        destination.Clear();
        bytesWritten = 0;
        if (!status.IsOk)
        {
            PemErrors.Throw(text, status, label);
        }

        return false;
    }
}
