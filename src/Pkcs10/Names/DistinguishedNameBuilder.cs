using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Names;

/// <summary>
/// Builds a <see cref="DistinguishedName"/> one attribute at a time, with the method names of the BCL's
/// <c>X500DistinguishedNameBuilder</c> and the same order.
/// </summary>
/// <remarks>
/// <para>
/// Order: attributes are added in RFC 4514 text order, most specific first, so the first attribute added is the
/// <em>last</em> RDN of the encoded SEQUENCE. This is what the BCL's <c>X500DistinguishedNameBuilder</c> does, and
/// it matches <see cref="DistinguishedName.Parse(string, DistinguishedNameEncodingOptions?)"/>:
/// <c>AddCommonName("x").AddOrganizationName("Acme").AddCountryOrRegion("US")</c> gives <c>CN=x,O=Acme,C=US</c>,
/// whose DER starts with C.
/// </para>
/// <para>
/// Each attribute is its own RDN, except those added inside <see cref="AddMultiValued"/>. String types and size
/// limits follow <see cref="DistinguishedNameEncodingOptions"/>; a <c>stringType</c> argument overrides the type for
/// one attribute. Values are checked when added, so a bad one fails at its own call.
/// </para>
/// </remarks>
public sealed class DistinguishedNameBuilder
{
    private readonly DistinguishedNameEncodingOptions _options;
    private readonly List<List<byte[]>> _rdns = [];
    private List<byte[]>? _multiValued;

    /// <summary>Creates a builder with the default options (RFC 5280 string types and size limits).</summary>
    public DistinguishedNameBuilder()
        : this(null)
    {
    }

    /// <summary>Creates a builder.</summary>
    /// <param name="options">String types and size limits; <see cref="DistinguishedNameEncodingOptions.Default"/> when <see langword="null"/>.</param>
    public DistinguishedNameBuilder(DistinguishedNameEncodingOptions? options) => _options = options ?? DistinguishedNameEncodingOptions.Default;

    /// <summary>The number of RDNs added so far (a multi-valued RDN counts once).</summary>
    public int Count => _rdns.Count;

    /// <summary>Adds an attribute.</summary>
    /// <param name="attributeType">A short name such as "CN" or "serialNumber" (case-insensitive, the names
    /// <see cref="DistinguishedName.Parse(string, DistinguishedNameEncodingOptions?)"/> knows) or a dotted OID.</param>
    /// <param name="value">The value as text.</param>
    /// <param name="stringType">The string type; the RFC 5280 default for the attribute type when <see langword="null"/>
    /// (see <see cref="DistinguishedNameEncodingOptions"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The attribute type is unknown or not a valid OID; the value does not fit the
    /// string type or exceeds the size limit; the string type is not one this library writes (UTF8String,
    /// PrintableString, IA5String, NumericString, VisibleString, BMPString, UniversalString, TeletexString); or the
    /// same attribute is already in the multi-valued RDN being built.</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder Add(string attributeType, string value, UniversalTagNumber? stringType = null)
    {
        byte[] oid = ResolveType(attributeType);
        return AddString(oid, value, stringType, nameof(value));
    }

    /// <summary>Adds an attribute whose value is given already encoded (any ASN.1 type), like the BCL's <c>AddEncoded</c>.</summary>
    /// <param name="attributeType">A short name or a dotted OID.</param>
    /// <param name="encodedValue">The AttributeValue's DER: exactly one strict DER element, checked all the way down.
    /// No string-type or size rule applies.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="attributeType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The attribute type is unknown, or the value is not one strict DER element.</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddEncoded(string attributeType, ReadOnlySpan<byte> encodedValue)
    {
        byte[] oid = ResolveType(attributeType);
        if (!DerElementValidator.TryValidate(encodedValue, out Pkcs10Exception? error))
        {
            throw new ArgumentException($"The encoded value is not one strict DER element: {error.Message}", nameof(encodedValue), error);
        }

        return AddAttribute(AttributeValueEncoder.EncodeAttribute(oid, encodedValue), nameof(encodedValue));
    }

    /// <summary>Adds a commonName (CN, 2.5.4.3): UTF8String by default, at most 64 characters.</summary>
    /// <param name="commonName">The value.</param>
    /// <param name="stringType">The string type, or <see langword="null"/> for the default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commonName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is not acceptable (see <see cref="Add"/>).</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddCommonName(string commonName, UniversalTagNumber? stringType = null) =>
        AddString(Oids.CommonName.ToArray(), commonName, stringType, nameof(commonName));

