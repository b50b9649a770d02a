using Pkcs10.Lifecycle;

namespace Pkcs10.Tests.Samples;

/// <summary>samples/Pkcs10.Lifecycle, run in-process: every step behaves as it says.</summary>
public sealed class LifecycleSampleTests
{
    [Fact]
    public void Run_EveryStepBehaves_ExitsZero()
    {
        var output = new StringWriter();
        int code = LifecycleSample.Run(output, new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        string text = output.ToString();
        Assert.True(code == 0, text);
        Assert.DoesNotContain("UNEXPECTED", text, StringComparison.Ordinal);
        Assert.Contains("ok: no error findings", text, StringComparison.Ordinal);
        Assert.Contains("subjectAltName: Taken (dns:device-0042.devices.example.com)", text, StringComparison.Ordinal);
        Assert.Contains("has private key: True", text, StringComparison.Ordinal);
        Assert.Contains("Pkcs10: valid, 3 certificates", text, StringComparison.Ordinal);
        Assert.Contains("X509Chain: valid, 3 elements", text, StringComparison.Ordinal);
        Assert.Contains("Revoked (depth 0):", text, StringComparison.Ordinal);
        Assert.EndsWith("every step behaved as expected" + Environment.NewLine, text, StringComparison.Ordinal);
    }
}
