using Pkcs10.Asn1;

namespace Pkcs10.Tests.Asn1;

/// <summary>The short-string ASCII check that fronts the UTF8String and IA5String rules agrees with the BCL's.</summary>
public class DerRulesAsciiTests
{
    [Fact]
    public void IsAscii_AgreesWithTheBcl_ForEveryLengthAndHighBytePosition()
    {
        for (int length = 0; length <= 80; length++)
        {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++)
            {
                data[i] = (byte)('a' + (i % 26));
            }

            Assert.True(DerRules.IsAscii(data));
            for (int at = 0; at < length; at++)
            {
                foreach (byte high in new byte[] { 0x80, 0xC3, 0xFF })
                {
                    byte saved = data[at];
                    data[at] = high;
                    Assert.False(DerRules.IsAscii(data), $"length {length}, 0x{high:X2} at {at}");
                    Assert.Equal(System.Text.Ascii.IsValid(data), DerRules.IsAscii(data));
                    data[at] = saved;
                }
            }
        }
    }

    [Theory]
    [InlineData("UTF8String with a lone continuation byte", 0x0C, "61626380")]
    [InlineData("UTF8String with a truncated two-byte sequence", 0x0C, "6162C3")]
    [InlineData("IA5String with a high byte", 0x16, "6162E9")]
    public void NonAsciiBytes_StillGetTheFullCheck(string why, byte tag, string contentHex)
    {
        _ = why;
        byte[] content = Convert.FromHexString(contentHex);
        byte[] der = [tag, (byte)content.Length, .. content];
        Assert.Throws<Pkcs10Exception>(() => new DerReader(der).ReadCharacterString(out _));
    }
}
