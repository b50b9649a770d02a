using System.Text.Json;
using Pkcs10.Extensions;
using Pkcs10.Requests;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Requests;

/// <summary>
/// The CSRs from Go's crypto/x509 tests (../shared/testdata/go-crypto-x509-csr, Go 1.23.5), one row per
/// <c>cases.json</c> entry, plus the specific values Go's tests check.
/// </summary>
/// <remarks>
/// Strictness choices: <c>critical-flag-in-requested-extensions.der</c> has version 2. Go accepts it; RFC 2986
/// defines only v1 (0), so strict decoding throws <see cref="Pkcs10ErrorCode.UnsupportedVersion"/> and lenient
/// decoding accepts it with that finding. Duplicate extensions are rejected in both modes (as Go does);
/// duplicate non-extensionRequest attributes are accepted (as Go does; RFC 2986 does not forbid them).
/// </remarks>
public sealed class GoCsrTests
{
    private const string Root = "go-crypto-x509-csr/";

    private sealed record Case(Pkcs10ErrorCode? StrictError, Pkcs10ErrorCode[]? LenientFindings);

    private static readonly Dictionary<string, Case> s_cases = new()
    {
        ["openssl-v3_req.der"] = new(null, null),
        ["openssl-v3_req-and-req_attributes.der"] = new(null, null),
        ["critical-flag-in-requested-extensions.der"] = new(Pkcs10ErrorCode.UnsupportedVersion, [Pkcs10ErrorCode.UnsupportedVersion]),
        ["duplicate-extensions.pem"] = new(Pkcs10ErrorCode.DuplicateExtension, null),
        ["duplicate-attributes.pem"] = new(null, null),
    };

    public static TheoryData<string> Files => new(s_cases.Keys);

    private static byte[] Load(string file) => RequestTestFiles.ReadRequest(SharedTestData.Require(Root + file));

