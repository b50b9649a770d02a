using System.Diagnostics.CodeAnalysis;
using Pkcs10.Pem;

namespace Pkcs10.Certificates;

public sealed partial class Certificate
{
    /// <summary>
    /// Decodes a certificate from DER or UTF-8 PEM: input starting with a SEQUENCE tag (0x30) is DER, anything else
    /// is read as PEM text (which may begin with explanatory text, RFC 7468 §2).
    /// </summary>
    /// <param name="data">The bytes; DER input is kept without a copy.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="Pkcs10Exception">The input is malformed (PEM or DER).</exception>
    public static Certificate Load(ReadOnlyMemory<byte> data, CertificateDecoderOptions? options = null) =>
        !data.IsEmpty && data.Span[0] == 0x30 ? Decode(data, options) : DecodePem(data.Span, options);

    /// <summary>Decodes a certificate from DER or UTF-8 PEM without throwing on bad input.</summary>
    /// <param name="data">The bytes; DER input is kept without a copy.</param>
    /// <param name="certificate">The certificate on success.</param>
    /// <param name="error">The reason on failure.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryLoad(ReadOnlyMemory<byte> data, [NotNullWhen(true)] out Certificate? certificate, [NotNullWhen(false)] out Pkcs10Exception? error,
        CertificateDecoderOptions? options = null)
    {
        try
        {
            certificate = Load(data, options);
            error = null;
            return true;
        }
        catch (Pkcs10Exception e)
        {
            certificate = null;
            error = e;
            return false;
        }
    }

    /// <summary>Decodes the first "CERTIFICATE" block of PEM text (RFC 7468 §5).</summary>
    /// <param name="pem">The text; explanatory text around the block is ignored (RFC 7468 §2).</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The certificate, over a buffer of exactly the DER length.</returns>
    /// <exception cref="Pkcs10Exception">No certificate block, bad base64, or malformed DER.</exception>
    public static Certificate DecodePem(ReadOnlySpan<char> pem, CertificateDecoderOptions? options = null) =>
        Decode(new ReadOnlyMemory<byte>(PemReader.Decode(pem, PemLabels.Certificate)), options);

    /// <summary>Decodes the first "CERTIFICATE" block of UTF-8 PEM text.</summary>
    /// <param name="utf8Pem">The UTF-8 text.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The certificate, over a buffer of exactly the DER length.</returns>
    /// <exception cref="Pkcs10Exception">No certificate block, bad base64, or malformed DER.</exception>
    public static Certificate DecodePem(ReadOnlySpan<byte> utf8Pem, CertificateDecoderOptions? options = null) =>
        Decode(new ReadOnlyMemory<byte>(PemReader.Decode(utf8Pem, PemLabels.Certificate)), options);

    /// <summary>The certificate as PEM text (label "CERTIFICATE", 64-column base64, RFC 7468 §5) over <see cref="RawData"/>.</summary>
    /// <param name="lineEnding">LF (default) or CRLF.</param>
    /// <returns>The text, ending with a line break.</returns>
    public string EncodePem(PemLineEnding lineEnding = PemLineEnding.Lf) =>
        PemWriter.EncodeToString(PemLabels.Certificate, RawData.Span, lineEnding);
}
