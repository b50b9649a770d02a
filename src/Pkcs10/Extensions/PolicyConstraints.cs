namespace Pkcs10.Extensions;

/// <summary>The policyConstraints extension value (RFC 5280 §4.2.1.11).</summary>
/// <remarks>
/// <code>
/// PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0] SkipCerts OPTIONAL, inhibitPolicyMapping [1] SkipCerts OPTIONAL }
/// SkipCerts ::= INTEGER (0..MAX)
/// </code>
/// </remarks>
/// <param name="RequireExplicitPolicy">requireExplicitPolicy, or <see langword="null"/> when absent.</param>
/// <param name="InhibitPolicyMapping">inhibitPolicyMapping, or <see langword="null"/> when absent.</param>
public sealed record PolicyConstraints(int? RequireExplicitPolicy, int? InhibitPolicyMapping);
