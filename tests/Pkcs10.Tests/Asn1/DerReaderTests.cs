using Pkcs10.Asn1;
using static Pkcs10.Tests.Asn1.DerTestHelpers;

namespace Pkcs10.Tests.Asn1;

/// <summary>
/// Each strict-DER rule of <see cref="DerReader"/>, one rejected encoding per line, with the exact
/// <see cref="Pkcs10ErrorCode"/> and absolute <see cref="Pkcs10Exception.Offset"/>; then the encodings it must accept.
/// Hex is grouped by TLV. Element offsets point at the tag, content offsets at the first content octet.
/// </summary>
public class DerReaderTests
{
    /// <summary>
    /// Asserts the rejection twice: on the bare element, and on the same element after a NULL in a reader whose
    /// data starts at absolute offset 100 (so every reported offset must move by exactly 102).
    /// </summary>
    private static void AssertRejects(string hex, ReaderAction action, Pkcs10ErrorCode code, int offset)
    {
        Pkcs10Exception e = Rejects(hex, action);
        Assert.Equal((code, (int?)offset), (e.Code, e.Offset));

        Pkcs10Exception shifted = Rejects("0500" + hex, (ref DerReader r) =>
        {
            r.ReadNull();
            action(ref r);
        }, baseOffset: 100);
        Assert.Equal((code, (int?)(offset + 102)), (shifted.Code, shifted.Offset));
    }

    private static void ReadAllEncodedValues(ref DerReader r)
    {
        while (r.HasData)
        {
            _ = r.ReadEncodedValue();
        }
    }

    // ---- framing: identifier and length octets (X.690 §8.1.2, §8.1.3, §10.1) ----

