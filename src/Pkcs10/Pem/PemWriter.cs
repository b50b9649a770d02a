using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Pkcs10.Pem;

/// <summary>
/// Writes PEM (RFC 7468) as text or UTF-8 bytes: <c>-----BEGIN label-----</c>, the base64 data in lines of
/// 64 characters, <c>-----END label-----</c>, each line ended by the chosen line break.
/// </summary>
/// <remarks>
/// The output follows the strict grammar (RFC 7468 §3, Figure 3), which §3 says new implementations SHOULD
/// emit, including the line break after the END boundary. The one exception is empty data: the strict
/// grammar needs at least one base64 line, so an empty block (BEGIN and END lines only) reads back only in
/// <see cref="PemDecodingMode.Lax"/> mode.
/// </remarks>
public static class PemWriter
{
    private const int PreEncapsulationOverhead = 16;  // "-----BEGIN " + "-----"
    private const int PostEncapsulationOverhead = 14; // "-----END " + "-----"

    /// <summary>Returns the exact length, in characters or UTF-8 bytes, of the PEM this class writes.</summary>
    /// <param name="labelLength">The length of the label.</param>
    /// <param name="dataLength">The length of the data, in bytes.</param>
    /// <param name="lineEnding">The line break to count.</param>
    /// <returns>The encoded length.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="labelLength"/> or <paramref name="dataLength"/> is negative, the encoded length exceeds
    /// <see cref="int.MaxValue"/>, or <paramref name="lineEnding"/> is not a defined value.
    /// </exception>
    public static int GetEncodedLength(int labelLength, int dataLength, PemLineEnding lineEnding = PemLineEnding.Lf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(labelLength);
        ArgumentOutOfRangeException.ThrowIfNegative(dataLength);
        int eol = LineBreakLength(lineEnding);
        long base64 = (dataLength + 2L) / 3 * 4;
        long lines = (base64 + PemSyntax.LineLength - 1) / PemSyntax.LineLength;
        long total = PreEncapsulationOverhead + PostEncapsulationOverhead + (2L * labelLength) + (2L * eol) + base64 + (lines * eol);
        if (total > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(dataLength), "The PEM encoding would be longer than Int32.MaxValue.");
        }