    /// <summary>Adds an organizationName (O, 2.5.4.10): UTF8String by default, at most 64 characters.</summary>
    /// <param name="organizationName">The value.</param>
    /// <param name="stringType">The string type, or <see langword="null"/> for the default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organizationName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is not acceptable (see <see cref="Add"/>).</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddOrganizationName(string organizationName, UniversalTagNumber? stringType = null) =>
        AddString(Oids.Organization.ToArray(), organizationName, stringType, nameof(organizationName));

    /// <summary>Adds an organizationalUnitName (OU, 2.5.4.11): UTF8String by default, at most 64 characters.</summary>
    /// <param name="organizationalUnitName">The value.</param>
    /// <param name="stringType">The string type, or <see langword="null"/> for the default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organizationalUnitName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is not acceptable (see <see cref="Add"/>).</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddOrganizationalUnitName(string organizationalUnitName, UniversalTagNumber? stringType = null) =>
        AddString(Oids.OrganizationalUnit.ToArray(), organizationalUnitName, stringType, nameof(organizationalUnitName));

    /// <summary>
    /// Adds a countryName (C, 2.5.4.6) as a PrintableString. Like the BCL's builder, the code is upper-cased;
    /// it must be two ASCII letters (ISO 3166-1 alpha-2).
    /// </summary>
    /// <param name="twoLetterCode">The code, such as "US".</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="twoLetterCode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The code is not two ASCII letters (even with size limits off).</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddCountryOrRegion(string twoLetterCode)
    {
        ArgumentNullException.ThrowIfNull(twoLetterCode);
        if (twoLetterCode.Length != 2 || !char.IsAsciiLetter(twoLetterCode[0]) || !char.IsAsciiLetter(twoLetterCode[1]))
        {
            throw new ArgumentException($"The country or region code must be two ASCII letters (ISO 3166-1 alpha-2), not '{twoLetterCode}'.", nameof(twoLetterCode));
        }

        return AddString(Oids.Country.ToArray(), twoLetterCode.ToUpperInvariant(), UniversalTagNumber.PrintableString, nameof(twoLetterCode));
    }

    /// <summary>Adds a localityName (L, 2.5.4.7): UTF8String by default, at most 128 characters.</summary>
    /// <param name="localityName">The value.</param>
    /// <param name="stringType">The string type, or <see langword="null"/> for the default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="localityName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is not acceptable (see <see cref="Add"/>).</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddLocalityName(string localityName, UniversalTagNumber? stringType = null) =>
        AddString(Oids.Locality.ToArray(), localityName, stringType, nameof(localityName));

    /// <summary>Adds a stateOrProvinceName (ST, 2.5.4.8): UTF8String by default, at most 128 characters.</summary>
    /// <param name="stateOrProvinceName">The value.</param>
    /// <param name="stringType">The string type, or <see langword="null"/> for the default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stateOrProvinceName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is not acceptable (see <see cref="Add"/>).</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddStateOrProvinceName(string stateOrProvinceName, UniversalTagNumber? stringType = null) =>
        AddString(Oids.StateOrProvince.ToArray(), stateOrProvinceName, stringType, nameof(stateOrProvinceName));

    /// <summary>Adds an emailAddress (1.2.840.113549.1.9.1) as an IA5String, at most 255 characters. RFC 5280 prefers an rfc822Name subjectAltName.</summary>
    /// <param name="emailAddress">The address (ASCII).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="emailAddress"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is not ASCII, empty or too long.</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddEmailAddress(string emailAddress) =>
        AddString(Oids.EmailAddress.ToArray(), emailAddress, null, nameof(emailAddress));

    /// <summary>Adds a serialNumber (2.5.4.5): PrintableString when it fits, else UTF8String; at most 64 characters.</summary>
    /// <param name="serialNumber">The value (a device or person identifier, not a certificate serial number).</param>
    /// <param name="stringType">The string type, or <see langword="null"/> for the default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serialNumber"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is not acceptable (see <see cref="Add"/>).</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddSerialNumber(string serialNumber, UniversalTagNumber? stringType = null) =>
        AddString(Oids.SerialNumber.ToArray(), serialNumber, stringType, nameof(serialNumber));

    /// <summary>Adds a domainComponent (DC, 0.9.2342.19200300.100.1.25) as an IA5String: one DNS label, at most 63 characters.</summary>
    /// <param name="domainComponent">The label (ASCII; use the A-label of an internationalized label).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domainComponent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is not ASCII, empty or too long.</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddDomainComponent(string domainComponent) =>
        AddString(Oids.DomainComponent.ToArray(), domainComponent, null, nameof(domainComponent));

