using System.Diagnostics;
using System.Text.Json;
using Pkcs10.Limbo;

// dotnet run --project tests/Pkcs10.Limbo -c Release -- LIMBO.json RESULTS.json [--exceptions FILE] [--reference ANNOTATIONS.json]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Pkcs10.Limbo LIMBO.json[.gz] RESULTS.json [--exceptions exceptions.json] [--reference limbo-annotations.json]");
    return 2;
}

string? exceptionsPath = Option("--exceptions") ?? Path.Combine(AppContext.BaseDirectory, "exceptions.json");
string? referencePath = Option("--reference");
var stopwatch = Stopwatch.StartNew();
List<LimboCase> cases = LimboCase.Load(args[0]);
IReadOnlyDictionary<string, string> exceptions = File.Exists(exceptionsPath) ? LimboExceptions.Load(exceptionsPath) : new Dictionary<string, string>();
IReadOnlyDictionary<string, string> reference = referencePath is null ? new Dictionary<string, string>() : LimboExceptions.LoadReference(referencePath);

DateTimeOffset now = DateTimeOffset.UtcNow;
if (Option("--case") is { } only)
{
    // Debugging aid: print every attempt of one testcase.
    LimboCase one = cases.Single(c => c.Id == only);
    Console.WriteLine(LimboEvaluator.Explain(one, now));
    return 0;
}

var outcomes = new List<(LimboCase Case, LimboOutcome Outcome)>();
foreach (LimboCase c in cases)
{
    LimboOutcome outcome;
    try
    {
        outcome = LimboEvaluator.Evaluate(c, now);
    }
    catch (Exception e)
    {
        // An exception is a harness failure, reported as FAILURE with the exception in the context.
        outcome = new LimboOutcome("FAILURE", "exception: " + e);
    }

    outcomes.Add((c, outcome));
}

stopwatch.Stop();
using (FileStream output = File.Create(args[1]))
using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
{
    json.WriteStartObject();
    json.WriteNumber("version", 1);
    json.WriteString("harness", "pkcs10");
    json.WriteStartArray("results");
    foreach ((LimboCase c, LimboOutcome o) in outcomes)
    {
        json.WriteStartObject();
        json.WriteString("id", c.Id);
        json.WriteString("actual_result", o.Result);
        json.WriteString("context", o.Context);
        json.WriteEndObject();
    }

    json.WriteEndArray();
    json.WriteEndObject();
}

LimboSummary.Print(Console.Out, outcomes, exceptions, reference, stopwatch.Elapsed);
int unexplained = outcomes.Count(x => x.Outcome.Result != "SKIPPED" && x.Outcome.Result != x.Case.ExpectedResult && !exceptions.ContainsKey(x.Case.Id));
return unexplained == 0 ? 0 : 1;

string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
