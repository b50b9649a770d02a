using Pkcs10.Certificates;

namespace Pkcs10.Chains;

/// <summary>A path the builder tried, and why it failed.</summary>
/// <param name="Path">The certificates tried, leaf first; the last is the candidate that was rejected or had no issuer.</param>
/// <param name="Error">Why the attempt failed.</param>
/// <param name="ReachedAnchor">Whether the attempt ended at a trust anchor (so that only validation failed).</param>
public sealed record PathAttempt(IReadOnlyList<Certificate> Path, ChainError Error, bool ReachedAnchor);
