namespace Pkcs10.Linting;

/// <summary>What the linter expects of a request.</summary>
public sealed class RequestLintOptions
{
    /// <summary>Leaf-certificate expectations (the default): basicConstraints cA TRUE is an error.</summary>
    public static RequestLintOptions Default { get; } = new();

    /// <summary>Whether the request is for a CA certificate; then cA TRUE is expected rather than flagged.</summary>
    public bool CertificateAuthority { get; init; }
}
