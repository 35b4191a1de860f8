using Caravan.Platform.Csv;
using Caravan.Reference.Contracts;

namespace Caravan.Reference.Features.HsNomenclature;

/// <summary>One line of the evaluation set: a trade description and the heading(s) a correct search ranks first.</summary>
public sealed record HsEvaluationCase(int Line, string Query, string Language, IReadOnlyList<string> Expected, string? Note);

/// <param name="Rank">The rank of the first expected heading in the results, or null when it is not in the first page.</param>
/// <param name="Top">The headings found first, best first.</param>
public sealed record HsEvaluationResult(HsEvaluationCase Case, int? Rank, IReadOnlyList<string> Top);

/// <summary>The rates of one language: the share of its lines whose heading came first, and in the first five.</summary>
public sealed record HsEvaluationLanguage(string Language, int Count, int Top1, int Top5)
{
    public double Top1Rate => Count == 0 ? 0 : (double)Top1 / Count;

    public double Top5Rate => Count == 0 ? 0 : (double)Top5 / Count;
}

public sealed record HsEvaluationReport(IReadOnlyList<HsEvaluationLanguage> Languages, IReadOnlyList<HsEvaluationResult> Results)
{
    /// <summary>The lines whose heading is not in the first five.</summary>
    public IEnumerable<HsEvaluationResult> Misses => Results.Where(r => r.Rank is null or > 5);
}

/// <summary>
/// Measures the HS search against an evaluation set (data/evaluation/hs-search.csv): each query is searched as the
/// pages search, without a language (it is detected), and the rank of the first expected heading is recorded.
/// Used by <c>caravan hs evaluate</c> and by the test that keeps the rates from falling.
/// </summary>
public static class HsSearchEvaluation
{
    /// <summary>The evaluation set shipped in the data folder.</summary>
    public const string DefaultFile = "evaluation/hs-search.csv";

    private const int Depth = 10;

    /// <exception cref="FormatException">A line is malformed; the message names the file and the line.</exception>
    public static async Task<IReadOnlyList<HsEvaluationCase>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var table = await CsvTable.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        return table.Rows.Select(r =>
        {
            var language = r.Required("language");
            if (!Contracts.Languages.Interface.Contains(language))
            {
                throw r.Error($"language '{language}' is not en, ru or zh");
            }

            var expected = r.Required("expected").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (expected.Any(c => c.Length != 4 || !c.All(char.IsAsciiDigit)))
            {
                throw r.Error($"expected '{r["expected"]}' is not a list of 4-digit headings");
            }

            return new HsEvaluationCase(r.Line, r.Required("query"), language, expected, r.Optional("note"));
        }).ToList();
    }

    public static async Task<HsEvaluationReport> RunAsync(IHsNomenclature hs, IReadOnlyList<HsEvaluationCase> cases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hs);
        ArgumentNullException.ThrowIfNull(cases);
        var results = new List<HsEvaluationResult>(cases.Count);
        foreach (var c in cases)
        {
            var found = await hs.SearchAsync(c.Query, null, 1, Depth, cancellationToken).ConfigureAwait(false);
            var top = found.Items.Select(i => i.Code.Length > 4 ? i.Code[..4] : i.Code).Distinct(StringComparer.Ordinal).ToList();
            var index = top.FindIndex(code => c.Expected.Contains(code, StringComparer.Ordinal));
            results.Add(new HsEvaluationResult(c, index < 0 ? null : index + 1, top));
        }

        var languages = Contracts.Languages.Interface
            .Select(l => results.Where(r => r.Case.Language == l).ToList())
            .Where(l => l.Count > 0)
            .Select(l => new HsEvaluationLanguage(l[0].Case.Language, l.Count, l.Count(r => r.Rank == 1), l.Count(r => r.Rank <= 5)))
            .OrderBy(l => l.Language, StringComparer.Ordinal)
            .ToList();
        return new HsEvaluationReport(languages, results);
    }
}
