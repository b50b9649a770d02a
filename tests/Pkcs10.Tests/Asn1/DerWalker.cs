using Pkcs10.Asn1;

namespace Pkcs10.Tests.Asn1;

/// <summary>
/// "Walk everything" routines: descend into every constructed element and read every primitive with the
/// typed reader its universal tag calls for.
/// </summary>
internal static class DerWalker
{
    /// <summary>Reads everything strictly; the first malformed element throws.</summary>
    public static void WalkStrict(ref DerReader reader)
    {
        while (reader.HasData)
        {
            Asn1Tag tag = reader.PeekTag();
            if (tag.IsConstructed)
            {
                DerReader inner = tag == Asn1Tag.SetOf ? reader.ReadSetOf() : reader.ReadSequence(tag);
                WalkStrict(ref inner);
                inner.ThrowIfNotEmpty();
            }
            else if (tag.TagClass == TagClass.Universal)
            {
                ReadPrimitive(ref reader, (UniversalTagNumber)tag.TagValue);
            }
            else
            {
                _ = reader.ReadEncodedValue();
            }
        }
    }

    /// <summary>
    /// Exercises every reader on every element: each typed read runs on a copy of the cursor and may fail
    /// (with <see cref="Pkcs10Exception"/> only); the walk then moves on with the framing reads, which stop it
    /// at the first framing error. Calls <paramref name="visit"/> with (absolute offset, length) of each element.
    /// </summary>
    public static void WalkLenient(ref DerReader reader, Action<int, int> visit)
    {
        while (reader.HasData)
        {
            Asn1Tag tag = reader.PeekTag();
            TryAll(reader, tag);
            int offset = reader.Offset;
            int length = reader.PeekEncodedValue().Length;
            visit(offset, length);
            if (tag.IsConstructed)
            {
                DerReader inner;
                try
                {
                    inner = tag == Asn1Tag.SetOf ? reader.ReadSetOf() : reader.ReadSequence(tag);
                }
                catch (Pkcs10Exception)
                {
                    // Unsorted SET, or too deep: skip the element whole.
                    _ = reader.ReadEncodedValue();
                    continue;
                }

                WalkLenient(ref inner, visit);
                inner.ThrowIfNotEmpty();
            }
            else
            {
                _ = reader.ReadEncodedValue();
            }
        }
    }

    private static void TryAll(DerReader copy, Asn1Tag tag)
    {
        Try(copy, static (ref DerReader r) => r.ReadBoolean());
        Try(copy, static (ref DerReader r) => r.ReadNull());
        Try(copy, static (ref DerReader r) => _ = r.ReadIntegerBytes());
        Try(copy, static (ref DerReader r) => _ = r.ReadUnsignedIntegerBytes());
        Try(copy, static (ref DerReader r) => r.ReadInt32());
        Try(copy, static (ref DerReader r) => r.ReadInt64(out _));
        Try(copy, static (ref DerReader r) => _ = r.ReadBitString(out _));
        Try(copy, static (ref DerReader r) => r.ReadNamedBitList());
        Try(copy, static (ref DerReader r) => r.ReadNamedBitList(maxBits: 9));
        Try(copy, static (ref DerReader r) => _ = r.ReadOctetString());
        Try(copy, static (ref DerReader r) => _ = ObjectIdentifier.ToDotted(r.ReadObjectIdentifier()));
        Try(copy, static (ref DerReader r) => r.ReadUtcTime());
        Try(copy, static (ref DerReader r) => r.ReadGeneralizedTime());
        Try(copy, static (ref DerReader r) =>
        {
            ReadOnlySpan<byte> s = r.ReadCharacterString(out UniversalTagNumber type);
            _ = DerString.Decode(type, s);
        });
        Try(copy, static (ref DerReader r) => _ = r.ReadSetOf());
        Try(copy, static (ref DerReader r) => _ = r.ReadExplicit(0));

        // The same readers under the element's own tag (implicit tagging).
        if (!tag.IsConstructed)
        {
            Try(copy, (ref DerReader r) => _ = r.ReadIntegerBytes(tag));
            Try(copy, (ref DerReader r) => _ = r.ReadBitString(out _, tag));
            Try(copy, (ref DerReader r) => _ = r.ReadObjectIdentifier(tag));
            Try(copy, (ref DerReader r) => r.ReadGeneralizedTime(tag));
            Try(copy, (ref DerReader r) => _ = r.ReadCharacterString(UniversalTagNumber.Utf8String, tag));
            Try(copy, (ref DerReader r) => _ = r.ReadCharacterString(UniversalTagNumber.BmpString, tag));
            Try(copy, (ref DerReader r) => _ = r.ReadCharacterString(UniversalTagNumber.UniversalString, tag));
        }
    }

    private static void Try(DerReader copy, ReaderAction action)
    {
        try
        {
            action(ref copy);
        }
        catch (Pkcs10Exception)
        {
            // Rejections are fine here; any other exception type escapes and fails the test.
        }
    }

    private static void ReadPrimitive(ref DerReader r, UniversalTagNumber type)
    {
        switch (type)
        {
            case UniversalTagNumber.Boolean:
                _ = r.ReadBoolean();
                break;
            case UniversalTagNumber.Integer:
                _ = r.ReadIntegerBytes();
                break;
            case UniversalTagNumber.BitString:
                _ = r.ReadBitString(out _);
                break;
            case UniversalTagNumber.OctetString:
                _ = r.ReadOctetString();
                break;
            case UniversalTagNumber.Null:
                r.ReadNull();
                break;
            case UniversalTagNumber.ObjectIdentifier:
                _ = ObjectIdentifier.ToDotted(r.ReadObjectIdentifier());
                break;
            case UniversalTagNumber.UtcTime:
                _ = r.ReadUtcTime();
                break;
            case UniversalTagNumber.GeneralizedTime:
                _ = r.ReadGeneralizedTime();
                break;
            case var s when DerString.IsCharacterStringType(s):
                _ = DerString.Decode(s, r.ReadCharacterString(s));
                break;
            default:
                _ = r.ReadEncodedValue();
                break;
        }
    }
}
