using Pkcs10.Pem;

namespace Pkcs10.Tests.Pem;

/// <summary>RFC 7468 §3 Figure 3 (<c>stricttextualmsg</c>) as enforced by <see cref="PemDecodingMode.Strict"/>.</summary>
public class PemReaderStrictTests
{
    private const PemDecodingMode Strict = PemDecodingMode.Strict;

    public static TheoryData<string, int, string> StrictLayouts => new()
    {
        { "LF after every line", 300, "\n" },
        { "CRLF after every line", 300, "\r\n" },
        { "last line exactly 64 characters", 96, "\n" },
        { "last line of 4 characters", 51, "\n" },
        { "one padding character", 49, "\n" },
        { "two padding characters", 50, "\n" },
        { "single byte", 1, "\r\n" },
    };

    [Theory]
    [MemberData(nameof(StrictLayouts))]
    public void Find_StrictLayout_DecodesInBothModes(string why, int length, string eol)
    {
        _ = why;
        byte[] data = PemTestData.Data(length);
        string text = "explanatory text" + eol + PemTestData.Pem(PemLabels.Certificate, data, eol) + "more text" + eol;

        Assert.Equal(data, PemAssert.Decodes(text, PemLabels.Certificate, Strict));
        Assert.Equal(PemAssert.Finds(text), PemAssert.Finds(text, mode: Strict));
    }

    [Fact]
    public void Find_StrictWithoutLineBreakAfterEnd_IsAcceptedAsTheBclWritesIt()
    {
        Assert.Equal(PemTestData.CsrDer, PemAssert.Decodes(PemTestData.CsrPem, PemLabelFilter.CertificateRequest, Strict));
    }

    [Theory]
    [InlineData("space inside a line", "QUJD QUJD", 2, 5, "Whitespace a space (U+0020)")]
    [InlineData("tab at the start of a line", "\tQUJD", 2, 1, "Whitespace a tab (U+0009)")]
    [InlineData("form feed", "QUJD\fQUJD", 2, 5, "Whitespace FF (U+000C)")]
    [InlineData("65-character line", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 2, 65, "longer than 64")]
    [InlineData("short line before the last", "QUJD\nQUJD", 2, 5, "A base64 line of 4 characters")]
    [InlineData("blank line", "\nQUJD", 2, 1, "Empty line")]
    [InlineData("trailing blank line", "QUJD\n", 3, 1, "Empty line")]
    [InlineData("lone CR", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\rQUJD", 2, 65, "A CR that is not followed by LF")]
    [InlineData("non-zero padding bits, one byte", "QR==", 2, 2, "Non-canonical")]
    [InlineData("non-zero padding bits, two bytes", "QUJ=", 2, 3, "Non-canonical")]
    [InlineData("missing padding", "QUJDQQ", 2, 5, "incomplete group of 2")]
    public void Find_StrictBodyViolation_ThrowsInvalidBase64(string why, string body, int line, int column, string message)
    {
        _ = why;
        string text = PemTestData.Request(body.Split('\n'));

        Pkcs10Exception exception = PemAssert.Rejects(text, Pkcs10ErrorCode.PemInvalidBase64, mode: Strict);

        PemAssert.At(exception, line, column);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("indented BEGIN", "  -----BEGIN X-----\nQUJD\n-----END X-----\n", 1, 3)]
    [InlineData("BEGIN after text on its line", "csr: -----BEGIN X-----\nQUJD\n-----END X-----\n", 1, 6)]
    [InlineData("data on the BEGIN line", "-----BEGIN X-----QUJD\n-----END X-----\n", 1, 18)]
    [InlineData("spaces after BEGIN", "-----BEGIN X----- \nQUJD\n-----END X-----\n", 1, 18)]
    [InlineData("lone CR after BEGIN", "-----BEGIN X-----\rQUJD\n-----END X-----\n", 1, 18)]
    [InlineData("END glued to the data", "-----BEGIN X-----\nQUJD-----END X-----\n", 2, 5)]
    [InlineData("indented END", "-----BEGIN X-----\nQUJD\n  -----END X-----\n", 3, 3)]
    [InlineData("text after END", "-----BEGIN X-----\nQUJD\n-----END X----- done\n", 3, 16)]
    public void Find_StrictBoundaryViolation_ThrowsInvalidBoundary(string why, string text, int line, int column)
    {
        _ = why;
        Pkcs10Exception exception = PemAssert.Rejects(text, Pkcs10ErrorCode.PemInvalidBoundary, mode: Strict);

        PemAssert.At(exception, line, column);
        Assert.Contains("strict mode", exception.Message, StringComparison.Ordinal);
        Assert.Equal("ABC"u8.ToArray(), PemAssert.Decodes(text));
    }

    [Fact]
    public void Find_StrictEmptyBody_ThrowsButLaxAccepts()
    {
        const string Text = "-----BEGIN X-----\n-----END X-----\n";

        Pkcs10Exception exception = PemAssert.Rejects(Text, Pkcs10ErrorCode.PemInvalidBase64, mode: Strict);

        PemAssert.At(exception, 2, 1);
        Assert.Contains("no base64 data", exception.Message, StringComparison.Ordinal);
        Assert.Empty(PemAssert.Decodes(Text));
    }

    [Theory]
    [InlineData("space inside a line", "QUJD QUJD")]
    [InlineData("short line before the last", "QUJD\nQUJD")]
    [InlineData("blank line", "\nQUJD")]
    [InlineData("non-zero padding bits", "QUJ=")]
    public void Find_WhatStrictRejectsInTheBody_LaxDecodesAsConvertDoes(string why, string body)
    {
        _ = why;
        string text = PemTestData.Request(body.Split('\n'));

        byte[] decoded = PemAssert.Decodes(text);

        Assert.Equal(Convert.FromBase64String(body), decoded);
    }
}
