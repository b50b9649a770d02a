namespace Pkcs10.Extensions;

/// <summary>One GeneralSubtree of a nameConstraints extension (RFC 5280 §4.2.1.10).</summary>
/// <remarks>
/// <code>
/// GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL }
/// </code>
/// An iPAddress base holds address and mask (8 or 32 octets): its <see cref="GeneralName.Value"/> is "#" and the hex.
/// </remarks>
/// <param name="Base">The base name.</param>
/// <param name="Minimum">minimum (RFC 5280 requires 0; other values only after lenient decoding).</param>
/// <param name="Maximum">maximum (RFC 5280 requires it absent; a value only after lenient decoding).</param>
public sealed record GeneralSubtree(GeneralName Base, long Minimum, long? Maximum);
