using System.Text;
using Pkcs10.Pem;

namespace Pkcs10.Tests.Pem;

/// <summary>
/// Properties over generated input: the Try forms never throw on bad input, the throwing forms throw only
/// <see cref="Pkcs10Exception"/>, every entry point agrees with the others, and writing then reading
/// returns the data.
/// </summary>
public class PemReaderPropertyTests
{
    private const int Runs = 1000;

    [FsCheck.Xunit.Property(Arbitrary = [typeof(PemArbitraries)], MaxTest = Runs)]
    public void AnyText_TryFormsNeverThrow_AndAgreeWithThrowingForms(PemNoise noise)
    {
        CheckChars(noise.Text);
        CheckBytes(Encoding.UTF8.GetBytes(noise.Text));
    }

    [FsCheck.Xunit.Property(MaxTest = Runs)]
    public void AnyBytes_TryFormsNeverThrow_AndAgreeWithThrowingForms(byte[] bytes)
    {
        CheckBytes(bytes);
    }

    [FsCheck.Xunit.Property(MaxTest = Runs)]
    public void AnyString_TryFormsNeverThrow_AndAgreeWithThrowingForms(string? text)
    {
        CheckChars(text ?? string.Empty);
    }

    [FsCheck.Xunit.Property(Arbitrary = [typeof(PemArbitraries)], MaxTest = 300)]
    public void ValidDocument_DecodesItsData_InBothEncodings(PemDocument document)
    {
        Assert.Equal(document.Data, PemAssert.Decodes(document.Text, document.Label));
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void WriteThenRead_RoundTrips(byte[] data, bool crlf, bool strict)
    {
        PemLineEnding lineEnding = crlf ? PemLineEnding.CrLf : PemLineEnding.Lf;
        PemDecodingMode mode = strict && data.Length > 0 ? PemDecodingMode.Strict : PemDecodingMode.Lax;
        string text = PemWriter.EncodeToString(PemLabels.PrivateKey, data, lineEnding);
        byte[] utf8 = PemWriter.EncodeToUtf8(PemLabels.PrivateKey, data, lineEnding);

        Assert.Equal(data, PemReader.Decode(text, PemLabels.PrivateKey, mode));
        Assert.Equal(data, PemReader.Decode(utf8, PemLabels.PrivateKey, mode));
        byte[] destination = new byte[data.Length];
        Assert.True(PemReader.TryDecode(utf8, PemLabels.PrivateKey, destination, out int written, mode));
        Assert.Equal(data.Length, written);
        Assert.Equal(data, destination);
    }

    private static void CheckChars(string text)
    {
        foreach (PemDecodingMode mode in new[] { PemDecodingMode.Lax, PemDecodingMode.Strict })
        {
            bool found = PemReader.TryFind(text, default, out PemBlock block, mode);
            Pkcs10Exception? error = Record(() => PemReader.Find(text, default, mode));
            Assert.Equal(found, error is null);
            if (found)
            {
                CheckBlock(block, PemReader.Decode(text, block), PemReader.Decode(text, default, mode));
                if (mode == PemDecodingMode.Strict)
                {
                    // Strict acceptance implies lax acceptance of the same block.
                    Assert.True(PemReader.TryFind(text, out PemBlock lax));
                    Assert.Equal(block, lax);
                }
            }
            else
            {
                Assert.NotNull(Record(() => PemReader.TryDecode(text, default, new byte[64], out _, mode)));
            }

            // The enumerator's first step is TryFind with any label.
            PemBlockEnumerator enumerator = PemReader.EnumerateBlocks(text, mode);
            Assert.Equal(found, enumerator.TryMoveNext(out Pkcs10ErrorCode first));
            if (found)
            {
                Assert.Equal(block, enumerator.Current);
            }
            else
            {
                Assert.Equal(error!.Code == Pkcs10ErrorCode.PemNoBlock ? Pkcs10ErrorCode.None : error.Code, first);
            }

            Enumerate(PemReader.EnumerateBlocks(text, mode));
            _ = PemReader.TryFind(text, PemLabelFilter.CertificateRequest, out _, mode);
            _ = Record(() => PemReader.TryDecode(text, PemLabelFilter.CertificateRequest, new byte[3], out _, mode));
        }
    }

    private static void CheckBytes(byte[] bytes)
    {
        foreach (PemDecodingMode mode in new[] { PemDecodingMode.Lax, PemDecodingMode.Strict })
        {
            bool found = PemReader.TryFind(bytes, default, out PemBlock block, mode);
            Pkcs10Exception? error = Record(() => PemReader.Find(bytes, default, mode));
            Assert.Equal(found, error is null);
            if (found)
            {
                CheckBlock(block, PemReader.Decode(bytes, block), PemReader.Decode(bytes, default, mode));
                using PemPooledBuffer pooled = PemReader.DecodePooled(bytes, default, mode);
                Assert.Equal(block.DecodedDataLength, pooled.Length);

                // Too small by one: false, never an exception.
                if (block.DecodedDataLength > 0)
                {
                    Assert.False(PemReader.TryDecode(bytes, default, new byte[block.DecodedDataLength - 1], out int written, mode));
                    Assert.Equal(0, written);
                }
            }
            else
            {
                Assert.NotNull(Record(() => PemReader.TryDecode(bytes, default, new byte[64], out _, mode)));
            }

            Utf8PemBlockEnumerator enumerator = PemReader.EnumerateBlocks(bytes, mode);
            while (enumerator.TryMoveNext(out Pkcs10ErrorCode code))
            {
                Assert.Equal(Pkcs10ErrorCode.None, code);
                Assert.InRange(enumerator.Current.Location.End.Value, 0, bytes.Length);
            }

            _ = PemReader.TryFind(bytes, PemLabelFilter.CertificateRequest, out _, mode);
            _ = Record(() => PemReader.TryDecode(bytes, PemLabelFilter.CertificateRequest, new byte[3], out _, mode));
        }
    }

    private static void CheckBlock(PemBlock block, byte[] fromBlock, byte[] oneShot)
    {
        Assert.Equal(block.DecodedDataLength, fromBlock.Length);
        Assert.Equal(fromBlock, oneShot);
        Assert.True(block.Line >= 1 && block.Column >= 1);
        Assert.True(block.Location.Start.Value <= block.Base64Data.Start.Value);
        Assert.True(block.Base64Data.End.Value <= block.Location.End.Value);
    }

    // Enumerates with TryMoveNext, then checks MoveNext throws (only Pkcs10Exception) exactly when it stopped on an error.
    private static void Enumerate(PemBlockEnumerator enumerator)
    {
        PemBlockEnumerator again = enumerator;
        Pkcs10ErrorCode code;
        int count = 0;
        while (enumerator.TryMoveNext(out code))
        {
            count++;
        }

        Pkcs10Exception? thrown = null;
        try
        {
            while (again.MoveNext())
            {
                count--;
            }
        }
        catch (Pkcs10Exception exception)
        {
            thrown = exception;
        }

        Assert.Equal(0, count);
        Assert.Equal(code, thrown?.Code ?? Pkcs10ErrorCode.None);
    }

    // Runs an action, returning the Pkcs10Exception it threw; any other exception fails the property.
    private static Pkcs10Exception? Record(Func<object> action)
    {
        try
        {
            action();
            return null;
        }
        catch (Pkcs10Exception exception)
        {
            return exception;
        }
    }
}