    [Theory]
    [InlineData("indefinite length", "0500 3080 0500 0000", Pkcs10ErrorCode.IndefiniteLength, 2)]
    [InlineData("long form for a length below 128 (81 05)", "0500 048105 0102030405", Pkcs10ErrorCode.NonMinimalLength, 2)]
    [InlineData("long form for length 0 (81 00)", "0500 048100", Pkcs10ErrorCode.NonMinimalLength, 2)]
    [InlineData("long form with a leading zero octet (82 00 80), checked before the content", "0500 04820080", Pkcs10ErrorCode.NonMinimalLength, 2)]
    [InlineData("long form with a leading zero octet (83 00 01 00)", "0500 0483000100", Pkcs10ErrorCode.NonMinimalLength, 2)]
    [InlineData("reserved length octet 0xFF", "0500 04FF", Pkcs10ErrorCode.LengthTooLarge, 2)]
    [InlineData("5-octet length", "0500 04850100000000", Pkcs10ErrorCode.LengthTooLarge, 2)]
    [InlineData("length above int.MaxValue", "0500 048480000000", Pkcs10ErrorCode.LengthTooLarge, 2)]
    [InlineData("short-form length above the remaining bytes", "0500 0403 0102", Pkcs10ErrorCode.Truncated, 2)]
    [InlineData("long-form length above the remaining bytes", "0500 048180 00", Pkcs10ErrorCode.Truncated, 2)]
    [InlineData("length octets cut off", "0500 048201", Pkcs10ErrorCode.Truncated, 2)]
    [InlineData("length octet missing", "0500 04", Pkcs10ErrorCode.Truncated, 2)]
    [InlineData("high tag number cut off", "0500 1F81", Pkcs10ErrorCode.Truncated, 2)]
    [InlineData("high tag number without length", "0500 1F2A", Pkcs10ErrorCode.Truncated, 2)]
    [InlineData("high-tag-number form for 30 (< 31)", "0500 1F1E 00", Pkcs10ErrorCode.NonMinimalTag, 2)]
    [InlineData("high-tag-number form for 0", "0500 9F00 00", Pkcs10ErrorCode.NonMinimalTag, 2)]
    [InlineData("leading 0x80 in a high tag number", "0500 9F801F 00", Pkcs10ErrorCode.NonMinimalTag, 2)]
    [InlineData("leading 0x80 in a large high tag number", "0500 BF808101 00", Pkcs10ErrorCode.NonMinimalTag, 2)]
    [InlineData("tag number 2^31", "0500 1F888080800000", Pkcs10ErrorCode.TagTooLarge, 2)]
    [InlineData("tag number with six septets", "0500 1F81808080800000", Pkcs10ErrorCode.TagTooLarge, 2)]
    public void ReadEncodedValue_MalformedFraming_Throws(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, ReadAllEncodedValues, code, offset);
    }

    [Theory]
    [InlineData("indefinite length", "3080 0000", Pkcs10ErrorCode.IndefiniteLength)]
    [InlineData("non-minimal length", "308100", Pkcs10ErrorCode.NonMinimalLength)]
    [InlineData("truncated", "3001", Pkcs10ErrorCode.Truncated)]
    [InlineData("non-minimal tag", "1F0100", Pkcs10ErrorCode.NonMinimalTag)]
    public void PeekTag_And_PeekEncodedValue_ValidateTheHeader(string why, string hex, Pkcs10ErrorCode code)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => r.PeekTag(), code, 0);
        AssertRejects(hex, (ref DerReader r) => _ = r.PeekEncodedValue(), code, 0);
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadSequence(), code, 0);
    }

    [Fact]
    public void ReadEncodedValue_AtEnd_ThrowsTruncatedAtTheEndOffset()
    {
        Pkcs10Exception e = Rejects("", (ref DerReader r) => _ = r.ReadEncodedValue());
        Assert.Equal((Pkcs10ErrorCode.Truncated, (int?)0), (e.Code, e.Offset));

        e = Rejects("0500", (ref DerReader r) =>
        {
            r.ReadNull();
            r.ReadNull();
        }, baseOffset: 7);
        Assert.Equal((Pkcs10ErrorCode.Truncated, (int?)9), (e.Code, e.Offset));
    }

    // ---- primitive values ----

    [Theory]
    [InlineData("empty INTEGER", "0200", Pkcs10ErrorCode.EmptyInteger, 2)]
    [InlineData("redundant 0x00 (00 7F)", "0202 007F", Pkcs10ErrorCode.NonMinimalInteger, 2)]
    [InlineData("redundant 0xFF (FF 80)", "0202 FF80", Pkcs10ErrorCode.NonMinimalInteger, 2)]
    [InlineData("redundant 0x00 before 00 FF", "0203 0000FF", Pkcs10ErrorCode.NonMinimalInteger, 2)]
    [InlineData("zero written as 00 00", "0202 0000", Pkcs10ErrorCode.NonMinimalInteger, 2)]
    [InlineData("minus one written as FF FF", "0202 FFFF", Pkcs10ErrorCode.NonMinimalInteger, 2)]
    [InlineData("constructed INTEGER", "2203 020101", Pkcs10ErrorCode.InvalidConstructedBit, 0)]
    [InlineData("not an INTEGER", "0500", Pkcs10ErrorCode.UnexpectedTag, 0)]
    public void ReadIntegerBytes_NotDer_Throws(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadIntegerBytes(), code, offset);
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadInt64(out _), code, offset);
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadUnsignedIntegerBytes(), code, offset);
    }

    [Theory]
    [InlineData("one octet 01", "0101 01", 2)]
    [InlineData("one octet 7F", "0101 7F", 2)]
    [InlineData("two octets", "0102 FFFF", 2)]
    [InlineData("no octet", "0100", 2)]
    public void ReadBoolean_NotDer_Throws(string why, string hex, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => r.ReadBoolean(), Pkcs10ErrorCode.InvalidBoolean, offset);
    }

    [Theory]
    [InlineData("NULL with content", "0501 00", Pkcs10ErrorCode.InvalidNull, 0)]
    [InlineData("constructed NULL", "2500", Pkcs10ErrorCode.InvalidConstructedBit, 0)]
    public void ReadNull_NotDer_Throws(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => r.ReadNull(), code, offset);
    }

    [Theory]
    [InlineData("unused-bits count 8", "0302 0800", Pkcs10ErrorCode.InvalidBitString, 2)]
    [InlineData("unused-bits count 0xFF", "0302 FF00", Pkcs10ErrorCode.InvalidBitString, 2)]
    [InlineData("unused bit set (1 unused, last octet 01)", "0302 0101", Pkcs10ErrorCode.InvalidBitString, 3)]
    [InlineData("unused bit set in the last of three octets", "0304 03FFFF01", Pkcs10ErrorCode.InvalidBitString, 5)]
    [InlineData("empty BIT STRING with unused bits", "0301 01", Pkcs10ErrorCode.InvalidBitString, 2)]
    [InlineData("no unused-bits octet", "0300", Pkcs10ErrorCode.InvalidBitString, 2)]
    [InlineData("constructed BIT STRING (BER only)", "2304 03020000", Pkcs10ErrorCode.InvalidConstructedBit, 0)]
    public void ReadBitString_NotDer_Throws(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadBitString(out _), code, offset);
    }

    [Theory]
    [InlineData("trailing zero bit (07 00)", "0302 0700", Pkcs10ErrorCode.NonMinimalNamedBitString, 0)]
    [InlineData("trailing zero bits (06 80)", "0302 0680", Pkcs10ErrorCode.NonMinimalNamedBitString, 0)]
    [InlineData("a whole trailing zero octet", "0303 000100", Pkcs10ErrorCode.NonMinimalNamedBitString, 0)]
    [InlineData("zero unused bits but bit 7 clear", "0302 0080", Pkcs10ErrorCode.NonMinimalNamedBitString, 0)]
    [InlineData("unused bit set", "0302 0781", Pkcs10ErrorCode.InvalidBitString, 3)]
    [InlineData("72 bits, more than 64", "030A 00FFFFFFFFFFFFFFFFFF", Pkcs10ErrorCode.InvalidBitString, 0)]
    public void ReadNamedBitList_NotDer_Throws(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => r.ReadNamedBitList(), code, offset);
    }

    [Fact]
    public void ReadNamedBitList_MoreBitsThanMaxBits_Throws()
    {
        AssertRejects("0303 00FFFF", (ref DerReader r) => r.ReadNamedBitList(maxBits: 9), Pkcs10ErrorCode.InvalidBitString, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var r = new DerReader(Hex("030100"));
            r.ReadNamedBitList(maxBits: 65);
        });
    }

    [Theory]
    [InlineData("empty", "0600", 2)]
    [InlineData("leading 0x80 in the first subidentifier", "0602 8001", 2)]
    [InlineData("leading 0x80 in a later subidentifier", "0603 2A8001", 3)]
    [InlineData("last subidentifier truncated", "0602 2A86", 3)]
    [InlineData("only a continuation octet", "0601 86", 2)]
    [InlineData("arc 2^128 under 2.25 (129 bits)", "0614 69 84808080808080808080808080808080808000", 3)]
    [InlineData("arc of 20 septets", "0615 2A 8180808080808080808080808080808080808000", 3)]
    [InlineData("first subidentifier of 2^128", "0613 84808080808080808080808080808080808000", 2)]
    public void ReadObjectIdentifier_Malformed_Throws(string why, string hex, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadObjectIdentifier(), Pkcs10ErrorCode.InvalidObjectIdentifier, offset);
    }

    [Fact]
    public void ReadObjectIdentifier_ConstructedOrWrongTag_Throws()
    {
        AssertRejects("2603 06012A", (ref DerReader r) => _ = r.ReadObjectIdentifier(), Pkcs10ErrorCode.InvalidConstructedBit, 0);
        AssertRejects("0401 2A", (ref DerReader r) => _ = r.ReadObjectIdentifier(), Pkcs10ErrorCode.UnexpectedTag, 0);
    }

    // X.690 §11.8: DER UTCTime is exactly YYMMDDHHMMSSZ. Calendar errors are reported at the month (content + 2).
    [Theory]
    [InlineData("no seconds (YYMMDDhhmmZ)", "170B 323430313031313230305A", 2)]
    [InlineData("offset +0100 instead of Z", "1711 3234303130313132303030302B30313030", 2)]
    [InlineData("lowercase z", "170D 3234303130313132303030307A", 2)]
    [InlineData("no zone", "170C 323430313031313230303030", 2)]
    [InlineData("February 30", "170D 3234303233303132303030305A", 4)]
    [InlineData("hour 24", "170D 3234303130313234303030305A", 4)]
    [InlineData("second 60", "170D 3234303130313132303036305A", 4)]
    [InlineData("month 13", "170D 3234313330313132303030305A", 4)]
    [InlineData("letter in the day", "170D 3234303141313132303030305A", 6)]
    [InlineData("'+' (below '0') in the year", "170D 2B34303130313132303030305A", 2)]
    [InlineData("space (below '0') in the seconds", "170D 3234303130313132303020305A", 12)]
    public void ReadUtcTime_NotDer_Throws(string why, string hex, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => r.ReadUtcTime(), Pkcs10ErrorCode.InvalidTime, offset);
    }

    // X.690 §11.7: YYYYMMDDHHMMSS[.f]Z, '.' only, no trailing zero in the fraction. Calendar errors at content + 4.
    [Theory]
    [InlineData("fraction with a trailing zero (.50)", "1812 32303234303130313132303030302E35305A", 16)]
    [InlineData("fraction .0", "1811 32303234303130313132303030302E305A", 16)]
    [InlineData("comma before the fraction", "1811 32303234303130313132303030302C355A", 16)]
    [InlineData("dot without digits", "1810 32303234303130313132303030302E5A", 16)]
    [InlineData("offset +0000 instead of Z", "1813 32303234303130313132303030302B30303030", 2)]
    [InlineData("no Z (local time)", "180E 3230323430313031313230303030", 2)]
    [InlineData("no seconds", "180D 3230323430313031313230305A", 2)]
    [InlineData("year 0000", "180F 30303030303130313030303030305A", 6)]
    [InlineData("February 29 in 2023", "180F 32303233303232393030303030305A", 6)]
    [InlineData("letter in the fraction", "1812 32303234303130313132303030302E35615A", 18)]
    [InlineData("'/' (below '0') in the fraction", "1811 32303234303130313132303030302E2F5A", 17)]
    public void ReadGeneralizedTime_NotDer_Throws(string why, string hex, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => r.ReadGeneralizedTime(), Pkcs10ErrorCode.InvalidTime, offset);
    }

    [Theory]
    [InlineData("PrintableString with '@'", "1301 40", Pkcs10ErrorCode.InvalidCharacterString, 2)]
    [InlineData("PrintableString with '*'", "1303 41422A", Pkcs10ErrorCode.InvalidCharacterString, 4)]
    [InlineData("PrintableString with '&'", "1302 4126", Pkcs10ErrorCode.InvalidCharacterString, 3)]
    [InlineData("PrintableString with '_'", "1301 5F", Pkcs10ErrorCode.InvalidCharacterString, 2)]
    [InlineData("IA5String with 0x80", "1602 4180", Pkcs10ErrorCode.InvalidCharacterString, 3)]
    [InlineData("NumericString with a letter", "1203 313241", Pkcs10ErrorCode.InvalidCharacterString, 4)]
    [InlineData("VisibleString with a tab", "1A02 4109", Pkcs10ErrorCode.InvalidCharacterString, 3)]
    [InlineData("VisibleString with DEL", "1A01 7F", Pkcs10ErrorCode.InvalidCharacterString, 2)]
    [InlineData("UTF8String overlong NUL (C0 80)", "0C02 C080", Pkcs10ErrorCode.InvalidStringEncoding, 2)]
    [InlineData("UTF8String lone continuation octet", "0C03 418042", Pkcs10ErrorCode.InvalidStringEncoding, 3)]
    [InlineData("UTF8String encoded surrogate (ED A0 80)", "0C04 41EDA080", Pkcs10ErrorCode.InvalidStringEncoding, 3)]
    [InlineData("UTF8String cut-off sequence", "0C02 41E2", Pkcs10ErrorCode.InvalidStringEncoding, 3)]
    [InlineData("UTF8String above U+10FFFF", "0C04 F4908080", Pkcs10ErrorCode.InvalidStringEncoding, 2)]
    [InlineData("BMPString odd length", "1E03 004100", Pkcs10ErrorCode.InvalidStringEncoding, 2)]
    [InlineData("BMPString lone surrogate", "1E04 0041D800", Pkcs10ErrorCode.InvalidStringEncoding, 4)]
    [InlineData("BMPString surrogate pair (UCS-2 has none)", "1E04 D83DDE00", Pkcs10ErrorCode.InvalidStringEncoding, 2)]
    [InlineData("UniversalString above 0x10FFFF", "1C04 00110000", Pkcs10ErrorCode.InvalidStringEncoding, 2)]
    [InlineData("UniversalString surrogate", "1C08 000000410000DC00", Pkcs10ErrorCode.InvalidStringEncoding, 6)]
    [InlineData("UniversalString length not a multiple of 4", "1C03 000041", Pkcs10ErrorCode.InvalidStringEncoding, 2)]
    [InlineData("constructed PrintableString", "3303 130141", Pkcs10ErrorCode.InvalidConstructedBit, 0)]
    [InlineData("not a string (INTEGER)", "0201 01", Pkcs10ErrorCode.UnexpectedTag, 0)]
    [InlineData("not a string (context tag)", "8001 41", Pkcs10ErrorCode.UnexpectedTag, 0)]
    public void ReadCharacterString_Invalid_Throws(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadCharacterString(out _), code, offset);
    }

    [Theory]
    [InlineData("constructed OCTET STRING (BER only)", "2403 040141", Pkcs10ErrorCode.InvalidConstructedBit, 0)]
    [InlineData("empty constructed OCTET STRING", "2400", Pkcs10ErrorCode.InvalidConstructedBit, 0)]
    [InlineData("not an OCTET STRING", "0301 00", Pkcs10ErrorCode.UnexpectedTag, 0)]
    public void ReadOctetString_NotDer_Throws(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadOctetString(), code, offset);
    }

    // ---- constructed values ----

    [Theory]
    [InlineData("two INTEGERs out of order", "3106 020101 020100", 5)]
    [InlineData("longer encoding first (02 02 ... > 02 01 ...)", "3107 02020100 020101", 6)]
    [InlineData("tags out of order (04 > 02)", "3106 040100 020100", 5)]
    [InlineData("third element out of order", "3109 020100 020102 020101", 8)]
    [InlineData("SEQUENCE before INTEGER", "3105 3000 020100", 4)]
    public void ReadSetOf_Unsorted_Throws(string why, string hex, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadSetOf(), Pkcs10ErrorCode.SetNotSorted, offset);
    }

    [Fact]
    public void ReadSetOf_UnsortedButNotRequired_ReturnsTheElementsInOrder()
    {
        var r = new DerReader(Hex("3106 020101 020100"));
        DerReader set = r.ReadSetOf(requireSorted: false);
        Assert.Equal(1, set.ReadInt32());
        Assert.Equal(0, set.ReadInt32());
        set.ThrowIfNotEmpty();
        r.ThrowIfNotEmpty();
    }

    [Theory]
    [InlineData("equal elements", "3106 020101 020101")]
    [InlineData("shorter INTEGER first", "3107 020101 02020100")]
    [InlineData("empty SET", "3100")]
    [InlineData("tags in order", "3106 020100 040100")]
    public void ReadSetOf_Sorted_Succeeds(string why, string hex)
    {
        _ = why;
        var r = new DerReader(Hex(hex));
        DerReader set = r.ReadSetOf();
        while (set.HasData)
        {
            _ = set.ReadEncodedValue();
        }

        r.ThrowIfNotEmpty();
    }

    [Theory]
    [InlineData("malformed element inside the SET", "3103 020200", Pkcs10ErrorCode.Truncated, 2)]
    [InlineData("SET with the primitive bit", "1100", Pkcs10ErrorCode.InvalidConstructedBit, 0)]
    [InlineData("SEQUENCE read as a SET", "3000", Pkcs10ErrorCode.UnexpectedTag, 0)]
    public void ReadSetOf_Malformed_Throws(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadSetOf(), code, offset);
    }

    [Theory]
    [InlineData("SEQUENCE with the primitive bit", "1000", Pkcs10ErrorCode.InvalidConstructedBit, 0)]
    [InlineData("SET read as a SEQUENCE", "3100", Pkcs10ErrorCode.UnexpectedTag, 0)]
    [InlineData("content overruns the input", "3003 0500", Pkcs10ErrorCode.Truncated, 0)]
    public void ReadSequence_Malformed_Throws(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => _ = r.ReadSequence(), code, offset);
    }

    [Fact]
    public void ReadExplicit_WrongNumberOrPrimitive_Throws()
    {
        AssertRejects("A100", (ref DerReader r) => _ = r.ReadExplicit(0), Pkcs10ErrorCode.UnexpectedTag, 0);
        AssertRejects("8000", (ref DerReader r) => _ = r.ReadExplicit(0), Pkcs10ErrorCode.InvalidConstructedBit, 0);
    }

    [Fact]
    public void ThrowIfNotEmpty_TrailingData_ReportsTheFirstExtraByte()
    {
        AssertRejects("0500 00", (ref DerReader r) =>
        {
            r.ReadNull();
            r.ThrowIfNotEmpty();
        }, Pkcs10ErrorCode.TrailingData, 2);

        // Inside a SEQUENCE: the nested reader reports the absolute offset of the stray byte.
        AssertRejects("3003 0500 00", (ref DerReader r) =>
        {
            DerReader seq = r.ReadSequence();
            seq.ReadNull();
            seq.ThrowIfNotEmpty();
        }, Pkcs10ErrorCode.TrailingData, 4);
    }

    [Fact]
    public void ThrowIfNotEmpty_WhenEmpty_DoesNothing()
    {
        var r = new DerReader(Hex("3000"));
        DerReader seq = r.ReadSequence();
        seq.ThrowIfNotEmpty();
        r.ThrowIfNotEmpty();
        Assert.False(r.HasData);
    }

    // ---- depth ----

    private static string Nested(int count)
    {
        // count SEQUENCEs, each holding the next; the innermost is empty. Level k starts at offset 2k.
        string hex = "3000";
        for (int i = 1; i < count; i++)
        {
            hex = "30" + (hex.Length / 2).ToString("X2") + hex;
        }

        return hex;
    }

    private static void Descend(ref DerReader r)
    {
        if (r.HasData)
        {
            DerReader inner = r.ReadSequence();
            Descend(ref inner);
            inner.ThrowIfNotEmpty();
        }
    }

    [Fact]
    public void ReadSequence_AtDefaultMaxDepth_Succeeds()
    {
        var r = new DerReader(Hex(Nested(DerReader.DefaultMaxDepth)));
        Descend(ref r);
        r.ThrowIfNotEmpty();
    }

    [Fact]
    public void ReadSequence_DeeperThanDefaultMaxDepth_ThrowsAtTheElementThatIsTooDeep()
    {
        // 33 levels: the 33rd SEQUENCE (level index 32) starts at offset 64.
        AssertRejects(Nested(DerReader.DefaultMaxDepth + 1), Descend, Pkcs10ErrorCode.MaxDepthExceeded, 64);
    }

    [Fact]
    public void ReadSequence_CustomMaxDepth_CountsSequencesSetsAndExplicitTags()
    {
        // SEQUENCE { SET { [0] { SEQUENCE {} } } }: with maxDepth 3, the innermost SEQUENCE at offset 6 is too deep.
        Pkcs10Exception e = Rejects("3006 3104 A002 3000", (ref DerReader r) =>
        {
            DerReader seq = r.ReadSequence();
            DerReader set = seq.ReadSetOf();
            DerReader ctx = set.ReadExplicit(0);
            Assert.Equal(3, ctx.Depth);
            _ = ctx.ReadSequence();
        }, maxDepth: 3);
        Assert.Equal((Pkcs10ErrorCode.MaxDepthExceeded, (int?)6), (e.Code, e.Offset));
    }

    [Fact]
    public void ReadEncodedValue_DoesNotCountDepth()
    {
        // A too-deep structure can still be skipped or captured whole.
        var r = new DerReader(Hex(Nested(40)), maxDepth: 1);
        Assert.Equal(80, r.ReadEncodedValue().Length);
        r.ThrowIfNotEmpty();
    }

    // ---- offsets inside nested readers ----

    [Theory]
    [InlineData("non-minimal INTEGER inside two SEQUENCEs", "300A 020101 3005 020300007F", Pkcs10ErrorCode.NonMinimalInteger, 9)]
    [InlineData("BIT STRING unused bit set inside [0] inside a SEQUENCE", "3008 A006 0500 03020101", Pkcs10ErrorCode.InvalidBitString, 9)]
    [InlineData("indefinite length inside two SEQUENCEs", "3006 3004 0500 0480", Pkcs10ErrorCode.IndefiniteLength, 6)]
    [InlineData("unsorted SET inside a SEQUENCE", "3008 3106 020101 020100", Pkcs10ErrorCode.SetNotSorted, 7)]
    [InlineData("inner length overruns its parent, not the input", "3005 3004 0500 05 00", Pkcs10ErrorCode.Truncated, 2)]
    [InlineData("bad UTF-8 three levels down", "300B 3109 3007 0C05 4142C08043", Pkcs10ErrorCode.InvalidStringEncoding, 10)]
    [InlineData("bad OID arc inside two SEQUENCEs", "3007 3005 0603 2A8001", Pkcs10ErrorCode.InvalidObjectIdentifier, 7)]
    [InlineData("bad UTCTime digit inside two SEQUENCEs", "3011 300F 170D 3234303141313132303030305A", Pkcs10ErrorCode.InvalidTime, 10)]
    public void Walk_BadElementInsideNestedReaders_ReportsTheAbsoluteOffset(string why, string hex, Pkcs10ErrorCode code, int offset)
    {
        _ = why;
        AssertRejects(hex, DerWalker.WalkStrict, code, offset);
    }

    // ---- acceptances ----

    [Fact]
    public void ReadObjectIdentifier_Uuid128BitArc_Succeeds()
    {
        // 2.25.(2^128 - 1): the largest arc a UUID OID needs (X.667), 19 septets whose first is 3.
        byte[] der = Hex("0614 69 83FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF7F");
        var r = new DerReader(der);
        ReadOnlySpan<byte> content = r.ReadObjectIdentifier();
        r.ThrowIfNotEmpty();
        Assert.Equal("2.25.340282366920938463463374607431768211455", ObjectIdentifier.ToDotted(content));
        Assert.Equal("2.25.340282366920938463463374607431768211455", BclReader(der).ReadObjectIdentifier());
    }

    [Theory]
    [InlineData("no fraction", "180F 32303234303130313132303030305A", 0L)]
    [InlineData("one digit", "1811 32303234303130313132303030302E355A", 5_000_000L)]
    [InlineData("nine digits: truncated to ticks", "1819 32303234303130313132303030302E3132333435363738395A", 1_234_567L)]
    public void ReadGeneralizedTime_Valid_Succeeds(string why, string hex, long fractionTicks)
    {
        _ = why;
        var r = new DerReader(Hex(hex));
        DateTimeOffset t = r.ReadGeneralizedTime();
        r.ThrowIfNotEmpty();
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(fractionTicks), t);
        Assert.Equal(TimeSpan.Zero, t.Offset);
    }

    [Fact]
    public void ReadGeneralizedTime_Extremes_Succeed()
    {
        var r = new DerReader(Hex("1817 39393939313233313233353935392E393939393939395A 180F 32303234303232393030303030305A"));
        Assert.Equal(DateTimeOffset.MaxValue, r.ReadGeneralizedTime());
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), r.ReadGeneralizedTime());
        r.ThrowIfNotEmpty();
    }

    [Theory]
    [InlineData("2024", "170D 3234303130313132303030305A", 2024)]
    [InlineData("49 is 2049", "170D 3439313233313233353935395A", 2049)]
    [InlineData("50 is 1950", "170D 3530303130313030303030305A", 1950)]
    public void ReadUtcTime_Valid_UsesTheRfc5280Century(string why, string hex, int year)
    {
        _ = why;
        var r = new DerReader(Hex(hex));
        DateTimeOffset t = r.ReadUtcTime();
        Assert.Equal(year, t.Year);
        Assert.Equal(BclReader(Hex(hex)).ReadUtcTime(), t);
    }

    [Theory]
    [InlineData("6 unused bits", "0302 06C0", 6, "C0")]
    [InlineData("7 unused bits after a full octet", "0303 07FF80", 7, "FF80")]
    [InlineData("no unused bits", "0302 00FF", 0, "FF")]
    [InlineData("empty", "0301 00", 0, "")]
    public void ReadBitString_ValidUnusedBits_Succeeds(string why, string hex, int unused, string data)
    {
        _ = why;
        var r = new DerReader(Hex(hex));
        ReadOnlySpan<byte> value = r.ReadBitString(out int unusedBitCount);
        Assert.Equal(unused, unusedBitCount);
        Assert.Equal(data, ToHex(value));
    }

    [Theory]
    [InlineData("nothing", "0301 00", 0UL)]
    [InlineData("bit 0", "0302 0780", 1UL)]
    [InlineData("bits 0 and 2 (KeyUsage digitalSignature, keyEncipherment)", "0302 05A0", 5UL)]
    [InlineData("bit 8", "0303 070080", 0x100UL)]
    [InlineData("bit 63", "0309 0000000000000000 01", 0x8000_0000_0000_0000UL)]
    public void ReadNamedBitList_Minimal_Succeeds(string why, string hex, ulong bits)
    {
        _ = why;
        var r = new DerReader(Hex(hex));
        Assert.Equal(bits, r.ReadNamedBitList());
    }

    [Theory]
    [InlineData("[31], the first high tag number", "9F1F 00", TagClass.ContextSpecific, 31, false)]
    [InlineData("UNIVERSAL 31", "1F1F 00", TagClass.Universal, 31, false)]
    [InlineData("[APPLICATION 128] constructed", "7F8100 00", TagClass.Application, 128, true)]
    [InlineData("[PRIVATE 16383]", "DFFF7F 00", TagClass.Private, 16383, false)]
    [InlineData("[200] with content", "9F8148 02 AABB", TagClass.ContextSpecific, 200, false)]
    [InlineData("int.MaxValue", "9F87FFFFFF7F 00", TagClass.ContextSpecific, int.MaxValue, false)]
    public void PeekTag_HighTagNumber_Succeeds(string why, string hex, TagClass cls, int number, bool constructed)
    {
        _ = why;
        byte[] der = Hex(hex);
        var r = new DerReader(der);
        Asn1Tag tag = r.PeekTag();
        Assert.Equal(new Asn1Tag(cls, number, constructed), tag);
        Assert.Equal(FromBcl(BclReader(der).PeekTag()), tag);
        Assert.Equal(der.Length, r.ReadEncodedValue().Length);
        r.ThrowIfNotEmpty();
    }

    [Fact]
    public void ReadOctetString_ImplicitHighTag_ReturnsTheContent()
    {
        var r = new DerReader(Hex("9F8148 02 AABB"));
        Assert.Equal("AABB", ToHex(r.ReadOctetString(out int contentOffset, Asn1Tag.Context(200))));
        Assert.Equal(4, contentOffset);
    }

    [Theory]
    [InlineData(0, "04 00")]
    [InlineData(127, "04 7F")]
    [InlineData(128, "04 8180")]
    [InlineData(255, "04 81FF")]
    [InlineData(256, "04 820100")]
    [InlineData(65535, "04 82FFFF")]
    [InlineData(65536, "04 83010000")]
    public void ReadOctetString_LengthBoundaries_Succeed(int length, string header)
    {
        byte[] der = [.. Hex(header), .. Enumerable.Range(0, length).Select(i => (byte)i)];
        var r = new DerReader(der);
        ReadOnlySpan<byte> content = r.ReadOctetString(out int contentOffset);
        Assert.Equal(length, content.Length);
        Assert.Equal(der.Length - length, contentOffset);
        Assert.True(content.SequenceEqual(der.AsSpan(contentOffset)));
        r.ThrowIfNotEmpty();
    }

    [Theory]
    [InlineData("zero", "020100", 0L)]
    [InlineData("127", "02017F", 127L)]
    [InlineData("128", "02020080", 128L)]
    [InlineData("-1", "0201FF", -1L)]
    [InlineData("-128", "020180", -128L)]
    [InlineData("-129", "0202FF7F", -129L)]
    [InlineData("long.MaxValue", "02087FFFFFFFFFFFFFFF", long.MaxValue)]
    [InlineData("long.MinValue", "02088000000000000000", long.MinValue)]
    public void ReadInt64_Valid_ReturnsTheValue(string why, string hex, long expected)
    {
        _ = why;
        var r = new DerReader(Hex(hex));
        Assert.Equal(expected, r.ReadInt64(out int contentOffset));
        Assert.Equal(2, contentOffset);
        Assert.Equal(expected, (long)BclReader(Hex(hex)).ReadInteger());
    }

    [Theory]
    [InlineData("int.MaxValue", "02047FFFFFFF", int.MaxValue)]
    [InlineData("int.MinValue", "020480000000", int.MinValue)]
    [InlineData("-2", "0201FE", -2)]
    public void ReadInt32_Valid_ReturnsTheValue(string why, string hex, int expected)
    {
        _ = why;
        var r = new DerReader(Hex(hex));
        Assert.Equal(expected, r.ReadInt32());
    }

    [Theory]
    [InlineData("2^31", "0205 0080000000", 2)]
    [InlineData("-2^31 - 1", "0205 FF7FFFFFFF", 2)]
    [InlineData("2^63 (9 octets)", "0209 008000000000000000", 2)]
    public void ReadInt32_OutOfRange_Throws(string why, string hex, int offset)
    {
        _ = why;
        AssertRejects(hex, (ref DerReader r) => r.ReadInt32(), Pkcs10ErrorCode.IntegerOutOfRange, offset);
    }

    [Fact]
    public void ReadInt64_NineOctets_Throws()
    {
        AssertRejects("0209 008000000000000000", (ref DerReader r) => r.ReadInt64(out _), Pkcs10ErrorCode.IntegerOutOfRange, 2);
        AssertRejects("0209 FF7FFFFFFFFFFFFFFF", (ref DerReader r) => r.ReadInt64(out _), Pkcs10ErrorCode.IntegerOutOfRange, 2);
    }

    [Theory]
    [InlineData("zero", "020100", "00")]
    [InlineData("sign octet removed", "020200FF", "FF")]
    [InlineData("no sign octet needed", "02017F", "7F")]
    [InlineData("long magnitude", "0209 00FFFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF")]
    public void ReadUnsignedIntegerBytes_NonNegative_ReturnsTheMagnitude(string why, string hex, string magnitude)
    {
        _ = why;
        var r = new DerReader(Hex(hex));
        Assert.Equal(magnitude, ToHex(r.ReadUnsignedIntegerBytes()));
    }

    [Fact]
    public void ReadUnsignedIntegerBytes_Negative_Throws()
    {
        AssertRejects("0201FF", (ref DerReader r) => _ = r.ReadUnsignedIntegerBytes(), Pkcs10ErrorCode.IntegerOutOfRange, 2);
        AssertRejects("0202 8000", (ref DerReader r) => _ = r.ReadUnsignedIntegerBytes(), Pkcs10ErrorCode.IntegerOutOfRange, 2);
    }

    [Fact]
    public void ReadBooleanAndNull_Valid_Succeed()
    {
        var r = new DerReader(Hex("0101FF 010100 0500"));
        Assert.True(r.ReadBoolean());
        Assert.False(r.ReadBoolean());
        r.ReadNull();
        r.ThrowIfNotEmpty();
    }

    [Theory]
    [InlineData("PrintableString, all allowed punctuation", "130E 417A3020272829 2B2C2D2E2F3A3D", UniversalTagNumber.PrintableString, "Az0 '()+,-./:=")]
    [InlineData("IA5String with NUL and DEL", "1603 00407F", UniversalTagNumber.IA5String, "\0@\x7F")]
    [InlineData("UTF8String, 4-byte sequence", "0C05 41F09F9880", UniversalTagNumber.Utf8String, "A\U0001F600")]
    [InlineData("BMPString", "1E04 00E920AC", UniversalTagNumber.BmpString, "é€")]
    [InlineData("UniversalString U+10FFFF", "1C04 0010FFFF", UniversalTagNumber.UniversalString, "\U0010FFFF")]
    [InlineData("NumericString", "1203 312033", UniversalTagNumber.NumericString, "1 3")]
    [InlineData("TeletexString as Latin-1", "1402 E9FF", UniversalTagNumber.TeletexString, "éÿ")]
    public void ReadCharacterString_Valid_DecodesTheText(string why, string hex, UniversalTagNumber type, string text)
    {
        _ = why;
        var r = new DerReader(Hex(hex));
        ReadOnlySpan<byte> content = r.ReadCharacterString(out UniversalTagNumber actual);
        Assert.Equal(type, actual);
        Assert.Equal(text, DerString.Decode(actual, content));
        r.ThrowIfNotEmpty();
    }

    // ---- cursor API ----

    [Fact]
    public void PeekEncodedValue_DoesNotAdvance_ReadEncodedValueReportsItsOffset()
    {
        var r = new DerReader(Hex("0500 3003 020105"), baseOffset: 10);
        r.ReadNull();
        Assert.Equal(12, r.Offset);
        Assert.Equal("3003020105", ToHex(r.PeekEncodedValue()));
        Assert.Equal(Asn1Tag.Sequence, r.PeekTag());
        Assert.True(r.IsNext(Asn1Tag.Sequence));
        Assert.False(r.IsNext(Asn1Tag.SetOf));
        Assert.Equal(12, r.Offset);
        Assert.Equal("3003020105", ToHex(r.ReadEncodedValue(out int offset)));
        Assert.Equal(12, offset);
        Assert.Equal(17, r.Offset);
        Assert.False(r.HasData);
        Assert.False(r.IsNext(Asn1Tag.Sequence));
        Assert.True(r.RemainingBytes.IsEmpty);
    }

    [Fact]
    public void TryReadExplicit_PresentAndAbsent()
    {
        var r = new DerReader(Hex("A003 020107 0500"));
        Assert.False(r.TryReadExplicit(1, out _));
        Assert.True(r.TryReadExplicit(0, out DerReader inner));
        Assert.Equal(1, inner.Depth);
        Assert.Equal(2, inner.Offset);
        Assert.Equal(7, inner.ReadInt32());
        inner.ThrowIfNotEmpty();
        Assert.False(r.TryReadExplicit(0, out _));
        r.ReadNull();
        Assert.False(r.TryReadExplicit(0, out _));
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = new DerReader([], baseOffset: -1); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = new DerReader([], maxDepth: 0); });
    }
}
