using System.Globalization;

namespace Caravan.Cli.Conformance;

/// <summary>What became of one check: passed, failed, or not run because something it needs failed or was not given.</summary>
public enum CheckOutcome
{
    Pass,
    Fail,
    Skip,
}

/// <param name="Id">The step and check number, e.g. 4.2, so that a report line can be found in docs/conformance.md.</param>
public sealed record CheckResult(string Id, string What, CheckOutcome Outcome, string Expected, string Actual);

/// <summary>
/// The report an integrator reads: every check as PASS, FAIL or SKIP with what was expected and what came back, so that
/// a failure can be acted on without reading the kit's code. Written as the run goes, so a hanging step shows where.
/// </summary>
public sealed class ConformanceReport(TextWriter output)
{
    private readonly List<CheckResult> _checks = [];

    public IReadOnlyList<CheckResult> Checks => _checks;

    /// <summary>Whether every check that ran passed and no mandatory check was skipped.</summary>
    public bool Conformant => _checks.All(c => c.Outcome == CheckOutcome.Pass || (c.Outcome == CheckOutcome.Skip && c.Id.StartsWith("8", StringComparison.Ordinal)));

    public async Task StepAsync(int number, string title) =>
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}Step {number}. {title}"));

    public async Task<bool> CheckAsync(string id, string what, bool passed, string expected, string actual)
    {
        await AddAsync(new CheckResult(id, what, passed ? CheckOutcome.Pass : CheckOutcome.Fail, expected, actual));
        return passed;
    }

    public Task SkipAsync(string id, string what, string reason) => AddAsync(new CheckResult(id, what, CheckOutcome.Skip, string.Empty, reason));

    private async Task AddAsync(CheckResult check)
    {
        _checks.Add(check);
        var label = check.Outcome switch { CheckOutcome.Pass => "PASS", CheckOutcome.Fail => "FAIL", _ => "SKIP" };
        await output.WriteLineAsync($"  {label}  {check.Id,-4} {check.What}");
        if (check.Outcome == CheckOutcome.Skip)
        {
            await output.WriteLineAsync($"              why not:  {check.Actual}");
            return;
        }

        await output.WriteLineAsync($"              expected: {check.Expected}");
        await output.WriteLineAsync($"              got:      {check.Actual}");
    }

    public async Task<int> FinishAsync()
    {
        var passed = _checks.Count(c => c.Outcome == CheckOutcome.Pass);
        var failed = _checks.Count(c => c.Outcome == CheckOutcome.Fail);
        var skipped = _checks.Count(c => c.Outcome == CheckOutcome.Skip);
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed, {skipped} skipped."));
        if (Conformant)
        {
            await output.WriteLineAsync("CONFORMANT: every mandatory check passed.");
            return 0;
        }

        var first = _checks.First(c => c.Outcome == CheckOutcome.Fail || c.Outcome == CheckOutcome.Skip);
        await output.WriteLineAsync($"NOT CONFORMANT: first problem at {first.Id} ({first.What}). See docs/conformance.md for what each check needs.");
        return 1;
    }
}
