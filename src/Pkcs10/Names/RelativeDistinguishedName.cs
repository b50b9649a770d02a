namespace Pkcs10.Names;

/// <summary>A relative distinguished name: a SET of one or more attribute type-and-values (multi-valued when more than one).</summary>
/// <remarks>
/// <code>
/// RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
/// </code>
/// </remarks>
public sealed class RelativeDistinguishedName
{
    internal RelativeDistinguishedName(AttributeTypeAndValue[] attributes) => Attributes = attributes;

    /// <summary>The attributes in encoded (DER-sorted) order.</summary>
    public IReadOnlyList<AttributeTypeAndValue> Attributes { get; }

    /// <summary>Whether the RDN holds more than one attribute.</summary>
    public bool IsMultiValued => Attributes.Count > 1;
}