    /// <summary>Adds a userId (UID, 0.9.2342.19200300.100.1.1): UTF8String by default, at most 256 characters.</summary>
    /// <param name="userId">The value.</param>
    /// <param name="stringType">The string type, or <see langword="null"/> for the default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is not acceptable (see <see cref="Add"/>).</exception>
    /// <exception cref="InvalidOperationException">The name already has <see cref="DistinguishedName.MaxRdns"/> RDNs.</exception>
    public DistinguishedNameBuilder AddUserId(string userId, UniversalTagNumber? stringType = null) =>
        AddString(Oids.UserId.ToArray(), userId, stringType, nameof(userId));

    /// <summary>
    /// Adds one multi-valued RDN: every attribute that <paramref name="attributes"/> adds to this builder goes into
    /// the same RDN (a SET, sorted into DER order when built), at this position in the name.
    /// </summary>
    /// <param name="attributes">Adds two or more attributes, for example <c>r => r.AddOrganizationalUnitName("Sales").AddCommonName("J. Smith")</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="attributes"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Called while another multi-valued RDN is being built, or the callback added no attribute.</exception>
    public DistinguishedNameBuilder AddMultiValued(Action<DistinguishedNameBuilder> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (_multiValued is not null)
        {
            throw new InvalidOperationException("Multi-valued RDNs cannot be nested.");
        }

        ThrowIfFull();
        var rdn = new List<byte[]>(2);
        _multiValued = rdn;
        try
        {
            attributes(this);
        }
        finally
        {
            _multiValued = null;
        }

        if (rdn.Count == 0)
        {
            throw new InvalidOperationException("A multi-valued RDN needs at least one attribute (SET SIZE (1..MAX)).");
        }

        _rdns.Add(rdn);
        return this;
    }

    /// <summary>Builds the name. The builder can be used again afterwards.</summary>
    /// <returns>The name, over its own DER; empty when nothing was added.</returns>
    /// <exception cref="InvalidOperationException">Called from inside <see cref="AddMultiValued"/>.</exception>
    public DistinguishedName Build()
    {
        if (_multiValued is not null)
        {
            throw new InvalidOperationException("Build cannot be called while a multi-valued RDN is being built.");
        }

        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            // The first RDN added is the last in the SEQUENCE (see the class remarks).
            for (int r = _rdns.Count - 1; r >= 0; r--)
            {
                using (writer.PushSetOf())
                {
                    foreach (byte[] atv in _rdns[r])
                    {
                        writer.WriteEncodedValue(atv);
                    }
                }
            }
        }

        return DistinguishedName.Decode(writer.Encode());
    }

    private DistinguishedNameBuilder AddString(byte[] oid, string value, UniversalTagNumber? stringType, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (stringType is { } t && !CharacterStringEncoder.IsWritable(t))
        {
            throw new ArgumentException($"{t} is not a string type this library writes (UTF8String, PrintableString, IA5String, NumericString, VisibleString, BMPString, UniversalString or TeletexString).", nameof(stringType));
        }

        if (!AttributeValueEncoder.TryEncodeValue(oid, value, stringType, _options, out byte[]? encoded, out string? error))
        {
            throw new ArgumentException($"The value is not acceptable: {error}.", paramName);
        }

        return AddAttribute(AttributeValueEncoder.EncodeAttribute(oid, encoded), paramName);
    }

    private DistinguishedNameBuilder AddAttribute(byte[] atv, string paramName)
    {
        if (_multiValued is { } rdn)
        {
            foreach (byte[] existing in rdn)
            {
                if (existing.AsSpan().SequenceEqual(atv))
                {
                    throw new ArgumentException("This attribute type and value are already in the multi-valued RDN (an RDN is a set of distinct attributes).", paramName);
                }
            }

            rdn.Add(atv);
            return this;
        }

        ThrowIfFull();
        _rdns.Add([atv]);
        return this;
    }

    private void ThrowIfFull()
    {
        if (_rdns.Count >= DistinguishedName.MaxRdns)
        {
            throw new InvalidOperationException($"A name holds at most {DistinguishedName.MaxRdns} RDNs.");
        }
    }

    private static byte[] ResolveType(string attributeType)
    {
        ArgumentNullException.ThrowIfNull(attributeType);
        return NameAttributeTypes.Resolve(attributeType) ??
            throw new ArgumentException($"'{attributeType}' is not a known attribute type name (CN, O, OU, C, L, ST, ...) or a valid dotted OID.", nameof(attributeType));
    }
}
