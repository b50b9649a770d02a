using Pkcs10.Asn1;

namespace Pkcs10.Internal;

/// <summary>Carries the decode options through the decoders and collects lenient-mode findings.</summary>
internal sealed class DecodeContext
{
    private List<DecodeFinding>? _findings;

    public DecodeContext(bool lenient) => Lenient = lenient;

    public static DecodeContext Strict { get; } = new(false);

    public bool Lenient { get; }

    public IReadOnlyList<DecodeFinding> Findings => _findings ?? (IReadOnlyList<DecodeFinding>)[];

    /// <summary>In strict mode throws; in lenient mode records a finding and returns.</summary>
    public void Deviation(Pkcs10ErrorCode code, string message, int offset)
    {
        if (!Lenient)
        {
            ThrowHelper.Throw(code, message, offset);
        }

        (_findings ??= []).Add(new DecodeFinding(code, message, offset));
    }

    /// <summary>Reads a BOOLEAN; lenient mode accepts any non-zero octet as TRUE (BER) and records it.</summary>
    public bool ReadBoolean(ref DerReader reader)
    {
        if (!Lenient)
        {
            return reader.ReadBoolean();
        }

        int offset = reader.Offset;
        ReadOnlySpan<byte> content = reader.ReadContent(Asn1Tag.Boolean, out _);
        if (content.Length != 1)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidBoolean, "BOOLEAN must have exactly one content octet", offset);
        }

        if (content[0] is not (0x00 or 0xFF))
        {
            Deviation(Pkcs10ErrorCode.InvalidBoolean, $"BOOLEAN 0x{content[0]:X2} is BER, not DER (X.690 §11.1)", offset);
        }

        return content[0] != 0;
    }

    /// <summary>Reads a SET OF (identifier octet <paramref name="identifier"/>); lenient mode accepts unsorted elements and records it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public DerReader ReadSetOf(ref DerReader reader, byte identifier = 0x31) =>
        Lenient ? ReadSetOfLenient(ref reader, Asn1Tag.FromIdentifier(identifier)) : reader.ReadSetOf(identifier);

    private DerReader ReadSetOfLenient(ref DerReader reader, Asn1Tag tag)
    {
        DerReader probe = reader;
        try
        {
            _ = probe.ReadSetOf(tag);
        }
        catch (Pkcs10Exception e) when (e.Code == Pkcs10ErrorCode.SetNotSorted)
        {
            Deviation(e.Code, e.Detail, e.Offset ?? reader.Offset);
        }

        return reader.ReadSetOf(tag, requireSorted: false);
    }
}