        return (int)total;
    }

    /// <summary>Writes <paramref name="data"/> as a PEM block into <paramref name="destination"/>.</summary>
    /// <param name="label">The label, for example <see cref="PemLabels.CertificateRequest"/>.</param>
    /// <param name="data">The data (usually DER) to encode.</param>
    /// <param name="destination">Receives the PEM text.</param>
    /// <param name="charsWritten">The number of characters written, or 0 when this returns <see langword="false"/>.</param>
    /// <param name="lineEnding">The line break to write.</param>
    /// <returns><see langword="true"/> on success; <see langword="false"/> if <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not a valid RFC 7468 label.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The encoding would be too long, or <paramref name="lineEnding"/> is not a defined value.</exception>
    public static bool TryEncode(ReadOnlySpan<char> label, ReadOnlySpan<byte> data, Span<char> destination, out int charsWritten, PemLineEnding lineEnding = PemLineEnding.Lf) =>
        TryEncodeCore(label, data, destination, lineEnding, out charsWritten);

    /// <summary>Writes <paramref name="data"/> as a PEM block, in UTF-8, into <paramref name="destination"/>.</summary>
    /// <param name="label">The label, for example <see cref="PemLabels.CertificateRequest"/>.</param>
    /// <param name="data">The data (usually DER) to encode.</param>
    /// <param name="destination">Receives the UTF-8 PEM text.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when this returns <see langword="false"/>.</param>
    /// <param name="lineEnding">The line break to write.</param>
    /// <returns><see langword="true"/> on success; <see langword="false"/> if <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not a valid RFC 7468 label.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The encoding would be too long, or <paramref name="lineEnding"/> is not a defined value.</exception>
    public static bool TryEncodeUtf8(ReadOnlySpan<char> label, ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten, PemLineEnding lineEnding = PemLineEnding.Lf) =>
        TryEncodeCore(label, data, destination, lineEnding, out bytesWritten);

    /// <summary>Returns <paramref name="data"/> as a PEM block in a new string.</summary>
    /// <param name="label">The label, for example <see cref="PemLabels.CertificateRequest"/>.</param>
    /// <param name="data">The data (usually DER) to encode.</param>
    /// <param name="lineEnding">The line break to write.</param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not a valid RFC 7468 label.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The encoding would be too long, or <paramref name="lineEnding"/> is not a defined value.</exception>
    public static string EncodeToString(ReadOnlySpan<char> label, ReadOnlySpan<byte> data, PemLineEnding lineEnding = PemLineEnding.Lf)
    {
        int length = Measure(label, data.Length, lineEnding);
        return string.Create(length, new EncodeState(label, data, lineEnding), static (destination, state) =>
        {
            int written = Write(state.Label, state.Data, destination, state.LineEnding);
            Debug.Assert(written == destination.Length);
        });
    }

    /// <summary>Returns <paramref name="data"/> as a PEM block in a new array of UTF-8 bytes.</summary>
    /// <param name="label">The label, for example <see cref="PemLabels.CertificateRequest"/>.</param>
    /// <param name="data">The data (usually DER) to encode.</param>
    /// <param name="lineEnding">The line break to write.</param>
    /// <returns>The UTF-8 PEM text, exactly sized.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not a valid RFC 7468 label.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The encoding would be too long, or <paramref name="lineEnding"/> is not a defined value.</exception>
    public static byte[] EncodeToUtf8(ReadOnlySpan<char> label, ReadOnlySpan<byte> data, PemLineEnding lineEnding = PemLineEnding.Lf)
    {
        byte[] result = new byte[Measure(label, data.Length, lineEnding)];
        int written = Write(label, data, result.AsSpan(), lineEnding);
        Debug.Assert(written == result.Length);
        return result;
    }

    private static bool TryEncodeCore<T>(ReadOnlySpan<char> label, ReadOnlySpan<byte> data, Span<T> destination, PemLineEnding lineEnding, out int written)
        where T : unmanaged, IBinaryInteger<T>
    {
        int length = Measure(label, data.Length, lineEnding);
        if (destination.Length < length)
        {
            written = 0;
            return false;
        }

        written = Write(label, data, destination, lineEnding);
        Debug.Assert(written == length);
        return true;
    }

    private static int Measure(ReadOnlySpan<char> label, int dataLength, PemLineEnding lineEnding)
    {
        if (!PemLabels.IsValid(label))
        {
            throw new ArgumentException("The label is not a valid RFC 7468 label (printable ASCII; single spaces or hyphens only between other characters).", nameof(label));
        }

        return GetEncodedLength(label.Length, dataLength, lineEnding);
    }

    private static int LineBreakLength(PemLineEnding lineEnding) => lineEnding switch
    {
        PemLineEnding.Lf => 1,
        PemLineEnding.CrLf => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(lineEnding), lineEnding, "Unknown line ending."),
    };

    private static int Write<T>(ReadOnlySpan<char> label, ReadOnlySpan<byte> data, Span<T> destination, PemLineEnding lineEnding)
        where T : unmanaged, IBinaryInteger<T>
    {
        ReadOnlySpan<T> eol = lineEnding == PemLineEnding.CrLf
            ? PemSyntax.Literal<T>("\r\n"u8, "\r\n")
            : PemSyntax.Literal<T>("\n"u8, "\n");
        int position = 0;
        Append(destination, ref position, PemSyntax.Literal<T>("-----BEGIN "u8, "-----BEGIN "));
        AppendLabel(destination, ref position, label);
        Append(destination, ref position, PemSyntax.Dashes<T>());
        Append(destination, ref position, eol);

        while (!data.IsEmpty)
        {
            ReadOnlySpan<byte> chunk = data[..Math.Min(data.Length, PemSyntax.LineBytes)];
            position += EncodeLine(chunk, destination[position..]);
            Append(destination, ref position, eol);
            data = data[chunk.Length..];
        }

        Append(destination, ref position, PemSyntax.Literal<T>("-----END "u8, "-----END "));
        AppendLabel(destination, ref position, label);
        Append(destination, ref position, PemSyntax.Dashes<T>());
        Append(destination, ref position, eol);
        return position;
    }

    private static void Append<T>(Span<T> destination, ref int position, ReadOnlySpan<T> value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value.CopyTo(destination[position..]);
        position += value.Length;
    }

    private static void AppendLabel<T>(Span<T> destination, ref int position, ReadOnlySpan<char> label)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (typeof(T) == typeof(byte))
        {
            // The label was checked to be printable ASCII, so this cannot fail.
            OperationStatus status = Ascii.FromUtf16(label, MemoryMarshal.Cast<T, byte>(destination[position..]), out _);
            Debug.Assert(status == OperationStatus.Done);
        }
        else
        {
            label.CopyTo(MemoryMarshal.Cast<T, char>(destination[position..]));
        }

        position += label.Length;
    }

    private static int EncodeLine<T>(ReadOnlySpan<byte> chunk, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        int written;
        if (typeof(T) == typeof(byte))
        {
            OperationStatus status = Base64.EncodeToUtf8(chunk, MemoryMarshal.Cast<T, byte>(destination), out _, out written);
            Debug.Assert(status == OperationStatus.Done);
        }
        else
        {
            bool done = Convert.TryToBase64Chars(chunk, MemoryMarshal.Cast<T, char>(destination), out written);
            Debug.Assert(done);
        }

        return written;
    }

    private readonly ref struct EncodeState
    {
        internal EncodeState(ReadOnlySpan<char> label, ReadOnlySpan<byte> data, PemLineEnding lineEnding)
        {
            Label = label;
            Data = data;
            LineEnding = lineEnding;
        }

        internal ReadOnlySpan<char> Label { get; }

        internal ReadOnlySpan<byte> Data { get; }

        internal PemLineEnding LineEnding { get; }
    }
}
