using System.Text;
using Pkcs10.Pem;

namespace Pkcs10.Tests.Pem;

public class PemReaderTests
{
    private const string Req = "CERTIFICATE REQUEST";

    [Fact]
    public void Find_BlockAfterOpenSslTextDumpAndBeforeNotes_DecodesTheRequest()
    {
        string text = PemTestData.OpenSslTextDump + "\n" + PemTestData.CsrPem + "\n\nGenerated with openssl 3.0 -- do not edit.\n";

        PemBlock block = PemAssert.Finds(text, PemLabelFilter.CertificateRequest);

        int dumpLines = PemTestData.OpenSslTextDump.Split('\n').Length;
        Assert.Equal(dumpLines + 1, block.Line);
        Assert.Equal(1, block.Column);
        Assert.Equal(text.IndexOf("-----BEGIN", StringComparison.Ordinal), block.Offset);
        Assert.Equal(Req, text[block.Label]);
        Assert.EndsWith("-----END CERTIFICATE REQUEST-----", text[block.Location], StringComparison.Ordinal);
        Assert.Equal(PemTestData.CsrDer.Length, block.DecodedDataLength);
        Assert.Equal(PemTestData.CsrDer, PemAssert.Decodes(text, PemLabelFilter.CertificateRequest));
        Assert.Equal(PemTestData.CsrDer, PemAssert.Decodes(text, PemLabelFilter.CertificateRequest, PemDecodingMode.Strict));
    }

    [Fact]
    public void EnumerateBlocks_BundleWithTextBetweenBlocks_YieldsEveryBlockWithItsPosition()
    {
        byte[] certificate = PemTestData.Data(500, seed: 2);
        byte[] key = PemTestData.Data(121, seed: 3);
        string text =
            "Bundle for host A\n\n"
            + PemTestData.Pem(PemLabels.Certificate, certificate)
            + "and its request:\n"
            + PemTestData.CsrPem
            + "\n# key follows\n  "
            + PemTestData.Pem(PemLabels.PrivateKey, key)
            + "end of bundle\n";
        byte[] utf8 = PemTestData.Utf8(text);

        List<(string Label, int Line, int Column, byte[] Data)> fromChars = [];
        foreach (PemBlock block in PemReader.EnumerateBlocks(text))
        {
            fromChars.Add((text[block.Label], block.Line, block.Column, PemReader.Decode(text, block)));
        }

        List<PemBlock> fromBytes = [];
        foreach (PemBlock block in PemReader.EnumerateBlocks(utf8))
        {
            fromBytes.Add(block);
        }

        Assert.Equal(new[] { PemLabels.Certificate, Req, PemLabels.PrivateKey }, fromChars.Select(b => b.Label));
        Assert.Equal(new[] { certificate, PemTestData.CsrDer, key }, fromChars.Select(b => b.Data));
        Assert.Equal(new[] { 3, LineOf(text, "-----BEGIN CERTIFICATE REQUEST"), LineOf(text, "-----BEGIN PRIVATE") }, fromChars.Select(b => b.Line));
        Assert.Equal(new[] { 1, 1, 3 }, fromChars.Select(b => b.Column));
        Assert.Equal(3, fromBytes.Count);
        Assert.Equal(fromChars.Select(b => b.Line), fromBytes.Select(b => b.Line));
        Assert.Equal(fromChars.Select(b => b.Data), fromBytes.Select(b => PemReader.Decode(utf8, b)));
    }

    [Fact]
    public void EnumerateBlocks_CrLfBundle_SameLinesAsLf()
    {
        string lf = "intro\n" + PemTestData.Pem("A", PemTestData.Data(100)) + "\nmiddle\n\n" + PemTestData.Pem("B", PemTestData.Data(10)) + "\r\r" + PemTestData.Pem("C", []);
        string crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(Lines(lf), Lines(crlf));
        Assert.Equal(new[] { 2, 10, 15 }, Lines(lf)); // A: BEGIN, 3 base64 lines, END; blank, middle, blank; B: 3 lines; two lone CRs

        static List<int> Lines(string text)
        {
            List<int> lines = [];
            foreach (PemBlock block in PemReader.EnumerateBlocks(PemTestData.Utf8(text)))
            {
                lines.Add(block.Line);
            }

            return lines;
        }
    }

