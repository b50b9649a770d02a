using System.Diagnostics.CodeAnalysis;
using Pkcs10.Pem;

namespace Pkcs10.Certificates;

public sealed partial class CertificateRevocationList
{
    /// <summary>
    /// Decodes a CRL from DER or UTF-8 PEM: input starting with a SEQUENCE tag (0x30) is DER, anything else is read
    /// as PEM text with the label "X509 CRL" (RFC 7468 §6), which may begin with explanatory text.
    /// </summary>
    /// <param name="data">The bytes; DER input is kept without a copy.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The CRL.</returns>
    /// <exception cref="Pkcs10Exception">The input is malformed (PEM or DER).</exception>
    public static CertificateRevocationList Load(ReadOnlyMemory<byte> data, CrlDecoderOptions? options = null) =>
        !data.IsEmpty && data.Span[0] == 0x30 ? Decode(data, options) : DecodePem(data.Span, options);

    /// <summary>Decodes a CRL from DER or UTF-8 PEM without throwing on bad input.</summary>
    /// <param name="data">The bytes; DER input is kept without a copy.</param>
    /// <param name="crl">The CRL on success.</param>
    /// <param name="error">The reason on failure.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryLoad(ReadOnlyMemory<byte> data, [NotNullWhen(true)] out CertificateRevocationList? crl, [NotNullWhen(false)] out Pkcs10Exception? error,
        CrlDecoderOptions? options = null)
    {
        try
        {
            crl = Load(data, options);
            error = null;
            return true;
        }
        catch (Pkcs10Exception e)
        {
            crl = null;
            error = e;
            return false;
        }
    }

    /// <summary>Decodes the first "X509 CRL" block of PEM text (RFC 7468 §6).</summary>
    /// <param name="pem">The text; explanatory text around the block is ignored (RFC 7468 §2).</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The CRL, over a buffer of exactly the DER length.</returns>
    /// <exception cref="Pkcs10Exception">No CRL block, bad base64, or malformed DER.</exception>
    public static CertificateRevocationList DecodePem(ReadOnlySpan<char> pem, CrlDecoderOptions? options = null) =>
        Decode(new ReadOnlyMemory<byte>(PemReader.Decode(pem, PemLabels.X509Crl)), options);

    /// <summary>Decodes the first "X509 CRL" block of UTF-8 PEM text.</summary>
    /// <param name="utf8Pem">The UTF-8 text.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The CRL, over a buffer of exactly the DER length.</returns>
    /// <exception cref="Pkcs10Exception">No CRL block, bad base64, or malformed DER.</exception>
    public static CertificateRevocationList DecodePem(ReadOnlySpan<byte> utf8Pem, CrlDecoderOptions? options = null) =>
        Decode(new ReadOnlyMemory<byte>(PemReader.Decode(utf8Pem, PemLabels.X509Crl)), options);

    /// <summary>The CRL as PEM text (label "X509 CRL", 64-column base64, RFC 7468 §6) over <see cref="RawData"/>.</summary>
    /// <param name="lineEnding">LF (default) or CRLF.</param>
    /// <returns>The text, ending with a line break.</returns>
    public string EncodePem(PemLineEnding lineEnding = PemLineEnding.Lf) =>
        PemWriter.EncodeToString(PemLabels.X509Crl, RawData.Span, lineEnding);
}
