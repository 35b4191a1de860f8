using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Caravan.Reference.Features.HsNomenclature.Search;

/// <summary>
/// The analysers of the HS index, one per way of reading a text. They are thread-safe (Lucene reuses token streams
/// per thread) and built once per process.
/// </summary>
internal static class HsAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>English: standard tokens, lower case, English stop words, possessives removed, Porter stems.</summary>
    public static readonly Analyzer English = new EnglishAnalyzer(Version);

    /// <summary>Russian: lower case, Russian stop words, Snowball stems ("хлопковая", "хлопковых" → "хлопков").</summary>
    public static readonly Analyzer Russian = new RussianAnalyzer(Version);

    /// <summary>Chinese words: the SmartCN segmenter (a hidden Markov model over a dictionary), e.g. 棉纱 | 线.</summary>
    public static readonly Analyzer ChineseWords = new SmartChineseAnalyzer(Version);

    /// <summary>
    /// Chinese bigrams (overlapping pairs of characters; a lone character stays a unigram). It finds what the segmenter
    /// splits differently in the query and in the text ("纱线" against "棉纱" "线").
    /// </summary>
    public static readonly Analyzer ChineseBigrams = new BigramAnalyzer();

    /// <summary>The distinct terms of <paramref name="text"/> as <paramref name="analyzer"/> indexes them; terms with digits are left out.</summary>
    public static IReadOnlyList<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (value.Length > 0 && !value.Any(char.IsDigit) && !terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    private sealed class BigramAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new CJKWidthFilter(source);
            result = new LowerCaseFilter(Version, result);
            result = new CJKBigramFilter(result, CJKScript.HAN, outputUnigrams: false);
            return new TokenStreamComponents(source, result);
        }
    }
}
