using System.Formats.Asn1;
using Pkcs10.Extensions;
using Pkcs10.Issuance;

namespace Pkcs10.Tests.Issuance;

public class NameConstraintsCheckTests
{
    [Theory]
    [InlineData("the domain itself", "example.com", "example.com", false, true)]
    [InlineData("a subdomain", "a.b.example.com", "example.com", false, true)]
    [InlineData("case-insensitive", "WWW.Example.COM", "example.com", false, true)]
    [InlineData("a label boundary", "badexample.com", "example.com", false, false)]
    [InlineData("leading dot: subdomains only", "example.com", ".example.com", false, false)]
    [InlineData("leading dot: a subdomain", "a.example.com", ".example.com", false, true)]
    [InlineData("empty constraint: everything", "anything.test", "", false, true)]
    [InlineData("wildcard within", "*.example.com", "example.com", false, true)]
    [InlineData("wildcard over a permitted child is not within it", "*.example.com", "secret.example.com", false, false)]
    [InlineData("wildcard covers an excluded child", "*.example.com", "secret.example.com", true, true)]
    [InlineData("wildcard does not cover a grandchild", "*.example.com", "a.secret.example.com", true, false)]
    public void DnsWithin(string why, string name, string constraint, bool forExclusion, bool expected)
    {
        Assert.True(expected == NameConstraintsCheck.DnsWithin(name, constraint, forExclusion), why);
    }

    [Fact]
    public void Check_IpRangesAndMailboxes()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
            using (writer.PushSequence())
            {
                writer.WriteOctetString(Convert.FromHexString("0A000000FF000000"), new Asn1Tag(TagClass.ContextSpecific, 7)); // 10.0.0.0/8
            }

            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, true)))
            using (writer.PushSequence())
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, "example.org", new Asn1Tag(TagClass.ContextSpecific, 1));
            }
        }

        NameConstraints constraints = ExtensionDecoder.DecodeNameConstraints(writer.Encode());
        IReadOnlyList<GeneralName> names = ExtensionDecoder.DecodeSubjectAltName(new GeneralNamesBuilder()
            .AddIpAddress("10.1.2.3").AddIpAddress("192.0.2.1").AddIpAddress("2001:db8::1")
            .AddEmailAddress("a@example.org").AddEmailAddress("a@example.com").Encode());

        Assert.Equal(
            [
                "ip:192.0.2.1 is not within the CA's permitted ip subtrees",
                "ip:2001:db8::1 is not within the CA's permitted ip subtrees",
                "email:a@example.org is within the CA's excluded subtree example.org",
            ],
            NameConstraintsCheck.Check(constraints, names));
    }
}
