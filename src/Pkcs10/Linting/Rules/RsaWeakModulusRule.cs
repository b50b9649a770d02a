using System.Numerics;
using Pkcs10.Keys;

namespace Pkcs10.Linting.Rules;

/// <summary>
/// Compact checks for broken RSA moduli: even, divisible by a prime below 1,000, or carrying the ROCA fingerprint
/// (CVE-2017-15361, Nemec et al. 2017: keys from Infineon's RSALib, factorable in practice). Debian's 2008 weak
/// keys need a blocklist of many megabytes and are not checked.
/// </summary>
internal sealed class RsaWeakModulusRule() : LintRule("csr.key.rsa_weak_modulus", LintSeverity.Error, "CA/B BR §6.1.1.3 (weak keys); CVE-2017-15361",
    "Discard this key pair and generate a new one with a sound library; for ROCA, update the token's firmware first.", "w_rsa_mod_not_odd", "w_rsa_mod_factors_smaller_than_752")
{
    private static readonly int[] s_smallPrimes = [.. Enumerable.Range(2, 998).Where(IsPrime)];

    // The primes of the ROCA fingerprint: a vulnerable modulus is, modulo each, a power of 65537.
    private static readonly int[] s_rocaPrimes = [11, 13, 17, 19, 37, 53, 61, 71, 73, 79, 97, 103, 107, 109, 127, 151, 157];

    public override void Check(LintContext context)
    {
        SubjectPublicKeyInfo key = context.Request.PublicKey;
        if (key.Algorithm is not (KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss))
        {
            return;
        }

        var n = new BigInteger(key.RsaModulus.Span, isUnsigned: true, isBigEndian: true);
        int? offset = context.OffsetOf(key.RsaModulus);
        foreach (int p in s_smallPrimes)
        {
            if (n % p == 0 && n != p)
            {
                context.Report(this, p == 2 ? "the modulus is even" : $"the modulus is divisible by {p}", "publicKey.modulus", offset);
                return;
            }
        }

        if (HasRocaFingerprint(n))
        {
            context.Report(this, "the modulus has the ROCA fingerprint (CVE-2017-15361): the key was made by a vulnerable Infineon library", "publicKey.modulus", offset);
        }
    }

    internal static bool HasRocaFingerprint(BigInteger n)
    {
        foreach (int p in s_rocaPrimes)
        {
            int residue = (int)(n % p);
            bool inSubgroup = false;
            int power = 1;
            int generator = 65537 % p;
            for (int k = 0; k < p; k++)
            {
                if (power == residue)
                {
                    inSubgroup = true;
                    break;
                }

                power = power * generator % p;
            }

            if (!inSubgroup)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrime(int x)
    {
        for (int d = 2; d * d <= x; d++)
        {
            if (x % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}
