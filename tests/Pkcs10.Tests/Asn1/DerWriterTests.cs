using System.Buffers;
using System.Numerics;
using FsCheck.Xunit;
using Pkcs10.Asn1;
using static Pkcs10.Tests.Asn1.DerTestHelpers;
using Bcl = System.Formats.Asn1;

namespace Pkcs10.Tests.Asn1;

/// <summary>
/// <see cref="DerWriter"/> must produce exactly the bytes the BCL's <c>AsnWriter</c> (DER) produces for the same
/// calls, and <see cref="DerReader"/> must read back what it wrote.
/// </summary>
public class DerWriterTests
{
    private static void AssertSameAsBcl(Action<DerWriter> ours, Action<Bcl.AsnWriter> bcl)
    {
        byte[] expected = BclEncode(bcl);
        byte[] actual = DerEncode(ours);
        Assert.Equal(ToHex(expected), ToHex(actual));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData(127L)]
    [InlineData(128L)]
    [InlineData(-128L)]
    [InlineData(-129L)]
    [InlineData(255L)]
    [InlineData(256L)]
    [InlineData(32767L)]
    [InlineData(-32768L)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void WriteInteger_MatchesBcl(long value)
    {
        AssertSameAsBcl(w => w.WriteInteger(value), w => w.WriteInteger(value));
        byte[] der = DerEncode(w => w.WriteInteger(value));
        Assert.Equal(new BigInteger(value), new BigInteger(new DerReader(der).ReadIntegerBytes(), isUnsigned: false, isBigEndian: true));
    }

    [Theory]
    [InlineData("already minimal", "7F", "7F")]
    [InlineData("redundant 00", "00007F", "7F")]
    [InlineData("redundant FF", "FFFF80", "80")]
    [InlineData("00 needed before 80", "000080", "0080")]
    [InlineData("FF needed before 7F", "FFFF7F", "FF7F")]
    [InlineData("all zero", "000000", "00")]
    [InlineData("all FF", "FFFFFF", "FF")]
    public void WriteIntegerTwosComplement_StripsRedundantOctets(string why, string input, string content)
    {
        _ = why;
        byte[] der = DerEncode(w => w.WriteIntegerTwosComplement(Hex(input)));
        Assert.Equal("02" + (content.Length / 2).ToString("X2") + content, ToHex(der));
        AssertSameAsBcl(w => w.WriteIntegerTwosComplement(Hex(input)), w => w.WriteInteger(new BigInteger(Hex(input), isUnsigned: false, isBigEndian: true)));
    }

    [Fact]
    public void WriteIntegerTwosComplement_Empty_Throws()
    {
        using var w = new DerWriter();
        Assert.Throws<ArgumentException>(() => w.WriteIntegerTwosComplement([]));
    }

    [Theory]
    [InlineData("high bit set: a 00 sign octet is added", "80", "020200 80")]
    [InlineData("high bit set, long", "FFFFFFFF", "020500 FFFFFFFF")]
    [InlineData("leading zeros removed", "0000017F", "0202 017F")]
    [InlineData("leading zeros then high bit", "000080", "020200 80")]
    [InlineData("zero", "00", "020100")]
    [InlineData("empty magnitude is zero", "", "020100")]
    public void WriteIntegerUnsigned_MatchesBcl(string why, string magnitude, string expected)
    {
        _ = why;
        byte[] m = Hex(magnitude);
        byte[] der = DerEncode(w => w.WriteIntegerUnsigned(m));
        Assert.Equal(expected.Replace(" ", "", StringComparison.Ordinal), ToHex(der));
        AssertSameAsBcl(w => w.WriteIntegerUnsigned(m), w => w.WriteInteger(new BigInteger(m, isUnsigned: true, isBigEndian: true)));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(5UL)]
    [InlineData(0x80UL)]
    [InlineData(0x100UL)]
    [InlineData(0x1FFUL)]
    [InlineData(0x8000_0000_0000_0000UL)]
    [InlineData(ulong.MaxValue)]
    public void WriteNamedBitList_MatchesBclAndIsMinimal(ulong bits)
    {
        AssertSameAsBcl(w => w.WriteNamedBitList(bits), w => w.WriteNamedBitList((NamedBits64)bits));
        var r = new DerReader(DerEncode(w => w.WriteNamedBitList(bits)));
        Assert.Equal(bits, r.ReadNamedBitList());
    }

    [Theory]
    [InlineData("no unused bits", "FF", 0, "030200FF")]
    [InlineData("unused bits cleared by the writer", "FF", 3, "030203F8")]
    [InlineData("empty", "", 0, "030100")]
    public void WriteBitString_ClearsUnusedBits(string why, string data, int unused, string expected)
    {
        _ = why;
        Assert.Equal(expected, ToHex(DerEncode(w => w.WriteBitString(Hex(data), unused))));
    }

    [Fact]
    public void WriteBitString_InvalidUnusedCount_ThrowsArgumentException()
    {
        using var w = new DerWriter();
        Assert.Throws<ArgumentOutOfRangeException>(() => w.WriteBitString([0], 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.WriteBitString([0], -1));
        Assert.Throws<ArgumentException>(() => w.WriteBitString([], 1));
    }

    [Fact]
    public void PushSetOf_SortsElementsOfDifferentLengths()
    {
        void Ours(DerWriter w)
        {
            using (w.PushSetOf())
            {
                w.WriteOctetString([1, 2]);
                w.WriteOctetString([1]);
                w.WriteInteger(5);
                w.WriteOctetString(new byte[200]);
                w.WriteNull();
                w.WriteInteger(-1);
                w.WriteOctetString([1]);
            }
        }

        void Theirs(Bcl.AsnWriter w)
        {
            w.PushSetOf();
            w.WriteOctetString([1, 2]);
            w.WriteOctetString([1]);
            w.WriteInteger(5);
            w.WriteOctetString(new byte[200]);
            w.WriteNull();
            w.WriteInteger(-1);
            w.WriteOctetString([1]);
            w.PopSetOf();
        }

        AssertSameAsBcl(Ours, Theirs);

        // And it reads back as a sorted SET OF.
        var r = new DerReader(DerEncode(Ours));
        DerReader set = r.ReadSetOf();
        Assert.Equal("020105", ToHex(set.ReadEncodedValue()));
    }

    [Fact]
    public void PushSetOf_Nested_SortsEachLevel()
    {
        AssertSameAsBcl(
            w =>
            {
                using (w.PushSetOf())
                {
                    using (w.PushSetOf())
                    {
                        w.WriteInteger(3);
                        w.WriteInteger(1);
                    }

                    w.WriteBoolean(true);
                }
            },
            w =>
            {
                w.PushSetOf();
                w.PushSetOf();
                w.WriteInteger(3);
                w.WriteInteger(1);
                w.PopSetOf();
                w.WriteBoolean(true);
                w.PopSetOf();
            });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(70000)]
    public void LengthBoundaries_MatchBcl(int length)
    {
        byte[] content = [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];

        // A primitive value, whose header is written before the content ...
        AssertSameAsBcl(w => w.WriteOctetString(content), w => w.WriteOctetString(content));

        // ... and a constructed one, whose length is inserted when the scope closes.
        AssertSameAsBcl(
            w =>
            {
                using (w.PushSequence())
                {
                    w.WriteEncodedValue(DerEncode(x => x.WriteOctetString(content)));
                }
            },
            w =>
            {
                using (w.PushSequence())
                {
                    w.WriteOctetString(content);
                }
            });

        var r = new DerReader(DerEncode(w => w.WriteOctetString(content)));
        Assert.Equal(length, r.ReadOctetString().Length);
        r.ThrowIfNotEmpty();
    }

    [Theory]
    [InlineData(TagClass.ContextSpecific, 0)]
    [InlineData(TagClass.ContextSpecific, 30)]
    [InlineData(TagClass.ContextSpecific, 31)]
    [InlineData(TagClass.Application, 127)]
    [InlineData(TagClass.Application, 128)]
    [InlineData(TagClass.Private, 16383)]
    [InlineData(TagClass.Private, 16384)]
    [InlineData(TagClass.ContextSpecific, int.MaxValue)]
    public void ImplicitAndExplicitTags_MatchBcl(TagClass cls, int number)
    {
        var primitive = new Asn1Tag(cls, number);
        var constructed = new Asn1Tag(cls, number, isConstructed: true);
        AssertSameAsBcl(w => w.WriteOctetString([0xAB], primitive), w => w.WriteOctetString([0xAB], ToBcl(primitive)));
        AssertSameAsBcl(w => w.WriteInteger(-5, primitive), w => w.WriteInteger(-5, ToBcl(primitive)));
        AssertSameAsBcl(w => w.WriteBoolean(true, primitive), w => w.WriteBoolean(true, ToBcl(primitive)));
        AssertSameAsBcl(w => w.WriteTlv(primitive, [1, 2]), w => w.WriteOctetString([1, 2], ToBcl(primitive)));
        AssertSameAsBcl(
            w =>
            {
                // PushSequence forces the constructed bit, like the BCL's.
                using (w.PushSequence(primitive))
                {
                    w.WriteNull();
                }
            },
            w =>
            {
                w.PushSequence(ToBcl(constructed));
                w.WriteNull();
                w.PopSequence(ToBcl(constructed));
            });

        byte[] der = DerEncode(w => w.WriteOctetString([0xAB], primitive));
        var r = new DerReader(der);
        Assert.Equal(primitive, r.PeekTag());
        Assert.Equal("AB", ToHex(r.ReadOctetString(primitive)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(31)]
    [InlineData(200)]
    public void PushExplicit_MatchesBcl(int number)
    {
        var tag = new Bcl.Asn1Tag(Bcl.TagClass.ContextSpecific, number, isConstructed: true);
        AssertSameAsBcl(
            w =>
            {
                using (w.PushExplicit(number))
                {
                    w.WriteInteger(2);
                }
            },
            w =>
            {
                w.PushSequence(tag);
                w.WriteInteger(2);
                w.PopSequence(tag);
            });

        var r = new DerReader(DerEncode(w =>
        {
            using (w.PushExplicit(number))
            {
                w.WriteInteger(2);
            }
        }));
        DerReader inner = r.ReadExplicit(number);
        Assert.Equal(2, inner.ReadInt32());
        inner.ThrowIfNotEmpty();
    }

    [Fact]
    public void PushOctetStringAndBitString_WrapNestedDer()
    {
        AssertSameAsBcl(
            w =>
            {
                using (w.PushOctetString())
                {
                    using (w.PushSequence())
                    {
                        w.WriteBoolean(true);
                    }
                }
            },
            w =>
            {
                using (w.PushOctetString())
                {
                    using (w.PushSequence())
                    {
                        w.WriteBoolean(true);
                    }
                }
            });

        byte[] inner = BclEncode(w => w.WriteInteger(7));
        AssertSameAsBcl(
            w =>
            {
                using (w.PushBitString())
                {
                    w.WriteInteger(7);
                }
            },
            w => w.WriteBitString(inner));
    }

    [Theory]
    [InlineData("1.2.840.113549.1.1.11")]
    [InlineData("2.5.4.3")]
    [InlineData("2.999")]
    [InlineData("0.0")]
    [InlineData("2.25.340282366920938463463374607431768211455")]
    public void WriteObjectIdentifier_MatchesBcl(string oid)
    {
        AssertSameAsBcl(w => w.WriteObjectIdentifier(oid), w => w.WriteObjectIdentifier(oid));
        AssertSameAsBcl(w => w.WriteObjectIdentifier(ObjectIdentifier.Encode(oid).AsSpan()), w => w.WriteObjectIdentifier(oid));
    }

    [Fact]
    public void WriteObjectIdentifier_Invalid_ThrowsArgumentException()
    {
        using var w = new DerWriter();
        Assert.Throws<ArgumentException>(() => w.WriteObjectIdentifier("1.40"));
        Assert.Throws<ArgumentNullException>(() => w.WriteObjectIdentifier((string)null!));
    }

    [Theory]
    [InlineData(UniversalTagNumber.PrintableString, "Example Org (1) +-./:=?'")]
    [InlineData(UniversalTagNumber.IA5String, "user@example.com\u0000\u007F")]
    [InlineData(UniversalTagNumber.Utf8String, "Grüße 😀 €")]
    [InlineData(UniversalTagNumber.BmpString, "é€\uFFFD")]
    [InlineData(UniversalTagNumber.NumericString, "0123 456")]
    [InlineData(UniversalTagNumber.VisibleString, "~ !")]
    [InlineData(UniversalTagNumber.Utf8String, "")]
    public void WriteCharacterString_MatchesBcl(UniversalTagNumber type, string text)
    {
        AssertSameAsBcl(w => w.WriteCharacterString(type, text), w => w.WriteCharacterString((Bcl.UniversalTagNumber)(int)type, text));
        var r = new DerReader(DerEncode(w => w.WriteCharacterString(type, text)));
        Assert.Equal(text, DerString.Decode(type, r.ReadCharacterString(type)));
    }

    // The BCL throws (EncoderFallbackException, an ArgumentException) for text a type cannot hold; DerWriter must
    // refuse it too rather than write something else.
    [Theory]
    [InlineData(UniversalTagNumber.PrintableString, "a*b")]
    [InlineData(UniversalTagNumber.PrintableString, "é")]
    [InlineData(UniversalTagNumber.IA5String, "é")]
    [InlineData(UniversalTagNumber.NumericString, "12a")]
    [InlineData(UniversalTagNumber.VisibleString, "tab\t")]
    [InlineData(UniversalTagNumber.BmpString, "😀")]
    [InlineData(UniversalTagNumber.TeletexString, "€")]
    public void WriteCharacterString_UnrepresentableText_ThrowsArgumentException(UniversalTagNumber type, string text)
    {
        using var w = new DerWriter();
        Assert.ThrowsAny<ArgumentException>(() => w.WriteCharacterString(type, text));
        Assert.Equal(0, w.GetEncodedLength());
    }

    // Lone surrogates are passed as code units: test-case serialisation would turn them into U+FFFD.
    [Theory]
    [InlineData(UniversalTagNumber.Utf8String, 0xD800)]
    [InlineData(UniversalTagNumber.Utf8String, 0xDC00)]
    [InlineData(UniversalTagNumber.BmpString, 0xD800)]
    [InlineData(UniversalTagNumber.BmpString, 0xDFFF)]
    [InlineData(UniversalTagNumber.UniversalString, 0xDC00)]
    public void WriteCharacterString_LoneSurrogate_ThrowsArgumentException(UniversalTagNumber type, int surrogate)
    {
        string text = "a" + (char)surrogate + "b";
        if (type != UniversalTagNumber.UniversalString)
        {
            // The BCL throws EncoderFallbackException (an ArgumentException); it cannot write UniversalString at all.
            Assert.ThrowsAny<ArgumentException>(() => BclEncode(w => w.WriteCharacterString((Bcl.UniversalTagNumber)(int)type, text)));
        }

        using var w = new DerWriter();
        Assert.ThrowsAny<ArgumentException>(() => w.WriteCharacterString(type, text));
        Assert.Equal(0, w.GetEncodedLength());
    }

    [Theory]
    [InlineData(1950, 1, 1, 0, 0, 0)]
    [InlineData(1999, 12, 31, 23, 59, 59)]
    [InlineData(2000, 2, 29, 12, 0, 0)]
    [InlineData(2049, 12, 31, 23, 59, 59)]
    public void WriteTimes_MatchBcl(int year, int month, int day, int hour, int minute, int second)
    {
        var t = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        var withFraction = t.AddTicks(1234567);
        var elsewhere = new DateTimeOffset(t.DateTime, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(-5));
        AssertSameAsBcl(w => w.WriteUtcTime(t), w => w.WriteUtcTime(t));
        AssertSameAsBcl(w => w.WriteUtcTime(elsewhere), w => w.WriteUtcTime(elsewhere));
        AssertSameAsBcl(w => w.WriteGeneralizedTime(t), w => w.WriteGeneralizedTime(t));
        AssertSameAsBcl(w => w.WriteGeneralizedTime(withFraction), w => w.WriteGeneralizedTime(withFraction, omitFractionalSeconds: true));
        AssertSameAsBcl(w => w.WriteGeneralizedTime(elsewhere), w => w.WriteGeneralizedTime(elsewhere));

        var r = new DerReader(DerEncode(w =>
        {
            w.WriteUtcTime(withFraction);
            w.WriteGeneralizedTime(withFraction);
        }));
        Assert.Equal(t, r.ReadUtcTime());
        Assert.Equal(t, r.ReadGeneralizedTime());
    }

    [Fact]
    public void WriteGeneralizedTime_Extremes_MatchBcl()
    {
        AssertSameAsBcl(w => w.WriteGeneralizedTime(DateTimeOffset.MinValue), w => w.WriteGeneralizedTime(DateTimeOffset.MinValue));
        AssertSameAsBcl(w => w.WriteGeneralizedTime(DateTimeOffset.MaxValue), w => w.WriteGeneralizedTime(DateTimeOffset.MaxValue, omitFractionalSeconds: true));
    }

    [Fact]
    public void WriteNullAndBoolean_MatchBcl()
    {
        AssertSameAsBcl(
            w =>
            {
                w.WriteNull();
                w.WriteBoolean(true);
                w.WriteBoolean(false);
            },
            w =>
            {
                w.WriteNull();
                w.WriteBoolean(true);
                w.WriteBoolean(false);
            });
    }

    // ---- scopes and output ----

    [Fact]
    public void Encode_WithAnOpenScope_ThrowsInvalidOperationException()
    {
        using var w = new DerWriter();
        DerWriter.Scope scope = w.PushSequence();
        w.WriteNull();
        Assert.Throws<InvalidOperationException>(() => w.Encode());
        Assert.Throws<InvalidOperationException>(() => w.GetEncodedLength());
        Assert.Throws<InvalidOperationException>(() => w.TryEncode(new byte[16], out _));
        Assert.Throws<InvalidOperationException>(() => w.Encode(new ArrayBufferWriter<byte>()));
        Assert.Throws<InvalidOperationException>(() => w.EncodedValueEquals([]));
        scope.Dispose();
        Assert.Equal("30020500", ToHex(w.Encode()));
    }

    [Fact]
    public void Scopes_ClosedOutOfOrder_ThrowInvalidOperationException()
    {
        using var w = new DerWriter();
        DerWriter.Scope outer = w.PushSequence();
        DerWriter.Scope inner = w.PushSetOf();
        Assert.Throws<InvalidOperationException>(() => outer.Dispose());

        // The right order still works afterwards.
        inner.Dispose();
        outer.Dispose();
        Assert.Equal("30023100", ToHex(w.Encode()));
    }

    [Fact]
    public void Scope_DisposedTwice_ThrowsInvalidOperationException()
    {
        using var w = new DerWriter();
        DerWriter.Scope scope = w.PushSequence();
        scope.Dispose();
        Assert.Throws<InvalidOperationException>(() => scope.Dispose());
        Assert.Equal("3000", ToHex(w.Encode()));
    }

    [Fact]
    public void DefaultScope_DisposeDoesNothing()
    {
        using var w = new DerWriter();
        w.WriteNull();
        default(DerWriter.Scope).Dispose();
        Assert.Equal("0500", ToHex(w.Encode()));
    }

    [Fact]
    public void Reset_DiscardsContentAndScopes()
    {
        using var w = new DerWriter();
        _ = w.PushSequence();
        w.WriteNull();
        w.Reset();
        Assert.Equal(0, w.GetEncodedLength());
        w.WriteBoolean(true);
        Assert.Equal("0101FF", ToHex(w.Encode()));
    }

    [Fact]
    public void TryEncode_BufferTooSmall_ReturnsFalse()
    {
        using var w = new DerWriter();
        w.WriteOctetString([1, 2, 3]);
        Assert.Equal(5, w.GetEncodedLength());

        byte[] small = new byte[4];
        Assert.False(w.TryEncode(small, out int written));
        Assert.Equal(0, written);
        Assert.All(small, b => Assert.Equal(0, b));

        byte[] exact = new byte[5];
        Assert.True(w.TryEncode(exact, out written));
        Assert.Equal(5, written);
        Assert.Equal("0403010203", ToHex(exact));

        byte[] large = new byte[8];
        Assert.True(w.TryEncode(large, out written));
        Assert.Equal(5, written);
        Assert.Equal("0403010203000000", ToHex(large));

        Assert.True(w.EncodedValueEquals(exact));
        Assert.False(w.EncodedValueEquals(large));
    }

    [Fact]
    public void EncodeToBufferWriter_EqualsEncode()
    {
        using var w = new DerWriter(initialCapacity: 0);
        using (w.PushSequence())
        {
            w.WriteOctetString(new byte[100]);
            w.WriteObjectIdentifier("1.2.840.113549.1.1.11");
        }

        var output = new ArrayBufferWriter<byte>(1);
        output.Write(new byte[] { 0xEE });
        int written = w.Encode(output);
        Assert.Equal(w.GetEncodedLength(), written);
        Assert.Equal("EE" + ToHex(w.Encode()), ToHex(output.WrittenSpan));
    }

    [Fact]
    public void Writer_GrowsPastItsInitialCapacity()
    {
        using var w = new DerWriter(initialCapacity: 1);
        using (w.PushSequence())
        {
            for (int i = 0; i < 40; i++)
            {
                w.WriteInteger(i * 1000);
            }
        }

        AssertSameAsBcl(
            x =>
            {
                using (x.PushSequence())
                {
                    for (int i = 0; i < 40; i++)
                    {
                        x.WriteInteger(i * 1000);
                    }
                }
            },
            x =>
            {
                x.PushSequence();
                for (int i = 0; i < 40; i++)
                {
                    x.WriteInteger(i * 1000);
                }

                x.PopSequence();
            });
        Assert.Equal(ToHex(DerEncode(x =>
        {
            using (x.PushSequence())
            {
                for (int i = 0; i < 40; i++)
                {
                    x.WriteInteger(i * 1000);
                }
            }
        })), ToHex(w.Encode()));
    }

    [Fact]
    public void Constructor_NegativeCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            using var w = new DerWriter(-1);
        });
    }

    // ---- properties ----

    [Property(Arbitrary = [typeof(Asn1Arbitraries)], MaxTest = 300)]
    public void RandomTree_MatchesBclByteForByte(WritableTree input)
    {
        Assert.Equal(ToHex(input.Tree.EncodeBcl()), ToHex(input.Tree.EncodeDer()));
    }

    [Property(Arbitrary = [typeof(Asn1Arbitraries)], MaxTest = 300)]
    public void RandomTree_DerReaderReadsBackWhatDerWriterWrote(WritableTree input)
    {
        byte[] der = input.Tree.EncodeDer();
        input.Tree.CheckAll(der);

        // The other outputs agree with Encode().
        using var w = new DerWriter(initialCapacity: 0);
        foreach (AsnNode node in input.Tree.Nodes)
        {
            node.WriteDer(w);
        }

        Assert.Equal(der.Length, w.GetEncodedLength());
        var output = new ArrayBufferWriter<byte>();
        Assert.Equal(der.Length, w.Encode(output));
        Assert.True(output.WrittenSpan.SequenceEqual(der));
        Assert.True(w.EncodedValueEquals(der));
        if (der.Length > 0)
        {
            Assert.False(w.TryEncode(new byte[der.Length - 1], out _));
        }
    }
}
