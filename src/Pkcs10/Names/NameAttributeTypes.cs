using Pkcs10.Internal;

namespace Pkcs10.Names;

/// <summary>Short names of the common attribute types (RFC 4514 §3 plus the usual extras).</summary>
internal static class NameAttributeTypes
{
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
}
