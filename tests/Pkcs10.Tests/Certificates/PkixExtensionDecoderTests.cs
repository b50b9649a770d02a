using Pkcs10.Extensions;

namespace Pkcs10.Tests.Certificates;

/// <summary>The public <see cref="ExtensionDecoder"/> entry points for the certificate-path extensions, over raw values.</summary>
public sealed class PkixExtensionDecoderTests
{
    [Fact]
    public void AuthorityKeyIdentifier_AllThreeFields()
    {
        // [0] 0102, [1] { [4] { Name CN=a } }, [2] 05
        AuthorityKeyIdentifier aki = ExtensionDecoder.DecodeAuthorityKeyIdentifier(Convert.FromHexString(Hex()));
        Assert.Equal([0x01, 0x02], aki.KeyIdentifier!.Value.ToArray());
        Assert.Equal("directoryName:CN=a", Assert.Single(aki.AuthorityCertIssuer!).ToString());
        Assert.Equal([0x05], aki.AuthorityCertSerialNumber!.Value.ToArray());

        static string Hex()
        {
            const string name = "300C310A300806035504030C0161";           // Name CN=a (UTF8String)
            string dir = "A4" + (name.Length / 2).ToString("X2") + name; // [4] EXPLICIT Name
            string issuer = "A1" + (dir.Length / 2).ToString("X2") + dir;
            string body = "80020102" + issuer + "820105";
            return "30" + (body.Length / 2).ToString("X2") + body;
        }
    }

    [Theory]
    [InlineData("empty SEQUENCE is allowed (all fields optional)", "3000")]
    [InlineData("keyIdentifier only", "3004800201FF")]
    public void AuthorityKeyIdentifier_Valid(string why, string hex)
    {
        _ = why;
        _ = ExtensionDecoder.DecodeAuthorityKeyIdentifier(Convert.FromHexString(hex));
    }

    [Theory]
    [InlineData("trailing field", "3004800201FF0500", Pkcs10ErrorCode.TrailingData)]
    [InlineData("constructed keyIdentifier", "3004A00201FF", Pkcs10ErrorCode.TrailingData)]
    [InlineData("serial without issuer", "3003820101", Pkcs10ErrorCode.InvalidExtension)]
    public void AuthorityKeyIdentifier_Invalid(string why, string hex, Pkcs10ErrorCode code)
    {
        _ = why;
        Assert.Equal(code, Assert.Throws<Pkcs10Exception>(() => ExtensionDecoder.DecodeAuthorityKeyIdentifier(Convert.FromHexString(hex))).Code);
    }

    [Fact]
    public void InhibitAnyPolicy_And_PolicyConstraints()
    {
        Assert.Equal(5, ExtensionDecoder.DecodeInhibitAnyPolicy(Convert.FromHexString("020105")));
        Assert.Equal(Pkcs10ErrorCode.IntegerOutOfRange, Assert.Throws<Pkcs10Exception>(() => ExtensionDecoder.DecodeInhibitAnyPolicy(Convert.FromHexString("0201FF"))).Code);
        Assert.Equal(new PolicyConstraints(1, 2), ExtensionDecoder.DecodePolicyConstraints(Convert.FromHexString("3006800101810102")));
        Assert.Equal(new PolicyConstraints(null, 0), ExtensionDecoder.DecodePolicyConstraints(Convert.FromHexString("3003810100")));
    }

    [Fact]
    public void CrlDistributionPoints_NameRelativeToCrlIssuer_IsKeptRaw()
    {
        // DistributionPoint { [0] { [1] SET { CN=a } } }
        const string atv = "300806035504030C0161";
        string rdn = "A1" + (atv.Length / 2).ToString("X2") + atv;
        string dpName = "A0" + (rdn.Length / 2).ToString("X2") + rdn;
        string point = "30" + (dpName.Length / 2).ToString("X2") + dpName;
        string value = "30" + (point.Length / 2).ToString("X2") + point;
        DistributionPoint dp = Assert.Single(ExtensionDecoder.DecodeCrlDistributionPoints(Convert.FromHexString(value)));
        Assert.Null(dp.FullName);
        Assert.Equal(rdn, Convert.ToHexString(dp.NameRelativeToCrlIssuer!.Value.Span));
        Assert.Null(dp.Reasons);
    }

    [Fact]
    public void AuthorityInformationAccess_And_PolicyMappings()
    {
        AccessDescription ad = Assert.Single(ExtensionDecoder.DecodeAuthorityInformationAccess(Convert.FromHexString("3016301406082B060105050730018608687474703A2F2F61")));
        Assert.Equal("1.3.6.1.5.5.7.48.1", ad.AccessMethod);
        Assert.Equal("uri:http://a", ad.AccessLocation.ToString());
        Assert.Equal(new PolicyMapping("1.2.3", "1.2.4"), Assert.Single(ExtensionDecoder.DecodePolicyMappings(Convert.FromHexString("300A300806022A0306022A04"))));
    }
}
