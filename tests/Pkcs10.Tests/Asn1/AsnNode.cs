using System.Globalization;
using System.Numerics;
using Pkcs10.Asn1;
using static Pkcs10.Tests.Asn1.DerTestHelpers;
using Bcl = System.Formats.Asn1;

namespace Pkcs10.Tests.Asn1;

/// <summary>
/// A model ASN.1 value for the differential properties: it writes itself through the BCL's
/// <c>AsnWriter</c> and through <see cref="DerWriter"/> with the same sequence of calls, and checks that a
/// <see cref="DerReader"/> reads back exactly the modelled value.
/// </summary>
public abstract record AsnNode
{
    public abstract void WriteBcl(Bcl.AsnWriter writer);

    public abstract void WriteDer(DerWriter writer);

    /// <summary>Reads this value from <paramref name="reader"/> and asserts it equals the model.</summary>
    public abstract void Check(ref DerReader reader);

    public byte[] EncodeBcl()
    {
        Bcl.AsnWriter w = BclWriter();
        WriteBcl(w);
        return w.Encode();
    }

    public sealed override string ToString() => Describe();

    protected abstract string Describe();
}

public sealed record IntegerNode(BigInteger Value, int Padding) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteInteger(Value);

    public override void WriteDer(DerWriter writer)
    {
        if (Padding == 0 && Value >= long.MinValue && Value <= long.MaxValue)
        {
            writer.WriteInteger((long)Value);
            return;
        }

        // Redundant sign octets in front: WriteIntegerTwosComplement must strip them.
        byte pad = Value.Sign < 0 ? (byte)0xFF : (byte)0x00;
        byte[] minimal = Value.ToByteArray(isUnsigned: false, isBigEndian: true);
        writer.WriteIntegerTwosComplement([.. Enumerable.Repeat(pad, Padding), .. minimal]);
    }

    public override void Check(ref DerReader reader)
    {
        if (Value >= long.MinValue && Value <= long.MaxValue)
        {
            DerReader copy = reader;
            Assert.Equal((long)Value, copy.ReadInt64(out _));
        }

        if (Value.Sign >= 0)
        {
            DerReader copy = reader;
            byte[] magnitude = Value.IsZero ? [0] : Value.ToByteArray(isUnsigned: true, isBigEndian: true);
            Assert.Equal(ToHex(magnitude), ToHex(copy.ReadUnsignedIntegerBytes()));
        }

        ReadOnlySpan<byte> bytes = reader.ReadIntegerBytes();
        Assert.Equal(Value, new BigInteger(bytes, isUnsigned: false, isBigEndian: true));
    }

    protected override string Describe() => $"INTEGER {Value} (+{Padding} pad)";
}

public sealed record UnsignedIntegerNode(byte[] Magnitude) : AsnNode
{
    private BigInteger Value => new(Magnitude, isUnsigned: true, isBigEndian: true);

    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteInteger(Value);

    public override void WriteDer(DerWriter writer) => writer.WriteIntegerUnsigned(Magnitude);

    public override void Check(ref DerReader reader)
    {
        byte[] expected = Value.IsZero ? [0] : Value.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Equal(ToHex(expected), ToHex(reader.ReadUnsignedIntegerBytes()));
    }

    protected override string Describe() => $"INTEGER unsigned {ToHex(Magnitude)}";
}

public sealed record BooleanNode(bool Value) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteBoolean(Value);

    public override void WriteDer(DerWriter writer) => writer.WriteBoolean(Value);

    public override void Check(ref DerReader reader) => Assert.Equal(Value, reader.ReadBoolean());

    protected override string Describe() => $"BOOLEAN {Value}";
}

public sealed record NullNode : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteNull();

    public override void WriteDer(DerWriter writer) => writer.WriteNull();

    public override void Check(ref DerReader reader) => reader.ReadNull();

    protected override string Describe() => "NULL";
}

