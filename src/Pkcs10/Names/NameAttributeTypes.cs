using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Names;

/// <summary>How a string value of an attribute type is encoded when the caller does not choose (RFC 5280 §4.1.2.4, Appendix A).</summary>
internal enum DefaultStringType
{
    /// <summary>UTF8String (RFC 5280: the DirectoryString choice to use).</summary>
    Utf8,

    /// <summary>PrintableString when every character fits, else UTF8String (serialNumber, dnQualifier).</summary>
    PrintableWhenPossible,

    /// <summary>PrintableString only (countryName).</summary>
    Printable,

    /// <summary>IA5String only (emailAddress, domainComponent).</summary>
    IA5,
}

/// <summary>One known attribute type: its names, OID, default string type and RFC 5280 / X.520 upper bound.</summary>
internal sealed class NameAttributeInfo(string shortName, byte[] oid, DefaultStringType defaultType, int maxLength, string bound, params string[] aliases)
{
    /// <summary>The name used when formatting (RFC 4514 §3 where it has one).</summary>
    public string ShortName { get; } = shortName;

    /// <summary>The OID content octets.</summary>
    public byte[] Oid { get; } = oid;

    public DefaultStringType DefaultType { get; } = defaultType;

    /// <summary>The upper bound in characters, or 0 when the type is unbounded.</summary>
    public int MaxLength { get; } = maxLength;

    /// <summary>Where the bound comes from, for messages ("ub-common-name, RFC 5280").</summary>
    public string Bound { get; } = bound;

    /// <summary>Other accepted names (case-insensitive): RFC 4519 long names and the BCL's spellings.</summary>
    public string[] Aliases { get; } = aliases;
}

/// <summary>Short names of the common attribute types (RFC 4514 §3 plus the usual extras), their default string types and size bounds.</summary>
internal static class NameAttributeTypes
{
    // RFC 5280 Appendix A upper bounds (ub-*), X.520 (2001) for those RFC 5280 does not list, RFC 4519 / RFC 1274 for UID and DC.
    // Aliases: RFC 4519 long names, and the spellings X500DistinguishedName.Name emits (S, E, T, G, I), so its text parses.
    private static readonly NameAttributeInfo[] s_known =
    [
        new("CN", [0x55, 0x04, 0x03], DefaultStringType.Utf8, 64, "ub-common-name, RFC 5280", "commonName"),
        new("C", [0x55, 0x04, 0x06], DefaultStringType.Printable, 2, "ub-country-name-alpha-length, RFC 5280", "countryName"),
        new("O", [0x55, 0x04, 0x0A], DefaultStringType.Utf8, 64, "ub-organization-name, RFC 5280", "organizationName"),
        new("OU", [0x55, 0x04, 0x0B], DefaultStringType.Utf8, 64, "ub-organizational-unit-name, RFC 5280", "organizationalUnitName"),
        new("L", [0x55, 0x04, 0x07], DefaultStringType.Utf8, 128, "ub-locality-name, RFC 5280", "localityName"),
        new("ST", [0x55, 0x04, 0x08], DefaultStringType.Utf8, 128, "ub-state-name, RFC 5280", "stateOrProvinceName", "S"),
        new("STREET", [0x55, 0x04, 0x09], DefaultStringType.Utf8, 128, "ub-street-address, X.520", "streetAddress"),
        new("DC", [0x09, 0x92, 0x26, 0x89, 0x93, 0xF2, 0x2C, 0x64, 0x01, 0x19], DefaultStringType.IA5, 63, "one DNS label, RFC 4519 §2.4 and RFC 1034", "domainComponent"),
        new("UID", [0x09, 0x92, 0x26, 0x89, 0x93, 0xF2, 0x2C, 0x64, 0x01, 0x01], DefaultStringType.Utf8, 256, "ub-user-identifier, RFC 1274 / RFC 4519", "userid"),
        new("emailAddress", [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x01], DefaultStringType.IA5, 255, "ub-emailaddress-length, RFC 5280", "E", "email"),
        new("serialNumber", [0x55, 0x04, 0x05], DefaultStringType.PrintableWhenPossible, 64, "ub-serial-number, RFC 5280"),
        new("SN", [0x55, 0x04, 0x04], DefaultStringType.Utf8, 32768, "ub-name, RFC 5280", "surname"),
        new("GN", [0x55, 0x04, 0x2A], DefaultStringType.Utf8, 32768, "ub-name, RFC 5280", "givenName", "G"),
        new("title", [0x55, 0x04, 0x0C], DefaultStringType.Utf8, 64, "ub-title, RFC 5280", "T"),
        new("postalCode", [0x55, 0x04, 0x11], DefaultStringType.Utf8, 40, "ub-postal-code, X.520"),
        new("initials", [0x55, 0x04, 0x2B], DefaultStringType.Utf8, 32768, "ub-name, RFC 5280", "I"),
        new("dnQualifier", [0x55, 0x04, 0x2E], DefaultStringType.PrintableWhenPossible, 0, "none"),
        new("pseudonym", [0x55, 0x04, 0x41], DefaultStringType.Utf8, 128, "ub-pseudonym, RFC 5280"),
        new("organizationIdentifier", [0x55, 0x04, 0x61], DefaultStringType.Utf8, 0, "none (UnboundedDirectoryString, X.520)"),
        new("generationQualifier", [0x55, 0x04, 0x2C], DefaultStringType.Utf8, 32768, "ub-name, RFC 5280"),
    ];

