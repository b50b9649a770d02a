namespace Pkcs10.Extensions;

/// <summary>The nameConstraints extension value (RFC 5280 §4.2.1.10).</summary>
/// <remarks>
/// <code>
/// NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] GeneralSubtrees OPTIONAL }
/// GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree
/// </code>
/// </remarks>
/// <param name="PermittedSubtrees">The permitted subtrees, or <see langword="null"/> when absent.</param>
/// <param name="ExcludedSubtrees">The excluded subtrees, or <see langword="null"/> when absent.</param>
public sealed record NameConstraints(IReadOnlyList<GeneralSubtree>? PermittedSubtrees, IReadOnlyList<GeneralSubtree>? ExcludedSubtrees);