public sealed record OctetStringNode(byte[] Value, Asn1Tag? Tag) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteOctetString(Value, Tag is { } t ? ToBcl(t) : null);

    public override void WriteDer(DerWriter writer) => writer.WriteOctetString(Value, Tag);

    public override void Check(ref DerReader reader) => Assert.Equal(ToHex(Value), ToHex(reader.ReadOctetString(Tag)));

    protected override string Describe() => $"OCTET STRING {(Tag is { } t ? t.ToString() + " " : "")}({Value.Length}) {ToHex(Value.AsSpan(0, Math.Min(Value.Length, 16)))}";
}

public sealed record BitStringNode(byte[] Data, int Unused) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteBitString(Data, Unused);

    public override void WriteDer(DerWriter writer) => writer.WriteBitString(Data, Unused);

    public override void Check(ref DerReader reader)
    {
        ReadOnlySpan<byte> data = reader.ReadBitString(out int unused);
        Assert.Equal((Unused, ToHex(Data)), (unused, ToHex(data)));
    }

    protected override string Describe() => $"BIT STRING {Unused} {ToHex(Data)}";
}

public sealed record NamedBitsNode(ulong Bits) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteNamedBitList((NamedBits64)Bits);

    public override void WriteDer(DerWriter writer) => writer.WriteNamedBitList(Bits);

    public override void Check(ref DerReader reader) => Assert.Equal(Bits, reader.ReadNamedBitList());

    protected override string Describe() => $"BIT STRING named 0x{Bits:X}";
}

public sealed record OidNode(string Dotted) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteObjectIdentifier(Dotted);

    public override void WriteDer(DerWriter writer) => writer.WriteObjectIdentifier(Dotted);

    public override void Check(ref DerReader reader) => Assert.Equal(Dotted, ObjectIdentifier.ToDotted(reader.ReadObjectIdentifier()));

    protected override string Describe() => $"OID {Dotted}";
}

public sealed record StringNode(UniversalTagNumber Type, string Text) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteCharacterString((Bcl.UniversalTagNumber)(int)Type, Text);

    public override void WriteDer(DerWriter writer) => writer.WriteCharacterString(Type, Text);

    public override void Check(ref DerReader reader)
    {
        ReadOnlySpan<byte> content = reader.ReadCharacterString(out UniversalTagNumber type);
        Assert.Equal(Type, type);
        Assert.Equal(Text, DerString.Decode(type, content));
    }

    protected override string Describe() => $"{Type} \"{string.Concat(Text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"))}\"";
}

public sealed record UtcTimeNode(DateTimeOffset Value) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteUtcTime(Value);

    public override void WriteDer(DerWriter writer) => writer.WriteUtcTime(Value);

    public override void Check(ref DerReader reader) => Assert.Equal(Value, reader.ReadUtcTime());

    protected override string Describe() => $"UTCTime {Value:O}";
}

/// <summary>A GeneralizedTime; <see cref="DerWriter"/> writes no fraction, so nodes with one are reader-only.</summary>
public sealed record GeneralizedTimeNode(DateTimeOffset Value) : AsnNode
{
    public bool HasFraction => Value.Ticks % TimeSpan.TicksPerSecond != 0;

    public override void WriteBcl(Bcl.AsnWriter writer) => writer.WriteGeneralizedTime(Value, omitFractionalSeconds: false);

    public override void WriteDer(DerWriter writer) => writer.WriteGeneralizedTime(Value);

    public override void Check(ref DerReader reader) => Assert.Equal(Value, reader.ReadGeneralizedTime());

    protected override string Describe() => $"GeneralizedTime {Value.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture)}";
}

