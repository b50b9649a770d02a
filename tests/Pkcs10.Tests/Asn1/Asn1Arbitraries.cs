using System.Globalization;
using System.Numerics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Pkcs10.Asn1;
using static Pkcs10.Tests.Asn1.DerTestHelpers;

namespace Pkcs10.Tests.Asn1;

/// <summary>Random bytes that look like DER often enough to reach the value checks (see <see cref="Asn1Arbitraries.DerLike"/>).</summary>
public sealed record DerLikeBytes(byte[] Bytes)
{
    public override string ToString() => ToHex(Bytes);
}

/// <summary>A dotted OID that both this library and the BCL accept (arcs up to 128 bits).</summary>
public sealed record OidText(string Dotted)
{
    public override string ToString() => Dotted;
}

/// <summary>A tree that both writers can produce with the same calls (no GeneralizedTime fractions).</summary>
public sealed record WritableTree(AsnTree Tree)
{
    public override string ToString() => Tree.ToString();
}

/// <summary>FsCheck generators for the ASN.1 properties.</summary>
public static class Asn1Arbitraries
{
    public static Arbitrary<AsnTree> Trees() => Arb.From(TreeGen(allowFraction: true));

    public static Arbitrary<WritableTree> WritableTrees() => Arb.From(TreeGen(allowFraction: false).Select(t => new WritableTree(t)));

    public static Arbitrary<DerLikeBytes> DerLike() => Arb.From(DerLikeGen);

    public static Arbitrary<OidText> Oids() => Arb.From(OidGen.Select(s => new OidText(s)));

    // ---- primitives ----

    private static readonly Gen<byte> ByteGen = Gen.Choose(0, 255).Select(i => (byte)i);

