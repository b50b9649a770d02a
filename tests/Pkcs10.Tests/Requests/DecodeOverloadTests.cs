using System.Runtime.InteropServices;
using Pkcs10.Requests;

namespace Pkcs10.Tests.Requests;

public class DecodeOverloadTests
{
    private static byte[] SampleDer() =>
        Pkcs10.Pem.PemReader.Decode(File.ReadAllBytes(Path.Combine(Infrastructure.RepoTestData.RepoRoot, "samples", "data", "p256.csr")),
            Pkcs10.Pem.PemLabelFilter.CertificateRequest);

    [Fact]
    public void Decode_ByteArray_KeepsTheArrayWithoutCopying()
    {
        byte[] der = SampleDer();
        CertificationRequest request = CertificationRequest.Decode(der);
        Assert.True(MemoryMarshal.TryGetArray(request.RawData, out ArraySegment<byte> segment));
        Assert.Same(der, segment.Array);
    }

    [Fact]
    public void Decode_Span_CopiesIntoItsOwnBuffer()
    {
        byte[] der = SampleDer();
        CertificationRequest request = CertificationRequest.Decode((ReadOnlySpan<byte>)der);
        Assert.True(MemoryMarshal.TryGetArray(request.RawData, out ArraySegment<byte> segment));
        Assert.NotSame(der, segment.Array);
        Assert.Equal(der, request.RawData.ToArray());
    }

    [Fact]
    public void Load_DetectsDerAndPem_ToTheSameRequest()
    {
        byte[] der = SampleDer();
        byte[] pem = File.ReadAllBytes(Path.Combine(Infrastructure.RepoTestData.RepoRoot, "samples", "data", "p256.csr"));
        Assert.Equal(RequestEncoding.Der, CertificationRequest.DetectEncoding(der));
        Assert.Equal(RequestEncoding.Pem, CertificationRequest.DetectEncoding(pem));
        Assert.Equal(CertificationRequest.Load(der).RawData.ToArray(), CertificationRequest.Load(pem).RawData.ToArray());
    }
}