/// <summary>A SEQUENCE, or another constructed tag (written with <see cref="DerWriter.PushExplicit"/> when context-specific).</summary>
public sealed record SequenceNode(AsnNode[] Children, Asn1Tag? Tag) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer)
    {
        Bcl.Asn1Tag? tag = Tag is { } t ? ToBcl(t) : null;
        writer.PushSequence(tag);
        foreach (AsnNode child in Children)
        {
            child.WriteBcl(writer);
        }

        writer.PopSequence(tag);
    }

    public override void WriteDer(DerWriter writer)
    {
        using (Tag is { TagClass: TagClass.ContextSpecific } t ? writer.PushExplicit(t.TagValue) : writer.PushSequence(Tag))
        {
            foreach (AsnNode child in Children)
            {
                child.WriteDer(writer);
            }
        }
    }

    public override void Check(ref DerReader reader)
    {
        DerReader inner = Tag is { TagClass: TagClass.ContextSpecific } t ? reader.ReadExplicit(t.TagValue) : reader.ReadSequence(Tag);
        foreach (AsnNode child in Children)
        {
            child.Check(ref inner);
        }

        inner.ThrowIfNotEmpty();
    }

    protected override string Describe() => $"{(Tag is { } t ? t.ToString() : "SEQUENCE")} {{ {string.Join(", ", Children.Select(c => c.ToString()))} }}";
}

/// <summary>A SET OF: both writers sort on close, so the reader sees the children in DER order.</summary>
public sealed record SetOfNode(AsnNode[] Children) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer)
    {
        writer.PushSetOf();
        foreach (AsnNode child in Children)
        {
            child.WriteBcl(writer);
        }

        writer.PopSetOf();
    }

    public override void WriteDer(DerWriter writer)
    {
        using (writer.PushSetOf())
        {
            foreach (AsnNode child in Children)
            {
                child.WriteDer(writer);
            }
        }
    }

    public override void Check(ref DerReader reader)
    {
        DerReader inner = reader.ReadSetOf();

        // X.690 §11.6: ascending order of the encodings (complete TLVs never tie on a proper prefix).
        foreach (AsnNode child in Children.OrderBy(c => c.EncodeBcl(), ByteArrayComparer.Instance))
        {
            child.Check(ref inner);
        }

        inner.ThrowIfNotEmpty();
    }

    protected override string Describe() => $"SET OF {{ {string.Join(", ", Children.Select(c => c.ToString()))} }}";
}

/// <summary>An OCTET STRING whose content is DER (as extnValue), written through a scope.</summary>
public sealed record OctetStringScopeNode(AsnNode[] Children) : AsnNode
{
    public override void WriteBcl(Bcl.AsnWriter writer)
    {
        using (writer.PushOctetString())
        {
            foreach (AsnNode child in Children)
            {
                child.WriteBcl(writer);
            }
        }
    }

    public override void WriteDer(DerWriter writer)
    {
        using (writer.PushOctetString())
        {
            foreach (AsnNode child in Children)
            {
                child.WriteDer(writer);
            }
        }
    }

    public override void Check(ref DerReader reader)
    {
        ReadOnlySpan<byte> content = reader.ReadOctetString(out int contentOffset);
        var inner = new DerReader(content, contentOffset);
        foreach (AsnNode child in Children)
        {
            child.Check(ref inner);
        }

        inner.ThrowIfNotEmpty();
    }

    protected override string Describe() => $"OCTET STRING containing {{ {string.Join(", ", Children.Select(c => c.ToString()))} }}";
}

internal sealed class ByteArrayComparer : IComparer<byte[]>
{
    public static ByteArrayComparer Instance { get; } = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}

/// <summary>A top-level list of values (the generated input of a property).</summary>
public sealed record AsnTree(AsnNode[] Nodes)
{
    public byte[] EncodeBcl()
    {
        Bcl.AsnWriter w = BclWriter();
        foreach (AsnNode node in Nodes)
        {
            node.WriteBcl(w);
        }

        return w.Encode();
    }

    public byte[] EncodeDer()
    {
        using var w = new DerWriter();
        foreach (AsnNode node in Nodes)
        {
            node.WriteDer(w);
        }

        return w.Encode();
    }

    public void CheckAll(ReadOnlySpan<byte> der)
    {
        var reader = new DerReader(der);
        foreach (AsnNode node in Nodes)
        {
            node.Check(ref reader);
        }

        reader.ThrowIfNotEmpty();
    }

    public override string ToString() => string.Join(" ", Nodes.Select(n => n.ToString()));
}
