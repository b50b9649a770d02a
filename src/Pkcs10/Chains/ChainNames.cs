using System.Net;
using Pkcs10.Extensions;
using Pkcs10.Names;

namespace Pkcs10.Chains;

/// <summary>The name comparisons path building and validation use, in one place.</summary>
internal static class ChainNames
{
    /// <summary>RFC 5280 §7.1 name equality (see <see cref="NameComparer"/>).</summary>
    public static bool Equal(DistinguishedName a, DistinguishedName b) => NameComparer.Equal(a, b);

    /// <summary>
    /// A key under which names that <see cref="Equal"/> calls equal are filed together: each attribute's type and
    /// prepared text (or DER for non-string values), RDN by RDN.
    /// </summary>
    public static string Key(DistinguishedName name)
    {
        var key = new System.Text.StringBuilder();
        foreach (RelativeDistinguishedName rdn in name.Rdns)
        {
            IEnumerable<string> parts = rdn.Attributes
                .Select(a => a.Oid + "=" + (a.Value is { } text ? NameComparer.Prepare(text) : Convert.ToHexString(a.RawValue.Span)))
                .Order(StringComparer.Ordinal);
            key.Append(string.Join("+", parts)).Append('\u0001');
        }

        return key.ToString();
    }

    /// <summary>Whether the leaf carries the peer name (RFC 6125 / RFC 9525 rules, see <see cref="PeerNameMatcher"/>).</summary>
    public static bool Matches(CertificateFacts leaf, PeerName name) => name.Kind switch
    {
        PeerNameKind.Dns => PeerNameMatcher.MatchesHost(leaf.Certificate, name.Value),
        PeerNameKind.IPAddress => IPAddress.TryParse(name.Value, out IPAddress? ip) && PeerNameMatcher.MatchesIPAddress(leaf.Certificate, ip),
        _ => PeerNameMatcher.MatchesEmail(leaf.Certificate, name.Value),
    };

    /// <summary>The first name of <paramref name="facts"/> that violates <paramref name="constraints"/>, described, or <see langword="null"/>.</summary>
    public static string? CheckNameConstraints(CertificateFacts facts, NameConstraints constraints, bool isLeaf, ref int budget) =>
        NameConstraintMatcher.Check(facts.Certificate, constraints, isLeaf, ref budget)?.Message;
}
