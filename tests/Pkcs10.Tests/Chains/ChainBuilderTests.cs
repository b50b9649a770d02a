using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Extensions;
using static Pkcs10.Tests.Chains.TestPki;

namespace Pkcs10.Tests.Chains;

public sealed class ChainBuilderTests
{
    private static ChainPolicy Policy(Action<ChainPolicyEdit>? edit = null)
    {
        var e = new ChainPolicyEdit();
        edit?.Invoke(e);
        return new ChainPolicy
        {
            ValidationTime = e.Time,
            RequiredPurposes = e.Purposes,
            PeerNames = e.Names,
            MaximumIntermediates = e.MaxIntermediates,
            Budget = e.Budget,
        };
    }

    internal sealed class ChainPolicyEdit
    {
        public DateTimeOffset Time { get; set; } = Now;

        public List<string> Purposes { get; } = [KeyPurposes.ServerAuth];

        public List<PeerName> Names { get; } = [];

        public int MaxIntermediates { get; set; } = 8;

        public ChainBudget Budget { get; set; } = ChainBudget.Default;
    }

    [Theory]
    [InlineData(KeyKind.Rsa2048)]
    [InlineData(KeyKind.P256)]
    public void Three_level_chain_is_valid_leaf_first_anchor_last(KeyKind kind)
    {
        Issued root = Root("CN=Root,O=Test", Key(kind, 0));
        Issued ica = Intermediate(root, "CN=Issuing CA,O=Test", Key(kind, 1));
        Issued leaf = Leaf(ica, "CN=app.example.com", Key(kind, 2));

        ChainResult result = new ChainBuilder([root.Certificate], [ica.Certificate]).Build(leaf.Certificate, Policy());

        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal([leaf.Certificate, ica.Certificate, root.Certificate], result.Chain);
        Assert.Empty(result.Errors);
        Assert.Null(result.Error);
        Assert.Equal(2, result.Work.SignatureChecks);
        Assert.Empty(result.ValidPolicies!); // no certificatePolicies anywhere: the valid policy tree is NULL, and none was required
    }

    [Fact]
    public void Missing_intermediate_is_NoIssuerFound_naming_the_issuer()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued ica = Intermediate(root, "CN=Missing CA", Key(KeyKind.P256, 0));
        Issued leaf = Leaf(ica, "CN=leaf", Key(KeyKind.P256, 0));

        ChainResult result = new ChainBuilder([root.Certificate]).Build(leaf.Certificate, Policy());

