using System.Diagnostics.CodeAnalysis;
using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Extensions;

/// <summary>Where a validated Extensions SEQUENCE's content lies in its source buffer, and how many extensions it holds.</summary>
internal readonly record struct ExtensionsLayout(int Start, int Length, int Count);

/// <summary>
/// The Extensions list shared by requests (the extensionRequest value) and certificates (the <c>[3]</c> field):
/// validated once without making objects, materialised on demand.
/// </summary>
internal static class ExtensionList
{
    // Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension (RFC 5280 §4.1; RFC 2985 §5.4.2). Validates every
    // extension (framing, critical flag, duplicates, and the values this library understands) without making
    // objects: Materialise makes them when they are first asked for. `value` is exactly one Extensions element;
    // `baseOffset` is its absolute offset in the source buffer.
    public static ExtensionsLayout Read(ReadOnlySpan<byte> value, int baseOffset, int maxDepth, int maxItems, DecodeContext context, string emptyMessage)
    {
        var reader = new DerReader(value, baseOffset, maxDepth);
        int start = reader.Offset;
        DerReader seq = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        int contentStart = seq.Offset;
        int contentLength = reader.Offset - contentStart;
        if (!seq.HasData)
        {
            context.Deviation(Pkcs10ErrorCode.EmptySequence, emptyMessage, start);
            return default;
        }

        // The OIDs seen so far, for the duplicate check: on the stack for the usual handful, on the heap beyond.
        const int StackOids = 16;
        Span<Range> seen = stackalloc Range[StackOids];
        int count = 0;
        while (seq.HasData)
        {
            int extOffset = seq.Offset;
            if (count >= maxItems)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {maxItems} extensions", extOffset);
            }

            DerReader ext = seq.ReadSequence(0x30);
            ReadOnlySpan<byte> oid = ext.ReadObjectIdentifier();
            int oidStart = ext.Offset - oid.Length - baseOffset;

            // Only BOOLEAN or OCTET STRING can follow; when the octet is not BOOLEAN's, the OCTET STRING read
            // below validates the header and reports exactly what IsNext would have.
            if (ext.PeekIdentifierOctet() == 0x01)
            {
                int at = ext.Offset;
                if (!context.ReadBoolean(ref ext))
                {
                    context.Deviation(Pkcs10ErrorCode.DefaultValueEncoded, "critical FALSE is the DEFAULT and must be omitted (X.690 §11.5)", at);
                }
            }

            ReadOnlySpan<byte> extValue = ext.ReadOctetString(out int valueOffset);
            ext.ThrowIfNotEmpty();

            // RFC 5280 §4.2: a certificate MUST NOT include more than one instance of an extension.
            for (int i = 0; i < count; i++)
            {
                if (value[seen[i]].SequenceEqual(oid))
                {
                    ThrowDuplicateExtension(oid, extOffset);
                }
            }

            ExtensionDecoder.Validate(oid, extValue, valueOffset, context);
            if (count == seen.Length)
            {
                Range[] grown = new Range[seen.Length * 2];
                seen.CopyTo(grown);
                seen = grown;
            }

            seen[count++] = new Range(oidStart, oidStart + oid.Length);
        }

        return new ExtensionsLayout(contentStart, contentLength, count);
    }

    // Re-reads the Extensions SEQUENCE content that Read validated, making one object per extension.
    public static CertificateExtension[] Materialise(ReadOnlyMemory<byte> source, in ExtensionsLayout layout)
    {
        if (layout.Count == 0)
        {
            return [];
        }

        var list = new CertificateExtension[layout.Count];
        var seq = new DerReader(source.Span.Slice(layout.Start, layout.Length), layout.Start);
        for (int i = 0; i < list.Length; i++)
        {
            int extOffset = seq.Offset;
            DerReader ext = seq.ReadSequence(0x30);
            ReadOnlySpan<byte> oid = ext.ReadObjectIdentifier();
            int oidStart = ext.Offset - oid.Length;

            // Any non-zero octet: lenient decoding may have accepted a BER TRUE.
            bool critical = ext.PeekIdentifierOctet() == 0x01 && ext.ReadContent(0x01, out _)[0] != 0;
            ReadOnlySpan<byte> extValue = ext.ReadOctetString(out int valueOffset);
            list[i] = new CertificateExtension(source, oidStart, oid.Length, critical, extValue.Length, extOffset, valueOffset);
        }

        return list;
    }

    /// <summary>The first extension with the OID <paramref name="oid"/> (content octets), or <see langword="null"/>.</summary>
    public static CertificateExtension? Find(IReadOnlyList<CertificateExtension> extensions, ReadOnlySpan<byte> oid)
    {
        foreach (CertificateExtension e in extensions)
        {
            if (e.RawOid.Span.SequenceEqual(oid))
            {
                return e;
            }
        }

        return null;
    }

    [DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowDuplicateExtension(ReadOnlySpan<byte> oid, int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.DuplicateExtension, $"extension {ObjectIdentifier.ToDotted(oid)} appears more than once (RFC 5280 §4.2)", offset);
}
