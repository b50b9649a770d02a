namespace Pkcs10.Signatures.Managed;

/// <summary>
/// A point (X : Y : Z) in Jacobian coordinates on a <see cref="WeierstrassCurve"/>, the affine point being
/// (X/Z², Y/Z³); Z = 0 is the point at infinity. Coordinates are in Montgomery form.
/// </summary>
internal struct JacobianPoint
{
    /// <summary>X.</summary>
    public Limbs X;

    /// <summary>Y.</summary>
    public Limbs Y;

    /// <summary>Z; zero for the point at infinity.</summary>
    public Limbs Z;
}
