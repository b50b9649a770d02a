using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Pkcs10.Signatures.Managed;

/// <summary>64×64-bit multiplication helpers shared by the field and modular arithmetic.</summary>
internal static class WideMultiply
{
    /// <summary>
    /// The high 64 bits of <paramref name="a"/> × <paramref name="b"/>. <see cref="Math.BigMul(ulong, ulong, out ulong)"/>'s
    /// "out low" form makes the JIT keep both halves in memory; the low half is just <c>a * b</c>, and mulx / umulh
    /// give the high half in a register.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong High(ulong a, ulong b)
    {
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }

        if (ArmBase.Arm64.IsSupported)
        {
            return ArmBase.Arm64.MultiplyHigh(a, b);
        }

        return Math.BigMul(a, b, out _);
    }
}
