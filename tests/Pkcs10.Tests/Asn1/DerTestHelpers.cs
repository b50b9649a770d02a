using Pkcs10.Asn1;
using Bcl = System.Formats.Asn1;

namespace Pkcs10.Tests.Asn1;

/// <summary>An operation on a <see cref="DerReader"/> (a ref struct, so lambdas take it by reference).</summary>
internal delegate void ReaderAction(ref DerReader reader);

/// <summary>Small helpers shared by the ASN.1 tests.</summary>
internal static class DerTestHelpers
{
    /// <summary>Decodes hex, ignoring spaces (so test vectors can be grouped by TLV).</summary>
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>Runs <paramref name="action"/> on a reader over <paramref name="hex"/> and returns the <see cref="Pkcs10Exception"/> it must throw.</summary>
    public static Pkcs10Exception Rejects(string hex, ReaderAction action, int baseOffset = 0, int maxDepth = DerReader.DefaultMaxDepth)
    {
        byte[] bytes = Hex(hex);
        return Assert.Throws<Pkcs10Exception>(() =>
        {
            var reader = new DerReader(bytes, baseOffset, maxDepth);
            action(ref reader);
        });
    }

    /// <summary>Runs <paramref name="action"/> and returns the exception it threw, or <see langword="null"/>.</summary>
    public static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>Asserts that <paramref name="e"/> is null or a <see cref="Pkcs10Exception"/> (never another type).</summary>
    public static void AssertNullOrPkcs10(Exception? e, ReadOnlySpan<byte> input)
    {
        if (e is not null and not Pkcs10Exception)
        {
            Assert.Fail($"input {ToHex(input)}: expected only Pkcs10Exception, got {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }

    /// <summary>The BCL's view of the same bytes (the independent oracle).</summary>
    public static Bcl.AsnReader BclReader(byte[] bytes) => new(bytes, Bcl.AsnEncodingRules.DER);

    public static Bcl.AsnWriter BclWriter() => new(Bcl.AsnEncodingRules.DER);

    public static Bcl.Asn1Tag ToBcl(Asn1Tag tag) => new((Bcl.TagClass)(int)tag.TagClass, tag.TagValue, tag.IsConstructed);

    public static Asn1Tag FromBcl(Bcl.Asn1Tag tag) => new((TagClass)(int)tag.TagClass, tag.TagValue, tag.IsConstructed);

    /// <summary>The encoding of a BCL-written single element, for comparisons.</summary>
    public static byte[] BclEncode(Action<Bcl.AsnWriter> write)
    {
        Bcl.AsnWriter w = BclWriter();
        write(w);
        return w.Encode();
    }

    /// <summary>The encoding DerWriter produces for a sequence of calls.</summary>
    public static byte[] DerEncode(Action<DerWriter> write)
    {
        using var w = new DerWriter();
        write(w);
        return w.Encode();
    }
}

/// <summary>A <c>[Flags]</c> enum over 64 bits, so the BCL's <c>WriteNamedBitList(Enum)</c>/<c>ReadNamedBitListValue</c> can be compared with ours.</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1028:Enum Storage should be Int32", Justification = "64 named bits, as DerWriter.WriteNamedBitList(ulong)")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1714:Flags enums should have plural names", Justification = "test type")]
internal enum NamedBits64 : ulong
{
    None = 0,
}
