using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pkcs10.Certificates;

namespace Pkcs10.Tests.Certificates;

/// <summary>Bytes for <see cref="CertificateRevocationListRobustnessTests"/>, shown as hex in counterexamples.</summary>
public sealed record CrlInput(string How, byte[] Bytes)
{
    public override string ToString() => $"{How}: {Convert.ToHexString(Bytes)}";
}

/// <summary>Mutations of the committed CRL fixtures.</summary>
public static class CrlArbitraries
{
    private static readonly Lazy<(string Name, byte[] Der)[]> s_fixtures = new(() =>
        [.. new[] { "v1.der", "v2-reasons.der", "v2-idp.der", "delta.der" }.Select(n => (n, CertificateRevocationListTests.Fixture(n)))]);

    public static Arbitrary<CrlInput> CrlInput()
    {
        Gen<byte> anyByte = Gen.Choose(0, 255).Select(i => (byte)i);
        Gen<CrlInput> noise = anyByte.ArrayOf().Select(b => new CrlInput("random", b));
        Gen<CrlInput> mutated =
            from f in Gen.Elements(s_fixtures.Value)
            from kind in Gen.Choose(0, 3)
            from pos in Gen.Choose(0, f.Der.Length - 1)
            from value in anyByte
            from count in Gen.Choose(1, 16)
            select new CrlInput($"{f.Name} mutation {kind} at {pos}", Mutate(f.Der, kind, pos, value, count));
        return Gen.Frequency((1, noise), (8, mutated)).ToArbitrary();
    }

    private static byte[] Mutate(byte[] der, int kind, int pos, byte value, int count)
    {
        var list = new List<byte>(der);
        switch (kind)
        {
            case 0:
                list[pos] = value;
                break;
            case 1:
                list.InsertRange(pos, Enumerable.Repeat(value, count));
                break;
            case 2:
                list.RemoveRange(pos, Math.Min(count, list.Count - pos));
                break;
            default:
                list[pos] ^= (byte)(1 << (value % 8));
                break;
        }

        return [.. list];
    }
}

/// <summary>The CRL decoder on hostile input: only <see cref="Pkcs10Exception"/>, TryDecode never throws, views of a decoded CRL work.</summary>
public sealed class CertificateRevocationListRobustnessTests
{
    private static readonly CrlDecoderOptions[] s_modes = [CrlDecoderOptions.Strict, CrlDecoderOptions.Lenient];

    [Property(Arbitrary = [typeof(CrlArbitraries)], MaxTest = 1500)]
    public void ArbitraryInput_OnlyPkcs10Exception_TryDecodeNeverThrows(CrlInput input) => AssertWellBehaved(input.Bytes);

    [Theory]
    [InlineData("v1.der")]
    [InlineData("v2-reasons.der")]
    [InlineData("v2-idp.der")]
    [InlineData("delta.der")]
    public void EveryTruncation_IsRejected_AndEveryBitFlipIsWellBehaved(string name)
    {
        byte[] der = CertificateRevocationListTests.Fixture(name);
        for (int length = 0; length < der.Length; length++)
        {
            foreach (CrlDecoderOptions mode in s_modes)
            {
                Assert.False(CertificateRevocationList.TryDecode(der.AsMemory(0, length), out _, out Pkcs10Exception? e, mode));
                Assert.InRange(e.Offset ?? 0, 0, length);
            }
        }

        CertificateRevocationList original = CertificateRevocationList.Decode(der);
        Certificate ca = Certificate.Load(CertificateRevocationListTests.Fixture("ca.pem"));
        for (int i = 0; i < der.Length; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] flipped = (byte[])der.Clone();
                flipped[i] ^= (byte)(1 << bit);
                AssertWellBehaved(flipped);
                if (CertificateRevocationList.TryDecode(flipped, out CertificateRevocationList? crl))
                {
                    Assert.NotEqual(Pkcs10.Signatures.SignatureStatus.Valid, crl.CheckSignature(ca));
                }
            }
        }

        Assert.Equal(Pkcs10.Signatures.SignatureStatus.Valid, original.CheckSignature(ca));
    }

    private static void AssertWellBehaved(byte[] bytes)
    {
        foreach (CrlDecoderOptions mode in s_modes)
        {
            bool ok;
            CertificateRevocationList? crl;
            Pkcs10Exception? error;
            try
            {
                ok = CertificateRevocationList.TryDecode(bytes, out crl, out error, mode);
            }
            catch (Exception e)
            {
                Assert.Fail($"TryDecode threw {e.GetType().Name}: {e.Message}");
                return;
            }

            if (!ok)
            {
                Assert.InRange(error!.Offset ?? 0, 0, bytes.Length);
                Assert.Throws<Pkcs10Exception>(() => CertificateRevocationList.Decode(bytes, mode));
                continue;
            }

            // Every view of a decoded CRL works (decoding validated every value already).
            _ = (crl!.Issuer.ToString(), crl.SignatureAlgorithm.Name, crl.Extensions.Count, crl.CrlNumber, crl.BaseCrlNumber, crl.AuthorityKeyIdentifier,
                crl.IssuingDistributionPoint, crl.FreshestCrl, crl.IssuerAlternativeNames, crl.AuthorityInformationAccess);
            foreach (RevokedCertificate entry in crl.RevokedCertificates)
            {
                Assert.Same(crl.FindAllRevoked(entry.SerialNumber.Span)[0], crl.FindRevoked(entry.SerialNumber.Span));
                _ = (entry.Reason, entry.InvalidityDate, entry.CertificateIssuer, entry.Extensions.Count);
            }
        }
    }
}
