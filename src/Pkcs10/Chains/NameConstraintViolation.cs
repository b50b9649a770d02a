using Pkcs10.Extensions;

namespace Pkcs10.Chains;

/// <summary>One reason a certificate fails a nameConstraints extension.</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="NameType">The type of the offending name, when there is one.</param>
/// <param name="Name">The offending name as text (for example "dns:foo.example.com", "directoryName:CN=x"), or <see langword="null"/>.</param>
/// <param name="Subtree">The subtree involved (the excluded or malformed one), or <see langword="null"/> (not permitted: no subtree matched).</param>
/// <param name="Message">A human-readable explanation citing the rule.</param>
internal sealed record NameConstraintViolation(NameConstraintViolationKind Kind, GeneralNameType? NameType, string? Name, GeneralSubtree? Subtree, string Message)
{
    /// <summary>Whether the name matched an excluded subtree (as opposed to matching no permitted one, or a malformed input).</summary>
    public bool IsExcluded => Kind == NameConstraintViolationKind.Excluded;

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Message}";
}
