namespace Pkcs10.Signatures.Managed;

/// <summary>A finite point (x, y) on a <see cref="WeierstrassCurve"/>, coordinates in Montgomery form.</summary>
internal struct AffinePoint
{
    /// <summary>x.</summary>
    public Limbs X;

    /// <summary>y.</summary>
    public Limbs Y;
}
