namespace Pkcs10.Extensions;

/// <summary>One AccessDescription of an authorityInfoAccess extension (RFC 5280 §4.2.2.1).</summary>
/// <remarks>
/// <code>
/// AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription
/// AccessDescription ::= SEQUENCE { accessMethod OBJECT IDENTIFIER, accessLocation GeneralName }
/// </code>
/// </remarks>
/// <param name="AccessMethod">The accessMethod as dotted text (1.3.6.1.5.5.7.48.1 OCSP, 1.3.6.1.5.5.7.48.2 caIssuers).</param>
/// <param name="AccessLocation">The accessLocation.</param>
public sealed record AccessDescription(string AccessMethod, GeneralName AccessLocation);
