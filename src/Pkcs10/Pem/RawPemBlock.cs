namespace Pkcs10.Pem;

/// <summary>The boundary positions of one block, before its body is validated.</summary>
internal readonly struct RawPemBlock
{
    internal RawPemBlock(int begin, int labelStart, int labelEnd, int bodyStart, int bodyEnd, int end)
    {
        Begin = begin;
        LabelStart = labelStart;
        LabelEnd = labelEnd;
        BodyStart = bodyStart;
        BodyEnd = bodyEnd;
        End = end;
    }

    /// <summary>The first <c>-</c> of <c>-----BEGIN</c>.</summary>
    internal int Begin { get; }

    internal int LabelStart { get; }

    internal int LabelEnd { get; }

    /// <summary>Just after the BEGIN boundary's closing <c>-----</c> (after its line break in strict mode).</summary>
    internal int BodyStart { get; }

    /// <summary>The first <c>-</c> of <c>-----END</c>.</summary>
    internal int BodyEnd { get; }

    /// <summary>Just after the END boundary's closing <c>-----</c>.</summary>
    internal int End { get; }
}
