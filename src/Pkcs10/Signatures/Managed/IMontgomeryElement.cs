namespace Pkcs10.Signatures.Managed;

/// <summary>
/// An element of Z/mZ for one fixed odd modulus m of a few 64-bit limbs, in Montgomery form x·R mod m with
/// R = 2^(64·<see cref="LimbCount"/>) — the representation <see cref="MontgomeryModulus"/> uses for the same m, so
/// values convert limb for limb. Implemented by fixed-size structs (P256Field, P384Scalar, ...) whose operations are
/// static: generic code constrained to this interface is specialized by the JIT for each struct, with no virtual
/// dispatch and every limb in a local.
/// </summary>
/// <typeparam name="T">The implementing struct.</typeparam>
internal interface IMontgomeryElement<T>
    where T : unmanaged, IMontgomeryElement<T>
{
    /// <summary>The number of 64-bit limbs of m.</summary>
    static abstract int LimbCount { get; }

    /// <summary>1 in Montgomery form (R mod m).</summary>
    static abstract T One { get; }

    /// <summary>R² mod m: the Montgomery product of a plain x with it is x in Montgomery form.</summary>
    static abstract T RSquared { get; }

    /// <summary>m itself as limbs (not a reduced element: only for reading its limbs).</summary>
    static abstract T Modulus { get; }

    /// <summary>The element with the low <see cref="LimbCount"/> limbs of <paramref name="value"/>, which must be below m.</summary>
    static abstract T FromLimbs(in Limbs value);

    /// <summary>The limbs of <paramref name="value"/>; the limbs above <see cref="LimbCount"/> are zero.</summary>
    static abstract void ToLimbs(in T value, out Limbs result);

    /// <summary>Whether a is zero.</summary>
    static abstract bool IsZero(in T a);

    /// <summary>Whether a equals b.</summary>
    static abstract bool AreEqual(in T a, in T b);

    /// <summary>-a mod m.</summary>
    static abstract T Negate(in T a);

    /// <summary>a·b·R⁻¹ mod m (the Montgomery product).</summary>
    static abstract T Multiply(in T a, in T b);

    /// <summary>a²·R⁻¹ mod m.</summary>
    static abstract T Square(in T a);

    /// <summary>a + b mod m.</summary>
    static abstract T Add(in T a, in T b);

    /// <summary>2a mod m (as <see cref="Add"/>(a, a), with a shift instead of a carry chain).</summary>
    static abstract T Twice(in T a);

    /// <summary>a - b mod m.</summary>
    static abstract T Subtract(in T a, in T b);
}
