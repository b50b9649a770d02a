using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Pkcs10.Pem;

namespace Pkcs10.Tests.Pem;

/// <summary>
/// PEM fixtures built during the test run: a real CSR made with the BCL's <see cref="CertificateRequest"/>,
/// PEM text wrapped by hand (to control line width, line breaks and whitespace), and an
/// <c>openssl req -text</c>-style dump to put before a block.
/// </summary>
internal static class PemTestData
{
    private static readonly Lazy<byte[]> s_csrDer = new(CreateCsr);

    /// <summary>An ECDSA P-256 CSR with a SAN extension, about 300 bytes of DER.</summary>
    public static byte[] CsrDer => s_csrDer.Value;

    /// <summary>The CSR as the BCL writes it: 64-column LF lines, no line break after the END line.</summary>
    public static string CsrPem => PemEncoding.WriteString(PemLabels.CertificateRequest, CsrDer);

    /// <summary>What <c>openssl req -in csr.pem -text</c> prints before the PEM block.</summary>
    public const string OpenSslTextDump =
        """
        Certificate Request:
            Data:
                Version: 1 (0x0)
                Subject: C = US, O = Example Org, CN = test.example.com
                Subject Public Key Info:
                    Public Key Algorithm: id-ecPublicKey
                        Public-Key: (256 bit)
                        pub:
                            04:1c:93:5e:6a:0b:7f:42:c8:91:3d:aa:0e:51:77:
                            b2:19:c4:58:e3:f0:26:8d:4b:05:be:61:93:7a:cc:
                            12:fe
                        ASN1 OID: prime256v1
                        NIST CURVE: P-256
                Attributes:
                    Requested Extensions:
                        X509v3 Subject Alternative Name: 
                            DNS:test.example.com, DNS:www.test.example.com
            Signature Algorithm: ecdsa-with-SHA256
            Signature Value:
                30:45:02:20:5b:0e:92:11:c4:7d:3a:9f:e0:6b:41:88:2d:55:
                a3:17:f9:0c:64:de:71:b2:08:3e:c5:9a:44:12:6f:e1:02:21:
                00:c1:7e:5d:93:2a:b4:0f:68:e7:11:4c:d9:35:a0:7b:26:f8:
                1d:93:c5:40:eb:17:6a:bd:02:58:31:ee:94:70
        """;

    /// <summary>Random data of the given length (seeded, so failures reproduce).</summary>
    public static byte[] Data(int length, int seed = 1)
    {
        byte[] data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>
    /// Builds a PEM block by hand: base64 of <paramref name="data"/> wrapped at <paramref name="width"/>
    /// columns, each line ended by <paramref name="eol"/>, including the END line unless
    /// <paramref name="finalEol"/> is false.
    /// </summary>
    public static string Pem(string label, ReadOnlySpan<byte> data, string eol = "\n", int width = 64, bool finalEol = true)
    {
        string base64 = Convert.ToBase64String(data);
        StringBuilder builder = new();
        builder.Append("-----BEGIN ").Append(label).Append("-----").Append(eol);
        for (int i = 0; i < base64.Length; i += width)
        {
            builder.Append(base64, i, Math.Min(width, base64.Length - i)).Append(eol);
        }

        builder.Append("-----END ").Append(label).Append("-----");
        if (finalEol)
        {
            builder.Append(eol);
        }

        return builder.ToString();
    }

    /// <summary>A request PEM with short base64 (<c>QUJD</c> lines) for error tests: easy to count columns.</summary>
    public static string Request(params string[] bodyLines) =>
        "-----BEGIN CERTIFICATE REQUEST-----\n" + string.Concat(bodyLines.Select(l => l + "\n")) + "-----END CERTIFICATE REQUEST-----\n";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] CreateCsr()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        CertificateRequest request = new("C=US, O=Example Org, CN=test.example.com", key, HashAlgorithmName.SHA256);
        SubjectAlternativeNameBuilder san = new();
        san.AddDnsName("test.example.com");
        san.AddDnsName("www.test.example.com");
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSigningRequest();
    }
}
