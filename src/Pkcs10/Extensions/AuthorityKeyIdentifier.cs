namespace Pkcs10.Extensions;

/// <summary>The authorityKeyIdentifier extension value (RFC 5280 §4.2.1.1).</summary>
/// <remarks>
/// <code>
/// AuthorityKeyIdentifier ::= SEQUENCE {
///   keyIdentifier             [0] KeyIdentifier           OPTIONAL,
///   authorityCertIssuer       [1] GeneralNames            OPTIONAL,
///   authorityCertSerialNumber [2] CertificateSerialNumber OPTIONAL }
/// </code>
/// </remarks>
/// <param name="KeyIdentifier">The keyIdentifier octets, or <see langword="null"/> when absent.</param>
/// <param name="AuthorityCertIssuer">The authorityCertIssuer names, or <see langword="null"/> when absent.</param>
/// <param name="AuthorityCertSerialNumber">The authorityCertSerialNumber INTEGER content octets (two's complement), or <see langword="null"/> when absent.</param>
public sealed record AuthorityKeyIdentifier(ReadOnlyMemory<byte>? KeyIdentifier, IReadOnlyList<GeneralName>? AuthorityCertIssuer, ReadOnlyMemory<byte>? AuthorityCertSerialNumber);
