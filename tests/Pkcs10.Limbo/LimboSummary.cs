namespace Pkcs10.Limbo;

/// <summary>Prints agreement by namespace and by feature, beside a reference harness when given.</summary>
public static class LimboSummary
{
    public static void Print(TextWriter output, IReadOnlyList<(LimboCase Case, LimboOutcome Outcome)> outcomes,
        IReadOnlyDictionary<string, string> exceptions, IReadOnlyDictionary<string, string> reference, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(outcomes);
        int agree = outcomes.Count(x => x.Outcome.Result == x.Case.ExpectedResult);
        int skipped = outcomes.Count(x => x.Outcome.Result == "SKIPPED");
        output.WriteLine($"{outcomes.Count} testcases in {elapsed.TotalSeconds:F1} s: {agree} agree, {outcomes.Count - agree - skipped} disagree, {skipped} skipped");
        bool withReference = reference.Count > 0;
        output.WriteLine(withReference
            ? "| namespace | cases | agree | disagree | skipped | pyca agree | pyca skipped |"
            : "| namespace | cases | agree | disagree | skipped |");
        output.WriteLine(withReference ? "|---|---|---|---|---|---|---|" : "|---|---|---|---|---|");
        foreach (IGrouping<string, (LimboCase Case, LimboOutcome Outcome)> g in outcomes.GroupBy(x => Group(x.Case.Id)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int a = g.Count(x => x.Outcome.Result == x.Case.ExpectedResult);
            int s = g.Count(x => x.Outcome.Result == "SKIPPED");
            string line = $"| {g.Key} | {g.Count()} | {a} | {g.Count() - a - s} | {s} |";
            if (withReference)
            {
                int ra = g.Count(x => reference.TryGetValue(x.Case.Id, out string? r) && r == x.Case.ExpectedResult);
                int rs = g.Count(x => reference.TryGetValue(x.Case.Id, out string? r) && r == "SKIPPED");
                line += $" {ra} | {rs} |";
            }

            output.WriteLine(line);
        }

        output.WriteLine();
        output.WriteLine("| feature | cases | agree | disagree | skipped |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (IGrouping<string, (LimboCase Case, LimboOutcome Outcome)> g in outcomes
            .SelectMany(x => (x.Case.Features.Count == 0 ? ["(none)"] : x.Case.Features).Select(f => (f, x)))
            .GroupBy(p => p.f, p => p.x).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int a = g.Count(x => x.Outcome.Result == x.Case.ExpectedResult);
            int s = g.Count(x => x.Outcome.Result == "SKIPPED");
            output.WriteLine($"| {g.Key} | {g.Count()} | {a} | {g.Count() - a - s} | {s} |");
        }

        output.WriteLine();
        foreach ((LimboCase c, LimboOutcome o) in outcomes.Where(x => x.Outcome.Result != "SKIPPED" && x.Outcome.Result != x.Case.ExpectedResult))
        {
            string note = exceptions.TryGetValue(c.Id, out string? why) ? $" [known: {why}]" : "";
            output.WriteLine($"DISAGREE {c.Id}: expected {c.ExpectedResult}, got {o.Result} ({o.Context}){note}");
        }
    }

    // Namespaces, with BetterTLS grouped by suite rather than per testcase.
    private static string Group(string id)
    {
        string[] parts = id.Split("::");
        return parts.Length <= 2 ? parts[0] : string.Join("::", parts[..^1]);
    }
}
