namespace Pkcs10.Extensions;

/// <summary>One PolicyInformation of a certificatePolicies extension (RFC 5280 §4.2.1.4).</summary>
/// <remarks>
/// <code>
/// certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
/// PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId, policyQualifiers SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo OPTIONAL }
/// </code>
/// </remarks>
/// <param name="PolicyIdentifier">The policy OID as dotted text (2.5.29.32.0 is anyPolicy).</param>
/// <param name="Qualifiers">The qualifiers in encoded order (empty when absent).</param>
public sealed record PolicyInformation(string PolicyIdentifier, IReadOnlyList<PolicyQualifier> Qualifiers);
