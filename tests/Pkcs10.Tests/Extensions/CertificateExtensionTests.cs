using Pkcs10.Extensions;

namespace Pkcs10.Tests.Extensions;

/// <summary>The public constructors of <see cref="CertificateExtension"/>.</summary>
public class CertificateExtensionTests
{
    [Fact]
    public void Constructor_FromDottedOid_CopiesAndExposesTheParts()
    {
        byte[] value = Convert.FromHexString("300D820B6578616D706C652E636F6D");
        var e = new CertificateExtension("2.5.29.17", critical: true, value);
        value[^1] ^= 0xFF;

        Assert.Equal("2.5.29.17", e.Oid);
        Assert.Equal("551D11", Convert.ToHexString(e.RawOid.Span));
        Assert.True(e.Critical);
        Assert.Equal("300D820B6578616D706C652E636F6D", Convert.ToHexString(e.Value.Span));
        Assert.Equal(-1, e.Offset);
        Assert.Equal("dns:example.com", ExtensionDecoder.DecodeSubjectAltName(e.Value).Single().ToString());
    }

    [Fact]
    public void Constructor_FromOidBytes_MatchesTheDottedForm()
    {
        var a = new CertificateExtension([0x55, 0x1D, 0x0F], false, new byte[] { 0x03, 0x02, 0x05, 0xA0 });
        var b = new CertificateExtension("2.5.29.15", false, new byte[] { 0x03, 0x02, 0x05, 0xA0 });
        Assert.Equal(a.Oid, b.Oid);
        Assert.Equal(a.Value.ToArray(), b.Value.ToArray());
        Assert.Equal(KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment, ExtensionDecoder.DecodeKeyUsage(a.Value));
    }

    [Fact]
    public void Constructor_UnknownExtension_KeepsAnyValue()
    {
        var e = new CertificateExtension("1.2.3.4", false, new byte[] { 0xFF, 0x00 });
        Assert.Equal("FF00", Convert.ToHexString(e.Value.Span));
        Assert.Empty(new CertificateExtension("1.2.3.4", false, ReadOnlyMemory<byte>.Empty).Value.ToArray());
    }

    public static TheoryData<string, string, string, Pkcs10ErrorCode> BadKnownValues => new()
    {
        { "empty GeneralNames", "2.5.29.17", "3000", Pkcs10ErrorCode.EmptySequence },
        { "SAN that is not DER", "2.5.29.17", "30810D820B6578616D706C652E636F6D", Pkcs10ErrorCode.NonMinimalLength },
        { "keyUsage with no bit set", "2.5.29.15", "030100", Pkcs10ErrorCode.InvalidExtension },
        { "basicConstraints with cA FALSE written out", "2.5.29.19", "3003010100", Pkcs10ErrorCode.DefaultValueEncoded },
        { "extKeyUsage empty", "2.5.29.37", "3000", Pkcs10ErrorCode.EmptySequence },
        { "subjectKeyIdentifier with trailing data", "2.5.29.14", "0401AA00", Pkcs10ErrorCode.TrailingData },
        { "SAN registeredID with a bad OID (the value's fault, not the extnID's)", "2.5.29.17", "3003880180", Pkcs10ErrorCode.InvalidObjectIdentifier },
    };

    [Theory, MemberData(nameof(BadKnownValues))]
    public void Constructor_KnownExtensionWithBadValue_ThrowsArgumentException(string why, string oid, string hex, Pkcs10ErrorCode code)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new CertificateExtension(oid, false, Convert.FromHexString(hex)));
        Assert.Equal("value", e.ParamName);
        Assert.True(code == Assert.IsType<Pkcs10Exception>(e.InnerException).Code, why);
    }

    [Fact]
    public void Constructor_BadOid_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentNullException>(() => new CertificateExtension((string)null!, false, ReadOnlyMemory<byte>.Empty));
        Assert.Equal("oid", Assert.Throws<ArgumentException>(() => new CertificateExtension("2.5.29.x", false, ReadOnlyMemory<byte>.Empty)).ParamName);
        Assert.Equal("oid", Assert.Throws<ArgumentException>(() => new CertificateExtension([0x80, 0x01], false, ReadOnlyMemory<byte>.Empty)).ParamName);
        Assert.Equal("oid", Assert.Throws<ArgumentException>(() => new CertificateExtension(ReadOnlySpan<byte>.Empty, false, ReadOnlyMemory<byte>.Empty)).ParamName);
    }
}
