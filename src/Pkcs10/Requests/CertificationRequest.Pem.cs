using System.Diagnostics.CodeAnalysis;
using Pkcs10.Pem;

namespace Pkcs10.Requests;

public sealed partial class CertificationRequest
{
    /// <summary>
    /// Tells DER from PEM: DER starts with a SEQUENCE tag (0x30); anything else is treated as PEM text
    /// (which may begin with explanatory text, RFC 7468 §2).
    /// </summary>
    /// <param name="data">The file contents.</param>
    /// <returns>The detected encoding.</returns>
    public static RequestEncoding DetectEncoding(ReadOnlySpan<byte> data) =>
        !data.IsEmpty && data[0] == 0x30 ? RequestEncoding.Der : RequestEncoding.Pem;

    /// <summary>Decodes a request from DER or UTF-8 PEM, detected from the bytes (<see cref="DetectEncoding"/>).</summary>
    /// <param name="data">The bytes; DER input is kept without a copy.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The request.</returns>
    /// <exception cref="Pkcs10Exception">The input is malformed (PEM or DER).</exception>
    public static CertificationRequest Load(ReadOnlyMemory<byte> data, CertificationRequestDecoderOptions? options = null) =>
        DetectEncoding(data.Span) == RequestEncoding.Der ? Decode(data, options) : DecodePem(data.Span, options);

    /// <summary>Decodes a request from DER or UTF-8 PEM without throwing on bad input.</summary>
    /// <param name="data">The bytes; DER input is kept without a copy.</param>
    /// <param name="request">The request on success.</param>
    /// <param name="error">The reason on failure.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryLoad(ReadOnlyMemory<byte> data, [NotNullWhen(true)] out CertificationRequest? request, [NotNullWhen(false)] out Pkcs10Exception? error,
        CertificationRequestDecoderOptions? options = null)
    {
        try
        {
            request = Load(data, options);
            error = null;
            return true;
        }
        catch (Pkcs10Exception e)
        {
            request = null;
            error = e;
            return false;
        }
    }

    /// <summary>Decodes the first "CERTIFICATE REQUEST" (or "NEW CERTIFICATE REQUEST") block of PEM text.</summary>
    /// <param name="pem">The text; explanatory text around the block is ignored (RFC 7468 §2).</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The request, over a buffer of exactly the DER length.</returns>
    /// <exception cref="Pkcs10Exception">No request block, bad base64, or malformed DER.</exception>
    public static CertificationRequest DecodePem(ReadOnlySpan<char> pem, CertificationRequestDecoderOptions? options = null) =>
        Decode(new ReadOnlyMemory<byte>(PemReader.Decode(pem, PemLabelFilter.CertificateRequest)), options);

    /// <summary>Decodes the first request block of UTF-8 PEM text.</summary>
    /// <param name="utf8Pem">The UTF-8 text.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The request, over a buffer of exactly the DER length.</returns>
    /// <exception cref="Pkcs10Exception">No request block, bad base64, or malformed DER.</exception>
    public static CertificationRequest DecodePem(ReadOnlySpan<byte> utf8Pem, CertificationRequestDecoderOptions? options = null) =>
        Decode(new ReadOnlyMemory<byte>(PemReader.Decode(utf8Pem, PemLabelFilter.CertificateRequest)), options);

    /// <summary>Decodes the first request block of PEM text without throwing on bad input.</summary>
    /// <param name="pem">The text.</param>
    /// <param name="request">The request on success.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryDecodePem(ReadOnlySpan<char> pem, [NotNullWhen(true)] out CertificationRequest? request, CertificationRequestDecoderOptions? options = null)
    {
        try
        {
            request = DecodePem(pem, options);
            return true;
        }
        catch (Pkcs10Exception)
        {
            request = null;
            return false;
        }
    }

    /// <summary>
    /// The request as PEM text (label "CERTIFICATE REQUEST", 64-column base64, RFC 7468 §7) over
    /// <see cref="RawData"/>: the bytes as decoded or built, so a leniently decoded request keeps its signature.
    /// </summary>
    /// <param name="lineEnding">LF (default) or CRLF.</param>
    /// <returns>The text, ending with a line break.</returns>
    public string EncodePem(PemLineEnding lineEnding = PemLineEnding.Lf) =>
        PemWriter.EncodeToString(PemLabels.CertificateRequest, RawData.Span, lineEnding);

    /// <summary>The request as UTF-8 PEM bytes (see <see cref="EncodePem"/>).</summary>
    /// <param name="lineEnding">LF (default) or CRLF.</param>
    /// <returns>The UTF-8 text.</returns>
    public byte[] EncodePemUtf8(PemLineEnding lineEnding = PemLineEnding.Lf) =>
        PemWriter.EncodeToUtf8(PemLabels.CertificateRequest, RawData.Span, lineEnding);

    /// <summary>Writes the PEM text into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="charsWritten">The characters written.</param>
    /// <param name="lineEnding">LF (default) or CRLF.</param>
    /// <returns><see langword="false"/> when the buffer is too small.</returns>
    public bool TryEncodePem(Span<char> destination, out int charsWritten, PemLineEnding lineEnding = PemLineEnding.Lf) =>
        PemWriter.TryEncode(PemLabels.CertificateRequest, RawData.Span, destination, out charsWritten, lineEnding);
}
