using FsCheck;
using FsCheck.Fluent;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Tests.Certificates;

namespace Pkcs10.Tests.Chains;

/// <summary>
/// Hostile and arbitrary pools: any mix of real certificates (x509-limbo and PKITS, decoded strictly or leniently)
/// as anchors, intermediates and leaf, with or without CRLs, must give a result and never throw; the result must
/// be self-consistent and the work must stay inside the budget.
/// </summary>
public sealed class ChainRobustnessTests
{
    private static readonly Lazy<Certificate[]> s_certificates = new(() =>
        CertificateCorpus.Limbo().Concat(CertificateCorpus.Pkits())
            .Select(c => Certificate.TryDecode(c.Der, out Certificate? cert, CertificateDecoderOptions.Lenient) ? cert : null)
            .OfType<Certificate>()
            .ToArray());

    private static readonly Lazy<CertificateRevocationList[]> s_crls = new(() =>
        Directory.GetFiles(Path.Combine(Infrastructure.SharedTestData.Require("nist-pkits"), "crls"), "*.crl")
            .Order(StringComparer.Ordinal)
            .Select(f => CertificateRevocationList.Decode(File.ReadAllBytes(f)))
            .ToArray());

    [Fact]
    public void Random_pools_of_real_certificates_never_throw_and_stay_within_budget()
    {
        Certificate[] all = s_certificates.Value;
        CertificateRevocationList[] crls = s_crls.Value;
        Assert.True(all.Length > 1000);
        Gen<(int Leaf, int[] Anchors, int[] Pool, int Crls, bool WebPki, int Time)> gen =
            from leaf in Gen.Choose(0, all.Length - 1)
            from anchors in Gen.ArrayOf(Gen.Choose(0, all.Length - 1), 3)
            from poolSize in Gen.Choose(0, 40)
            from pool in Gen.ArrayOf(Gen.Choose(0, all.Length - 1), poolSize)
            from crlCount in Gen.Choose(0, 3)
            from webPki in Gen.Elements(false, true)
            from time in Gen.Choose(0, 3)
            select (leaf, anchors, pool, crlCount, webPki, time);
        DateTimeOffset[] times = [new(2011, 4, 15, 0, 0, 0, TimeSpan.Zero), new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), new(1999, 1, 1, 0, 0, 0, TimeSpan.Zero)];

        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var policy = new ChainPolicy
            {
                ValidationTime = times[input.Time],
                Crls = crls.Take(input.Crls * 20).ToArray(),
                WebPki = input.WebPki,
                PeerNames = input.WebPki ? [PeerName.Dns("example.com")] : [],
                Budget = ChainBudget.Default with { MaxSignatureChecks = 30 },
            };
            var builder = new ChainBuilder(input.Anchors.Select(i => all[i]), input.Pool.Select(i => all[i]));
            ChainResult result = builder.Build(all[input.Leaf], policy);

            Assert.Equal(result.IsValid, result.Errors.Count == 0);
            Assert.Equal(result.IsValid, result.Chain.Count > 0);
            Assert.True(result.Work.SignatureChecks <= 31);
            if (result.IsValid)
            {
                Assert.Same(all[input.Leaf], result.Chain[0]);
            }
            else
            {
                Assert.All(result.Errors, e => Assert.True(Enum.IsDefined(e.Code) && e.Message.Length > 0));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Same_pool_in_any_order_gives_the_same_verdict()
    {
        // Determinism: the verdict depends on the inputs, not on their order (the chosen path may differ).
        Certificate[] all = s_certificates.Value;
        var random = new Random(20261127);
        for (int round = 0; round < 40; round++)
        {
            Certificate leaf = all[random.Next(all.Length)];
            Certificate[] anchors = [.. Enumerable.Range(0, 3).Select(_ => all[random.Next(all.Length)])];
            Certificate[] pool = [.. Enumerable.Range(0, 25).Select(_ => all[random.Next(all.Length)]), .. anchors];
            var policy = new ChainPolicy { ValidationTime = new DateTimeOffset(2011, 4, 15, 0, 0, 0, TimeSpan.Zero), MinimumRsaKeyBits = 1024, AllowSha1Signatures = true };

            bool forward = new ChainBuilder(anchors, pool).Build(leaf, policy).IsValid;
            bool reversed = new ChainBuilder(anchors.Reverse(), pool.Reverse()).Build(leaf, policy).IsValid;

            Assert.Equal(forward, reversed);
        }
    }
}
