namespace Pkcs10.Extensions;

/// <summary>The basicConstraints extension value (RFC 5280 §4.2.1.9).</summary>
/// <remarks>
/// <code>
/// BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
/// </code>
/// </remarks>
/// <param name="CertificateAuthority">The cA flag.</param>
/// <param name="PathLengthConstraint">The pathLenConstraint, or <see langword="null"/> when absent.</param>
public sealed record BasicConstraints(bool CertificateAuthority, int? PathLengthConstraint);