        Assert.False(result.IsValid);
        Assert.Equal(ChainErrorCode.NoIssuerFound, result.Error!.Code);
        Assert.Contains("CN=Missing CA", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Chain);
    }

    [Fact]
    public void Expired_leaf_and_not_yet_valid_leaf_are_reported_at_depth_0()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued expired = Leaf(root, "CN=old", Key(KeyKind.P256, 0), notBefore: Now.AddDays(-90), notAfter: Now.AddDays(-1));
        Issued future = Leaf(root, "CN=new", Key(KeyKind.P256, 0), notBefore: Now.AddDays(1), notAfter: Now.AddDays(90));
        var builder = new ChainBuilder([root.Certificate]);

        ChainError e1 = builder.Build(expired.Certificate, Policy()).Error!;
        ChainError e2 = builder.Build(future.Certificate, Policy()).Error!;

        Assert.Equal((ChainErrorCode.Expired, 0), (e1.Code, e1.Depth));
        Assert.Equal((ChainErrorCode.NotYetValid, 0), (e2.Code, e2.Depth));
        Assert.Same(expired.Certificate, e1.Certificate);
    }

    [Fact]
    public void Validation_time_is_the_callers_and_the_bounds_are_inclusive_to_the_second()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        DateTimeOffset notAfter = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        Issued leaf = Leaf(root, "CN=leaf", Key(KeyKind.P256, 0), notBefore: Now.AddDays(-1), notAfter: notAfter);
        var builder = new ChainBuilder([root.Certificate]);

        Assert.True(builder.Build(leaf.Certificate, Policy(p => p.Time = notAfter.AddMilliseconds(999))).IsValid);
        Assert.Equal(ChainErrorCode.Expired, builder.Build(leaf.Certificate, Policy(p => p.Time = notAfter.AddSeconds(1))).Error!.Code);
    }

    [Fact]
    public void Intermediate_without_cA_is_NotCertificateAuthority()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued notCa = Intermediate(root, "CN=Not a CA", Key(KeyKind.P256, 0), ca: false);
        Issued leaf = Leaf(notCa, "CN=leaf", Key(KeyKind.P256, 0));

        ChainResult result = new ChainBuilder([root.Certificate], [notCa.Certificate]).Build(leaf.Certificate, Policy());

        Assert.Equal((ChainErrorCode.NotCertificateAuthority, 1), (result.Error!.Code, result.Error.Depth));
    }

    [Fact]
    public void PathLenConstraint_0_forbids_a_second_intermediate()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued ica1 = Intermediate(root, "CN=ICA1", Key(KeyKind.P256, 0), pathLength: 0);
        Issued ica2 = Intermediate(ica1, "CN=ICA2", Key(KeyKind.P256, 0));
        Issued leaf = Leaf(ica2, "CN=leaf", Key(KeyKind.P256, 0));
        Issued direct = Leaf(ica1, "CN=direct", Key(KeyKind.P256, 0));
        var builder = new ChainBuilder([root.Certificate], [ica1.Certificate, ica2.Certificate]);

        Assert.Equal(ChainErrorCode.PathLengthExceeded, builder.Build(leaf.Certificate, Policy()).Error!.Code);
        Assert.True(builder.Build(direct.Certificate, Policy()).IsValid);
    }

    [Fact]
    public void Intermediate_keyUsage_without_keyCertSign_is_refused()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued ica = Intermediate(root, "CN=ICA", Key(KeyKind.P256, 0), defaultExtensions: false, configure: r =>
        {
            r.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            r.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        });
        Issued leaf = Leaf(ica, "CN=leaf", Key(KeyKind.P256, 0));

        Assert.Equal(ChainErrorCode.KeyUsageNotPermitted, new ChainBuilder([root.Certificate], [ica.Certificate]).Build(leaf.Certificate, Policy()).Error!.Code);
    }

    [Fact]
    public void Unknown_critical_extension_on_leaf_is_refused_and_a_non_critical_one_is_not()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued critical = Leaf(root, "CN=crit", Key(KeyKind.P256, 0), configure: r => r.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.55555.1", [0x05, 0x00], true)));
        Issued plain = Leaf(root, "CN=plain", Key(KeyKind.P256, 0), configure: r => r.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.55555.1", [0x05, 0x00], false)));
        var builder = new ChainBuilder([root.Certificate]);

        ChainError error = builder.Build(critical.Certificate, Policy()).Error!;
        Assert.Equal(ChainErrorCode.UnknownCriticalExtension, error.Code);
        Assert.Contains("1.3.6.1.4.1.55555.1", error.Message, StringComparison.Ordinal);
        Assert.True(builder.Build(plain.Certificate, Policy()).IsValid);
    }

    [Fact]
    public void Leaf_extendedKeyUsage_must_allow_the_required_purpose()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued client = Leaf(root, "CN=client", Key(KeyKind.P256, 0), ekus: [KeyPurposes.ClientAuth]);
        var builder = new ChainBuilder([root.Certificate]);

        Assert.Equal(ChainErrorCode.ExtendedKeyUsageNotPermitted, builder.Build(client.Certificate, Policy()).Error!.Code);
        Assert.True(builder.Build(client.Certificate, Policy(p => { p.Purposes.Clear(); p.Purposes.Add(KeyPurposes.ClientAuth); })).IsValid);
        Assert.True(builder.Build(client.Certificate, Policy(p => p.Purposes.Clear())).IsValid);
    }

    [Fact]
    public void Intermediate_restricting_extendedKeyUsage_constrains_the_leaf_purpose()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued ica = Intermediate(root, "CN=Client CA", Key(KeyKind.P256, 0),
            configure: r => r.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(KeyPurposes.ClientAuth)], false)));
        Issued leaf = Leaf(ica, "CN=leaf", Key(KeyKind.P256, 0));

        ChainResult result = new ChainBuilder([root.Certificate], [ica.Certificate]).Build(leaf.Certificate, Policy());

        Assert.Equal((ChainErrorCode.ExtendedKeyUsageNotPermitted, 1), (result.Error!.Code, result.Error.Depth));
    }

    [Fact]
    public void Wrong_key_with_the_right_name_is_skipped_for_the_right_one()
    {
        // Two CAs share a subject name; only one holds the key that signed the leaf. The AKI hint orders them,
        // but the wrong one is listed first and still must not stop the search.
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued good = Intermediate(root, "CN=Same Name", Key(KeyKind.P256, 0));
        Issued impostor = Intermediate(root, "CN=Same Name", Key(KeyKind.P256, 0));
        Issued leaf = Leaf(good, "CN=leaf", Key(KeyKind.P256, 0));

        ChainResult result = new ChainBuilder([root.Certificate], [impostor.Certificate, good.Certificate]).Build(leaf.Certificate, Policy());

        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Same(good.Certificate, result.Chain[1]);
    }

    [Fact]
    public void Expired_cross_signed_intermediate_is_passed_over_for_a_valid_one()
    {
        ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued expired = Intermediate(root, "CN=ICA", caKey, notBefore: Now.AddYears(-3), notAfter: Now.AddDays(-1));
        Issued current = Intermediate(root, "CN=ICA", caKey);
        Issued leaf = Leaf(current, "CN=leaf", Key(KeyKind.P256, 0));

        ChainResult result = new ChainBuilder([root.Certificate], [expired.Certificate, current.Certificate]).Build(leaf.Certificate, Policy());

        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Same(current.Certificate, result.Chain[1]);
        Assert.Contains(result.Attempts, a => a.Error.Code == ChainErrorCode.Expired && ReferenceEquals(a.Error.Certificate, expired.Certificate));
    }

    [Fact]
    public void An_intermediate_can_be_the_trust_anchor()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued ica = Intermediate(root, "CN=ICA", Key(KeyKind.P256, 0));
        Issued leaf = Leaf(ica, "CN=leaf", Key(KeyKind.P256, 0));

        ChainResult result = new ChainBuilder([ica.Certificate]).Build(leaf.Certificate, Policy());

        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal([leaf.Certificate, ica.Certificate], result.Chain);
    }

    [Fact]
    public void Weak_signature_and_weak_key_are_refused_by_default()
    {
        using RSA small = RSA.Create(1024);
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued weakKey = Leaf(root, "CN=weak", small);
        var builder = new ChainBuilder([root.Certificate]);

        Assert.Equal(ChainErrorCode.WeakKey, builder.Build(weakKey.Certificate, Policy()).Error!.Code);
        Assert.True(builder.Build(weakKey.Certificate, new ChainPolicy { ValidationTime = Now, MinimumRsaKeyBits = 1024 }).IsValid);
    }

    [Fact]
    public void Chain_beyond_the_maximum_depth_fails_cleanly_with_DepthExceeded()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        var intermediates = new List<Issued>();
        Issued issuer = root;
        for (int i = 0; i < 12; i++)
        {
            issuer = Intermediate(issuer, $"CN=ICA {i}", Key(KeyKind.P256, 0));
            intermediates.Add(issuer);
        }

        Issued leaf = Leaf(issuer, "CN=leaf", Key(KeyKind.P256, 0));
        var builder = new ChainBuilder([root.Certificate], intermediates.Select(x => x.Certificate));

        ChainResult tooDeep = builder.Build(leaf.Certificate, Policy());
        ChainResult allowed = builder.Build(leaf.Certificate, Policy(p => p.MaxIntermediates = 12));

        Assert.Equal(ChainErrorCode.DepthExceeded, tooDeep.Error!.Code);
        Assert.True(allowed.IsValid, allowed.Error?.ToString());
        Assert.Equal(14, allowed.Chain.Count);
    }

    [Fact]
    public void Mesh_of_same_named_cross_signed_CAs_ends_with_the_budget_error()
    {
        // 12 CAs named alike, each certified by every other one (132 certificates), none reachable from the
        // root: without a budget the search would try every ordering of the 12 keys.
        const int n = 12;
        ECDsa[] keys = Enumerable.Range(0, n).Select(_ => ECDsa.Create(ECCurve.NamedCurves.nistP256)).ToArray();
        Issued root = Root("CN=Unrelated Root", Key(KeyKind.P256, 0));
        var selfSigned = keys.Select(k => Root("CN=Mesh", k)).ToArray();
        var mesh = new List<Certificate>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j)
                {
                    mesh.Add(Intermediate(selfSigned[i], "CN=Mesh", keys[j], defaultExtensions: true).Certificate);
                }
            }
        }

        Issued leaf = Leaf(selfSigned[0], "CN=leaf", Key(KeyKind.P256, 0));

        ChainResult result = new ChainBuilder([root.Certificate], mesh).Build(leaf.Certificate, Policy());

        Assert.False(result.IsValid);
        Assert.Equal(ChainErrorCode.BudgetExceeded, result.Error!.Code);
        Assert.True(result.Work.SignatureChecks <= ChainBudget.Default.MaxSignatureChecks + 1);
        Assert.True(result.Work.CandidateVisits <= ChainBudget.Default.MaxCandidateVisits + 1);
    }

    [Fact]
    public void Two_CAs_certifying_each_other_are_a_cycle_not_a_loop_forever()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        ECDsa ka = ECDsa.Create(ECCurve.NamedCurves.nistP256), kb = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Issued a = Root("CN=A", ka);
        Issued b = Root("CN=B", kb);
        Issued aByB = Intermediate(b, "CN=A", ka);
        Issued bByA = Intermediate(a, "CN=B", kb);
        Issued leaf = Leaf(aByB, "CN=leaf", Key(KeyKind.P256, 0));

        ChainResult result = new ChainBuilder([root.Certificate], [aByB.Certificate, bByA.Certificate]).Build(leaf.Certificate, Policy());

        Assert.False(result.IsValid);
        Assert.Contains(result.Attempts, x => x.Error.Code == ChainErrorCode.Cycle);
        Assert.NotEqual(ChainErrorCode.BudgetExceeded, result.Error!.Code);
    }

    [Fact]
    public void Signature_results_between_pool_certificates_are_reused_across_builds()
    {
        Issued root = Root("CN=Root", Key(KeyKind.P256, 0));
        Issued ica = Intermediate(root, "CN=ICA", Key(KeyKind.P256, 0));
        Issued leaf1 = Leaf(ica, "CN=one", Key(KeyKind.P256, 0));
        Issued leaf2 = Leaf(ica, "CN=two", Key(KeyKind.P256, 0));
        var builder = new ChainBuilder([root.Certificate], [ica.Certificate]);

        ChainResult first = builder.Build(leaf1.Certificate, Policy());
        ChainResult second = builder.Build(leaf2.Certificate, Policy());

        Assert.Equal(2, first.Work.SignatureChecks);
        Assert.Equal(1, second.Work.SignatureChecks); // only the new leaf's signature
        Assert.True(second.IsValid);
    }

    [Fact]
    public void Tampered_leaf_signature_is_SignatureInvalid()
    {
        Issued root = Root("CN=Root", Key(KeyKind.Rsa2048, 0));
        Issued leaf = Leaf(root, "CN=leaf", Key(KeyKind.P256, 0));
        byte[] der = leaf.Certificate.RawData.ToArray();
        der[^5] ^= 0x01;

        ChainResult result = new ChainBuilder([root.Certificate]).Build(Certificate.Decode(der), Policy());

        Assert.Equal((ChainErrorCode.SignatureInvalid, 0), (result.Error!.Code, result.Error.Depth));
    }
}
