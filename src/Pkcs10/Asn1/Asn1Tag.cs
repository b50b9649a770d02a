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

    // From a low-tag-number identifier octet (X.690 §8.1.2.2); no validation needed.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private Asn1Tag(byte identifier)
    {
        TagClass = (TagClass)(identifier & 0xC0);
        TagValue = identifier & 0x1F;
        IsConstructed = (identifier & 0x20) != 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static Asn1Tag FromIdentifier(byte identifier) => new(identifier);

    // The identifier octet of a low-tag-number tag (X.690 §8.1.2.2), when it has one.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool TryGetIdentifier(out byte identifier)
    {
        if ((uint)TagValue < 31 && ((int)TagClass & ~0xC0) == 0)
        {
            identifier = unchecked((byte)((int)TagClass | (IsConstructed ? 0x20 : 0) | TagValue));
            return true;
        }

        identifier = 0;
        return false;
    }

    /// <summary>The tag class.</summary>
    public TagClass TagClass { get; }

    /// <summary>The tag number.</summary>
    public int TagValue { get; }

    /// <summary>Whether the encoding is constructed.</summary>
    public bool IsConstructed { get; }

    /// <summary>BOOLEAN.</summary>
    public static Asn1Tag Boolean => new(0x01);
    /// <summary>INTEGER.</summary>
    public static Asn1Tag Integer => new(0x02);
    /// <summary>BIT STRING (primitive, as DER requires).</summary>
    public static Asn1Tag BitString => new(0x03);
    /// <summary>OCTET STRING (primitive, as DER requires).</summary>
    public static Asn1Tag OctetString => new(0x04);
    /// <summary>NULL.</summary>
    public static Asn1Tag Null => new(0x05);
    /// <summary>OBJECT IDENTIFIER.</summary>
    public static Asn1Tag ObjectIdentifier => new(0x06);
    /// <summary>SEQUENCE (constructed).</summary>
    public static Asn1Tag Sequence => new(0x30);
    /// <summary>SET (constructed).</summary>
    public static Asn1Tag SetOf => new(0x31);
    /// <summary>UTCTime.</summary>
    public static Asn1Tag UtcTime => new(0x17);
    /// <summary>GeneralizedTime.</summary>
    public static Asn1Tag GeneralizedTime => new(0x18);

    /// <summary>A context-specific tag <c>[n]</c>.</summary>
    /// <param name="number">The tag number.</param>
    /// <param name="isConstructed">Whether the encoding is constructed.</param>
    /// <returns>The tag.</returns>
    public static Asn1Tag Context(int number, bool isConstructed = false) =>
        number is >= 0 and < 31 ? new((byte)(0x80 | (isConstructed ? 0x20 : 0) | number)) : new(TagClass.ContextSpecific, number, isConstructed);

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
