using FsCheck.Xunit;
using Pkcs10.Asn1;
using static Pkcs10.Tests.Asn1.DerTestHelpers;

namespace Pkcs10.Tests.Asn1;

/// <summary>
/// Arbitrary input never makes <see cref="DerReader"/> throw anything but <see cref="Pkcs10Exception"/>, and
/// never makes it look past the end of its span: the input is a slice of a larger array followed by sentinel
/// bytes, and every offset reported (elements visited, errors) stays inside the slice.
/// </summary>
public class DerReaderRobustnessTests
{
    private const int BaseOffset = 1000;

    // Sentinels that would turn a truncated element into a valid one if the reader ever read past the slice.
    private static readonly byte[] Sentinel = [0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

    private static void AssertWalksSafely(byte[] input)
    {
        byte[] buffer = [.. input, .. Sentinel];
        int end = BaseOffset + input.Length;

        void Visit(int offset, int length)
        {
            Assert.InRange(offset, BaseOffset, end);
            Assert.InRange(length, 2, end - offset);
        }

        Exception? lenient = Catch(() =>
        {
            var reader = new DerReader(buffer.AsSpan(0, input.Length), BaseOffset);
            DerWalker.WalkLenient(ref reader, Visit);
            Assert.Equal(end, reader.Offset);
        });
        AssertOnlyPkcs10WithinBounds(lenient, input, end);

        Exception? strict = Catch(() =>
        {
            var reader = new DerReader(buffer.AsSpan(0, input.Length), BaseOffset);
            DerWalker.WalkStrict(ref reader);
        });
        AssertOnlyPkcs10WithinBounds(strict, input, end);

        // A strict walk that succeeds is also a lenient walk that visits everything.
        if (strict is null)
        {
            Assert.Null(lenient);
        }

        Assert.Equal(ToHex(Sentinel), ToHex(buffer.AsSpan(input.Length)));
    }

    private static void AssertOnlyPkcs10WithinBounds(Exception? e, byte[] input, int end)
    {
        if (e is Xunit.Sdk.XunitException)
        {
            throw e;
        }

        AssertNullOrPkcs10(e, input);
        if (e is Pkcs10Exception p)
        {
            Assert.NotNull(p.Offset);
            Assert.InRange(p.Offset!.Value, BaseOffset, end);
            Assert.NotEqual(Pkcs10ErrorCode.None, p.Code);
        }
    }

    [Property(Arbitrary = [typeof(Asn1Arbitraries)], MaxTest = 2000)]
    public void DerLikeBytes_OnlyPkcs10Exception_NeverPastTheEnd(DerLikeBytes input) => AssertWalksSafely(input.Bytes);

    [Property(MaxTest = 1000)]
    public void RandomBytes_OnlyPkcs10Exception_NeverPastTheEnd(byte[] input) => AssertWalksSafely(input);

    [Property(Arbitrary = [typeof(Asn1Arbitraries)], MaxTest = 100)]
    public void ValidTree_EveryPrefix_OnlyPkcs10Exception(AsnTree tree)
    {
        byte[] der = tree.EncodeBcl();
        AssertWalksSafely(der);
        for (int cut = Math.Max(0, der.Length - 16); cut < der.Length; cut++)
        {
            AssertWalksSafely(der[..cut]);
        }
    }

    [Property(Arbitrary = [typeof(Asn1Arbitraries)], MaxTest = 60)]
    public void ValidTree_EverySingleByteFlip_OnlyPkcs10Exception(AsnTree tree, byte mask)
    {
        byte[] der = tree.EncodeBcl();
        if (der.Length > 48)
        {
            der = der[..48];
        }

        byte flip = mask == 0 ? (byte)0xFF : mask;
        for (int i = 0; i < der.Length; i++)
        {
            byte[] mutated = (byte[])der.Clone();
            mutated[i] ^= flip;
            AssertWalksSafely(mutated);
        }
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("lone tag", "30")]
    [InlineData("lone high tag", "1F")]
    [InlineData("high tag continuation to the end", "1F8181818181")]
    [InlineData("long-form length to the end", "0484FFFF")]
    [InlineData("length claims the sentinel", "0402")]
    [InlineData("SEQUENCE claims the sentinel", "3003 0500")]
    [InlineData("SET whose last element claims the sentinel", "3103 040200")]
    [InlineData("OID ending in a continuation octet", "0601 81")]
    [InlineData("time cut short", "1702 3234")]
    public void Truncations_StayInsideTheSlice(string why, string hex)
    {
        _ = why;
        AssertWalksSafely(Hex(hex));
    }

    [Fact]
    public void VeryDeepNesting_StopsAtMaxDepth()
    {
        // 5000 nested SEQUENCEs with definite lengths: the reader refuses level 33 without recursing further.
        byte[] der = [0x30, 0x00];
        for (int i = 1; i < 5000; i++)
        {
            int n = der.Length;
            byte[] length = n < 0x80 ? [(byte)n] : n < 0x100 ? [0x81, (byte)n] : [0x82, (byte)(n >> 8), (byte)n];
            der = [0x30, .. length, .. der];
        }

        var reader = new DerReader(der);
        Exception? e = Catch(() =>
        {
            var r = new DerReader(der);
            DerWalker.WalkStrict(ref r);
        });
        Pkcs10Exception p = Assert.IsType<Pkcs10Exception>(e);
        Assert.Equal(Pkcs10ErrorCode.MaxDepthExceeded, p.Code);

        // The offending SEQUENCE is the 33rd: its offset is the sum of the 32 headers before it.
        int expected = 0;
        for (int i = 0; i < DerReader.DefaultMaxDepth; i++)
        {
            DerReader inner = reader.ReadSequence();
            expected = inner.Offset;
            reader = inner;
        }

        Assert.Equal(expected, p.Offset);
        AssertWalksSafely(der);
    }
}
