namespace Pkcs10.Requests;

/// <summary>The outcome of a comparison: whether the items belong together, and every difference found.</summary>
public sealed class MatchResult
{
    internal MatchResult(IReadOnlyList<MatchFinding> findings) => Findings = findings;

    /// <summary>Whether nothing that matters differs (notes do not count).</summary>
    public bool IsMatch => !Findings.Any(f => f.IsMismatch);

    /// <summary>Every difference and note, mismatches first.</summary>
    public IReadOnlyList<MatchFinding> Findings { get; }

    /// <summary>"match" or "mismatch", then each finding on its own line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Join(Environment.NewLine, Findings.Select(f => f.ToString()).Prepend(IsMatch ? "match" : "mismatch"));
}
