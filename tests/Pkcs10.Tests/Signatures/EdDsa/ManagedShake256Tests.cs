using System.Security.Cryptography;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>The managed SHAKE256 (Ed448's fallback) against known answers and, where the platform has it, the BCL's.</summary>
public sealed class ManagedShake256Tests
{
    // SHAKE256 of the empty string and of "abc" (FIPS 202 examples, as published by NIST and reproduced by every SHA-3
    // implementation; cross-checked with Python hashlib.shake_256).
    [Theory]
    [InlineData("", "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762fd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be")]
    [InlineData("616263", "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4")]
    public void KnownAnswers(string inputHex, string expectedHex)
    {
        byte[] output = new byte[expectedHex.Length / 2];
        ManagedShake256.HashData(Convert.FromHexString(inputHex), output);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(output));
    }

    [Property(MaxTest = 500)]
    public void MatchesTheBcl_OnRandomLengths(byte[] input, ushort outputLength, ushort extra)
    {
        Assert.SkipUnless(Shake256.IsSupported, "this platform has no BCL SHAKE256 to compare with");

        // Inputs across several 136-byte blocks and outputs that need several squeezes.
        byte[] source = [.. input, .. Enumerable.Range(0, extra % 700).Select(i => (byte)(i * 7))];
        int length = 1 + (outputLength % 600);
        byte[] managed = new byte[length];
        ManagedShake256.HashData(source, managed);
        Assert.Equal(Shake256.HashData(source, length), managed);
    }

    [Fact]
    public void MatchesTheBcl_AtEveryLengthAroundTheRate()
    {
        Assert.SkipUnless(Shake256.IsSupported, "this platform has no BCL SHAKE256 to compare with");
        for (int n = 0; n <= 3 * 136 + 2; n++)
        {
            byte[] source = Enumerable.Range(0, n).Select(i => (byte)((31 * i) + 7)).ToArray();
            foreach (int length in new[] { 1, 114, 135, 136, 137, 272, 273 })
            {
                byte[] managed = new byte[length];
                ManagedShake256.HashData(source, managed);
                Assert.Equal(Shake256.HashData(source, length), managed);
            }
        }
    }
}
