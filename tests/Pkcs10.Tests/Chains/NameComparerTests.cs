using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pkcs10.Asn1;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Names;
using Pkcs10.Tests.Infrastructure;
using Pkcs10.Tests.Names;

namespace Pkcs10.Tests.Chains;

/// <summary>RFC 5280 §7.1 name comparison: hand-made cases, NIST PKITS §4.3 (name chaining), and properties.</summary>
public class NameComparerTests
{
    private static DistinguishedName Name(params (string Type, string Value, UniversalTagNumber? StringType)[] rdns)
    {
        var builder = new DistinguishedNameBuilder(new DistinguishedNameEncodingOptions { EnforceSizeLimits = false });
        foreach ((string type, string value, UniversalTagNumber? st) in rdns)
        {
            builder.Add(type, value, st);
        }

        return builder.Build();
    }

    private const UniversalTagNumber P = UniversalTagNumber.PrintableString;
    private const UniversalTagNumber U = UniversalTagNumber.Utf8String;

    public static TheoryData<string, DistinguishedName, DistinguishedName, bool> Pairs => new()
    {
        { "identical", Name(("C", "US", P), ("O", "Acme", P)), Name(("C", "US", P), ("O", "Acme", P)), true },
        { "case differs", Name(("O", "Acme Corp", P)), Name(("O", "ACME corp", P)), true },
        { "PrintableString vs UTF8String", Name(("O", "Acme", P)), Name(("O", "Acme", U)), true },
        { "leading/trailing spaces", Name(("CN", "  Acme ", U)), Name(("CN", "Acme", P)), true },
        { "internal whitespace runs", Name(("CN", "Acme   Test\tCA", U)), Name(("CN", "acme test ca", U)), true },
        { "non-ASCII case folding", Name(("CN", "ÉCOLE", U)), Name(("CN", "école", U)), true },
        { "different value", Name(("O", "Acme", P)), Name(("O", "Acne", P)), false },
        { "different attribute type", Name(("O", "Acme", P)), Name(("OU", "Acme", P)), false },
        { "different order", Name(("C", "US", P), ("O", "Acme", P)), Name(("O", "Acme", P), ("C", "US", P)), false },
        { "extra RDN", Name(("C", "US", P)), Name(("C", "US", P), ("O", "Acme", P)), false },
        { "inner space is not removed", Name(("CN", "Ac me", U)), Name(("CN", "Acme", U)), false },
    };

    [Theory, MemberData(nameof(Pairs))]
    public void Equal_FollowsRfc5280Section7_1(string why, DistinguishedName a, DistinguishedName b, bool expected)
    {
        Assert.True(expected == NameComparer.Equal(a, b), why);
        Assert.True(expected == NameComparer.Equal(b, a), why + " (symmetric)");
    }

    [Fact]
    public void MultiValuedRdn_IsASet()
    {
        DistinguishedName a = new DistinguishedNameBuilder().AddMultiValued(r => r.Add("CN", "x", U).Add("OU", "Y", P)).Build();
        DistinguishedName b = new DistinguishedNameBuilder().AddMultiValued(r => r.Add("OU", "y", U).Add("CN", "X", P)).Build();
        DistinguishedName c = new DistinguishedNameBuilder().AddMultiValued(r => r.Add("OU", "y", U).Add("CN", "Z", P)).Build();
        Assert.True(NameComparer.Equal(a, b));
        Assert.False(NameComparer.Equal(a, c));
    }

    [Fact]
    public void NonStringValues_CompareByExactDer()
    {
        DistinguishedName a = new DistinguishedNameBuilder().AddEncoded("2.5.4.45", [0x03, 0x02, 0x00, 0x41]).Build();
        DistinguishedName b = new DistinguishedNameBuilder().AddEncoded("2.5.4.45", [0x03, 0x02, 0x00, 0x61]).Build();
        Assert.True(NameComparer.Equal(a, a));
        Assert.False(NameComparer.Equal(a, b));
    }

    [Fact]
    public void IsPrefix_ForDirectoryNameSubtrees()
    {
        // The builder takes RDNs most specific first (RFC 4514 order), so the DER starts with C.
        DistinguishedName constraint = Name(("O", "Test Certificates 2011", P), ("C", "US", P));
        Assert.True(NameComparer.IsPrefix(constraint, Name(("CN", "x", P), ("O", "test certificates 2011", U), ("C", "US", P))));
        Assert.True(NameComparer.IsPrefix(constraint, constraint));
        Assert.False(NameComparer.IsPrefix(constraint, Name(("C", "US", P))));
        Assert.False(NameComparer.IsPrefix(constraint, Name(("CN", "x", P), ("O", "Other", P), ("C", "US", P))));
        Assert.True(NameComparer.IsPrefix(new DistinguishedNameBuilder().Build(), constraint));
    }

