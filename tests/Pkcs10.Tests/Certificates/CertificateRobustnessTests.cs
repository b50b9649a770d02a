using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pkcs10.Certificates;
using Pkcs10.Signatures;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Certificates;

/// <summary>A strictly decodable certificate, named in counterexamples.</summary>
public sealed record CertificateFixture(string Id, byte[] Der)
{
    public override string ToString() => Id;
}

/// <summary>Bytes to decode, shown as hex in counterexamples.</summary>
public sealed record CertificateInput(string How, byte[] Bytes, CertificateFixture? Origin)
{
    public override string ToString() => $"{How}: {Convert.ToHexString(Bytes)}";
}

/// <summary>Generators for <see cref="CertificateRobustnessTests"/>: mutations of the committed fixtures.</summary>
public static class CertificateArbitraries
{
    private static readonly Lazy<CertificateFixture[]> s_fixtures = new(() =>
    [
        .. new[] { "openssl-rsa2048", "openssl-p256", "openssl-p384", "openssl-ed25519", "openssl-policies" }
            .Select(id => new CertificateFixture(id, File.ReadAllBytes(RepoTestData.TestVectors(Path.Combine("certificates", id + ".der"))))),
        new CertificateFixture("builder-v2-unique-ids", new TestCertificateBuilder { VersionField = [0xA0, 0x03, 0x02, 0x01, 0x01], Extensions = null, IssuerUniqueId = [1], SubjectUniqueId = [2] }.Build()),
    ]);

    public static CertificateFixture[] Fixtures => s_fixtures.Value;

    public static Arbitrary<CertificateInput> CertificateInput()
    {
        Gen<byte> anyByte = Gen.Choose(0, 255).Select(i => (byte)i);
        Gen<CertificateInput> noise = anyByte.ArrayOf().Select(b => new CertificateInput("random", b, null));
        Gen<CertificateInput> mutated =
            from f in Gen.Elements(Fixtures)
            from kind in Gen.Choose(0, 6)
            from pos in Gen.Choose(0, f.Der.Length - 1)
            from value in anyByte
            from count in Gen.Choose(1, 16)
            select new CertificateInput($"{f.Id} mutation {kind} at {pos}", Mutate(f.Der, kind, pos, value, count), f);
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
            case 3:
                list.RemoveRange(pos, list.Count - pos);
                break;
            case 4:
                list[pos] = (byte)(0x80 + (value % 6));
                break;
            case 5:
                list.InsertRange(pos, der.Skip(pos).Take(count));
                break;
            default:
                list[pos] ^= (byte)(1 << (value % 8));
                break;
        }

        return [.. list];
    }
}

/// <summary>
/// The certificate decoder on hostile input: only <see cref="Pkcs10Exception"/> (TryDecode false) with an offset
/// inside the input, every slice of a decoded certificate inside its buffer (RawTbs a slice of RawData), every typed
/// view working, and a mutated certificate never verifying under the original's key.
/// </summary>
public sealed class CertificateRobustnessTests
{
    private static readonly CertificateDecoderOptions[] s_modes = [CertificateDecoderOptions.Strict, CertificateDecoderOptions.Lenient];

    [Property(Arbitrary = [typeof(CertificateArbitraries)], MaxTest = 1500)]
    public void ArbitraryInput_OnlyPkcs10Exception_AndDecodedCertificatesAreConsistent(CertificateInput input) =>
        AssertWellBehaved(input.Bytes, input.Origin);

    public static TheoryData<string> FixtureIds => new("openssl-rsa2048", "openssl-p256", "openssl-ed25519", "openssl-policies", "builder-v2-unique-ids");

    [Theory, MemberData(nameof(FixtureIds))]
    public void EveryTruncation_IsRejected_WithAnOffsetInside(string id)
    {
        CertificateFixture f = CertificateArbitraries.Fixtures.Single(x => x.Id == id);
        for (int length = 0; length < f.Der.Length; length++)
        {
            byte[] prefix = f.Der[..length];
            foreach (CertificateDecoderOptions mode in s_modes)
            {
                Assert.False(Certificate.TryDecode(prefix, out _, out Pkcs10Exception? e, mode));
                Assert.InRange(e.Offset ?? 0, 0, length);
            }
        }
    }

    [Theory, MemberData(nameof(FixtureIds))]
    public void EveryBitFlip_IsRejectedOrFailsVerification(string id)
    {
        CertificateFixture f = CertificateArbitraries.Fixtures.Single(x => x.Id == id);
        for (int i = 0; i < f.Der.Length; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] flipped = (byte[])f.Der.Clone();
                flipped[i] ^= (byte)(1 << bit);
                AssertWellBehaved(flipped, f);
            }
        }
    }

    private static void AssertWellBehaved(byte[] bytes, CertificateFixture? origin)
    {
        foreach (CertificateDecoderOptions mode in s_modes)
        {
            if (!Certificate.TryDecode(bytes, out Certificate? cert, out Pkcs10Exception? error, mode))
            {
                Assert.InRange(error.Offset ?? 0, 0, bytes.Length);
                continue;
            }

            int length = bytes.Length;
            Assert.Same(bytes, System.Runtime.InteropServices.MemoryMarshal.TryGetArray(cert.RawData, out ArraySegment<byte> s) ? s.Array : null);
            Assert.Equal(length, cert.RawData.Length);
            Assert.InRange(TestCertificateBuilder.OffsetIn(bytes, cert.RawTbs) + cert.RawTbs.Length, 0, length);
            Assert.InRange(TestCertificateBuilder.OffsetIn(bytes, cert.Signature) + cert.Signature.Length, 0, length);
            Assert.InRange(TestCertificateBuilder.OffsetIn(bytes, cert.SerialNumber) + cert.SerialNumber.Length, 0, length);
            Assert.True(cert.Version is 1 or 2 or 3);
            foreach (DecodeFinding finding in cert.Findings)
            {
                Assert.InRange(finding.Offset, 0, length);
            }

            // Every view of a decoded certificate works (decoding validated every value already).
            _ = (cert.Issuer.ToString(), cert.Subject.ToString(), cert.PublicKey.KeySize, cert.SignatureAlgorithm.Name, cert.Extensions.Count,
                cert.SubjectAlternativeNames, cert.IssuerAlternativeNames, cert.KeyUsage, cert.ExtendedKeyUsage, cert.BasicConstraints,
                cert.SubjectKeyIdentifier, cert.AuthorityKeyIdentifier, cert.NameConstraints, cert.CrlDistributionPoints,
                cert.AuthorityInformationAccess, cert.CertificatePolicies, cert.PolicyMappings, cert.PolicyConstraints, cert.InhibitAnyPolicy);

            if (origin is not null && !bytes.AsSpan().SequenceEqual(origin.Der))
            {
                Certificate original = Certificate.Decode(origin.Der);
                Assert.NotEqual(SignatureStatus.Valid, cert.CheckSignature(original));
            }
        }
    }
}
