using System.Security.Cryptography;
using System.Text;
using Pkcs10.Pem;

namespace Pkcs10.Tests.Pem;

/// <summary>
/// Compares <see cref="PemReader"/> with <see cref="PemEncoding"/> on inputs both accept: same label, base64
/// data and location ranges, same decoded length, and the bytes <see cref="Convert.FromBase64String(string)"/>
/// gives for that range.
/// </summary>
/// <remarks>
/// Known divergences, all on input outside RFC 7468's lax grammar or where we report an error, so these
/// tests avoid them: PemEncoding (.NET 10) rejects non-zero padding bits, which lax mode accepts as
/// <see cref="Convert.FromBase64String(string)"/> does; PemEncoding treats only space, tab, CR and LF as
/// whitespace (RFC 7468 W adds VT and FF);
/// it accepts one non-whitespace character right after the END boundary at the very end of the input; it
/// skips a malformed block (bad base64, wrong END label, no END line, <c>-----BEGIN</c> without the space)
/// and returns a later one, where we report the malformed block.
/// </remarks>
public class PemReaderDifferentialTests
{
    public static TheoryData<string, string> Inputs
    {
        get
        {
            byte[] data = PemTestData.Data(700);
            return new TheoryData<string, string>
            {
                { "BCL layout", PemTestData.CsrPem },
                { "text before and after", PemTestData.OpenSslTextDump + "\n" + PemTestData.CsrPem + "\nnotes\n" },
                { "CRLF", PemTestData.Pem(PemLabels.Certificate, data, "\r\n") },
                { "76-column lines", PemTestData.Pem(PemLabels.Certificate, data, width: 76) },
                { "one line", PemTestData.Pem(PemLabels.Certificate, data, width: 10_000) },
                { "indented", "  -----BEGIN A B-----\n  QUJD\n  QUJD\n\t-----END A B-----\t\n" },
                { "tabs and spaces in lines", "-----BEGIN X-----\n QU JD\tQU\tJD \n-----END X-----" },
                { "data on the BEGIN line", "-----BEGIN X-----QUJD\n-----END X-----" },
                { "padding split", "-----BEGIN X-----\nQQ=\n=\n-----END X-----\n" },
                { "empty body", "-----BEGIN X-----\n-----END X-----\n" },
                { "whitespace body", "-----BEGIN X-----\n  \n\n-----END X-----\n" },
                { "empty label", "-----BEGIN -----\nQUJD\n-----END -----\n" },
                { "BEGIN glued to a word, then a block", "see x-----BEGIN X-----\n-----BEGIN Y-----\nQUJD\n-----END Y-----\n-----BEGIN Z-----\n-----END Z-----\n" },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TryFind_ValidInput_MatchesPemEncoding(string why, string text)
    {
        _ = why;
        AssertSameAsBcl(text);
    }

    [FsCheck.Xunit.Property(Arbitrary = [typeof(PemArbitraries)], MaxTest = 300)]
    public void TryFind_GeneratedDocuments_MatchPemEncoding(PemDocument document)
    {
        AssertSameAsBcl(document.Text);
        Assert.Equal(document.Data, PemReader.Decode(document.Text, document.Label));
    }

    internal static void AssertSameAsBcl(string text)
    {
        Assert.True(PemEncoding.TryFind(text, out PemFields expected));
        Assert.True(PemReader.TryFind(text, out PemBlock actual));
        Assert.Equal(expected.Location, actual.Location);
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.Base64Data, actual.Base64Data);
        Assert.Equal(expected.DecodedDataLength, actual.DecodedDataLength);
        Assert.Equal(Convert.FromBase64String(text[expected.Base64Data]), PemReader.Decode(text, actual));

        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Assert.True(PemEncoding.TryFindUtf8(utf8, out PemFields expectedUtf8));
        Assert.True(PemReader.TryFind(utf8, out PemBlock actualUtf8));
        Assert.Equal(expectedUtf8.Location, actualUtf8.Location);
        Assert.Equal(expectedUtf8.Label, actualUtf8.Label);
        Assert.Equal(expectedUtf8.Base64Data, actualUtf8.Base64Data);
        Assert.Equal(expectedUtf8.DecodedDataLength, actualUtf8.DecodedDataLength);
    }
}
