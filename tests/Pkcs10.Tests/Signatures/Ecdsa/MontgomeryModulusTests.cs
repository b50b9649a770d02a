using System.Numerics;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Ecdsa;

/// <summary>
/// <see cref="MontgomeryModulus"/> against <see cref="BigInteger"/> for the three field primes and the three group
/// orders: every operation, on random values and on values next to 0 and to the modulus.
/// </summary>
public sealed class MontgomeryModulusTests
{
    // 0..2: the field primes of P-256, P-384, P-521; 3..5: their orders.
    private static MontgomeryModulus Modulus(int which, out BigInteger m)
    {
        EcReference reference = EcReference.Get(which % 3);
        m = which < 3 ? reference.P : reference.N;
        return which < 3 ? reference.Curve.Field : reference.Curve.Order;
    }

    // A value below m: random, small, or m - small.
    private static BigInteger Pick(byte[] random, byte selector, BigInteger m)
    {
        BigInteger r = new BigInteger(random, isUnsigned: true) % m;
        return (selector % 4) switch
        {
            0 => m - 1 - (r % 5),
            1 => r % 3,
            _ => r,
        };
    }

    [Property(MaxTest = 600)]
    public void EveryOperation_MatchesBigInteger(byte which, byte[] x, byte[] y, byte sx, byte sy)
    {
        int index = which % 6;
        MontgomeryModulus f = Modulus(index, out BigInteger m);
        int limbs = f.LimbCount;
        BigInteger r = BigInteger.One << (64 * limbs);
        BigInteger rInverse = BigInteger.ModPow(r, m - 2, m);
        BigInteger a = Pick(x, sx, m), b = Pick(y, sy, m);
        Limbs la = EcReference.ToLimbs(a), lb = EcReference.ToLimbs(b);
        Assert.True(f.IsReduced(la));

        // Raw Montgomery product of plain inputs: a·b·R⁻¹.
        f.Multiply(la, lb, out Limbs product);
        Assert.Equal(a * b * rInverse % m, EcReference.Value(product, limbs));
        f.Square(la, out Limbs square);
        Assert.Equal(a * a * rInverse % m, EcReference.Value(square, limbs));

        // Through Montgomery form and back.
        f.ToMontgomery(la, out Limbs ma);
        f.ToMontgomery(lb, out Limbs mb);
        Assert.Equal(a * r % m, EcReference.Value(ma, limbs));
        f.Multiply(ma, mb, out Limbs mm);
        f.FromMontgomery(mm, out Limbs plain);
        Assert.Equal(a * b % m, EcReference.Value(plain, limbs));

        f.Add(la, lb, out Limbs sum);
        Assert.Equal((a + b) % m, EcReference.Value(sum, limbs));
        f.Subtract(la, lb, out Limbs difference);
        Assert.Equal(EcReference.Mod(a - b, m), EcReference.Value(difference, limbs));
        f.Negate(la, out Limbs negated);
        Assert.Equal(EcReference.Mod(-a, m), EcReference.Value(negated, limbs));

        Assert.Equal(a.IsZero, f.IsZero(la));
        Assert.Equal(a == b, f.AreEqual(la, lb));
        Assert.Equal(a.CompareTo(b), f.Compare(la, lb));

        // Aliasing: the result written over an input.
        Limbs alias = la;
        f.Multiply(alias, lb, out alias);
        Assert.Equal(a * b * rInverse % m, EcReference.Value(alias, limbs));
        alias = la;
        f.Square(alias, out alias);
        Assert.Equal(a * a * rInverse % m, EcReference.Value(alias, limbs));
    }

    [Property(MaxTest = 60)]
    public void InvertAndPower_MatchBigInteger(byte which, byte[] x, byte sx)
    {
        int index = which % 6;
        MontgomeryModulus f = Modulus(index, out BigInteger m);
        BigInteger a = Pick(x, sx, m);
        if (a.IsZero)
        {
            a = 1;
        }

        f.ToMontgomery(EcReference.ToLimbs(a), out Limbs ma);
        f.Invert(ma, out Limbs inverse);
        f.FromMontgomery(inverse, out Limbs plain);
        Assert.Equal(BigInteger.ModPow(a, m - 2, m), EcReference.Value(plain, f.LimbCount));
        Assert.Equal(BigInteger.One, a * EcReference.Value(plain, f.LimbCount) % m);

        BigInteger e = new BigInteger(x, isUnsigned: true) % m;
        f.Power(ma, EcReference.ToLimbs(e), out Limbs power);
        f.FromMontgomery(power, out plain);
        Assert.Equal(BigInteger.ModPow(a, e, m), EcReference.Value(plain, f.LimbCount));
    }

    [Theory]
    [InlineData(0), InlineData(1), InlineData(2), InlineData(3), InlineData(4), InlineData(5)]
    public void ExtremeValues_MatchBigInteger(int index)
    {
        MontgomeryModulus f = Modulus(index, out BigInteger m);
        int limbs = f.LimbCount;
        BigInteger rInverse = BigInteger.ModPow(BigInteger.One << (64 * limbs), m - 2, m);
        BigInteger[] values = [0, 1, 2, m - 1, m - 2, (m - 1) / 2, (m + 1) / 2, ulong.MaxValue, (BigInteger.One << (64 * (limbs - 1))) - 1];
        foreach (BigInteger a in values)
        {
            foreach (BigInteger b in values)
            {
                f.Multiply(EcReference.ToLimbs(a), EcReference.ToLimbs(b), out Limbs product);
                Assert.Equal(a * b * rInverse % m, EcReference.Value(product, limbs));
                f.Add(EcReference.ToLimbs(a), EcReference.ToLimbs(b), out Limbs sum);
                Assert.Equal((a + b) % m, EcReference.Value(sum, limbs));
                f.Subtract(EcReference.ToLimbs(a), EcReference.ToLimbs(b), out Limbs difference);
                Assert.Equal(EcReference.Mod(a - b, m), EcReference.Value(difference, limbs));
            }

            f.Square(EcReference.ToLimbs(a), out Limbs square);
            Assert.Equal(a * a * rInverse % m, EcReference.Value(square, limbs));
        }

        Assert.False(f.IsReduced(EcReference.ToLimbs(m)));
        Assert.True(f.IsReduced(EcReference.ToLimbs(m - 1)));
    }
}
