using Pkcs10.Pem;

namespace Pkcs10.Certificates;

public sealed partial class Certificate
{
    /// <summary>
    /// Decodes every certificate in <paramref name="data"/>: one DER certificate, or a PEM bundle of any number of
    /// "CERTIFICATE" blocks (other labels, such as keys or CRLs, are skipped; text between blocks is ignored).
    /// </summary>
    /// <param name="data">DER, or UTF-8/ASCII PEM text.</param>
    /// <param name="options">Decoding options, applied to each certificate.</param>
    /// <returns>The certificates in file order; empty when a PEM input holds no certificate block.</returns>
    /// <exception cref="Pkcs10Exception">A block, or the DER, is malformed.</exception>
    public static IReadOnlyList<Certificate> LoadAll(ReadOnlyMemory<byte> data, CertificateDecoderOptions? options = null)
    {
        if (!data.IsEmpty && data.Span[0] == 0x30)
        {
            return [Decode(data, options)];
        }

        string text = System.Text.Encoding.UTF8.GetString(data.Span);
        var result = new List<Certificate>();
        foreach (PemBlock block in PemReader.EnumerateBlocks(text))
        {
            if (!text.AsSpan()[block.Label].SequenceEqual(PemLabels.Certificate))
            {
                continue;
            }

            result.Add(Decode(PemReader.Decode(text, block), options));
        }

        return result;
    }
}