    private static Certificate Pkits(string name) =>
        Certificate.Decode(File.ReadAllBytes(Path.Combine(SharedTestData.Require(Path.Combine("nist-pkits", "certs")), name + ".crt")), CertificateDecoderOptions.Lenient);

    [Fact]
    public void PkitsNameChaining_4_3_EveryIssuerMatchesExactlyWhenTheTestIsValid()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(SharedTestData.Require(Path.Combine("nist-pkits", "pkits-tests.json"))));
        int byteDifferent = 0, checkedTests = 0;
        foreach (JsonElement test in doc.RootElement.EnumerateArray())
        {
            if (!test.GetProperty("test_number").GetString()!.StartsWith("4.3.", StringComparison.Ordinal))
            {
                continue;
            }

            string[] certs = [.. test.GetProperty("certs").EnumerateArray().Select(e => e.GetString()!)];
            bool chains = true;
            for (int i = 1; i < certs.Length; i++)
            {
                Certificate issuer = Pkits(certs[i - 1]), subject = Pkits(certs[i]);
                chains &= NameComparer.Equal(subject.Issuer, issuer.Subject);
                byteDifferent += subject.Issuer.RawData.Span.SequenceEqual(issuer.Subject.RawData.Span) ? 0 : 1;
            }

            Assert.True(test.GetProperty("should_validate").GetBoolean() == chains, test.GetProperty("title").GetString());
            checkedTests++;
        }

        Assert.Equal(11, checkedTests);
        Assert.True(byteDifferent >= 6, "the whitespace, capitalization, UTF8String and rollover tests differ in bytes");
    }

    [Fact]
    public void PkitsRolloverCrl_IssuerMatchesTheCaByName()
    {
        string crlPath = Path.Combine(SharedTestData.Require(Path.Combine("nist-pkits", "crls")), "RolloverfromPrintableStringtoUTF8StringCACRL.crl");
        CertificateRevocationList crl = CertificateRevocationList.Decode(File.ReadAllBytes(crlPath));
        Certificate ca = Pkits("RolloverfromPrintableStringtoUTF8StringCACert");
        Assert.False(crl.RawIssuer.Span.SequenceEqual(ca.Subject.RawData.Span));
        Assert.True(NameComparer.Equal(crl.Issuer, ca.Subject));
        Assert.Equal(Pkcs10.Signatures.SignatureStatus.Valid, crl.CheckSignature(ca));
    }

    [Property(Arbitrary = [typeof(NameArbitraries)], MaxTest = 300)]
    public void Equal_IsReflexive_AndSymmetric(GeneratedName x, GeneratedName y)
    {
        DistinguishedName a = x.Build(), b = y.Build();
        Assert.True(NameComparer.Equal(a, a));
        Assert.Equal(NameComparer.Equal(a, b), NameComparer.Equal(b, a));
        Assert.True(NameComparer.IsPrefix(a, a));
    }

    public static Arbitrary<(string, bool[])> PrintableWithCaseFlips() =>
        (from chars in Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '()+,-./:=?".ToCharArray()).ArrayOf()
         where chars.Any(c => c != ' ')
         from flips in Gen.Elements(true, false).ArrayOf(chars.Length)
         select (new string(chars), flips)).ToArbitrary();

    [Property(Arbitrary = [typeof(NameComparerTests)], MaxTest = 300)]
    public void AsciiCaseChanges_InPrintableString_KeepEquality((string Text, bool[] Flips) input)
    {
        char[] changed = input.Text.ToCharArray();
        for (int i = 0; i < changed.Length; i++)
        {
            if (input.Flips[i])
            {
                changed[i] = char.IsUpper(changed[i]) ? char.ToLowerInvariant(changed[i]) : char.ToUpperInvariant(changed[i]);
            }
        }

        DistinguishedName a = Name(("O", input.Text, P)), b = Name(("O", new string(changed), P)), c = Name(("O", new string(changed), U));
        Assert.True(NameComparer.Equal(a, b));
        Assert.True(NameComparer.Equal(a, c));
    }
}
