using System.Text;
using Pkcs10.Pem;

namespace Pkcs10.Tests.Pem;

/// <summary>
/// Runs each reader operation on the same text as UTF-16 and as UTF-8 and checks that both agree, so every
/// test covers both instantiations of the shared core. For ASCII text, character and byte positions coincide
/// and are compared too.
/// </summary>
internal static class PemAssert
{
    /// <summary>Finds a block in both encodings (throwing and Try forms) and returns it.</summary>
    public static PemBlock Finds(string text, PemLabelFilter label = default, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        PemBlock fromChars = PemReader.Find(text, label, mode);
        PemBlock fromBytes = PemReader.Find(utf8, label, mode);
        if (Ascii.IsValid(text))
        {
            Assert.Equal(fromChars, fromBytes);
        }
        else
        {
            // Positions count chars in one and bytes in the other.
            Assert.Equal(text[fromChars.Label], Encoding.UTF8.GetString(utf8[fromBytes.Label]));
            Assert.Equal(fromChars.DecodedDataLength, fromBytes.DecodedDataLength);
            Assert.Equal(fromChars.Line, fromBytes.Line);
        }

        Assert.True(PemReader.TryFind(text, label, out PemBlock tried, mode));
        Assert.Equal(fromChars, tried);
        Assert.True(PemReader.TryFind(utf8, label, out tried, mode));
        Assert.Equal(fromBytes, tried);
        return fromChars;
    }

    /// <summary>Decodes the first matching block with every decode entry point, in both encodings, and returns the data.</summary>
    public static byte[] Decodes(string text, PemLabelFilter label = default, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        PemBlock block = Finds(text, label, mode);
        PemBlock utf8Block = PemReader.Find(utf8, label, mode);
        byte[] expected = PemReader.Decode(text, label, mode);
        Assert.Equal(block.DecodedDataLength, expected.Length);
        Assert.Equal(expected, PemReader.Decode(utf8, label, mode));
        Assert.Equal(expected, PemReader.Decode(text, block));
        Assert.Equal(expected, PemReader.Decode(utf8, utf8Block));

        byte[] destination = new byte[expected.Length + 7];
        Assert.True(PemReader.TryDecode(text, label, destination, out int written, mode));
        Assert.Equal(expected, destination[..written]);
        Array.Clear(destination);
        Assert.True(PemReader.TryDecode(utf8, label, destination, out written, mode));
        Assert.Equal(expected, destination[..written]);
        Array.Clear(destination);
        Assert.True(PemReader.TryDecode(utf8, utf8Block, destination, out written));
        Assert.Equal(expected, destination[..written]);

        using (PemPooledBuffer pooled = PemReader.DecodePooled(text, label, mode))
        {
            Assert.Equal(expected, pooled.Span.ToArray());
        }

        using (PemPooledBuffer pooled = PemReader.DecodePooled(utf8, label, mode))
        {
            Assert.Equal(expected, pooled.Memory.ToArray());
        }

        return expected;
    }

    /// <summary>
    /// Checks that both encodings reject the text with <paramref name="code"/> at the same offset, that the
    /// Try forms return false without throwing, and returns the exception from the UTF-16 reader.
    /// </summary>
    public static Pkcs10Exception Rejects(string text, Pkcs10ErrorCode code, PemLabelFilter label = default, PemDecodingMode mode = PemDecodingMode.Lax)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Pkcs10Exception fromChars = Assert.Throws<Pkcs10Exception>(() => PemReader.Find(text, label, mode));
        Pkcs10Exception fromBytes = Assert.Throws<Pkcs10Exception>(() => PemReader.Find(utf8, label, mode));
        Assert.Equal(code, fromChars.Code);
        Assert.Equal(code, fromBytes.Code);
        Assert.Equal(fromChars.Offset, fromBytes.Offset);
        if (fromChars.Offset is int offset)
        {
            Assert.Contains($"(character offset {offset})", fromChars.Message, StringComparison.Ordinal);
            Assert.Contains($"(byte offset {offset})", fromBytes.Message, StringComparison.Ordinal);
        }

        Assert.False(PemReader.TryFind(text, label, out PemBlock block, mode));
        Assert.Equal(default, block);
        Assert.False(PemReader.TryFind(utf8, label, out block, mode));

        // The one-shot decoders share the core, and fail the same way.
        Pkcs10Exception decoding = Assert.Throws<Pkcs10Exception>(() => PemReader.TryDecode(utf8, label, new byte[1024], out _, mode));
        Assert.Equal(code, decoding.Code);
        Assert.Equal(fromChars.Offset, decoding.Offset);
        return fromChars;
    }

    /// <summary>Checks that the message names the 1-based line and column of the exception's offset.</summary>
    public static void At(Pkcs10Exception exception, int line, int column)
    {
        Assert.NotNull(exception.Offset);
        Assert.Contains($"line {line}, column {column} (character offset {exception.Offset})", exception.Message, StringComparison.Ordinal);
    }
}
