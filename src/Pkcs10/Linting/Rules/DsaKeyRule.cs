using Pkcs10.Keys;

namespace Pkcs10.Linting.Rules;

/// <summary>DSA keys are not accepted by public CAs, and FIPS 186-5 no longer approves DSA signatures.</summary>
internal sealed class DsaKeyRule() : LintRule("csr.key.dsa", LintSeverity.Error, "CA/B BR §6.1.5; FIPS 186-5 §1",
    "Use an RSA (2048+) or EC (P-256/384/521) key.")
{
    public override void Check(LintContext context)
    {
        if (context.Request.PublicKey.Algorithm == KeyAlgorithm.Dsa)
        {
            context.Report(this, $"the key is DSA ({context.Request.PublicKey.KeySize} bits)", "publicKey", context.OffsetOf(context.Request.PublicKey.RawData));
        }
    }
}