    [Fact]
    public void EnumerateBlocks_ManyBlocksOnOneHugeLine_StaysLinear()
    {
        const int Count = 20_000;
        string text = string.Concat(Enumerable.Repeat("-----BEGIN A-----QUJD-----END A----- ", Count));

        int found = 0;
        foreach (PemBlock block in PemReader.EnumerateBlocks(text))
        {
            Assert.Equal(1, block.Line);
            found++;
        }

        Assert.Equal(Count, found);
        Assert.Equal(Count, PemReader.Find(text + "-----BEGIN B-----QUJD-----END B-----", "B").Column / 37);
    }

    [Fact]
    public void Find_WithLabelFilter_SkipsBlocksWithOtherLabels()
    {
        string text = PemTestData.Pem(PemLabels.Certificate, PemTestData.Data(40)) + PemTestData.CsrPem + "\n" + PemTestData.Pem(PemLabels.PublicKey, PemTestData.Data(91));

        Assert.Equal(PemLabels.Certificate, text[PemAssert.Finds(text).Label]);
        Assert.Equal(Req, text[PemAssert.Finds(text, PemLabelFilter.CertificateRequest).Label]);
        Assert.Equal(PemTestData.Data(91), PemAssert.Decodes(text, PemLabels.PublicKey));
    }

    [Fact]
    public void Find_LabelFilter_SkipsBlocksItCannotDecode()
    {
        // An RFC 1421 encrypted key with headers is not RFC 7468 PEM; asking for the request still works.
        string text =
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,0123456789ABCDEF\n\nQUJD\n-----END RSA PRIVATE KEY-----\n"
            + PemTestData.CsrPem;

        Assert.Equal(PemTestData.CsrDer, PemAssert.Decodes(text, PemLabelFilter.CertificateRequest));
        PemAssert.Rejects(text, Pkcs10ErrorCode.PemInvalidBase64);
    }

    [Fact]
    public void Find_LegacyNewCertificateRequestLabel_AcceptedAsARequest()
    {
        string text = PemTestData.Pem(PemLabels.NewCertificateRequest, PemTestData.CsrDer);

        PemBlock block = PemAssert.Finds(text, PemLabelFilter.CertificateRequest);

        Assert.Equal("NEW CERTIFICATE REQUEST", text[block.Label]);
        Assert.True(PemLabels.IsCertificateRequest(text[block.Label]));
        Assert.Equal(PemTestData.CsrDer, PemAssert.Decodes(text, PemLabelFilter.CertificateRequest));
        PemAssert.Rejects(text, Pkcs10ErrorCode.PemWrongLabel, PemLabels.CertificateRequest);
    }

