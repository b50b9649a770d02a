using Pkcs10.Limbo;
using Pkcs10.Tests.Infrastructure;

namespace Pkcs10.Tests.Chains;

/// <summary>
/// x509-limbo (../shared/testdata/x509-limbo) through the same evaluator as the tests/Pkcs10.Limbo harness: every
/// core testcase and every BetterTLS testcase must give the expected result, except the disagreements listed with
/// a reason in tests/Pkcs10.Limbo/exceptions.json. The whole suite runs here (about 20 s), so CI catches any regression.
/// </summary>
public sealed class LimboTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("x509-limbo/limbo.json")]
    [InlineData("x509-limbo/limbo-bettertls.json.gz")]
    public void Every_testcase_agrees_with_the_expected_result_or_is_a_listed_exception(string file)
    {
        List<LimboCase> cases = LimboCase.Load(SharedTestData.Require(file));
        Dictionary<string, string> exceptions = LimboExceptions.Load(Path.Combine(AppContext.BaseDirectory, "exceptions.json"));
        var disagreements = new List<string>();
        int agree = 0, skipped = 0;
        foreach (LimboCase c in cases)
        {
            LimboOutcome outcome = LimboEvaluator.Evaluate(c, Now);
            if (outcome.Result == "SKIPPED")
            {
                skipped++;
            }
            else if (outcome.Result == c.ExpectedResult)
            {
                agree++;
                Assert.False(exceptions.ContainsKey(c.Id), $"{c.Id} now agrees: remove it from exceptions.json");
            }
            else if (!exceptions.ContainsKey(c.Id))
            {
                disagreements.Add($"{c.Id}: expected {c.ExpectedResult}, got {outcome.Result} ({outcome.Context})");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.True(agree >= cases.Count - exceptions.Count - skipped);
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void Core_file_meets_the_bar_of_200_agreeing_and_at_most_6_skipped()
    {
        List<LimboCase> cases = LimboCase.Load(SharedTestData.Require("x509-limbo/limbo.json"));
        var outcomes = cases.Select(c => (c, LimboEvaluator.Evaluate(c, Now))).ToList();

        Assert.Equal(208, cases.Count);
        Assert.True(outcomes.Count(x => x.Item2.Result == x.c.ExpectedResult) >= 200);
        Assert.True(outcomes.Count(x => x.Item2.Result == "SKIPPED") <= 6);
    }
}
