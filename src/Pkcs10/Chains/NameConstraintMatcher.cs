using System.Text;
using Pkcs10.Asn1;
using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Internal;
using Pkcs10.Names;

namespace Pkcs10.Chains;

/// <summary>
/// Name constraints (RFC 5280 §4.2.1.10): the per-type matching primitives and <see cref="Check"/>, which applies a
/// nameConstraints extension to one certificate's names.
/// </summary>
/// <remarks>
/// Forms accepted, per type:
/// <list type="bullet">
/// <item>dNSName: "example.com" matches example.com and every name below it; ".example.com" (a form RFC 5280 does
/// not define for dNSName but OpenSSL and Go accept) matches only names below it; "" matches every name. A wildcard
/// in a constraint is malformed. A SAN "*.example.com" stands for every name one label below example.com: it is
/// permitted when all of those are, and excluded when any of those is.</item>
/// <item>rfc822Name: a mailbox ("user@example.com": local part exact, domain case-insensitive), a host
/// ("example.com": mailboxes on that host only) or a domain (".example.com": mailboxes on hosts below it).</item>
/// <item>iPAddress: address and mask (8 octets for IPv4, 32 for IPv6); the mask must be contiguous ones then
/// zeros. IPv4 names never match IPv6 constraints or the reverse.</item>
/// <item>directoryName: <see cref="NameComparer.IsPrefix"/>.</item>
/// <item>uniformResourceIdentifier: the host of the URI; "host.example.com" matches that host exactly (RFC 5280:
/// "satisfied by http://host.example.com/foo but not by http://host1.example.com"), ".example.com" matches hosts
/// below it. A URI without a host, or with an IP literal host, matches no host constraint.</item>
/// </list>
/// DNS comparisons are case-insensitive ASCII after converting U-labels to A-labels; a name with a trailing dot is
/// malformed (RFC 5280 §4.2.1.6 preferred name syntax), except a URI host, which may end with one dot.
/// </remarks>
internal static class NameConstraintMatcher
{
    /// <summary>
    /// Applies <paramref name="constraints"/> to <paramref name="certificate"/>'s names: every subjectAltName entry,
    /// the subject (when not empty) as a directoryName, and each emailAddress attribute of the subject as an
    /// rfc822Name. For a leaf (<paramref name="isLeaf"/>) without a subjectAltName extension, each subject commonName
    /// that is a host name or an IP address is also checked as a dNSName or iPAddress (as Chromium and BetterTLS
    /// expect, so that a legacy CN-only certificate cannot escape DNS constraints).
    /// </summary>
    /// <param name="certificate">The certificate whose names are checked (the caller chooses which certificates; self-issued intermediates are usually skipped).</param>
    /// <param name="constraints">The constraints in force.</param>
    /// <param name="isLeaf">Whether the certificate is the end entity.</param>
    /// <param name="budget">Comparisons left; each comparison spends one. At zero the budget violation is returned.</param>
    /// <returns>The first violation found, or <see langword="null"/> when all names satisfy the constraints.</returns>
    internal static NameConstraintViolation? Check(Certificate certificate, NameConstraints constraints, bool isLeaf, ref int budget)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(constraints);
        IReadOnlyList<GeneralSubtree> permitted = constraints.PermittedSubtrees ?? [];
        IReadOnlyList<GeneralSubtree> excluded = constraints.ExcludedSubtrees ?? [];

        // Every subtree must be well-formed, whatever names the certificate has (RFC 5280 §4.2.1.10).
        foreach (GeneralSubtree subtree in permitted.Concat(excluded))
        {
            if (!Spend(ref budget))
            {
                return BudgetViolation();
            }

            string? problem = CheckSubtree(subtree);
            if (problem is not null)
            {
                return new NameConstraintViolation(NameConstraintViolationKind.MalformedConstraint, subtree.Base.Type, null, subtree, problem);
            }
        }

        foreach (CandidateName name in CollectNames(certificate, isLeaf))
        {
            NameConstraintViolation? violation = CheckName(name, permitted, excluded, ref budget);
            if (violation is not null)
            {
                return violation;
            }
        }

