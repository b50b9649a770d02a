using Pkcs10.Internal;

namespace Pkcs10.Asn1;

/// <summary>
/// Validates a caller-supplied encoded value (an RFC 4514 <c>#hex</c> value, an otherName value, an
/// <c>AddEncoded</c> value) as exactly one strict DER element, all the way down: every nested element of a
/// constructed value is framed strictly, and every UNIVERSAL primitive is checked with its own DER rules.
/// </summary>
internal static class DerElementValidator
{
    /// <summary>Throws <see cref="Pkcs10Exception"/> (offsets relative to <paramref name="encoded"/>) unless it is one strict DER element.</summary>
    public static void Validate(ReadOnlySpan<byte> encoded)
    {
        var reader = new DerReader(encoded);
        if (!reader.HasData)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.Truncated, "no bytes: an encoded value needs at least a tag and a length", 0);
        }

        ValidateOne(ref reader);
        reader.ThrowIfNotEmpty();
    }

    /// <summary>Whether <paramref name="encoded"/> is one strict DER element; the reason otherwise.</summary>
    public static bool TryValidate(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Pkcs10Exception? error)
    {
        try
        {
            Validate(encoded);
            error = null;
            return true;
        }
        catch (Pkcs10Exception e)
        {
            error = e;
            return false;
        }
    }

    private static void ValidateOne(ref DerReader reader)
    {
        int start = reader.Offset;
        Asn1Tag tag = reader.PeekTag();
        if (tag.IsConstructed)
        {
            if (tag.TagClass == TagClass.Universal && IsPrimitiveOnly((UniversalTagNumber)tag.TagValue))
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidConstructedBit, $"{tag} must be primitive in DER (X.690 §10.2)", start);
            }

            // X.690 §11.6: a SET OF is sorted by encoding. A SET (of distinct tags) sorted by tag is sorted by encoding
            // too, so one check covers both without knowing the schema.
            DerReader inner = tag.TagClass == TagClass.Universal && tag.TagValue == (int)UniversalTagNumber.Set
                ? reader.ReadSetOf(tag, requireSorted: true)
                : reader.ReadSequence(tag);
            while (inner.HasData)
            {
                ValidateOne(ref inner);
            }

            return;
        }

        if (tag.TagClass != TagClass.Universal)
        {
            // An implicitly tagged primitive: its type is unknown here, so only its framing can be checked.
            reader.ReadEncodedValue();
            return;
        }

        var number = (UniversalTagNumber)tag.TagValue;
        switch (number)
        {
            case UniversalTagNumber.Boolean:
                reader.ReadBoolean();
                break;
            case UniversalTagNumber.Integer:
            case UniversalTagNumber.Enumerated:
                reader.ReadIntegerBytes(tag);
                break;
            case UniversalTagNumber.BitString:
                reader.ReadBitString(out _);
                break;
            case UniversalTagNumber.OctetString:
                reader.ReadOctetString();
                break;
            case UniversalTagNumber.Null:
                reader.ReadNull();
                break;
            case UniversalTagNumber.ObjectIdentifier:
                reader.ReadObjectIdentifier();
                break;
            case UniversalTagNumber.UtcTime:
                reader.ReadUtcTime();
                break;
            case UniversalTagNumber.GeneralizedTime:
                reader.ReadGeneralizedTime();
                break;
            case UniversalTagNumber.Sequence:
            case UniversalTagNumber.Set:
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidConstructedBit, $"{tag} must be constructed (X.690 §8.9, §8.11)", start);
                break;
            default:
                if (tag.TagValue == 0)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.UnexpectedTag, "end-of-contents octets belong to BER indefinite lengths, not to DER (X.690 §10.1)", start);
                }

                if (DerString.IsCharacterStringType(number))
                {
                    reader.ReadCharacterString(number);
                }
                else
                {
                    reader.ReadEncodedValue();
                }

                break;
        }
    }

    // X.690 §10.2: DER encodes these primitive (strings may not be constructed).
    private static bool IsPrimitiveOnly(UniversalTagNumber number) =>
        number is UniversalTagNumber.Boolean or UniversalTagNumber.Integer or UniversalTagNumber.Enumerated or
            UniversalTagNumber.BitString or UniversalTagNumber.OctetString or UniversalTagNumber.Null or
            UniversalTagNumber.ObjectIdentifier or UniversalTagNumber.UtcTime or UniversalTagNumber.GeneralizedTime ||
        DerString.IsCharacterStringType(number);
}
