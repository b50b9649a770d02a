using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Pkcs10.Pem;

namespace Pkcs10.Tests.Pem;

/// <summary>A PEM document valid for both <see cref="PemReader"/> (lax) and <see cref="PemEncoding"/>, and what it encodes.</summary>
public sealed record PemDocument(string Text, string Label, byte[] Data)
{
    public override string ToString() => Text;
}

/// <summary>Text that looks like PEM: boundary fragments, base64, padding, whitespace and stray characters.</summary>
public sealed record PemNoise(string Text)
{
    public override string ToString() => Text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>FsCheck generators for the PEM properties.</summary>
public static class PemArbitraries
{
    private static readonly string[] s_labels =
        [PemLabels.CertificateRequest, PemLabels.NewCertificateRequest, PemLabels.Certificate, PemLabels.PrivateKey, "X509 CRL", "A", "ab-cd ef"];

    private static readonly string[] s_words = ["Certificate", "Request:", "Data:", "Subject:", "CN", "=", "example", "30:45:02", "key", "(256 bit)", "é", "--"];

    private static readonly string[] s_tokens =
    [
        "-----BEGIN ", "-----END ", "-----", "-----BEGIN CERTIFICATE REQUEST-----", "-----END CERTIFICATE REQUEST-----",
        "CERTIFICATE", " REQUEST", "\n", "\r\n", "\r", " ", "\t", "\v", "=", "==", "QUJD", "MIIB", "QR==", "A", "-", "é", "\0", "+/", "\uD800",
    ];

    public static Arbitrary<PemDocument> Documents() => Arb.From(
        from data in Gen.Choose(0, 400).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))
        from label in Gen.Elements(s_labels)
        from eol in Gen.Elements("\n", "\r\n")
        from width in Gen.Elements(64, 64, 76, 4, 1, 1000)
        from indent in Gen.Elements(string.Empty, string.Empty, "  ", "\t")
        from padLines in Gen.Elements(string.Empty, string.Empty, " ", "\t ")
        from before in Gen.ListOf(Gen.Elements(s_words), 6)
        from after in Gen.ListOf(Gen.Elements(s_words), 6)
        select BuildDocument(data, label, eol, width, indent, padLines, before, after));

    public static Arbitrary<PemNoise> Noise() => Arb.From(
        Gen.OneOf(
            Gen.ListOf(Gen.Elements(s_tokens)).Select(tokens => new PemNoise(string.Concat(tokens))),
            Gen.ArrayOf(Gen.Choose(0, 0x7F).Select(c => (char)c)).Select(chars => new PemNoise(new string(chars))),
            Mutated()));

    // A valid document with a few characters replaced, inserted or deleted.
    private static Gen<PemNoise> Mutated()
    {
        Gen<(int Kind, int Position, string Token)> edit =
            from kind in Gen.Choose(0, 2)
            from position in Gen.Choose(0, 1_000_000)
            from token in Gen.Elements(s_tokens)
            select (kind, position, token);
        return
            from document in Documents().Generator
            from count in Gen.Choose(1, 4)
            from edits in Gen.ListOf(edit, count)
            select new PemNoise(edits.Aggregate(document.Text, (text, e) => Mutate(text, e.Kind, e.Position, e.Token)));
    }

    private static string Mutate(string text, int kind, int position, string token)
    {
        int at = text.Length == 0 ? 0 : position % text.Length;
        return kind switch
        {
            0 when text.Length > 0 => text.Remove(at, 1).Insert(at, token[..1]),
            1 => text.Insert(at, token),
            _ when text.Length > 0 => text.Remove(at, 1),
            _ => token,
        };
    }

    private static PemDocument BuildDocument(byte[] data, string label, string eol, int width, string indent, string padLines, IEnumerable<string> before, IEnumerable<string> after)
    {
        string base64 = Convert.ToBase64String(data);
        StringBuilder builder = new();
        builder.Append(string.Join(' ', before)).Append(eol);
        builder.Append(indent).Append("-----BEGIN ").Append(label).Append("-----").Append(eol);
        for (int i = 0; i < base64.Length; i += width)
        {
            builder.Append(indent).Append(base64, i, Math.Min(width, base64.Length - i)).Append(padLines).Append(eol);
        }

        builder.Append(indent).Append("-----END ").Append(label).Append("-----").Append(eol);
        builder.Append(string.Join(' ', after)).Append(eol);
        return new PemDocument(builder.ToString(), label, data);
    }
}
