using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// A fixed buffer of up to <see cref="Capacity"/> little-endian 64-bit limbs: a number below 2^576, enough for
/// P-521 field elements and scalars. Each <see cref="MontgomeryModulus"/> uses only its own limb count; the
/// limbs above it are never read.
/// </summary>
[InlineArray(Capacity)]
internal struct Limbs
{
    /// <summary>The number of limbs the buffer holds.</summary>
    public const int Capacity = 9;

    private ulong _element0;

    /// <summary>
    /// Reads a big-endian unsigned number into the low <paramref name="limbCount"/> limbs (the rest are zero).
    /// </summary>
    /// <returns><see langword="false"/> when the number, leading zero octets aside, needs more than
    /// <paramref name="limbCount"/> limbs.</returns>
    public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes, int limbCount, out Limbs value)
    {
        Debug.Assert(limbCount is > 0 and <= Capacity);
        value = default;
        int first = bytes.IndexOfAnyExcept((byte)0);
        if (first < 0)
        {
            return true;
        }

        bytes = bytes[first..];
        if (bytes.Length > limbCount * 8)
        {
            return false;
        }

        int limb = 0;
        int end = bytes.Length;
        while (end >= 8)
        {
            value[limb++] = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(end - 8, 8));
            end -= 8;
        }

        ulong top = 0;
        for (int i = 0; i < end; i++)
        {
            top = (top << 8) | bytes[i];
        }

        if (end > 0)
        {
            value[limb] = top;
        }

        return true;
    }
}
