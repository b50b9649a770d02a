using System.Collections;
using System.Security.Cryptography;
using Pkcs10.Asn1;
using static Pkcs10.Tests.Asn1.DerTestHelpers;
using Bcl = System.Formats.Asn1;

namespace Pkcs10.Tests.Asn1;

/// <summary>
/// The known, intended differences between this library and the BCL's <c>System.Formats.Asn1</c> (DER rules).
/// Each case states the reason and asserts both sides exactly, so a change on either side shows up here.
/// The differential properties (<see cref="DerReaderDifferentialTests"/>) accept only these.
/// </summary>
public class KnownDivergenceTests
{
    // Not a divergence on reading: since .NET 9 the BCL also limits subidentifiers to 128 bits (the size UUID
    // OIDs under 2.25 need, X.667), so both readers reject a larger arc. On writing they differ: the BCL's
    // AsnWriter encodes any size from the dotted text, while ObjectIdentifier.TryEncode refuses what our reader
    // would refuse.
    [Theory]
    [InlineData("2.25.(2^128)", "0614 69 84808080808080808080808080808080808000", "2.25.340282366920938463463374607431768211456", 3)]
    [InlineData("first subidentifier 2^128", "0613 84808080808080808080808080808080808000", "2.340282366920938463463374607431768211376", 2)]
    public void ObjectIdentifier_ArcAbove128Bits_BothReject_OnlyTheBclWrites(string why, string hex, string dotted, int offset)
    {
        _ = why;
        byte[] der = Hex(hex);
        Assert.Throws<Bcl.AsnContentException>(() => BclReader(der).ReadObjectIdentifier());

        Pkcs10Exception e = Rejects(hex, (ref DerReader r) => _ = r.ReadObjectIdentifier());
        Assert.Equal((Pkcs10ErrorCode.InvalidObjectIdentifier, (int?)offset), (e.Code, e.Offset));

        Assert.Equal(ToHex(der), ToHex(BclEncode(w => w.WriteObjectIdentifier(dotted))));
        Assert.False(ObjectIdentifier.TryEncode(dotted, out _));
    }

    // Reason: the BCL's reader refuses OIDs of more than 64 arcs ("limits supported by this library"); X.660 sets
    // no such limit and ours has none (the element's length bounds the work). Both writers write them.
    [Fact]
    public void ObjectIdentifier_MoreThan64Arcs_BclRejectsWeAccept()
    {
        string oid64 = "1.2" + string.Concat(Enumerable.Repeat(".1", 62));
        string oid65 = oid64 + ".1";
        Assert.Equal(oid64, BclReader(BclEncode(w => w.WriteObjectIdentifier(oid64))).ReadObjectIdentifier());

        byte[] der = BclEncode(w => w.WriteObjectIdentifier(oid65));
        Assert.Equal(ToHex(der), ToHex(DerEncode(w => w.WriteObjectIdentifier(oid65))));
        Assert.Throws<Bcl.AsnContentException>(() => BclReader(der).ReadObjectIdentifier());

        var r = new DerReader(der);
        Assert.Equal(oid65, ObjectIdentifier.ToDotted(r.ReadObjectIdentifier()));
    }

    // Reason: X.690 §11.2.2 removes trailing zero bits of a named-bit list in DER. The BCL enforces it in
    // ReadNamedBitListValue<TEnum> (as we do in ReadNamedBitList) but not in the BitArray-returning
    // ReadNamedBitList, which accepts 03 02 07 00 as one clear bit.
    [Theory]
    [InlineData("trailing zero bit", "0302 0700", 1)]
    [InlineData("trailing zero octet", "0303 000100", 16)]
    public void NamedBitList_TrailingZeroBits_OnlyTheBclBitArrayApiAccepts(string why, string hex, int bclBitCount)
    {
        _ = why;
        byte[] der = Hex(hex);
        BitArray bits = BclReader(der).ReadNamedBitList();
        Assert.Equal(bclBitCount, bits.Length);
        Assert.Throws<Bcl.AsnContentException>(() => BclReader(der).ReadNamedBitListValue<NamedBits64>());

        Pkcs10Exception e = Rejects(hex, (ref DerReader r) => r.ReadNamedBitList());
        Assert.Equal((Pkcs10ErrorCode.NonMinimalNamedBitString, (int?)0), (e.Code, e.Offset));
    }

    // Reason: the BCL's ReadGeneralizedTime rounds some 7-digit fractions one tick (100 ns) low (observed on
    // .NET 10: .6097476 reads as .6097475); DerReader converts the decimal digits to ticks exactly.
    [Theory]
    [InlineData("2030-04-20 07:49:53.6097476", "1817 32303330303432303037343935332E363039373437365A", 6_097_476L)]
    [InlineData("1967-01-25 17:41:00.0851434", "1817 31393637303132353137343130302E303835313433345A", 851_434L)]
    public void GeneralizedTime_SevenDigitFraction_BclIsOneTickLow(string why, string hex, long fractionTicks)
    {
        _ = why;
        byte[] der = Hex(hex);
        var r = new DerReader(der);
        DateTimeOffset ours = r.ReadGeneralizedTime();
        DateTimeOffset bcl = BclReader(der).ReadGeneralizedTime();
        Assert.Equal(fractionTicks, ours.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(ours.AddTicks(-1), bcl);
        Assert.Equal(DerReaderDifferentialTests.ExactGeneralizedTime(der), ours);
    }

    // Reason: the BCL's ReadCharacterString does not support UniversalString at all (it throws
    // ArgumentOutOfRangeException for the encoding type); we validate UCS-4 and decode it.
    [Fact]
    public void UniversalString_BclCannotReadIt()
    {
        byte[] der = Hex("1C08 00000041 0001F600");
        Assert.Throws<ArgumentOutOfRangeException>(() => BclReader(der).ReadCharacterString(Bcl.UniversalTagNumber.UniversalString));

        var r = new DerReader(der);
        Assert.Equal("A\U0001F600", DerString.Decode(UniversalTagNumber.UniversalString, r.ReadCharacterString(out _)));
    }

    // Reason: RFC 5280 §4.1.2.5.1 gives UTCTime the years 1950–2049 only. The BCL's AsnWriter.WriteUtcTime writes
    // 1949 as "49…", which every reader (BCL included) reads back as 2049; DerWriter refuses it.
    [Fact]
    public void WriteUtcTime_OutsideTheRfc5280Window_BclWritesWrongCenturyWeThrow()
    {
        var t1949 = new DateTimeOffset(1949, 6, 1, 0, 0, 0, TimeSpan.Zero);
        byte[] bcl = BclEncode(w => w.WriteUtcTime(t1949));
        Assert.Equal(2049, BclReader(bcl).ReadUtcTime().Year);

        using var w = new DerWriter();
        Assert.Throws<ArgumentOutOfRangeException>(() => w.WriteUtcTime(t1949));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.WriteUtcTime(new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    // Not a divergence, but the reason the differential properties treat every BCL exception type as a rejection:
    // the BCL reports malformed content as AsnContentException and some string errors as CryptographicException,
    // while we report everything as Pkcs10Exception (itself a CryptographicException).
    [Fact]
    public void Pkcs10Exception_IsACryptographicException()
    {
        Pkcs10Exception e = Rejects("0200", (ref DerReader r) => _ = r.ReadIntegerBytes());
        Assert.IsAssignableFrom<CryptographicException>(e);
    }
}