    private static Gen<byte[]> BytesGen(int min, int max) => Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(ByteGen, n));

    private static Gen<byte[]> BytesGen(Gen<byte> element, int min, int max) => Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(element, n));

    private static Gen<ulong> UInt64Gen =>
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from shift in Gen.Choose(0, 63)
        select (((ulong)unchecked((uint)hi) << 32) | unchecked((uint)lo)) >> shift;

    private static readonly Gen<BigInteger> BigIntegerGen = Gen.Frequency(
        (3, Gen.Choose(-300, 300).Select(i => new BigInteger(i))),
        (3, BytesGen(1, 24).Select(b => new BigInteger(b, isUnsigned: false, isBigEndian: true))),
        (2, UInt64Gen.Select(u => new BigInteger(unchecked((long)u)))),
        (1, Gen.Elements(
            new BigInteger(long.MinValue), new BigInteger(long.MaxValue), new BigInteger(int.MinValue), new BigInteger(int.MaxValue),
            BigInteger.One << 63, -(BigInteger.One << 63) - 1, BigInteger.One << 64, -(BigInteger.One << 64),
            new BigInteger(127), new BigInteger(128), new BigInteger(-128), new BigInteger(-129), new BigInteger(255), new BigInteger(256))));

    private static readonly Gen<byte[]> OctetsGen = Gen.Frequency(
        (8, BytesGen(0, 24)),
        (1, Gen.Elements(126, 127, 128, 129, 254, 255, 256, 257, 300).SelectMany(n => Gen.ArrayOf(ByteGen, n))));

    private static readonly Gen<(byte[] Data, int Unused)> BitStringGen =
        from data in BytesGen(0, 12)
        from unused in data.Length == 0 ? Gen.Constant(0) : Gen.Choose(0, 7)
        select (Clear(data, unused), unused);

    private static byte[] Clear(byte[] data, int unused)
    {
        if (data.Length > 0)
        {
            data[^1] &= unchecked((byte)~((1 << unused) - 1));
        }

        return data;
    }

    // Arcs of every size up to 128 bits, biased to the small ones real OIDs use.
    private static readonly Gen<UInt128> ArcGen = Gen.Frequency(
        (6, Gen.Choose(0, 127).Select(i => (UInt128)i)),
        (4, Gen.Choose(0, int.MaxValue).Select(i => (UInt128)i)),
        (2, UInt64Gen.Select(u => (UInt128)u)),
        (1, from hi in UInt64Gen from lo in UInt64Gen select new UInt128(hi, lo)),
        (1, Gen.Elements(UInt128.MaxValue, (UInt128)ulong.MaxValue + 1, (UInt128)128, (UInt128)16383, (UInt128)16384)));

    public static readonly Gen<string> OidGen =
        from first in Gen.Choose(0, 2)
        from second in first < 2
            ? Gen.Choose(0, 39).Select(i => (UInt128)i)
            : ArcGen.Select(a => a > UInt128.MaxValue - 80 ? a - 80 : a)
        from rest in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(ArcGen, n))
        select string.Join('.', new[] { (UInt128)(uint)first, second }.Concat(rest).Select(a => a.ToString(CultureInfo.InvariantCulture)));

    private const string Printable = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?";

    private static Gen<string> TextGen(Gen<string> piece) => Gen.Choose(0, 16).SelectMany(n => Gen.ArrayOf(piece, n)).Select(a => string.Concat(a));

    private static Gen<string> CharRange(int lo, int hi) => Gen.Choose(lo, hi).Select(c => ((char)c).ToString());

    private static readonly Gen<string> ScalarGen = Gen.Frequency(
        (4, CharRange(0x20, 0x7E)),
        (2, CharRange(0x80, 0x7FF)),
        (2, Gen.OneOf(CharRange(0x800, 0xD7FF), CharRange(0xE000, 0xFFFF))),
        (2, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)));

    private static readonly Gen<StringNode> StringGen = Gen.OneOf(
        TextGen(Gen.Elements(Printable.ToCharArray()).Select(c => c.ToString())).Select(s => new StringNode(UniversalTagNumber.PrintableString, s)),
        TextGen(CharRange(0x00, 0x7F)).Select(s => new StringNode(UniversalTagNumber.IA5String, s)),
        TextGen(Gen.Elements("0123456789 ".ToCharArray()).Select(c => c.ToString())).Select(s => new StringNode(UniversalTagNumber.NumericString, s)),
        TextGen(CharRange(0x20, 0x7E)).Select(s => new StringNode(UniversalTagNumber.VisibleString, s)),
        TextGen(ScalarGen).Select(s => new StringNode(UniversalTagNumber.Utf8String, s)),
        TextGen(Gen.OneOf(CharRange(0x00, 0xD7FF), CharRange(0xE000, 0xFFFF))).Select(s => new StringNode(UniversalTagNumber.BmpString, s)));

    private static readonly DateTimeOffset Epoch1950 = new(1950, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<DateTimeOffset> UtcTimeGen =
        from day in Gen.Choose(0, 36524)
        from second in Gen.Choose(0, 86399)
        select Epoch1950.AddDays(day).AddSeconds(second);

    private static Gen<DateTimeOffset> GeneralizedTimeGen(bool allowFraction) =>
        from wide in Gen.Choose(0, 3)
        from day in wide == 0 ? Gen.Choose(0, 3652058) : Gen.Choose(0, 36524)
        from second in Gen.Choose(0, 86399)
        from fraction in allowFraction
            ? Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, 9_999_999)), (1, Gen.Elements(1, 10, 100, 5_000_000, 9_999_999)))
            : Gen.Constant(0)
        select (wide == 0 ? DateTimeOffset.MinValue : Epoch1950).AddDays(day).AddSeconds(second).AddTicks(fraction);

    private static readonly Gen<Asn1Tag> ImplicitTagGen =
        from cls in Gen.Elements(TagClass.ContextSpecific, TagClass.Application, TagClass.Private)
        from number in Gen.Frequency((4, Gen.Choose(0, 30)), (2, Gen.Choose(31, 200)), (1, Gen.Choose(201, int.MaxValue)))
        select new Asn1Tag(cls, number);

    private static Gen<AsnNode> LeafGen(bool allowFraction) => Gen.Frequency(
        (3, from v in BigIntegerGen from pad in Gen.Choose(0, 2) select (AsnNode)new IntegerNode(v, pad)),
        (1, BytesGen(0, 20).Select(m => (AsnNode)new UnsignedIntegerNode(m))),
        (1, Gen.Elements(true, false).Select(b => (AsnNode)new BooleanNode(b))),
        (1, Gen.Constant((AsnNode)new NullNode())),
        (2, OctetsGen.Select(o => (AsnNode)new OctetStringNode(o, null))),
        (1, from o in BytesGen(0, 8) from t in ImplicitTagGen select (AsnNode)new OctetStringNode(o, t)),
        (2, BitStringGen.Select(b => (AsnNode)new BitStringNode(b.Data, b.Unused))),
        (1, UInt64Gen.Select(u => (AsnNode)new NamedBitsNode(u))),
        (2, OidGen.Select(s => (AsnNode)new OidNode(s))),
        (3, StringGen.Select(s => (AsnNode)s)),
        (1, UtcTimeGen.Select(t => (AsnNode)new UtcTimeNode(t))),
        (1, GeneralizedTimeGen(allowFraction).Select(t => (AsnNode)new GeneralizedTimeNode(t))));

    private static Gen<AsnNode[]> ChildrenGen(int depth, bool allowFraction) =>
        Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(NodeGen(depth - 1, allowFraction), n));

    private static Gen<AsnNode> NodeGen(int depth, bool allowFraction) => depth <= 0
        ? LeafGen(allowFraction)
        : Gen.Frequency(
            (5, LeafGen(allowFraction)),
            (2, ChildrenGen(depth, allowFraction).Select(c => (AsnNode)new SequenceNode(c, null))),
            (1, from c in ChildrenGen(depth, allowFraction)
                from t in ImplicitTagGen
                select (AsnNode)new SequenceNode(c, new Asn1Tag(t.TagClass, t.TagValue, isConstructed: true))),
            (2, ChildrenGen(depth, allowFraction).Select(c => (AsnNode)new SetOfNode(c))),
            (1, ChildrenGen(depth, allowFraction).Select(c => (AsnNode)new OctetStringScopeNode(c))));

    private static Gen<AsnTree> TreeGen(bool allowFraction) =>
        Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(NodeGen(3, allowFraction), n)).Select(nodes => new AsnTree(nodes));

    // ---- DER-like random bytes ----

    private static readonly byte[] InterestingTags =
    [
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0A, 0x0C, 0x12, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1A, 0x1C, 0x1E,
        0x30, 0x31, 0x23, 0x24, 0x2C, 0xA0, 0xA3, 0x80, 0x81, 0x00, 0x10, 0x11,
    ];

    private static readonly Gen<byte[]> TagBytesGen = Gen.Frequency(
        (12, Gen.Elements(InterestingTags).Select(b => new[] { b })),
        (2, ByteGen.Select(b => new[] { b })),
        (1, Gen.Elements(
            new byte[] { 0x1F, 0x1F }, [0x9F, 0x2A], [0xBF, 0x81, 0x48], [0x1F, 0x1E], [0x9F, 0x80, 0x1F], [0x5F, 0x00],
            [0x1F, 0x88, 0x80, 0x80, 0x80, 0x00], [0x9F, 0x87, 0xFF, 0xFF, 0xFF, 0x7F], [0x1F], [0x1F, 0x81])));

    private static readonly Gen<byte> DigitGen = Gen.Frequency(
        (20, Gen.Choose('0', '9').Select(c => (byte)c)),
        (1, Gen.Elements("Z.,+-/ z:"u8.ToArray())),
        (1, ByteGen));

    private static Gen<byte[]> TimeContentGen(bool generalized) => Gen.OneOf(
        BytesGen(DigitGen, generalized ? 12 : 10, generalized ? 22 : 15),
        from t in generalized ? GeneralizedTimeGen(allowFraction: true) : UtcTimeGen
        from mutate in Gen.Choose(-1, 30)
        from replacement in DigitGen
        select MutateAt(TimeText(t, generalized), mutate, replacement));

    private static byte[] TimeText(DateTimeOffset t, bool generalized)
    {
        if (!generalized)
        {
            return Encoding.ASCII.GetBytes(t.UtcDateTime.ToString("yyMMddHHmmss'Z'", CultureInfo.InvariantCulture));
        }

        string fraction = (t.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        return Encoding.ASCII.GetBytes(t.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : "") + "Z");
    }

    private static byte[] MutateAt(byte[] bytes, int index, byte value)
    {
        if (index >= 0 && index < bytes.Length)
        {
            bytes[index] = value;
        }

        return bytes;
    }

    private static readonly Gen<byte> OidByteGen = Gen.Frequency(
        (4, Gen.Choose(0x00, 0x7F).Select(i => (byte)i)),
        (3, Gen.Choose(0x81, 0xFF).Select(i => (byte)i)),
        (1, Gen.Constant((byte)0x80)));

    private static readonly Gen<byte> TextByteGen = Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E).Select(i => (byte)i)),
        (1, Gen.Choose(0x00, 0x1F).Select(i => (byte)i)),
        (2, Gen.Elements<byte>(0xC2, 0xC3, 0xE2, 0x82, 0xAC, 0x80, 0xBF, 0xF0, 0x9F, 0x98, 0xED, 0xA0, 0xD8, 0xDC, 0x00, 0xC0, 0xF4, 0x90)),
        (1, ByteGen));

    private static Gen<byte[]> ContentGen(byte tag, int depth) => (tag & 0x1F) switch
    {
        _ when (tag & 0x20) != 0 && depth > 0 => Gen.Choose(0, 3)
            .SelectMany(n => Gen.ArrayOf(ElementGen(depth - 1), n))
            .SelectMany(parts => Gen.Elements(true, false).Select(sort => Concat(sort ? parts.OrderBy(p => p, ByteArrayComparer.Instance).ToArray() : parts))),
        0x01 when tag == 0x01 => Gen.Elements(new byte[] { 0x00 }, [0xFF], [0x01], [], [0xFF, 0xFF]),
        0x05 when tag == 0x05 => Gen.Frequency((4, Gen.Constant(Array.Empty<byte>())), (1, BytesGen(1, 2))),
        0x02 => Gen.Frequency((3, BytesGen(1, 10)), (1, BytesGen(0, 3).Select(b => (byte[])[0x00, .. b])), (1, BytesGen(0, 3).Select(b => (byte[])[0xFF, .. b]))),
        0x03 => from unused in Gen.Frequency((6, Gen.Choose(0, 7)), (1, Gen.Choose(8, 255)))
                from data in BytesGen(0, 10)
                select (byte[])[(byte)unused, .. data],
        0x06 => BytesGen(OidByteGen, 0, 22),
        0x17 => TimeContentGen(generalized: false),
        0x18 => TimeContentGen(generalized: true),
        0x12 => BytesGen(Gen.Frequency((12, Gen.Elements("0123456789 "u8.ToArray())), (1, TextByteGen)), 0, 12),
        0x13 => BytesGen(Gen.Frequency((20, Gen.Elements(Printable.Select(c => (byte)c).ToArray())), (1, TextByteGen)), 0, 12),
        0x0C or 0x14 or 0x16 or 0x1A or 0x1C or 0x1E => BytesGen(TextByteGen, 0, 12),
        _ => Gen.Frequency((8, BytesGen(0, 10)), (1, BytesGen(120, 300))),
    };

    private static byte[] Concat(IEnumerable<byte[]> parts) => [.. parts.SelectMany(p => p)];

    private static byte[] MinimalLength(int length) => length switch
    {
        < 0x80 => [(byte)length],
        < 0x100 => [0x81, (byte)length],
        < 0x10000 => [0x82, (byte)(length >> 8), (byte)length],
        _ => [0x83, (byte)(length >> 16), (byte)(length >> 8), (byte)length],
    };

    private static Gen<byte[]> LengthGen(int length) => Gen.Frequency(
        (24, Gen.Constant(MinimalLength(length))),
        (1, Gen.Elements(
            new byte[] { 0x80 }, [0xFF], [0x81, (byte)Math.Min(length, 255)], [0x82, 0x00, (byte)Math.Min(length, 255)],
            [(byte)Math.Min(length + 1, 127)], [(byte)Math.Max(length - 1, 0)], [0x84, 0x80, 0x00, 0x00, 0x00], [0x85, 0x01, 0, 0, 0, 0])),
        (1, ByteGen.Select(b => new[] { b })));

    private static Gen<byte[]> ElementGen(int depth) =>
        from tag in TagBytesGen
        from content in ContentGen(tag[0], depth)
        from length in LengthGen(content.Length)
        select (byte[])[.. tag, .. length, .. content];

    private static readonly Gen<byte[]> DerLikeBytesGen = Gen.Frequency(
        (8, ElementGen(3)),
        (2, Gen.Choose(2, 4).SelectMany(n => Gen.ArrayOf(ElementGen(2), n)).Select(Concat)),
        (2, BytesGen(0, 40)),
        (3, from e in ElementGen(3)
            from index in Gen.Choose(0, 1000)
            from value in ByteGen
            select MutateAt(e, e.Length == 0 ? 0 : index % e.Length, value)),
        (1, from e in ElementGen(3)
            from cut in Gen.Choose(0, 1000)
            select e.AsSpan(0, e.Length == 0 ? 0 : cut % e.Length).ToArray()));

    private static readonly Gen<DerLikeBytes> DerLikeGen = DerLikeBytesGen.Select(b => new DerLikeBytes(b));
}