    [Fact]
    public void Table_CoversEveryCase()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(SharedTestData.Require(Root + "cases.json")));
        Assert.Equal(
            doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("file").GetString()!).Order(StringComparer.Ordinal),
            s_cases.Keys.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Files))]
    public void Case_DecodesPerPolicy_AndEveryDecodedSignatureVerifies(string file)
    {
        byte[] der = Load(file);
        Case c = s_cases[file];
        CertificationRequest request;
        if (c.StrictError is Pkcs10ErrorCode code)
        {
            Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der));
            Assert.Equal(code, e.Code);
            Assert.False(CertificationRequest.TryDecode(der, out _));
            if (c.LenientFindings is null)
            {
                Assert.Equal(code, Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient)).Code);
                return;
            }

            request = CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient);
            Assert.Equal(c.LenientFindings, request.Findings.Select(f => f.Code));
        }
        else
        {
            request = CertificationRequest.Decode(der);
            Assert.Empty(request.Findings);
        }

        // cases.json: all five self-signatures verify (openssl req -verify).
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.Equal(der, request.Encode());
    }

    [Theory]
    [InlineData("openssl-v3_req.der")]
    [InlineData("openssl-v3_req-and-req_attributes.der")]
    public void V3Req_ExposesWhatGoChecks(string file)
    {
        CertificationRequest request = CertificationRequest.Decode(Load(file));

        Assert.Equal(0, request.Version);
        Assert.Equal("emailAddress=test@email.address,CN=Common Name,O=Internet Widgits Pty Ltd,ST=Some-State,C=AU", request.Subject.ToString());
        Assert.Equal("2.5.4.6", request.Subject.Rdns[0].Attributes[0].Oid);
        Assert.Equal("AU", request.Subject.Rdns[0].Attributes[0].Value);

        IReadOnlyList<GeneralName> sans = request.SubjectAlternativeNames!;
        Assert.Equal(["email:gopher@golang.org", "dns:test.example.com"], sans.Select(n => n.ToString()));
        Assert.Equal(GeneralNameType.Rfc822Name, sans[0].Type);
        Assert.Equal(GeneralNameType.DnsName, sans[1].Type);

        // [v3_req]: basicConstraints CA:FALSE (an empty SEQUENCE), keyUsage nonRepudiation, digitalSignature,
        // keyEncipherment; nothing critical.
        Assert.Equal(["2.5.29.19", "2.5.29.15", "2.5.29.17"], request.Extensions.Select(e => e.Oid));
        Assert.All(request.Extensions, e => Assert.False(e.Critical));
        Assert.Equal(Convert.FromHexString("3000"), request.Extensions[0].Value.ToArray());
        Assert.Equal(new BasicConstraints(false, null), request.BasicConstraints);
        Assert.Equal(KeyUsageFlags.DigitalSignature | KeyUsageFlags.NonRepudiation | KeyUsageFlags.KeyEncipherment, request.KeyUsage);

        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.True(request.VerifySignature());
        Assert.Equal("sha256WithRSAEncryption", request.SignatureAlgorithm.Name);
    }

    [Fact]
    public void V3ReqAndReqAttributes_AttributesDoNotBreakParsing()
    {
        CertificationRequest request = CertificationRequest.Decode(Load("openssl-v3_req-and-req_attributes.der"));
        Assert.Equal(["1.2.840.113549.1.9.7", "1.2.840.113549.1.9.2"], request.Attributes.Select(a => a.Oid));
        Assert.Equal("ignored challenge", request.ChallengePassword);
        Assert.Equal("ignored unstructured name", request.UnstructuredName);
    }

    [Fact]
    public void CriticalFlagInRequestedExtensions_LenientlyKeepsGosValues()
    {
        byte[] der = Load("critical-flag-in-requested-extensions.der");
        CertificationRequest request = CertificationRequest.Decode(der, CertificationRequestDecoderOptions.Lenient);

        Assert.Equal(2, request.Version);
        DecodeFinding finding = Assert.Single(request.Findings);
        Assert.Equal(Pkcs10ErrorCode.UnsupportedVersion, finding.Code);
        Assert.Equal(8, finding.Offset); // the version INTEGER

        Assert.Equal("OU=435971,CN=SCEP CA for Develer Srl", request.Subject.ToString());

        // Go's TestCriticalFlagInCSRRequestedExtensions.
        Assert.Equal(2, request.Extensions.Count);
        Assert.Equal("2.5.29.19", request.Extensions[0].Oid);
        Assert.True(request.Extensions[0].Critical);
        Assert.Equal(Convert.FromHexString("30060101ff020100"), request.Extensions[0].Value.ToArray());
        Assert.Equal("2.5.29.15", request.Extensions[1].Oid);
        Assert.True(request.Extensions[1].Critical);
        Assert.Equal(Convert.FromHexString("03020284"), request.Extensions[1].Value.ToArray());
        Assert.Equal(new BasicConstraints(true, 0), request.BasicConstraints);
        Assert.Equal(KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyCertSign, request.KeyUsage);

        // The signature is checked over the original bytes, version 2 included; it is SHA-1.
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
        Assert.False(request.VerifySignature());
        Assert.True(request.VerifySignature(VerificationPolicy.AllowSha1Policy));

        // Version 2 survives re-encoding (it is data, not a deviation that gets canonicalised).
        Assert.Equal(der, request.Encode());
    }

    [Fact]
    public void DuplicateExtensions_PointsAtTheSecondInstance()
    {
        byte[] der = Load("duplicate-extensions.pem");
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der));
        Assert.Equal(Pkcs10ErrorCode.DuplicateExtension, e.Code);
        Assert.Equal(218, e.Offset); // the second Extension SEQUENCE of 1.2.3 (openssl asn1parse)
    }

    [Fact]
    public void DuplicateAttributes_BothKeptInOrder()
    {
        CertificationRequest request = CertificationRequest.Decode(Load("duplicate-attributes.pem"));
        Assert.Equal(["1.2.3", "1.2.3"], request.Attributes.Select(a => a.Oid));
        Assert.Equal(["test1", "test2"], request.Attributes.Select(a => a.GetDisplayValue(0)));
        Assert.Equal([189 + 2, 206], request.Attributes.Select(a => a.Offset));
        Assert.Equal("CN=test", request.Subject.ToString());
    }
}
