using System.Globalization;

namespace Pkcs10.Asn1;

/// <summary>An ASN.1 tag: class, number and the constructed bit (X.690 §8.1.2).</summary>
public readonly struct Asn1Tag : IEquatable<Asn1Tag>
{
    /// <summary>Creates a tag.</summary>
    /// <param name="tagClass">The tag class.</param>
    /// <param name="tagValue">The tag number (non-negative).</param>
    /// <param name="isConstructed">Whether the encoding is constructed.</param>
    public Asn1Tag(TagClass tagClass, int tagValue, bool isConstructed = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tagValue);
        TagClass = tagClass;
        TagValue = tagValue;
        IsConstructed = isConstructed;
    }

    /// <summary>Creates a primitive or constructed UNIVERSAL tag.</summary>
    /// <param name="number">The universal tag number.</param>
    /// <param name="isConstructed">Whether the encoding is constructed.</param>
    public Asn1Tag(UniversalTagNumber number, bool isConstructed = false)
        : this(TagClass.Universal, (int)number, isConstructed)
    {
    }

    /// <summary>The tag class.</summary>
    public TagClass TagClass { get; }

    /// <summary>The tag number.</summary>
    public int TagValue { get; }

    /// <summary>Whether the encoding is constructed.</summary>
    public bool IsConstructed { get; }

    /// <summary>BOOLEAN.</summary>
    public static Asn1Tag Boolean => new(UniversalTagNumber.Boolean);
    /// <summary>INTEGER.</summary>
    public static Asn1Tag Integer => new(UniversalTagNumber.Integer);
    /// <summary>BIT STRING (primitive, as DER requires).</summary>
    public static Asn1Tag BitString => new(UniversalTagNumber.BitString);
    /// <summary>OCTET STRING (primitive, as DER requires).</summary>
    public static Asn1Tag OctetString => new(UniversalTagNumber.OctetString);
    /// <summary>NULL.</summary>
    public static Asn1Tag Null => new(UniversalTagNumber.Null);
    /// <summary>OBJECT IDENTIFIER.</summary>
    public static Asn1Tag ObjectIdentifier => new(UniversalTagNumber.ObjectIdentifier);
    /// <summary>SEQUENCE (constructed).</summary>
    public static Asn1Tag Sequence => new(UniversalTagNumber.Sequence, true);
    /// <summary>SET (constructed).</summary>
    public static Asn1Tag SetOf => new(UniversalTagNumber.Set, true);
    /// <summary>UTCTime.</summary>
    public static Asn1Tag UtcTime => new(UniversalTagNumber.UtcTime);
    /// <summary>GeneralizedTime.</summary>
    public static Asn1Tag GeneralizedTime => new(UniversalTagNumber.GeneralizedTime);

    /// <summary>A context-specific tag <c>[n]</c>.</summary>
    /// <param name="number">The tag number.</param>
    /// <param name="isConstructed">Whether the encoding is constructed.</param>
    /// <returns>The tag.</returns>
    public static Asn1Tag Context(int number, bool isConstructed = false) => new(TagClass.ContextSpecific, number, isConstructed);

    /// <summary>Whether this tag is a UNIVERSAL tag with the given number.</summary>
    /// <param name="number">The universal tag number.</param>
    /// <returns><see langword="true"/> when class and number match.</returns>
    public bool IsUniversal(UniversalTagNumber number) => TagClass == TagClass.Universal && TagValue == (int)number;

    /// <summary>Whether class and number match, ignoring the constructed bit.</summary>
    /// <param name="other">The tag to compare with.</param>
    /// <returns><see langword="true"/> when class and number are equal.</returns>
    public bool HasSameClassAndValue(Asn1Tag other) => TagClass == other.TagClass && TagValue == other.TagValue;

    /// <summary>The number of bytes the identifier octets take.</summary>
    /// <returns>The encoded length of the tag.</returns>
    public int GetEncodedLength()
    {
        if (TagValue < 31)
        {
            return 1;
        }

        int n = 1;
        for (int v = TagValue; v > 0; v >>= 7)
        {
            n++;
        }

        return n;
    }

    /// <inheritdoc/>
    public bool Equals(Asn1Tag other) => TagClass == other.TagClass && TagValue == other.TagValue && IsConstructed == other.IsConstructed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Asn1Tag t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TagClass, TagValue, IsConstructed);

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(Asn1Tag left, Asn1Tag right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(Asn1Tag left, Asn1Tag right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString()
    {
        string number = TagClass == TagClass.Universal && Enum.IsDefined((UniversalTagNumber)TagValue)
            ? ((UniversalTagNumber)TagValue).ToString()
            : TagValue.ToString(CultureInfo.InvariantCulture);
        string cls = TagClass switch
        {
            TagClass.Universal => "",
            TagClass.ContextSpecific => "CONTEXT ",
            TagClass.Application => "APPLICATION ",
            _ => "PRIVATE ",
        };
        return TagClass == TagClass.Universal ? number + (IsConstructed ? " (constructed)" : "") : $"[{cls}{number}]{(IsConstructed ? " (constructed)" : "")}";
    }
}
