using Pkcs10.Keys;

namespace Pkcs10.Linting.Rules;

/// <summary>Public CAs accept EC keys on P-256, P-384 and P-521 only.</summary>
internal sealed class EcCurveRule() : LintRule("csr.key.ec_curve_not_allowed", LintSeverity.Error, "CA/B BR §6.1.5; RFC 5480 §2.1.1.1",
    "Generate the key on P-256, P-384 or P-521.", "e_ec_improper_curves")
{
    public override void Check(LintContext context)
    {
        SubjectPublicKeyInfo key = context.Request.PublicKey;
        if (key.Algorithm == KeyAlgorithm.EC && key.CurveName is not ("P-256" or "P-384" or "P-521"))
        {
            context.Report(this, $"the key is on {key.CurveName}", "publicKey.curve", context.OffsetOf(key.RawCurveOid));
        }
    }
}
