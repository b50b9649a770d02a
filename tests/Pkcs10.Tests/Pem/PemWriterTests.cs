using System.Security.Cryptography;
using System.Text;
using Pkcs10.Pem;

namespace Pkcs10.Tests.Pem;

public class PemWriterTests
{
    public static TheoryData<int> Lengths => new(0, 1, 2, 3, 47, 48, 49, 95, 96, 97, 300, 1053);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void EncodeToString_Lf_IsTheBclOutputPlusFinalLineBreak(int length)
    {
        byte[] data = PemTestData.Data(length);

        string pem = PemWriter.EncodeToString(PemLabels.CertificateRequest, data);

        Assert.Equal(PemEncoding.WriteString(PemLabels.CertificateRequest, data) + "\n", pem);
        Assert.Equal(PemWriter.GetEncodedLength(PemLabels.CertificateRequest.Length, length), pem.Length);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void EncodeToString_CrLf_BreaksEveryLineWithCrLf(int length)
    {
        byte[] data = PemTestData.Data(length);

        string pem = PemWriter.EncodeToString(PemLabels.Certificate, data, PemLineEnding.CrLf);

        Assert.Equal(PemTestData.Pem(PemLabels.Certificate, data, "\r\n"), pem);
        Assert.Equal(PemWriter.GetEncodedLength(PemLabels.Certificate.Length, length, PemLineEnding.CrLf), pem.Length);
        Assert.DoesNotContain("\n", pem.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PemLineEnding.Lf)]
    [InlineData(PemLineEnding.CrLf)]
    public void TryEncode_AllForms_AgreeAndRespectDestinationSize(PemLineEnding lineEnding)
    {
        byte[] data = PemTestData.CsrDer;
        string expected = PemWriter.EncodeToString(PemLabels.CertificateRequest, data, lineEnding);

        char[] chars = new char[expected.Length];
        Assert.True(PemWriter.TryEncode(PemLabels.CertificateRequest, data, chars, out int charsWritten, lineEnding));
        Assert.Equal(expected, new string(chars, 0, charsWritten));

        byte[] bytes = new byte[expected.Length + 5];
        Assert.True(PemWriter.TryEncodeUtf8(PemLabels.CertificateRequest, data, bytes, out int bytesWritten, lineEnding));
        Assert.Equal(Encoding.ASCII.GetBytes(expected), bytes[..bytesWritten]);
        Assert.Equal(Encoding.ASCII.GetBytes(expected), PemWriter.EncodeToUtf8(PemLabels.CertificateRequest, data, lineEnding));

        Assert.False(PemWriter.TryEncode(PemLabels.CertificateRequest, data, new char[expected.Length - 1], out charsWritten, lineEnding));
        Assert.Equal(0, charsWritten);
        Assert.False(PemWriter.TryEncodeUtf8(PemLabels.CertificateRequest, data, new byte[expected.Length - 1], out bytesWritten, lineEnding));
        Assert.Equal(0, bytesWritten);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Encode_ThenRead_RoundTripsInBothModesAndEncodings(int length)
    {
        byte[] data = PemTestData.Data(length);
        foreach (PemLineEnding lineEnding in new[] { PemLineEnding.Lf, PemLineEnding.CrLf })
        {
            string text = "before\n" + PemWriter.EncodeToString(PemLabels.PublicKey, data, lineEnding) + "after\n";

            Assert.Equal(data, PemAssert.Decodes(text, PemLabels.PublicKey));
            Assert.Equal(data, PemReader.Decode(PemWriter.EncodeToUtf8(PemLabels.PublicKey, data, lineEnding), PemLabels.PublicKey));
            if (length > 0)
            {
                Assert.Equal(data, PemAssert.Decodes(text, PemLabels.PublicKey, PemDecodingMode.Strict));
            }
            else
            {
                // RFC 7468 Figure 3 needs at least one base64 line, so empty data is lax-only.
                PemAssert.Rejects(text, Pkcs10ErrorCode.PemInvalidBase64, PemLabels.PublicKey, PemDecodingMode.Strict);
            }
        }
    }

    [Theory]
    [InlineData("double hyphen", "BAD--LABEL")]
    [InlineData("leading space", " CERTIFICATE")]
    [InlineData("trailing hyphen", "CERTIFICATE-")]
    [InlineData("line break", "A\nB")]
    [InlineData("non-ASCII", "CERTIFICAT\u00c9")]
    public void Encode_InvalidLabel_ThrowsArgumentException(string why, string label)
    {
        _ = why;
        Assert.Throws<ArgumentException>(() => PemWriter.EncodeToString(label, [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => PemWriter.EncodeToUtf8(label, [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => PemWriter.TryEncodeUtf8(label, [1, 2, 3], new byte[200], out _));
        Assert.False(PemLabels.IsValid(label));
    }

    [Fact]
    public void Encode_EmptyLabel_IsValid()
    {
        Assert.Equal("-----BEGIN -----\nAQID\n-----END -----\n", PemWriter.EncodeToString(string.Empty, [1, 2, 3]));
    }

    [Fact]
    public void GetEncodedLength_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PemWriter.GetEncodedLength(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PemWriter.GetEncodedLength(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PemWriter.GetEncodedLength(0, int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => PemWriter.GetEncodedLength(int.MaxValue, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PemWriter.GetEncodedLength(1, 1, (PemLineEnding)2));
        Assert.Equal(PemEncoding.GetEncodedSize(11, 1_000_000) + 1, PemWriter.GetEncodedLength(11, 1_000_000));
    }
}
