namespace Pkcs10.Asn1;

/// <summary>The DER ordering of SET OF elements (X.690 §11.6).</summary>
internal static class DerComparer
{
    /// <summary>
    /// Compares two encodings as octet strings, the shorter padded at its end with zero octets (X.690 §11.6).
    /// </summary>
    public static int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        int common = Math.Min(x.Length, y.Length);
        int c = x[..common].SequenceCompareTo(y[..common]);
        if (c != 0)
        {
            return c;
        }

        // Equal prefix: the longer one is greater unless its tail is all zero (then the padded forms are equal).
        ReadOnlySpan<byte> tail = x.Length > y.Length ? x[common..] : y[common..];
        if (tail.IndexOfAnyExcept((byte)0) < 0)
        {
            return 0;
        }

        return x.Length > y.Length ? 1 : -1;
    }
}
