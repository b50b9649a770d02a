using Pkcs10.Asn1;

namespace Pkcs10.Names;

/// <summary>
/// How <see cref="DistinguishedName.Parse(string, DistinguishedNameEncodingOptions?)"/> and
/// <see cref="DistinguishedNameBuilder"/> encode attribute values given as text.
/// </summary>
/// <remarks>
/// <para>
/// String types, unless overridden (RFC 5280 §4.1.2.4 and Appendix A): C (countryName) is a PrintableString;
/// serialNumber and dnQualifier are PrintableStrings when every character fits and UTF8Strings otherwise;
/// emailAddress and DC (domainComponent) are IA5Strings (a non-ASCII value is refused rather than written in a
/// type their syntax does not allow); every other attribute, known or not, is a UTF8String.
/// </para>
/// <para>
/// Size limits (<see cref="EnforceSizeLimits"/>, on by default) are the RFC 5280 Appendix A upper bounds, counted
/// in Unicode characters: CN, O, OU, title and serialNumber 64; L, ST, STREET and pseudonym 128; emailAddress 255;
/// postalCode 40 (X.520); UID 256 (RFC 4519); DC 63 (one DNS label); SN, GN, initials and generationQualifier
/// 32768; dnQualifier and organizationIdentifier unbounded. Known types must not be empty, and C must be two ASCII
/// letters. Attribute types this library does not know have no limits. Values written as <c>#hex</c> or passed
/// already encoded are checked for strict DER only, never against these limits.
/// </para>
/// </remarks>
public sealed class DistinguishedNameEncodingOptions
{
    private readonly IReadOnlyDictionary<string, UniversalTagNumber>? _stringTypes;
    private (byte[] Oid, UniversalTagNumber Type)[] _resolved = [];

    /// <summary>The defaults: RFC 5280 string types and size limits enforced.</summary>
    public static DistinguishedNameEncodingOptions Default { get; } = new();

    /// <summary>
    /// Whether the RFC 5280 upper bounds, the non-empty rule for known types and the two-letter rule for C are
    /// enforced (the default). Turn it off only to reproduce names that already exist outside those limits; CAs
    /// commonly refuse such requests.
    /// </summary>
    public bool EnforceSizeLimits { get; init; } = true;

    /// <summary>
    /// String types to use instead of the defaults, keyed by attribute type: a short name such as "CN"
    /// (case-insensitive) or a dotted OID. Read once, when the options are created.
    /// </summary>
    /// <exception cref="ArgumentException">A key names no attribute type, or a type is not one this library writes
    /// (UTF8String, PrintableString, IA5String, NumericString, VisibleString, BMPString, UniversalString, TeletexString).</exception>
    public IReadOnlyDictionary<string, UniversalTagNumber>? StringTypes
    {
        get => _stringTypes;
        init
        {
            _resolved = Resolve(value);
            _stringTypes = value;
        }
    }

    /// <summary>The caller's string type for this attribute type, if any.</summary>
    internal UniversalTagNumber? GetStringType(ReadOnlySpan<byte> oid)
    {
        foreach ((byte[] o, UniversalTagNumber type) in _resolved)
        {
            if (oid.SequenceEqual(o))
            {
                return type;
            }
        }

        return null;
    }

    private static (byte[] Oid, UniversalTagNumber Type)[] Resolve(IReadOnlyDictionary<string, UniversalTagNumber>? value)
    {
        if (value is null)
        {
            return [];
        }

        var list = new List<(byte[], UniversalTagNumber)>(value.Count);
        foreach (KeyValuePair<string, UniversalTagNumber> pair in value)
        {
            byte[] oid = NameAttributeTypes.Resolve(pair.Key) ??
                throw new ArgumentException($"'{pair.Key}' is not a known attribute type name or a dotted OID.", nameof(value));
            if (!CharacterStringEncoder.IsWritable(pair.Value))
            {
                throw new ArgumentException($"{pair.Value} is not a string type this library writes.", nameof(value));
            }

            list.Add((oid, pair.Value));
        }

        return [.. list];
    }
}
