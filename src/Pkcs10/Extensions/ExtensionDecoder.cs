using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Extensions;

/// <summary>Typed views of the extensions this library understands; each validates strictly.</summary>
public static partial class ExtensionDecoder
{
    /// <summary>The most entries accepted in one SAN or EKU extension.</summary>
    public const int MaxEntries = 1024;

    /// <summary>The KeyUsage names of RFC 5280 §4.2.1.3, by bit.</summary>
    public static IReadOnlyList<string> KeyUsageNames { get; } =
        ["digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"];

    /// <summary>Decodes a subjectAltName value: GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The names in encoded order.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static IReadOnlyList<GeneralName> DecodeSubjectAltName(ReadOnlyMemory<byte> value) => ReadGeneralNames(value, 0, true)!;

    /// <summary>Decodes a keyUsage value (a named-bit BIT STRING, DER-minimal).</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The flags.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static KeyUsageFlags DecodeKeyUsage(ReadOnlyMemory<byte> value) => ReadKeyUsage(value.Span, 0);

    /// <summary>Decodes an extKeyUsage value: SEQUENCE SIZE (1..MAX) OF KeyPurposeId.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The purposes as dotted OIDs, in encoded order.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static IReadOnlyList<string> DecodeExtendedKeyUsage(ReadOnlyMemory<byte> value) => ReadEku(value.Span, 0, true)!;

    /// <summary>Decodes a basicConstraints value.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The constraints.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static BasicConstraints DecodeBasicConstraints(ReadOnlyMemory<byte> value) => ReadBasicConstraints(value.Span, 0, DecodeContext.Strict);

    /// <summary>Decodes a subjectKeyIdentifier value: KeyIdentifier ::= OCTET STRING.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The key identifier, a slice of <paramref name="value"/>.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static ReadOnlyMemory<byte> DecodeSubjectKeyIdentifier(ReadOnlyMemory<byte> value)
    {
        var reader = new DerReader(value.Span);
        ReadOnlySpan<byte> id = reader.ReadOctetString();
        reader.ThrowIfNotEmpty();
        return value.Slice(value.Length - id.Length, id.Length);
    }

    /// <summary>Validates the value of every extension this library understands; unknown ones are left raw.</summary>
    internal static void Validate(ReadOnlySpan<byte> oid, ReadOnlySpan<byte> value, int valueOffset, DecodeContext context)
    {
        if (oid.SequenceEqual(Oids.SubjectAltName))
        {
            ValidateGeneralNames(value, valueOffset);
        }
        else if (oid.SequenceEqual(Oids.KeyUsage))
        {
            ReadKeyUsage(value, valueOffset);
        }
        else if (oid.SequenceEqual(Oids.ExtendedKeyUsage))
        {
            ReadEku(value, valueOffset, false);
        }
        else if (oid.SequenceEqual(Oids.BasicConstraints))
        {
            ReadBasicConstraints(value, valueOffset, context);
        }
        else if (oid.SequenceEqual(Oids.SubjectKeyIdentifier))
        {
            var reader = new DerReader(value, valueOffset);
            reader.ReadOctetString();
            reader.ThrowIfNotEmpty();
        }
        else
        {
            ValidatePkix(oid, value, valueOffset, context);
        }
    }

    // The validation-only form of ReadGeneralNames: the same reads and errors, over a span.
    private static void ValidateGeneralNames(ReadOnlySpan<byte> value, int offset)
    {
        var reader = new DerReader(value, offset);
        int start = reader.Offset;
        DerReader seq = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        if (!seq.HasData)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.EmptySequence, "GeneralNames must hold at least one name (SIZE (1..MAX))", start);
        }

        int count = 0;
        while (seq.HasData)
        {
            if (++count > MaxEntries)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {MaxEntries} GeneralNames", seq.Offset);
            }

            if (!seq.TrySkipSimpleGeneralName() && !GeneralName.TryValidatePrimitive(ref seq))
            {
                GeneralName.Read(ref seq, default, offset, false);
            }
        }
    }

    private static List<GeneralName>? ReadGeneralNames(ReadOnlyMemory<byte> value, int offset, bool materialise)
    {
        var reader = new DerReader(value.Span, offset);
        int start = reader.Offset;
        DerReader seq = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        if (!seq.HasData)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.EmptySequence, "GeneralNames must hold at least one name (SIZE (1..MAX))", start);
        }

        List<GeneralName>? names = materialise ? [] : null;
        int count = 0;
        while (seq.HasData)
        {
            if (++count > MaxEntries)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {MaxEntries} GeneralNames", seq.Offset);
            }

            if (!materialise && GeneralName.TryValidatePrimitive(ref seq))
            {
                continue;
            }

            GeneralName? name = GeneralName.Read(ref seq, value, offset, materialise);
            names?.Add(name!);
        }

        return names;
    }

    private static KeyUsageFlags ReadKeyUsage(ReadOnlySpan<byte> value, int offset)
    {
        var reader = new DerReader(value, offset);
        int start = reader.Offset;
        ulong bits = reader.ReadNamedBitList(maxBits: 9);
        reader.ThrowIfNotEmpty();
        if (bits == 0)
        {
            // RFC 5280 §4.2.1.3: at least one bit MUST be set.
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidExtension, "keyUsage with no bits set (RFC 5280 §4.2.1.3)", start);
        }

        return (KeyUsageFlags)bits;
    }

    private static List<string>? ReadEku(ReadOnlySpan<byte> value, int offset, bool materialise)
    {
        var reader = new DerReader(value, offset);
        int start = reader.Offset;
        DerReader seq = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        if (!seq.HasData)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.EmptySequence, "extKeyUsage must hold at least one purpose (SIZE (1..MAX))", start);
        }

        List<string>? list = materialise ? [] : null;
        int count = 0;
        while (seq.HasData)
        {
            if (++count > MaxEntries)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {MaxEntries} key purposes", seq.Offset);
            }

            ReadOnlySpan<byte> oid = seq.ReadObjectIdentifier();
            list?.Add(ObjectIdentifier.ToDotted(oid));
        }

        return list;
    }

    internal static BasicConstraints ReadBasicConstraints(ReadOnlySpan<byte> value, int offset, DecodeContext context)
    {
        var reader = new DerReader(value, offset);
        DerReader seq = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        bool ca = false;
        int? pathLen = null;
        if (seq.IsNext(Asn1Tag.Boolean))
        {
            int at = seq.Offset;
            ca = context.ReadBoolean(ref seq);
            if (!ca)
            {
                context.Deviation(Pkcs10ErrorCode.DefaultValueEncoded, "cA FALSE is the DEFAULT and must be omitted (X.690 §11.5)", at);
            }
        }

        if (seq.HasData)
        {
            int at = seq.Offset;
            long n = seq.ReadInt64(out _);
            if (n is < 0 or > int.MaxValue)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.IntegerOutOfRange, $"pathLenConstraint {n} is out of range (0..MAX)", at);
            }

            pathLen = (int)n;
        }

        seq.ThrowIfNotEmpty();
        return new BasicConstraints(ca, pathLen);
    }
}
