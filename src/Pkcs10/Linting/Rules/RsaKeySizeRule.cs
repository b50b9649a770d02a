using Pkcs10.Keys;

namespace Pkcs10.Linting.Rules;

/// <summary>RSA moduli below 2048 bits are refused by public CAs and NIST SP 800-131A.</summary>
internal sealed class RsaKeySizeRule() : LintRule("csr.key.rsa_too_small", LintSeverity.Error, "CA/B BR §6.1.5; NIST SP 800-131A Rev. 2 §3",
    "Generate an RSA key of 2048 bits or more (3072 for use beyond 2030), or an EC P-256 key.", "e_rsa_mod_less_than_2048_bits")
{
    public override void Check(LintContext context)
    {
        SubjectPublicKeyInfo key = context.Request.PublicKey;
        if (key.Algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss && key.KeySize < 2048)
        {
            context.Report(this, $"the RSA modulus has {key.KeySize} bits", "publicKey", context.OffsetOf(key.RsaModulus));
        }
    }
}
