using System.Text;
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
public sealed class DistinguishedName
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

    /// <summary>The RFC 4514 string form: RDNs in reverse order separated by ',', multi-valued RDNs joined by '+', values escaped (§2.4).</summary>
    /// <returns>The text, e.g. "CN=device-42,O=Acme\, Inc.,C=US".</returns>
    public override string ToString() => _text ??= Format();

    private string Format()
    {
        var sb = new StringBuilder();
        IReadOnlyList<RelativeDistinguishedName> rdns = Rdns;
        for (int i = rdns.Count - 1; i >= 0; i--)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            IReadOnlyList<AttributeTypeAndValue> attributes = rdns[i].Attributes;
            for (int j = 0; j < attributes.Count; j++)
            {
                if (j > 0)
                {
                    sb.Append('+');
                }

                AttributeTypeAndValue a = attributes[j];
                sb.Append(a.ShortName ?? a.Oid).Append('=');
                if (a.Value is null)
                {
                    sb.Append('#').Append(Convert.ToHexStringLower(a.RawValue.Span));
                }
                else
                {
                    AppendEscaped(sb, a.Value);
                }
            }
        }

        return sb.ToString();
    }

    // RFC 4514 §2.4.
    private static void AppendEscaped(StringBuilder sb, string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool escape = c is '"' or '+' or ',' or ';' or '<' or '>' or '\\' ||
                          (i == 0 && (c == ' ' || c == '#')) ||
                          (i == value.Length - 1 && c == ' ');
            if (c == '\0')
            {
                sb.Append("\\00");
            }
            else if (escape)
            {
                sb.Append('\\').Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }
    }
}
