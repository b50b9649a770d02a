using FsCheck.Xunit;
using Pkcs10.Asn1;
using static Pkcs10.Tests.Asn1.DerTestHelpers;

namespace Pkcs10.Tests.Asn1;

/// <summary><see cref="ObjectIdentifier"/> against the BCL's <c>AsnWriter.WriteObjectIdentifier</c> / <c>AsnReader.ReadObjectIdentifier</c>.</summary>
public class ObjectIdentifierTests
{
    public static TheoryData<string, string> Known => new()
    {
        { "1.2.840.113549.1.1.11", "2A864886F70D01010B" },
        { "2.5.4.3", "550403" },
        { "1.3.6.1.5.5.7.3.1", "2B06010505070301" },
        { "1.2.840.10045.3.1.7", "2A8648CE3D030107" },
        { "1.3.101.112", "2B6570" },
        { "0.0", "00" },
        { "0.39", "27" },
        { "1.0", "28" },
        { "1.39", "4F" },
        { "2.0", "50" },
        { "2.47", "7F" },
        { "2.48", "8100" },
        { "2.999", "8837" },
        { "2.999.3", "883703" },
        { "1.2.127.128.16383.16384", "2A7F8100FF7F818000" },
        { "1.2.4294967295", "2A8FFFFFFF7F" },
        { "1.2.18446744073709551615", "2A81FFFFFFFFFFFFFFFF7F" },
        { "1.2.18446744073709551616", "2A82808080808080808000" },
        { "2.25.340282366920938463463374607431768211455", "6983FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF7F" },
        { "2.25.329800735698586629295641978511506172918", "6983F09DA7EBCFDEE0C7A1A7B2C0948CC8F9D776" },
        { "2.340282366920938463463374607431768211375", "83FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF7F" },
    };

    [Theory, MemberData(nameof(Known))]
    public void Encode_KnownOid_MatchesTheBytesAndRoundTrips(string dotted, string hex)
    {
        byte[] content = ObjectIdentifier.Encode(dotted);
        Assert.Equal(hex, ToHex(content));
        Assert.Equal(dotted, ObjectIdentifier.ToDotted(content));
        AssertAgreesWithBcl(dotted);
    }

    [Property(Arbitrary = [typeof(Asn1Arbitraries)], MaxTest = 500)]
    public void RandomOid_RoundTripsAndAgreesWithBcl(OidText oid)
    {
        byte[] content = ObjectIdentifier.Encode(oid.Dotted);
        Assert.Equal(oid.Dotted, ObjectIdentifier.ToDotted(content));
        AssertAgreesWithBcl(oid.Dotted);
    }

    /// <summary>Our encoding equals the BCL's, and each side decodes the other's bytes to the same text.</summary>
    private static void AssertAgreesWithBcl(string dotted)
    {
        byte[] bclDer = BclEncode(w => w.WriteObjectIdentifier(dotted));
        byte[] bclContent = BclReader(bclDer).PeekContentBytes().ToArray();
        Assert.True(ObjectIdentifier.TryEncode(dotted, out byte[]? ours));
        Assert.Equal(ToHex(bclContent), ToHex(ours));

        Assert.Equal(dotted, ObjectIdentifier.ToDotted(bclContent));
        byte[] ourDer = DerEncode(w => w.WriteObjectIdentifier(ours));
        Assert.Equal(dotted, BclReader(ourDer).ReadObjectIdentifier());
        var r = new DerReader(ourDer);
        Assert.Equal(dotted, ObjectIdentifier.ToDotted(r.ReadObjectIdentifier()));
    }

    [Theory]
    [InlineData("one arc", "1")]
    [InlineData("first arc above 2", "3.1")]
    [InlineData("second arc 40 under 1", "1.40")]
    [InlineData("second arc 40 under 0", "0.40")]
    [InlineData("leading zero in an arc", "1.2.03")]
    [InlineData("leading zero in the first arc", "01.2")]
    [InlineData("empty", "")]
    [InlineData("empty arc", "1..2")]
    [InlineData("trailing dot", "1.2.")]
    [InlineData("leading dot", ".1.2")]
    [InlineData("letter", "1.2.a")]
    [InlineData("sign", "1.2.+3")]
    [InlineData("minus", "1.-2")]
    [InlineData("space", " 1.2")]
    [InlineData("non-ASCII digit", "1.2.\u0663")]
    [InlineData("arc 2^128", "1.2.340282366920938463463374607431768211456")]
    [InlineData("first subidentifier above 128 bits", "2.340282366920938463463374607431768211376")]
    public void TryEncode_Invalid_ReturnsFalse(string why, string dotted)
    {
        _ = why;
        Assert.False(ObjectIdentifier.TryEncode(dotted, out byte[]? encoded));
        Assert.Null(encoded);
        Assert.Throws<ArgumentException>(() => ObjectIdentifier.Encode(dotted));
    }

    [Fact]
    public void TryEncode_Null_ReturnsFalse()
    {
        Assert.False(ObjectIdentifier.TryEncode(null, out _));
    }

    [Theory]
    [InlineData("empty", "", 0)]
    [InlineData("leading 0x80", "2A8001", 1)]
    [InlineData("ends mid-arc", "2A86", 1)]
    [InlineData("arc above 128 bits", "69 84808080808080808080808080808080808000", 1)]
    public void ToDotted_InvalidContent_ThrowsPkcs10Exception(string why, string hex, int offset)
    {
        _ = why;
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => ObjectIdentifier.ToDotted(Hex(hex)));
        Assert.Equal((Pkcs10ErrorCode.InvalidObjectIdentifier, (int?)offset), (e.Code, e.Offset));
    }
}
