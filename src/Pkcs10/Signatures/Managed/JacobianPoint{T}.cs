namespace Pkcs10.Signatures.Managed;

/// <summary>
/// A point (X : Y : Z) in Jacobian coordinates over a fixed-size field (<see cref="NistCurve{TField, TScalar}"/>),
/// the affine point being (X/Z², Y/Z³); Z = 0 is the point at infinity. Coordinates are in Montgomery form.
/// </summary>
/// <typeparam name="T">The field element type.</typeparam>
internal struct JacobianPoint<T>
    where T : unmanaged, IMontgomeryElement<T>
{
    /// <summary>X.</summary>
    public T X;

    /// <summary>Y.</summary>
    public T Y;

    /// <summary>Z; zero for the point at infinity.</summary>
    public T Z;
}

/// <summary>A finite point (x, y) over a fixed-size field, coordinates in Montgomery form.</summary>
/// <typeparam name="T">The field element type.</typeparam>
internal struct AffinePoint<T>
    where T : unmanaged, IMontgomeryElement<T>
{
    /// <summary>x.</summary>
    public T X;

    /// <summary>y.</summary>
    public T Y;
}
