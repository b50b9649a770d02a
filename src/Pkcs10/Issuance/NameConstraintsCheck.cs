using System.Net;
using Pkcs10.Extensions;

namespace Pkcs10.Issuance;

/// <summary>
/// A small check of the names a CA is about to certify against the CA's own nameConstraints (RFC 5280 §4.2.1.10),
/// for dNSName, iPAddress and rfc822Name entries only: the issuer refuses rather than issue a certificate that path
/// validation would reject. Other name forms (URI, directoryName, otherName) are not checked here.
/// </summary>
internal static class NameConstraintsCheck
{
    /// <summary>Returns one message per name that violates the constraints.</summary>
    public static List<string> Check(NameConstraints constraints, IEnumerable<GeneralName> names)
    {
        var problems = new List<string>();
        foreach (GeneralName name in names)
        {
            if (name.Type is not (GeneralNameType.DnsName or GeneralNameType.IPAddress or GeneralNameType.Rfc822Name))
            {
                continue;
            }

            // RFC 5280 §4.2.1.10: a name must be within one permitted subtree of its form, when any of that form exists ...
            List<GeneralSubtree> permitted = [.. (constraints.PermittedSubtrees ?? []).Where(s => s.Base.Type == name.Type)];
            if (permitted.Count > 0 && !permitted.Any(s => Within(name, s.Base, forExclusion: false)))
            {
                problems.Add($"{name} is not within the CA's permitted {name.TypeName} subtrees");
            }

            // ... and within none of the excluded subtrees.
            foreach (GeneralSubtree excluded in constraints.ExcludedSubtrees ?? [])
            {
                if (excluded.Base.Type == name.Type && Within(name, excluded.Base, forExclusion: true))
                {
                    problems.Add($"{name} is within the CA's excluded subtree {excluded.Base.Value}");
                }
            }
        }

        return problems;
    }

    private static bool Within(GeneralName name, GeneralName subtree, bool forExclusion) => name.Type switch
    {
        GeneralNameType.DnsName => DnsWithin(name.Value, subtree.Value, forExclusion),
        GeneralNameType.IPAddress => IpWithin(name.IPAddress!, subtree.RawData.Span),
        _ => MailboxWithin(name.Value, subtree.Value),
    };

    // "Any DNS name that can be constructed by simply adding zero or more labels to the left-hand side of the name
    // satisfies the name constraint"; a leading "." (a common extension) means subdomains only.
    internal static bool DnsWithin(string name, string constraint, bool forExclusion)
    {
        if (constraint.Length == 0)
        {
            return true;
        }

        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            // A wildcard covers every child of its base: it is within a subtree when its base is, and, for an
            // exclusion, it also hits an excluded name that is a single label below its base.
            string baseName = name[2..];
            if (SuffixWithin("x." + baseName, constraint))
            {
                return true;
            }

            string c = constraint.TrimStart('.');
            int dot = c.IndexOf('.', StringComparison.Ordinal);
            return forExclusion && dot > 0 && string.Equals(c[(dot + 1)..], baseName, StringComparison.OrdinalIgnoreCase);
        }

        return SuffixWithin(name, constraint);
    }

    private static bool SuffixWithin(string name, string constraint)
    {
        if (constraint.StartsWith('.'))
        {
            return name.EndsWith(constraint, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(name, constraint, StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith("." + constraint, StringComparison.OrdinalIgnoreCase);
    }

    // The constraint's GeneralName DER is [7] { address || mask } with 8 or 32 octets.
    private static bool IpWithin(IPAddress address, ReadOnlySpan<byte> constraintDer)
    {
        ReadOnlySpan<byte> content = constraintDer[2..];
        byte[] ip = address.GetAddressBytes();
        if (content.Length != ip.Length * 2)
        {
            return false;
        }

        for (int i = 0; i < ip.Length; i++)
        {
            byte mask = content[ip.Length + i];
            if ((ip[i] & mask) != (content[i] & mask))
            {
                return false;
            }
        }

        return true;
    }

    // RFC 5280 §4.2.1.10: "user@host" is one mailbox, "host" every mailbox at that host, ".host" every mailbox in a subdomain.
    private static bool MailboxWithin(string mailbox, string constraint)
    {
        int at = mailbox.LastIndexOf('@');
        string host = mailbox[(at + 1)..];
        if (constraint.Contains('@', StringComparison.Ordinal))
        {
            int cat = constraint.LastIndexOf('@');
            return string.Equals(mailbox[..at], constraint[..cat], StringComparison.Ordinal) &&
                string.Equals(host, constraint[(cat + 1)..], StringComparison.OrdinalIgnoreCase);
        }

        return constraint.StartsWith('.')
            ? host.EndsWith(constraint, StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, constraint, StringComparison.OrdinalIgnoreCase);
    }
}
