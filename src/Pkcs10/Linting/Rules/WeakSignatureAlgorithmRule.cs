namespace Pkcs10.Linting.Rules;

/// <summary>MD2, MD4, MD5 and SHA-1 no longer resist collisions.</summary>
internal sealed class WeakSignatureAlgorithmRule() : LintRule("csr.signature.weak_hash", LintSeverity.Error, "CA/B BR §7.1.3.2; RFC 6151; SHAttered (2017)",
    "Sign with SHA-256 or stronger.", "e_sub_cert_or_sub_ca_using_sha1", "e_signature_algorithm_not_supported")
{
    public override void Check(LintContext context)
    {
        if (context.Request.SignatureAlgorithm.IsWeakHash)
        {
            context.Report(this, $"signed with {context.Request.SignatureAlgorithm.Name}", "signatureAlgorithm",
                context.OffsetOf(context.Request.SignatureAlgorithm.RawData));
        }
    }
}