    [Fact]
    public void Find_CertificateWhenRequestWanted_ThrowsWrongLabelNamingBoth()
    {
        string text = "issued:\n" + PemTestData.Pem(PemLabels.Certificate, PemTestData.Data(30)) + PemTestData.Pem(PemLabels.PrivateKey, PemTestData.Data(30));

        Pkcs10Exception exception = PemAssert.Rejects(text, Pkcs10ErrorCode.PemWrongLabel, PemLabelFilter.CertificateRequest);

        PemAssert.At(exception, 2, 1);
        Assert.Equal(8, exception.Offset);
        Assert.Contains("found \"CERTIFICATE\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"CERTIFICATE REQUEST\" or \"NEW CERTIFICATE REQUEST\"", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LF, BCL layout", "\n")]
    [InlineData("CRLF", "\r\n")]
    public void Find_LineEndings_DecodeInBothModes(string why, string eol)
    {
        _ = why;
        string text = "header" + eol + PemTestData.Pem(Req, PemTestData.CsrDer, eol) + "trailer" + eol;

        Assert.Equal(PemTestData.CsrDer, PemAssert.Decodes(text, Req));
        Assert.Equal(PemTestData.CsrDer, PemAssert.Decodes(text, Req, PemDecodingMode.Strict));
        Assert.Equal(2, PemAssert.Finds(text).Line);
    }

    [Theory]
    [InlineData("spaces and tabs inside lines", "QUJD QU\tJD\n  QUJD\n")]
    [InlineData("VT and FF (RFC 7468 W)", "QUJD\vQUJD\fQUJD\n")]
    [InlineData("irregular line lengths", "QU\nJDQUJ\nDQUJD\n")]
    [InlineData("blank lines and trailing spaces", "\n\nQUJDQUJD   \n\n QUJD\n\n")]
    [InlineData("lone CR line breaks", "QUJD\rQUJD\rQUJD\r")]
    [InlineData("one long line", "QUJDQUJDQUJD\n")]
    public void Find_LaxWhitespace_DecodesAsConvertDoes(string why, string body)
    {
        _ = why;
        string text = "-----BEGIN CERTIFICATE REQUEST-----\n" + body + "-----END CERTIFICATE REQUEST-----\n";

        Assert.Equal("ABCABCABC"u8.ToArray(), PemAssert.Decodes(text));
    }

    [Theory]
    [InlineData("data on the BEGIN line", "-----BEGIN X-----QUJD\n-----END X-----", "ABC")]
    [InlineData("everything on one line", "-----BEGIN X-----QUJD-----END X-----", "ABC")]
    [InlineData("indented boundaries", "   -----BEGIN X-----\n   QUJD\n\t-----END X-----   \n", "ABC")]
    [InlineData("padding split by whitespace", "-----BEGIN X-----\nQQ=\n =\n-----END X-----", "A")]
    [InlineData("non-zero padding bits (ignored in lax mode)", "-----BEGIN X-----\nQR==\n-----END X-----", "A")]
    [InlineData("empty body", "-----BEGIN X-----\n-----END X-----", "")]
    [InlineData("empty label", "-----BEGIN -----\nQUJD\n-----END -----", "ABC")]
    public void Find_LaxForms_Decode(string why, string text, string expected)
    {
        _ = why;
        PemBlock block = PemAssert.Finds(text);

        Assert.Equal(Encoding.ASCII.GetBytes(expected), PemAssert.Decodes(text));
        Assert.Equal(Convert.FromBase64String(text[block.Base64Data]), PemReader.Decode(text, block));
    }

    [Fact]
    public void Find_EmptyBody_DataRangeIsEmptyAtEndBoundary()
    {
        const string Text = "-----BEGIN X-----\n\n-----END X-----";

        PemBlock block = PemAssert.Finds(Text);

        Assert.Equal(0, block.DecodedDataLength);
        Assert.Equal(Text.IndexOf("-----END", StringComparison.Ordinal), block.Base64Data.Start.Value);
        Assert.Equal(block.Base64Data.Start, block.Base64Data.End);
    }

    [Fact]
    public void Find_BeginGluedToAWord_IsExplanatoryText()
    {
        PemAssert.Rejects("see x-----BEGIN X-----\nQUJD\n-----END X-----\n", Pkcs10ErrorCode.PemNoBlock);

        const string Text = "see x-----BEGIN X-----\n-----BEGIN Y-----\nQUJD\n-----END Y-----\n";
        Assert.Equal("Y", Text[PemAssert.Finds(Text).Label]);
    }

    [Theory]
    [InlineData("empty input", "")]
    [InlineData("text only", "Certificate Request:\n    Data: ...\n")]
    [InlineData("END only", "-----END CERTIFICATE-----\n")]
    public void Find_NoBlock_ThrowsPemNoBlockWithoutOffset(string why, string text)
    {
        _ = why;
        Pkcs10Exception exception = PemAssert.Rejects(text, Pkcs10ErrorCode.PemNoBlock);

        Assert.Null(exception.Offset);
        Assert.Contains("No PEM block", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a character outside the alphabet", "QUJD\nQU!D", 3, 3, "'!' (U+0021)")]
    [InlineData("a lone hyphen", "QU-D", 2, 3, "'-' (U+002D)")]
    [InlineData("a non-ASCII letter", "QUJD\u00e9", 2, 5, "(U+00E9)")]
    [InlineData("a NUL", "QU\0D", 2, 3, "(U+0000)")]
    public void Find_InvalidBase64Character_ThrowsNamingCharacterAndPosition(string why, string body, int line, int column, string described)
    {
        _ = why;
        string text = PemTestData.Request(body.Split('\n'));

        Pkcs10Exception exception = PemAssert.Rejects(text, Pkcs10ErrorCode.PemInvalidBase64);

        PemAssert.At(exception, line, column);
        Assert.Contains("Invalid base64 character", exception.Message, StringComparison.Ordinal);
        Assert.Contains(described, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data after padding", "QQ==QUJD", 2, 5, "follows the padding")]
    [InlineData("padding after one character", "Q===", 2, 2, "Misplaced base64 padding")]
    [InlineData("padding first", "====", 2, 1, "Misplaced base64 padding")]
    [InlineData("three padding characters", "QQ===", 2, 5, "Too much base64 padding")]
    [InlineData("padding after a full group", "QUJD=", 2, 5, "Misplaced base64 padding")]
    [InlineData("one padding character where two are needed", "QQ=", 2, 1, "needs 2 padding characters but has 1")]
    [InlineData("incomplete final group", "QUJDQQ", 2, 5, "incomplete group of 2")]
    [InlineData("single trailing character", "QUJD\nQUJDQ", 3, 5, "incomplete group of 1")]
    public void Find_BadPadding_ThrowsInvalidBase64AtTheGroup(string why, string body, int line, int column, string message)
    {
        _ = why;
        string text = PemTestData.Request(body.Split('\n'));

        Pkcs10Exception exception = PemAssert.Rejects(text, Pkcs10ErrorCode.PemInvalidBase64);

        PemAssert.At(exception, line, column);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no space after BEGIN", "-----BEGINCERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n", 1, 11)]
    [InlineData("BEGIN line without closing dashes", "-----BEGIN CERTIFICATE\nQUJD\n-----END CERTIFICATE-----\n", 1, 1)]
    [InlineData("double hyphen in label", "-----BEGIN CERT--X-----\nQUJD\n-----END CERT--X-----\n", 1, 17)]
    [InlineData("label ending in a space", "-----BEGIN CERTIFICATE -----\nQUJD\n-----END CERTIFICATE -----\n", 1, 23)]
    [InlineData("tab in label", "-----BEGIN A\tB-----\nQUJD\n-----END A\tB-----\n", 1, 13)]
    [InlineData("text glued after END", "-----BEGIN X-----\nQUJD\n-----END X-----xyz\n", 3, 16)]
    [InlineData("dashes in the body", "-----BEGIN X-----\nQUJD\n-----\nQUJD\n-----END X-----\n", 3, 1)]
    [InlineData("six dashes before END", "-----BEGIN X-----\nQUJD\n------END X-----\n", 3, 1)]
    [InlineData("no space after END", "-----BEGIN X-----\nQUJD\n-----ENDX-----\n", 3, 9)]
    [InlineData("END line without closing dashes", "-----BEGIN X-----\nQUJD\n-----END X\n", 3, 1)]
    public void Find_MalformedBoundary_ThrowsInvalidBoundary(string why, string text, int line, int column)
    {
        _ = why;
        Pkcs10Exception exception = PemAssert.Rejects(text, Pkcs10ErrorCode.PemInvalidBoundary);

        PemAssert.At(exception, line, column);
        Assert.Contains("Malformed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NoEndLine_ThrowsMissingEndLineAtTheBegin()
    {
        const string Text = "notes\n-----BEGIN CERTIFICATE REQUEST-----\nQUJD\nQUJD\n";

        Pkcs10Exception exception = PemAssert.Rejects(Text, Pkcs10ErrorCode.PemMissingEndLine);

        PemAssert.At(exception, 2, 1);
        Assert.Contains("\"CERTIFICATE REQUEST\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NextBeginBeforeEnd_ThrowsMissingEndLineNamingTheNextBlock()
    {
        const string Text = "-----BEGIN A-----\nQUJD\n-----BEGIN B-----\nQUJD\n-----END B-----\n";

        Pkcs10Exception exception = PemAssert.Rejects(Text, Pkcs10ErrorCode.PemMissingEndLine);

        PemAssert.At(exception, 1, 1);
        Assert.Contains("before the next BEGIN boundary at line 3, column 1 (character offset 23)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_EndLabelDiffers_ThrowsLabelMismatchNamingBothLabels()
    {
        string text = "-----BEGIN CERTIFICATE REQUEST-----\nQUJD\n-----END CERTIFICATE-----\n";

        Pkcs10Exception exception = PemAssert.Rejects(text, Pkcs10ErrorCode.PemLabelMismatch);

        PemAssert.At(exception, 3, 10);
        Assert.Contains("END label \"CERTIFICATE\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("BEGIN label \"CERTIFICATE REQUEST\" at line 1, column 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_Utf8WithNonAsciiText_CountsColumnsAndOffsetsInBytes()
    {
        const string Text = "Pr\u00fcfung: -----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n";
        byte[] utf8 = PemTestData.Utf8(Text);

        PemBlock fromChars = PemReader.Find(Text);
        PemBlock fromBytes = PemReader.Find(utf8);

        Assert.Equal((1, 10, 9), (fromChars.Line, fromChars.Column, fromChars.Offset));
        Assert.Equal((1, 11, 10), (fromBytes.Line, fromBytes.Column, fromBytes.Offset));
        Assert.Equal("CERTIFICATE"u8.ToArray(), utf8[fromBytes.Label]);

        Pkcs10Exception fromCharsError = Assert.Throws<Pkcs10Exception>(() => PemReader.Find(Text, PemLabelFilter.CertificateRequest));
        Pkcs10Exception fromBytesError = Assert.Throws<Pkcs10Exception>(() => PemReader.Find(utf8, PemLabelFilter.CertificateRequest));
        Assert.Contains("line 1, column 10 (character offset 9)", fromCharsError.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, column 11 (byte offset 10)", fromBytesError.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LF", "a\nb\n", 3)]
    [InlineData("CRLF", "a\r\nb\r\n", 3)]
    [InlineData("lone CR", "a\rb\r", 3)]
    [InlineData("mixed", "a\rb\r\nc\n\n", 5)]
    public void Find_LineNumbers_CountLfCrLfAndLoneCr(string why, string prefix, int line)
    {
        _ = why;
        PemBlock block = PemAssert.Finds(prefix + "-----BEGIN X-----\nQUJD\n-----END X-----\n");

        Assert.Equal(line, block.Line);
        Assert.Equal(1, block.Column);
    }

    [Fact]
    public void TryDecode_DestinationTooSmall_ReturnsFalseAndClearsIt()
    {
        string text = PemTestData.CsrPem;
        byte[] utf8 = PemTestData.Utf8(text);
        int length = PemTestData.CsrDer.Length;
        byte[] small = new byte[length - 1];

        Assert.False(PemReader.TryDecode(text, Req, small, out int written));
        Assert.Equal(0, written);
        Assert.All(small, b => Assert.Equal(0, b));
        Assert.False(PemReader.TryDecode(utf8, Req, small, out written, PemDecodingMode.Strict));
        Assert.Equal(0, written);
        Assert.All(small, b => Assert.Equal(0, b));
        Assert.False(PemReader.TryDecode(utf8, PemReader.Find(utf8), small, out written));
        Assert.False(PemReader.TryDecode(text, Req, Span<byte>.Empty, out written));

        byte[] exact = new byte[length];
        Assert.True(PemReader.TryDecode(utf8, Req, exact, out written));
        Assert.Equal(length, written);
        Assert.Equal(PemTestData.CsrDer, exact);
    }

    [Fact]
    public void TryDecode_DestinationTooSmallAndDataMalformed_ThrowsRatherThanReturningFalse()
    {
        string text = PemTestData.CsrPem.Replace("-----END", "!-----END", StringComparison.Ordinal);

        Pkcs10Exception exception = Assert.Throws<Pkcs10Exception>(() => PemReader.TryDecode(text, Req, new byte[10], out _));

        Assert.Equal(Pkcs10ErrorCode.PemInvalidBase64, exception.Code);
    }

    [Fact]
    public void DecodePooled_DisposeClearsAndReleases()
    {
        PemPooledBuffer buffer = PemReader.DecodePooled(PemTestData.Utf8(PemTestData.CsrPem), PemLabelFilter.CertificateRequest);
        Assert.Equal(PemTestData.CsrDer.Length, buffer.Length);
        Assert.Equal(PemTestData.CsrDer, buffer.Span.ToArray());

        buffer.Dispose();
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.Span.Length);
        Assert.Throws<ObjectDisposedException>(() => buffer.Memory);
    }

    [Fact]
    public void Decode_BlockFromOtherText_ThrowsInsteadOfReadingOutOfRange()
    {
        PemBlock block = PemReader.Find(PemTestData.CsrPem);

        Assert.Throws<ArgumentOutOfRangeException>(() => PemReader.Decode("short", block));
        Assert.Throws<Pkcs10Exception>(() => PemReader.Decode(new string('!', PemTestData.CsrPem.Length), block));
    }

    [Fact]
    public void Methods_UndefinedMode_ThrowArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PemReader.Find(PemTestData.CsrPem, mode: (PemDecodingMode)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => PemReader.TryFind(PemTestData.CsrPem, default, out _, (PemDecodingMode)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => { PemReader.EnumerateBlocks(PemTestData.CsrPem, (PemDecodingMode)(-1)); });
    }

    [Fact]
    public void Enumerator_MalformedSecondBlock_MoveNextThrowsAndTryMoveNextReports()
    {
        string text = PemTestData.CsrPem + "\n-----BEGIN X-----\nQU!D\n-----END X-----\n";

        PemBlockEnumerator enumerator = PemReader.EnumerateBlocks(text);
        Assert.Equal(default, enumerator.Current);
        Assert.True(enumerator.MoveNext());
        Assert.Equal(Req, text[enumerator.Current.Label]);
        Pkcs10Exception exception = CatchMoveNext(text);
        Assert.Equal(Pkcs10ErrorCode.PemInvalidBase64, exception.Code);

        Utf8PemBlockEnumerator bytes = PemReader.EnumerateBlocks(PemTestData.Utf8(text));
        Assert.True(bytes.TryMoveNext(out Pkcs10ErrorCode code));
        Assert.Equal(Pkcs10ErrorCode.None, code);
        Assert.False(bytes.TryMoveNext(out code));
        Assert.Equal(Pkcs10ErrorCode.PemInvalidBase64, code);

        static Pkcs10Exception CatchMoveNext(string text)
        {
            PemBlockEnumerator enumerator = PemReader.EnumerateBlocks(text);
            enumerator.MoveNext();
            try
            {
                enumerator.MoveNext();
            }
            catch (Pkcs10Exception exception)
            {
                return exception;
            }

            throw new Xunit.Sdk.XunitException("MoveNext did not throw.");
        }
    }

    [Fact]
    public void Enumerator_NoBlocks_EndsImmediately()
    {
        Utf8PemBlockEnumerator enumerator = PemReader.EnumerateBlocks("nothing here"u8);

        Assert.False(enumerator.MoveNext());
        Assert.False(enumerator.TryMoveNext(out Pkcs10ErrorCode code));
        Assert.Equal(Pkcs10ErrorCode.None, code);
    }

    [Theory]
    [InlineData("CERTIFICATE REQUEST", true)]
    [InlineData("NEW CERTIFICATE REQUEST", true)]
    [InlineData("CERTIFICATE", false)]
    [InlineData("certificate request", false)]
    public void LabelFilter_CertificateRequest_AcceptsBothRequestLabelsOnly(string label, bool expected)
    {
        Assert.Equal(expected, PemLabelFilter.CertificateRequest.Matches(label));
        Assert.Equal(expected, PemLabelFilter.CertificateRequest.Matches(Encoding.ASCII.GetBytes(label)));
        Assert.Equal(expected, PemLabels.IsCertificateRequest(label));
    }

    [Fact]
    public void LabelFilter_ExactAndAny()
    {
        PemLabelFilter exact = PemLabels.Certificate;

        Assert.True(exact.Matches("CERTIFICATE"));
        Assert.False(exact.Matches("CERTIFICATE REQUEST"));
        Assert.True(exact.Matches("CERTIFICATE"u8));
        Assert.True(PemLabelFilter.Any.Matches("anything"));
        Assert.True(PemLabelFilter.Any.IsAny);
        Assert.Equal(PemLabelFilter.Any, PemLabelFilter.FromString(null));
        Assert.Equal(exact, PemLabelFilter.Exactly("CERTIFICATE"));
        Assert.NotEqual(exact, PemLabelFilter.CertificateRequest);
        Assert.Throws<ArgumentException>(() => PemLabelFilter.Exactly("BAD--LABEL"));
        Assert.Throws<ArgumentNullException>(() => PemLabelFilter.Exactly(null!));
    }

    private static int LineOf(string text, string value) =>
        text.AsSpan(0, text.IndexOf(value, StringComparison.Ordinal)).Count('\n') + 1;
}