    private static readonly Dictionary<string, NameAttributeInfo> s_byName = BuildNameIndex();

    private static Dictionary<string, NameAttributeInfo> BuildNameIndex()
    {
        var index = new Dictionary<string, NameAttributeInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (NameAttributeInfo info in s_known)
        {
            index.Add(info.ShortName, info);
            foreach (string alias in info.Aliases)
            {
                index.Add(alias, info);
            }
        }

        return index;
    }

    /// <summary>Every known attribute type.</summary>
    public static IReadOnlyList<NameAttributeInfo> Known => s_known;

    public static string? GetShortName(ReadOnlySpan<byte> oid)
    {
        if (oid.SequenceEqual(Oids.CommonName)) { return "CN"; }
        if (oid.SequenceEqual(Oids.Country)) { return "C"; }
        if (oid.SequenceEqual(Oids.Organization)) { return "O"; }
        if (oid.SequenceEqual(Oids.OrganizationalUnit)) { return "OU"; }
        if (oid.SequenceEqual(Oids.Locality)) { return "L"; }
        if (oid.SequenceEqual(Oids.StateOrProvince)) { return "ST"; }
        if (oid.SequenceEqual(Oids.Street)) { return "STREET"; }
        if (oid.SequenceEqual(Oids.DomainComponent)) { return "DC"; }
        if (oid.SequenceEqual(Oids.UserId)) { return "UID"; }
        if (oid.SequenceEqual(Oids.EmailAddress)) { return "emailAddress"; }
        if (oid.SequenceEqual(Oids.SerialNumber)) { return "serialNumber"; }
        if (oid.SequenceEqual(Oids.Surname)) { return "SN"; }
        if (oid.SequenceEqual(Oids.GivenName)) { return "GN"; }
        if (oid.SequenceEqual(Oids.Title)) { return "title"; }
        if (oid.SequenceEqual(Oids.PostalCode)) { return "postalCode"; }
        if (oid.SequenceEqual(Oids.Initials)) { return "initials"; }
        if (oid.SequenceEqual(Oids.DnQualifier)) { return "dnQualifier"; }
        if (oid.SequenceEqual(Oids.Pseudonym)) { return "pseudonym"; }
        if (oid.SequenceEqual(Oids.OrganizationIdentifier)) { return "organizationIdentifier"; }
        if (oid.SequenceEqual(Oids.GenerationQualifier)) { return "generationQualifier"; }
        return null;
    }

    /// <summary>The known attribute type with this OID, or <see langword="null"/>.</summary>
    public static NameAttributeInfo? Find(ReadOnlySpan<byte> oid)
    {
        foreach (NameAttributeInfo info in s_known)
        {
            if (oid.SequenceEqual(info.Oid))
            {
                return info;
            }
        }

        return null;
    }

    /// <summary>
    /// Resolves an attribute type written as a short name or alias (case-insensitive), a dotted OID, or a dotted
    /// OID after "OID." (the prefix X500DistinguishedName.Name and RFC 2253-era tools emit).
    /// </summary>
    /// <returns>The OID content octets, or <see langword="null"/> when the text names no type.</returns>
    public static byte[]? Resolve(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (char.IsAsciiDigit(text[0]))
        {
            return ObjectIdentifier.TryEncode(text.ToString(), out byte[]? encoded) ? encoded : null;
        }

        if (text.Length > 4 && text.StartsWith("OID.", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(text[4]))
        {
            return ObjectIdentifier.TryEncode(text[4..].ToString(), out byte[]? encoded) ? encoded : null;
        }

        return s_byName.TryGetValue(text.ToString(), out NameAttributeInfo? info) ? info.Oid : null;
    }

    /// <summary>The name for messages: the short name, or the dotted OID.</summary>
    public static string Describe(ReadOnlySpan<byte> oid) => GetShortName(oid) ?? ObjectIdentifier.ToDisplay(oid);
}
