using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pkcs10.Internal;

internal static class Spans
{
    /// <summary>The offset of <paramref name="inner"/> within <paramref name="outer"/>; <paramref name="inner"/> must be a slice of it.</summary>
    public static int OffsetOf(ReadOnlySpan<byte> outer, ReadOnlySpan<byte> inner)
    {
        int offset = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(outer), ref MemoryMarshal.GetReference(inner));
        System.Diagnostics.Debug.Assert(offset >= 0 && offset + inner.Length <= outer.Length, "inner is not a slice of outer");
        return offset;
    }
}
