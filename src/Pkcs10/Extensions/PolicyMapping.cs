namespace Pkcs10.Extensions;

/// <summary>One mapping of a policyMappings extension (RFC 5280 §4.2.1.5).</summary>
/// <remarks>
/// <code>
/// PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE { issuerDomainPolicy CertPolicyId, subjectDomainPolicy CertPolicyId }
/// </code>
/// </remarks>
/// <param name="IssuerDomainPolicy">The issuerDomainPolicy as dotted text.</param>
/// <param name="SubjectDomainPolicy">The subjectDomainPolicy as dotted text.</param>
public sealed record PolicyMapping(string IssuerDomainPolicy, string SubjectDomainPolicy);
