using System.Security.Cryptography.X509Certificates;
using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Names;

/// <summary>
/// An X.501 Name (RFC 5280 §4.1.2.4) over its DER encoding. The whole structure is validated when the name
/// is decoded; the RDNs are materialised only when <see cref="Rdns"/> is first read.
/// </summary>
/// <remarks>
/// <code>
/// Name ::= CHOICE { rdnSequence RDNSequence }
/// RDNSequence ::= SEQUENCE OF RelativeDistinguishedName
/// </code>
/// </remarks>
public sealed partial class DistinguishedName
{
    private RelativeDistinguishedName[]? _rdns;
    private string? _text;

    internal DistinguishedName(ReadOnlyMemory<byte> rawData) => RawData = rawData;

    /// <summary>The maximum number of RDNs accepted in one name.</summary>
    public const int MaxRdns = 128;

    /// <summary>The DER encoding of the Name (the RDNSequence SEQUENCE).</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>Whether the name has no RDNs.</summary>
    public bool IsEmpty => RawData.Length == 2;

    /// <summary>The RDNs in encoded order (the most significant first, the reverse of RFC 4514 text).</summary>
    public IReadOnlyList<RelativeDistinguishedName> Rdns => _rdns ??= Materialise(RawData);

    /// <summary>Decodes and validates a Name from its DER encoding.</summary>
    /// <param name="encoded">The DER bytes: exactly one Name.</param>
    /// <returns>The name, over a copy of <paramref name="encoded"/> only if the caller passes a copy (no copy is made).</returns>
    /// <exception cref="Pkcs10Exception">The encoding is malformed.</exception>
    public static DistinguishedName Decode(ReadOnlyMemory<byte> encoded)
    {
        var reader = new DerReader(encoded.Span);
        Validate(ref reader, DecodeContext.Strict);
        reader.ThrowIfNotEmpty();
        return new DistinguishedName(encoded[..reader.Offset]);
    }

    /// <summary>Returns the DER encoding of the Name.</summary>
    /// <returns>A new array holding <see cref="RawData"/>.</returns>
    public byte[] Encode() => RawData.ToArray();

    /// <summary>Copies the DER encoding of the Name into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer to write into.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    public bool TryEncode(Span<byte> destination, out int bytesWritten)
    {
        if (RawData.Span.TryCopyTo(destination))
        {
            bytesWritten = RawData.Length;
            return true;
        }

        bytesWritten = 0;
        return false;
    }

    /// <summary>Converts a BCL <see cref="X500DistinguishedName"/>, through its <see cref="System.Security.Cryptography.AsnEncodedData.RawData"/>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The name, over a copy of the BCL name's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="Pkcs10Exception">The bytes are not a strict DER Name (the BCL also accepts BER).</exception>
    public static DistinguishedName FromX500(X500DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Decode(name.RawData.AsSpan().ToArray());
    }

    /// <summary>Converts to a BCL <see cref="X500DistinguishedName"/> over a copy of <see cref="RawData"/>.</summary>
    /// <returns>The BCL name.</returns>
    public X500DistinguishedName ToX500() => new(RawData.ToArray());

    /// <summary>Reads one Name from <paramref name="reader"/>, validating it, and returns a view over <paramref name="source"/>.</summary>
    internal static DistinguishedName Read(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset, DecodeContext context)
    {
        // Validate's first read is the Name's header, so the element length is where the reader ends.
        int start = reader.Offset;
        Validate(ref reader, context);
        return new DistinguishedName(source.Slice(start - sourceOffset, reader.Offset - start));
    }

    /// <summary>Validates a Name at the reader's position and advances past it.</summary>
    internal static void Validate(ref DerReader reader, DecodeContext context)
    {
        DerReader rdns = reader.ReadSequence(0x30);
        int count = 0;
        while (rdns.HasData)
        {
            int rdnOffset = rdns.Offset;
            if (++count > MaxRdns)
            {
                ThrowTooManyRdns(rdnOffset);
            }

            if (rdns.TrySkipSimpleRdn())
            {
                continue;
            }

            DerReader set = context.ReadSetOf(ref rdns);
            if (!set.HasData)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidName, "an RDN must hold at least one attribute (SET SIZE (1..MAX))", rdnOffset);
            }

            do
            {
                DerReader atv = set.ReadSequence(0x30);
                atv.ReadObjectIdentifier();
                ValidateValue(ref atv);
                atv.ThrowIfNotEmpty();
            }
            while (set.HasData);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowTooManyRdns(int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"a Name with more than {MaxRdns} RDNs", offset);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void ValidateValue(ref DerReader atv)
    {
        // One pass over the value: a character string is checked for its type's rules; any other value
        // (ANY DEFINED BY an attribute type we do not know) needs only well-formed DER framing. A high tag
        // number (identifier -1) is never a character string type.
        ReadOnlySpan<byte> content = atv.ReadAnyContent(out int identifier, out _, out int contentOffset);
        if (identifier >= 0 && (identifier & 0xC0) == 0 && DerString.IsCharacterStringNumber(identifier & 0x1F))
        {
            if ((identifier & 0x20) != 0)
            {
                ThrowConstructedString(identifier, contentOffset);
            }

            DerRules.CheckCharacterString((UniversalTagNumber)(identifier & 0x1F), content, contentOffset);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowConstructedString(int identifier, int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.InvalidConstructedBit, $"{Asn1Tag.FromIdentifier((byte)identifier)} must be primitive in DER (X.690 §10.2)", offset);

    private static RelativeDistinguishedName[] Materialise(ReadOnlyMemory<byte> raw)
    {
        var list = new List<RelativeDistinguishedName>();
        var reader = new DerReader(raw.Span);
        DerReader rdns = reader.ReadSequence();
        while (rdns.HasData)
        {
            DerReader set = rdns.ReadSetOf(requireSorted: false);
            var attributes = new List<AttributeTypeAndValue>(1);
            while (set.HasData)
            {
                DerReader atv = set.ReadSequence();
                int typeStart = atv.Offset;
                int typeLength = atv.PeekEncodedValue().Length;
                ReadOnlySpan<byte> typeContent = atv.ReadObjectIdentifier();
                int typeContentStart = typeStart + (typeLength - typeContent.Length);
                int valueStart = atv.Offset;
                Asn1Tag tag = atv.PeekTag();
                ReadOnlySpan<byte> valueEncoded = atv.ReadEncodedValue();
                UniversalTagNumber? type = null;
                string? text = null;
                if (tag.TagClass == TagClass.Universal && !tag.IsConstructed && DerString.IsCharacterStringType((UniversalTagNumber)tag.TagValue))
                {
                    type = (UniversalTagNumber)tag.TagValue;
                    var valueReader = new DerReader(valueEncoded);
                    text = DerString.Decode(type.Value, valueReader.ReadCharacterString(type.Value));
                }

                attributes.Add(new AttributeTypeAndValue(raw.Slice(typeContentStart, typeContent.Length), raw.Slice(valueStart, valueEncoded.Length), type, text));
            }

            list.Add(new RelativeDistinguishedName([.. attributes]));
        }

        return [.. list];
    }
}
