using System.Diagnostics;

namespace Pkcs10.Pem;

// The UTF-8 overloads; they share every line of logic with the UTF-16 ones through PemReaderCore.
public static partial class PemReader
{
    /// <summary>
    /// Returns an allocation-free enumerator over every PEM block in <paramref name="utf8Pem"/>, for <c>foreach</c>.
    /// </summary>
    /// <param name="utf8Pem">The UTF-8 PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>The enumerator. Its <c>MoveNext</c> throws <see cref="Pkcs10Exception"/> at a malformed block; <c>TryMoveNext</c> does not.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static Utf8PemBlockEnumerator EnumerateBlocks(ReadOnlySpan<byte> utf8Pem, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        CheckMode(mode);
        return new Utf8PemBlockEnumerator(utf8Pem, mode);
    }

    /// <summary>
    /// Finds the first PEM block, with any label, using the lax rules, like
    /// <see cref="System.Security.Cryptography.PemEncoding.TryFindUtf8"/>. Never throws for malformed input.
    /// </summary>
    /// <param name="utf8Pem">The UTF-8 PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="block">The block found, or <see langword="default"/>.</param>
    /// <returns><see langword="true"/> if a well-formed block was found before any malformed one.</returns>
    public static bool TryFind(ReadOnlySpan<byte> utf8Pem, out PemBlock block) =>
        PemReaderCore.Find(utf8Pem, PemLabelFilter.Any, PemDecodingMode.Lax, out block).IsOk;

    /// <summary>
    /// Finds the first PEM block whose label <paramref name="label"/> accepts. Never throws for malformed input.
    /// </summary>
    /// <param name="utf8Pem">The UTF-8 PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="block">The block found, or <see langword="default"/>.</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>
    /// <see langword="true"/> if a matching, well-formed block was found; <see langword="false"/> if there is none
    /// or a malformed block comes first.
    /// </returns>
    /// <remarks>Blocks with other labels are skipped after checking their boundaries only; their bodies are not decoded.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static bool TryFind(ReadOnlySpan<byte> utf8Pem, PemLabelFilter label, out PemBlock block, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        CheckMode(mode);
        return PemReaderCore.Find(utf8Pem, label, mode, out block).IsOk;
    }

    /// <summary>Finds the first PEM block whose label <paramref name="label"/> accepts.</summary>
    /// <param name="utf8Pem">The UTF-8 PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>The block.</returns>
    /// <remarks>Blocks with other labels are skipped after checking their boundaries only; their bodies are not decoded.</remarks>
    /// <exception cref="Pkcs10Exception">
    /// The input holds no block (<see cref="Pkcs10ErrorCode.PemNoBlock"/>), none with an accepted label
    /// (<see cref="Pkcs10ErrorCode.PemWrongLabel"/>), or a malformed block before or at the match
    /// (<see cref="Pkcs10ErrorCode.PemInvalidBoundary"/>, <see cref="Pkcs10ErrorCode.PemMissingEndLine"/>,
    /// <see cref="Pkcs10ErrorCode.PemLabelMismatch"/>, <see cref="Pkcs10ErrorCode.PemInvalidBase64"/>). The message
    /// names the line, column and byte offset; <see cref="Pkcs10Exception.Offset"/> holds the offset.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static PemBlock Find(ReadOnlySpan<byte> utf8Pem, PemLabelFilter label = default, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        CheckMode(mode);
        PemStatus status = PemReaderCore.Find(utf8Pem, label, mode, out PemBlock block);
        if (!status.IsOk)
        {
            PemErrors.Throw(utf8Pem, status, label);
        }

        return block;
    }

    /// <summary>
    /// Finds the first PEM block whose label <paramref name="label"/> accepts and decodes its data into
    /// <paramref name="destination"/>, in one pass over the text.
    /// </summary>
    /// <param name="utf8Pem">The UTF-8 PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="destination">Receives the decoded (usually DER) bytes.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when this returns <see langword="false"/>.</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>
    /// <see langword="true"/> on success; <see langword="false"/> only if <paramref name="destination"/> is too small
    /// (its contents are then cleared). Use <see cref="Find(ReadOnlySpan{byte}, PemLabelFilter, PemDecodingMode)"/> and
    /// <see cref="PemBlock.DecodedDataLength"/> to learn the size first.
    /// </returns>
    /// <exception cref="Pkcs10Exception">
    /// The input holds no block (<see cref="Pkcs10ErrorCode.PemNoBlock"/>), none with an accepted label
    /// (<see cref="Pkcs10ErrorCode.PemWrongLabel"/>), or a malformed block before or at the match
    /// (<see cref="Pkcs10ErrorCode.PemInvalidBoundary"/>, <see cref="Pkcs10ErrorCode.PemMissingEndLine"/>,
    /// <see cref="Pkcs10ErrorCode.PemLabelMismatch"/>, <see cref="Pkcs10ErrorCode.PemInvalidBase64"/>). The message
    /// names the line, column and byte offset; <see cref="Pkcs10Exception.Offset"/> holds the offset.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static bool TryDecode(ReadOnlySpan<byte> utf8Pem, PemLabelFilter label, Span<byte> destination, out int bytesWritten, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        CheckMode(mode);
        PemStatus status = PemReaderCore.Decode(utf8Pem, label, mode, destination, out int length);
        return Finish(utf8Pem, status, label, destination, length, out bytesWritten);
    }

    /// <summary>Decodes the data of a block found earlier in the same text into <paramref name="destination"/>.</summary>
    /// <param name="utf8Pem">The text <paramref name="block"/> was found in.</param>
    /// <param name="block">A block from <c>Find</c>, <c>TryFind</c> or <c>EnumerateBlocks</c> on <paramref name="utf8Pem"/>.</param>
    /// <param name="destination">Receives the decoded bytes; <see cref="PemBlock.DecodedDataLength"/> bytes are needed.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when this returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> on success; <see langword="false"/> only if <paramref name="destination"/> is too small.</returns>
    /// <exception cref="Pkcs10Exception">The block's data is not valid base64 (<see cref="Pkcs10ErrorCode.PemInvalidBase64"/>): <paramref name="block"/> was not found in this text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The block's data range lies outside <paramref name="utf8Pem"/>.</exception>
    public static bool TryDecode(ReadOnlySpan<byte> utf8Pem, PemBlock block, Span<byte> destination, out int bytesWritten)
    {
        PemStatus status = PemReaderCore.DecodeBlock(utf8Pem, block, destination, write: true, out int length);
        return Finish(utf8Pem, status, PemLabelFilter.Any, destination, length, out bytesWritten);
    }

    /// <summary>Finds the first PEM block whose label <paramref name="label"/> accepts and returns its decoded data.</summary>
    /// <param name="utf8Pem">The UTF-8 PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>A new array of exactly the decoded length.</returns>
    /// <exception cref="Pkcs10Exception">
    /// The input holds no block (<see cref="Pkcs10ErrorCode.PemNoBlock"/>), none with an accepted label
    /// (<see cref="Pkcs10ErrorCode.PemWrongLabel"/>), or a malformed block before or at the match
    /// (<see cref="Pkcs10ErrorCode.PemInvalidBoundary"/>, <see cref="Pkcs10ErrorCode.PemMissingEndLine"/>,
    /// <see cref="Pkcs10ErrorCode.PemLabelMismatch"/>, <see cref="Pkcs10ErrorCode.PemInvalidBase64"/>). The message
    /// names the line, column and byte offset; <see cref="Pkcs10Exception.Offset"/> holds the offset.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> utf8Pem, PemLabelFilter label = default, PemDecodingMode mode = PemDecodingMode.Lax) =>
        Decode(utf8Pem, Find(utf8Pem, label, mode));

    /// <summary>Returns the decoded data of a block found earlier in the same text.</summary>
    /// <param name="utf8Pem">The text <paramref name="block"/> was found in.</param>
    /// <param name="block">A block from <c>Find</c>, <c>TryFind</c> or <c>EnumerateBlocks</c> on <paramref name="utf8Pem"/>.</param>
    /// <returns>A new array of exactly the decoded length.</returns>
    /// <exception cref="Pkcs10Exception">The block's data is not valid base64 (<see cref="Pkcs10ErrorCode.PemInvalidBase64"/>): <paramref name="block"/> was not found in this text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The block's data range lies outside <paramref name="utf8Pem"/>.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> utf8Pem, PemBlock block)
    {
        PemStatus status = PemReaderCore.DecodeBlock(utf8Pem, block, default, write: false, out int length);
        if (!status.IsOk)
        {
            PemErrors.Throw(utf8Pem, status, PemLabelFilter.Any);
        }

        byte[] result = length == 0 ? [] : new byte[length];
        status = PemReaderCore.DecodeBlock(utf8Pem, block, result, write: true, out _);
        Debug.Assert(status.IsOk);
        return result;
    }

    /// <summary>
    /// Finds the first PEM block whose label <paramref name="label"/> accepts and decodes its data into an array
    /// rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which is cleared and returned on dispose.
    /// </summary>
    /// <param name="utf8Pem">The UTF-8 PEM text, possibly with explanatory text around the blocks (RFC 7468 §2).</param>
    /// <param name="label">The labels to accept: a label string (converted implicitly), <see cref="PemLabelFilter.CertificateRequest"/>, or <see cref="PemLabelFilter.Any"/> (the default).</param>
    /// <param name="mode">The grammar to enforce; <see cref="PemDecodingMode.Lax"/> by default.</param>
    /// <returns>The decoded data; dispose it when done.</returns>
    /// <exception cref="Pkcs10Exception">
    /// The input holds no block (<see cref="Pkcs10ErrorCode.PemNoBlock"/>), none with an accepted label
    /// (<see cref="Pkcs10ErrorCode.PemWrongLabel"/>), or a malformed block before or at the match
    /// (<see cref="Pkcs10ErrorCode.PemInvalidBoundary"/>, <see cref="Pkcs10ErrorCode.PemMissingEndLine"/>,
    /// <see cref="Pkcs10ErrorCode.PemLabelMismatch"/>, <see cref="Pkcs10ErrorCode.PemInvalidBase64"/>). The message
    /// names the line, column and byte offset; <see cref="Pkcs10Exception.Offset"/> holds the offset.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static PemPooledBuffer DecodePooled(ReadOnlySpan<byte> utf8Pem, PemLabelFilter label = default, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        PemBlock block = Find(utf8Pem, label, mode);
        PemPooledBuffer buffer = new(block.DecodedDataLength);
        PemStatus status = PemReaderCore.DecodeBlock(utf8Pem, block, buffer.WritableSpan, write: true, out int length);
        Debug.Assert(status.IsOk && length == block.DecodedDataLength);
        return buffer;
    }
}
