using System.Numerics;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Ecdsa;

/// <summary>
/// A slow, obviously-correct oracle for the managed ECDSA code: affine arithmetic on y² = x³ - 3x + b with
/// <see cref="BigInteger"/>, the point at infinity as null, and conversions to and from <see cref="Limbs"/>.
/// The domain parameters come from the BCL (<c>ECCurve.NamedCurves</c> exported explicitly), not from our tables.
/// </summary>
internal sealed class EcReference
{
    public EcReference(WeierstrassCurve curve, System.Security.Cryptography.ECCurve named)
    {
        Curve = curve;
        using var ec = System.Security.Cryptography.ECDsa.Create(named);
        System.Security.Cryptography.ECParameters parameters = ec.ExportExplicitParameters(false);
        P = Big(parameters.Curve.Prime!);
        A = Big(parameters.Curve.A!);
        B = Big(parameters.Curve.B!);
        N = Big(parameters.Curve.Order!);
        G = (Big(parameters.Curve.G.X!), Big(parameters.Curve.G.Y!));
    }

    public static EcReference P256 { get; } = new(NistCurves.P256, System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

    public static EcReference P384 { get; } = new(NistCurves.P384, System.Security.Cryptography.ECCurve.NamedCurves.nistP384);

    public static EcReference P521 { get; } = new(NistCurves.P521, System.Security.Cryptography.ECCurve.NamedCurves.nistP521);

    public static EcReference Get(int index) => index switch { 0 => P256, 1 => P384, _ => P521 };

    public WeierstrassCurve Curve { get; }

    public BigInteger P { get; }

    public BigInteger A { get; }

    public BigInteger B { get; }

    public BigInteger N { get; }

    public (BigInteger X, BigInteger Y) G { get; }

    public static BigInteger Big(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    public static BigInteger Mod(BigInteger a, BigInteger m) => ((a % m) + m) % m;

    public static BigInteger Value(in Limbs limbs, int count)
    {
        BigInteger v = BigInteger.Zero;
        for (int i = count - 1; i >= 0; i--)
        {
            v = (v << 64) | limbs[i];
        }

        return v;
    }

    public static Limbs ToLimbs(BigInteger value)
    {
        Limbs limbs = default;
        for (int i = 0; i < Limbs.Capacity; i++)
        {
            limbs[i] = (ulong)(value & ulong.MaxValue);
            value >>= 64;
        }

        return limbs;
    }

    public Limbs ToField(BigInteger x)
    {
        Curve.Field.ToMontgomery(ToLimbs(x), out Limbs m);
        return m;
    }

    public BigInteger FromField(in Limbs m)
    {
        Curve.Field.FromMontgomery(m, out Limbs plain);
        return Value(plain, Curve.Field.LimbCount);
    }

    /// <summary>The affine value of a Jacobian point (null for infinity).</summary>
    public (BigInteger X, BigInteger Y)? ToAffine(in JacobianPoint p)
    {
        BigInteger z = FromField(p.Z);
        if (z.IsZero)
        {
            return null;
        }

        BigInteger zi = BigInteger.ModPow(z, P - 2, P);
        return (FromField(p.X) * zi * zi % P, FromField(p.Y) * zi * zi * zi % P);
    }

    /// <summary>A Jacobian form of an affine point with a random-looking Z, to exercise Z ≠ 1.</summary>
    public JacobianPoint ToJacobian((BigInteger X, BigInteger Y)? point, BigInteger z)
    {
        if (point is not { } q)
        {
            return default;
        }

        z = Mod(z, P);
        if (z.IsZero)
        {
            z = 1;
        }

        return new JacobianPoint { X = ToField(q.X * z * z % P), Y = ToField(q.Y * z * z * z % P), Z = ToField(z) };
    }

    public AffinePoint ToAffinePoint((BigInteger X, BigInteger Y) q) => new() { X = ToField(q.X), Y = ToField(q.Y) };

    public (BigInteger X, BigInteger Y)? Add((BigInteger X, BigInteger Y)? p, (BigInteger X, BigInteger Y)? q)
    {
        if (p is not { } a)
        {
            return q;
        }

        if (q is not { } b)
        {
            return p;
        }

        BigInteger lambda;
        if (a.X == b.X)
        {
            if (Mod(a.Y + b.Y, P).IsZero)
            {
                return null;
            }

            lambda = Mod(((3 * a.X * a.X) + A) * BigInteger.ModPow(2 * a.Y, P - 2, P), P);
        }
        else
        {
            lambda = Mod((b.Y - a.Y) * BigInteger.ModPow(Mod(b.X - a.X, P), P - 2, P), P);
        }

        BigInteger x = Mod((lambda * lambda) - a.X - b.X, P);
        return (x, Mod((lambda * (a.X - x)) - a.Y, P));
    }

    public (BigInteger X, BigInteger Y)? Negate((BigInteger X, BigInteger Y)? p) => p is { } a ? (a.X, Mod(-a.Y, P)) : null;

    public (BigInteger X, BigInteger Y)? Multiply(BigInteger k, (BigInteger X, BigInteger Y)? p)
    {
        (BigInteger X, BigInteger Y)? result = null;
        (BigInteger X, BigInteger Y)? addend = p;
        k = Mod(k, N);
        while (!k.IsZero)
        {
            if (!k.IsEven)
            {
                result = Add(result, addend);
            }

            addend = Add(addend, addend);
            k >>= 1;
        }

        return result;
    }

    public bool IsOnCurve((BigInteger X, BigInteger Y) p) => Mod((p.Y * p.Y) - (p.X * p.X * p.X) - (A * p.X) - B, P).IsZero;
}