        return null;
    }

    /// <summary>Matches a dNSName (possibly a "*." wildcard) against a dNSName constraint.</summary>
    /// <param name="name">The certificate's dNSName.</param>
    /// <param name="constraint">The subtree base.</param>
    /// <param name="forExclusion">Whether the subtree is excluded (a wildcard matches when any of its names would) or permitted (when all would).</param>
    public static SubtreeMatch MatchDns(string name, string constraint, bool forExclusion)
    {
        // A dNSName constraint is a domain name (RFC 5280 §4.2.1.10): unlike rfc822Name and URI constraints it has no
        // leading-period form, so ".example.com" is malformed (as webpki and x509-limbo hold).
        if (!TryPrepareDomainConstraint(constraint, out string? c, out bool dotForm) || dotForm)
        {
            return SubtreeMatch.MalformedConstraint;
        }

        if (c.Length == 0)
        {
            return SubtreeMatch.Match;
        }

        if (!Ascii.IsValid(name) || !HostNameSyntax.TryNormalizeDnsName(name, allowWildcard: true, out string? n, out _))
        {
            return SubtreeMatch.MalformedName;
        }

        if (!n.StartsWith("*.", StringComparison.Ordinal))
        {
            return Result(dotForm ? IsBelow(n, c) : IsWithin(n, c));
        }

        // *.b stands for x.b for every single label x.
        string b = n[2..];
        if (dotForm)
        {
            return Result(IsWithin(b, c));
        }

        return Result(IsWithin(b, c) || (forExclusion && IsOneLabelBelow(c, b)));
    }

    /// <summary>Matches an rfc822Name against an rfc822Name constraint (mailbox, host, or ".domain").</summary>
    public static SubtreeMatch MatchEmail(string name, string constraint)
    {
        string? mailbox = null, host = null, domain = null;
        if (constraint.Contains('@', StringComparison.Ordinal))
        {
            if (!MailboxSyntax.TryNormalize(constraint, out mailbox, out _))
            {
                return SubtreeMatch.MalformedConstraint;
            }
        }
        else if (!TryPrepareDomainConstraint(constraint, out string? c, out bool dotForm))
        {
            return SubtreeMatch.MalformedConstraint;
        }
        else if (dotForm)
        {
            domain = c;
        }
        else
        {
            host = c;
        }

        if (!MailboxSyntax.TryNormalize(name, out string? normalized, out _))
        {
            return SubtreeMatch.MalformedName;
        }

        if (mailbox is not null)
        {
            // The local part is case-sensitive (RFC 5321 §2.4); the domain was lowercased by the normalization.
            return Result(string.Equals(normalized, mailbox, StringComparison.Ordinal));
        }

        string nameDomain = normalized[(normalized.LastIndexOf('@') + 1)..];
        return host is { Length: 0 } ? SubtreeMatch.Match : domain is not null ? Result(IsBelow(nameDomain, domain)) : Result(string.Equals(nameDomain, host, StringComparison.Ordinal));
    }

    /// <summary>Matches an iPAddress name (4 or 16 octets) against an address-and-mask constraint (8 or 32 octets).</summary>
    public static SubtreeMatch MatchIPAddress(ReadOnlySpan<byte> address, ReadOnlySpan<byte> constraint)
    {
        if (!IsValidIPConstraint(constraint))
        {
            return SubtreeMatch.MalformedConstraint;
        }

        if (address.Length is not (4 or 16))
        {
            return SubtreeMatch.MalformedName;
        }

        if (address.Length * 2 != constraint.Length)
        {
            return SubtreeMatch.NoMatch;
        }

        ReadOnlySpan<byte> network = constraint[..address.Length], mask = constraint[address.Length..];
        for (int i = 0; i < address.Length; i++)
        {
            if ((address[i] & mask[i]) != (network[i] & mask[i]))
            {
                return SubtreeMatch.NoMatch;
            }
        }

        return SubtreeMatch.Match;
    }

    /// <summary>Matches a URI's host against a URI constraint ("host" exactly, or ".domain" for hosts below it).</summary>
    public static SubtreeMatch MatchUri(string uri, string constraint)
    {
        if (!TryPrepareDomainConstraint(constraint, out string? c, out bool dotForm))
        {
            return SubtreeMatch.MalformedConstraint;
        }

        if (!TryGetUriHost(uri, out string? host))
        {
            return SubtreeMatch.MalformedName;
        }

        if (host is null)
        {
            // No host, or an IP literal: nothing for a host constraint to match.
            return SubtreeMatch.NoMatch;
        }

        if (c.Length == 0)
        {
            return SubtreeMatch.Match;
        }

        return Result(dotForm ? IsBelow(host, c) : string.Equals(host, c, StringComparison.Ordinal));
    }

    /// <summary>Matches a directoryName against a directoryName constraint (<see cref="NameComparer.IsPrefix"/>).</summary>
    public static bool MatchDirectoryName(DistinguishedName name, DistinguishedName constraint) => NameComparer.IsPrefix(constraint, name);

    /// <summary>Whether an iPAddress constraint is 8 or 32 octets with a contiguous mask (ones, then zeros).</summary>
    public static bool IsValidIPConstraint(ReadOnlySpan<byte> constraint)
    {
        if (constraint.Length is not (8 or 32))
        {
            return false;
        }

        bool zeros = false;
        foreach (byte b in constraint[(constraint.Length / 2)..])
        {
            if (zeros)
            {
                if (b != 0)
                {
                    return false;
                }

                continue;
            }

            if (b != 0xFF)
            {
                // Within this octet: ones then zeros, so the inverted octet plus one is a power of two.
                int inverted = ~b & 0xFF;
                if ((inverted & (inverted + 1)) != 0)
                {
                    return false;
                }

                zeros = true;
            }
        }

        return true;
    }

    // The host of a URI: host is null (and the result true) when there is no authority or it is an IP literal;
    // false when the URI or its host is not well-formed.
    private static bool TryGetUriHost(string uri, out string? host)
    {
        host = null;
        int colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Ascii.IsValid(uri))
        {
            return false;
        }

        ReadOnlySpan<char> rest = uri.AsSpan(colon + 1);
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        ReadOnlySpan<char> authority = rest[2..];
        int end = authority.IndexOfAny('/', '?', '#');
        if (end >= 0)
        {
            authority = authority[..end];
        }

        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        if (authority.StartsWith('['))
        {
            return true;
        }

        int port = authority.LastIndexOf(':');
        if (port >= 0)
        {
            authority = authority[..port];
        }

        if (authority.EndsWith('.'))
        {
            authority = authority[..^1];
        }

        if (authority.IsEmpty || HostNameSyntax.TryParseIPAddress(authority, out _, out _))
        {
            return true;
        }

        if (!HostNameSyntax.TryNormalizeDnsName(authority.ToString(), allowWildcard: false, out string? ascii, out _))
        {
            return false;
        }

        host = ascii;
        return true;
    }

    // "" (everything), "host" or ".domain": c is the lowercase A-label form without the dot.
    private static bool TryPrepareDomainConstraint(string constraint, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? prepared, out bool dotForm)
    {
        dotForm = constraint.StartsWith('.');
        prepared = null;
        if (constraint.Length == 0)
        {
            prepared = "";
            return true;
        }

        string rest = dotForm ? constraint[1..] : constraint;
        if (!Ascii.IsValid(constraint) || !HostNameSyntax.TryNormalizeDnsName(rest, allowWildcard: false, out string? ascii, out _))
        {
            return false;
        }

        prepared = ascii;
        return true;
    }

    private static SubtreeMatch Result(bool match) => match ? SubtreeMatch.Match : SubtreeMatch.NoMatch;

    // name equals domain or lies below it.
    private static bool IsWithin(string name, string domain) => string.Equals(name, domain, StringComparison.Ordinal) || IsBelow(name, domain);

    // name lies strictly below domain.
    private static bool IsBelow(string name, string domain) =>
        name.Length > domain.Length + 1 && name.EndsWith(domain, StringComparison.Ordinal) && name[name.Length - domain.Length - 1] == '.';

    // name is exactly one label below domain.
    private static bool IsOneLabelBelow(string name, string domain) =>
        IsBelow(name, domain) && name.IndexOf('.', StringComparison.Ordinal) == name.Length - domain.Length - 1;

    private static bool Spend(ref int budget)
    {
        if (budget <= 0)
        {
            return false;
        }

        budget--;
        return true;
    }

    private static NameConstraintViolation BudgetViolation() =>
        new(NameConstraintViolationKind.BudgetExhausted, null, null, null, "the name-constraint comparison budget is exhausted");

    // RFC 5280 §4.2.1.10: "the minimum MUST be zero, and maximum MUST be absent"; then the base's own syntax.
    private static string? CheckSubtree(GeneralSubtree subtree)
    {
        if (subtree.Minimum != 0 || subtree.Maximum is not null)
        {
            return $"subtree {subtree.Base} has minimum {subtree.Minimum}{(subtree.Maximum is { } max ? $" and maximum {max}" : "")}: the minimum must be 0 and the maximum absent (RFC 5280 §4.2.1.10)";
        }

        GeneralName b = subtree.Base;
        bool ok = b.Type switch
        {
            GeneralNameType.DnsName => TryPrepareDomainConstraint(b.Value, out _, out _),
            GeneralNameType.Uri => TryPrepareDomainConstraint(b.Value, out _, out _),
            GeneralNameType.Rfc822Name => MatchEmail("a@example.com", b.Value) != SubtreeMatch.MalformedConstraint,
            GeneralNameType.IPAddress => IsValidIPConstraint(IPBytes(b)),
            _ => true,
        };
        return ok ? null : $"subtree {b} is not a valid {b.TypeName} constraint (RFC 5280 §4.2.1.10)";
    }

    private static NameConstraintViolation? CheckName(in CandidateName name, IReadOnlyList<GeneralSubtree> permitted, IReadOnlyList<GeneralSubtree> excluded, ref int budget)
    {
        if (name.Type is GeneralNameType.OtherName or GeneralNameType.X400Address or GeneralNameType.EdiPartyName or GeneralNameType.RegisteredId)
        {
            foreach (GeneralSubtree s in permitted.Concat(excluded))
            {
                if (s.Base.Type == name.Type)
                {
                    return new NameConstraintViolation(NameConstraintViolationKind.UnsupportedNameType, name.Type, name.Display, s,
                        $"{name.Display} is a name type that cannot be checked against the {s.Base.TypeName} constraints present");
                }
            }

            return null;
        }

        bool anyPermitted = false, permittedMatch = false;
        foreach (GeneralSubtree s in permitted)
        {
            if (s.Base.Type != name.Type)
            {
                continue;
            }

            anyPermitted = true;
            if (!Spend(ref budget))
            {
                return BudgetViolation();
            }

            SubtreeMatch m = Match(name, s.Base, forExclusion: false);
            if (m == SubtreeMatch.MalformedName)
            {
                return Malformed(name, s);
            }

            if (m == SubtreeMatch.Match)
            {
                permittedMatch = true;
                break;
            }
        }

        if (anyPermitted && !permittedMatch)
        {
            return new NameConstraintViolation(NameConstraintViolationKind.NotPermitted, name.Type, name.Display, null,
                $"{name.Display} is not within any permitted {TypeLabel(name.Type)} subtree (RFC 5280 §4.2.1.10)");
        }

        foreach (GeneralSubtree s in excluded)
        {
            if (s.Base.Type != name.Type)
            {
                continue;
            }

            if (!Spend(ref budget))
            {
                return BudgetViolation();
            }

            SubtreeMatch m = Match(name, s.Base, forExclusion: true);
            if (m == SubtreeMatch.MalformedName)
            {
                return Malformed(name, s);
            }

            if (m == SubtreeMatch.Match)
            {
                return new NameConstraintViolation(NameConstraintViolationKind.Excluded, name.Type, name.Display, s,
                    $"{name.Display} is within the excluded subtree {s.Base} (RFC 5280 §4.2.1.10)");
            }
        }

        return null;
    }

    private static NameConstraintViolation Malformed(in CandidateName name, GeneralSubtree s) =>
        new(NameConstraintViolationKind.MalformedName, name.Type, name.Display, s,
            $"{name.Display} is not a valid {TypeLabel(name.Type)}, so it cannot be shown to satisfy the {s.Base.TypeName} constraints (RFC 5280 §4.2.1.10)");

    private static string TypeLabel(GeneralNameType type) => type switch
    {
        GeneralNameType.DnsName => "dNSName",
        GeneralNameType.Rfc822Name => "rfc822Name",
        GeneralNameType.IPAddress => "iPAddress",
        GeneralNameType.Uri => "uniformResourceIdentifier",
        GeneralNameType.DirectoryName => "directoryName",
        _ => type.ToString(),
    };

    private static SubtreeMatch Match(in CandidateName name, GeneralName constraint, bool forExclusion) => name.Type switch
    {
        GeneralNameType.DnsName => MatchDns(name.Text!, constraint.Value, forExclusion),
        GeneralNameType.Rfc822Name => name.Text is null ? SubtreeMatch.MalformedName : MatchEmail(name.Text, constraint.Value),
        GeneralNameType.IPAddress => MatchIPAddress(name.Address, IPBytes(constraint)),
        GeneralNameType.Uri => MatchUri(name.Text!, constraint.Value),
        GeneralNameType.DirectoryName => Result(MatchDirectoryName(name.DirectoryName!, constraint.DirectoryName!)),
        _ => SubtreeMatch.NoMatch,
    };

    // The iPAddress OCTET STRING content of a GeneralName ([7] primitive).
    private static ReadOnlySpan<byte> IPBytes(GeneralName name)
    {
        var reader = new DerReader(name.RawData.Span);
        return reader.ReadOctetString(Asn1Tag.Context(7));
    }

    private static List<CandidateName> CollectNames(Certificate certificate, bool isLeaf)
    {
        var names = new List<CandidateName>();
        IReadOnlyList<GeneralName>? san = certificate.SubjectAlternativeNames;
        foreach (GeneralName g in san ?? [])
        {
            names.Add(g.Type switch
            {
                GeneralNameType.IPAddress => new CandidateName(g.Type, null, IPBytes(g).ToArray(), null, g.ToString()),
                GeneralNameType.DirectoryName => new CandidateName(g.Type, null, null, g.DirectoryName, g.ToString()),
                _ => new CandidateName(g.Type, g.Value, null, null, g.ToString()),
            });
        }

        DistinguishedName subject = certificate.Subject;
        if (subject.IsEmpty)
        {
            return names;
        }

        names.Add(new CandidateName(GeneralNameType.DirectoryName, null, null, subject, "directoryName:" + subject));
        foreach (RelativeDistinguishedName rdn in subject.Rdns)
        {
            foreach (AttributeTypeAndValue atv in rdn.Attributes)
            {
                if (atv.RawType.Span.SequenceEqual(Oids.EmailAddress))
                {
                    // A non-string value cannot be a mailbox: Text null makes it a malformed rfc822Name.
                    names.Add(new CandidateName(GeneralNameType.Rfc822Name, atv.Value, null, null, "email:" + atv.DisplayValue));
                }
                else if (isLeaf && san is null && atv.Value is { } cn && atv.RawType.Span.SequenceEqual(Oids.CommonName))
                {
                    if (HostNameSyntax.TryParseIPAddress(cn, out byte[]? ip, out _))
                    {
                        names.Add(new CandidateName(GeneralNameType.IPAddress, null, ip, null, "CN ip:" + cn));
                    }
                    else if (Ascii.IsValid(cn) && HostNameSyntax.TryNormalizeDnsName(cn, allowWildcard: true, out _, out _))
                    {
                        names.Add(new CandidateName(GeneralNameType.DnsName, cn, null, null, "CN dns:" + cn));
                    }
                }
            }
        }

        return names;
    }

    /// <summary>One name of the certificate to check.</summary>
    private readonly record struct CandidateName(GeneralNameType Type, string? Text, byte[]? Address, DistinguishedName? DirectoryName, string Display);
}
