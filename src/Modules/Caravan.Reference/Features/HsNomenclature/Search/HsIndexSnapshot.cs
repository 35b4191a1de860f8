using Caravan.Reference.Contracts;
using Caravan.Reference.Domain;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Caravan.Reference.Features.HsNomenclature.Search;

/// <summary>
/// One immutable build of the index: a Lucene.NET index in memory (one document per chapter, heading and subheading,
/// with a field per language and way of reading, and the synonyms in their own fields), and the rows it was built
/// from, for paths and display. Searches run concurrently on it; a newer build replaces it whole.
/// </summary>
internal sealed class HsIndexSnapshot
{
    // Field names. Each text field is read by one analyser (see Analyzers below).
    private const string CodeField = "code";
    private const string En = "en";
    private const string Ru = "ru";
    private const string Zh = "zh";
    private const string ZhBigrams = "zhb";
    private const string SynEn = "syn_en";
    private const string SynRu = "syn_ru";
    private const string SynZh = "syn_zh";
    private const string SynZhBigrams = "syn_zhb";

    /// <summary>Ranking weights. See docs/search-quality.md for how they were chosen.</summary>
    internal static class Weights
    {
        /// <summary>A synonym is the trader's own word: it weighs a little more than the same word in the description.</summary>
        public const float Synonym = 1.3f;

        /// <summary>Chinese bigrams overlap the segmenter's words, so they count for less.</summary>
        public const float Bigram = 0.6f;

        /// <summary>The weaker of a heading's own score and its best subheading's adds this share.</summary>
        public const double Both = 0.3;

        /// <summary>The chapter's own match adds this share to each of its matched headings.</summary>
        public const double Chapter = 0.2;

        /// <summary>Headings scoring below this share of the best one are left out.</summary>
        public const double Cutoff = 0.2;
    }

    private static readonly (Analyzer Analyzer, string Language, (string Field, float Boost)[] Fields)[] Readings =
    [
        (HsAnalyzers.English, Languages.English, [(En, 1f), (SynEn, Weights.Synonym)]),
        (HsAnalyzers.Russian, Languages.Russian, [(Ru, 1f), (SynRu, Weights.Synonym)]),
        (HsAnalyzers.ChineseWords, Languages.Chinese, [(Zh, 1f), (SynZh, Weights.Synonym)]),
        (HsAnalyzers.ChineseBigrams, Languages.Chinese, [(ZhBigrams, Weights.Bigram), (SynZhBigrams, Weights.Bigram * Weights.Synonym)]),
    ];

    /// <summary>
    /// Synonym lists are sets of alternatives, not prose: a heading with ten trade names is not a weaker match for one
    /// of them than a heading with two, so their fields carry no length norms.
    /// </summary>
    private static readonly FieldType SynonymField = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };

    private const int MaxDocuments = 500;
    private const int MaxSubheadings = 5;

    private readonly IndexSearcher _searcher;
    private readonly Dictionary<string, HsEntry> _entries;
    private readonly Dictionary<int, HsSection> _sections;
    private readonly Dictionary<(string Code, string Language), string> _synonyms;
    private readonly List<HsEntry> _byCode;

    private readonly string[] _codeOfDocument;

    private HsIndexSnapshot(string version, IndexSearcher searcher, IReadOnlyList<HsSection> sections, IReadOnlyList<HsEntry> entries, IReadOnlyList<HsSynonym> synonyms)
    {
        Version = version;
        _searcher = searcher;

        // The code of each document, read once here so that a search never loads stored fields.
        var reader = searcher.IndexReader;
        _codeOfDocument = new string[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            _codeOfDocument[doc] = reader.Document(doc).Get(CodeField);
        }

        _entries = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        _sections = sections.ToDictionary(s => s.Number);
        _synonyms = synonyms.ToDictionary(s => (s.Code, s.Language), s => s.Terms);
        _byCode = entries.Where(e => !e.ComtradeOnly).OrderBy(e => e.Level).ThenBy(e => e.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The version of the HS dataset this build holds (empty when none was imported).</summary>
    public string Version { get; }

    public int DocumentCount => _searcher.IndexReader.NumDocs;

    public static HsIndexSnapshot Build(string version, IReadOnlyList<HsSection> sections, IReadOnlyList<HsEntry> entries, IReadOnlyList<HsSynonym> synonyms)
    {
        var analyzer = new PerFieldAnalyzerWrapper(HsAnalyzers.English, new Dictionary<string, Analyzer>
        {
            [En] = HsAnalyzers.English,
            [SynEn] = HsAnalyzers.English,
            [Ru] = HsAnalyzers.Russian,
            [SynRu] = HsAnalyzers.Russian,
            [Zh] = HsAnalyzers.ChineseWords,
            [SynZh] = HsAnalyzers.ChineseWords,
            [ZhBigrams] = HsAnalyzers.ChineseBigrams,
            [SynZhBigrams] = HsAnalyzers.ChineseBigrams,
        });
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(HsAnalyzers.Version, analyzer) { Similarity = new FieldBM25Similarity(), OpenMode = OpenMode.CREATE };
        var byCode = synonyms.ToLookup(s => s.Code, StringComparer.Ordinal);
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var e in entries.Where(e => !e.ComtradeOnly))
            {
                var document = new Document
                {
                    new StringField(CodeField, e.Code, Field.Store.YES),
                    new TextField(En, e.DescriptionEn, Field.Store.NO),
                };
                if (e.DescriptionRu is { } ru)
                {
                    document.Add(new TextField(Ru, ru, Field.Store.NO));
                }

                if (e.DescriptionZh is { } zh)
                {
                    document.Add(new TextField(Zh, zh, Field.Store.NO));
                    document.Add(new TextField(ZhBigrams, zh, Field.Store.NO));
                }

                foreach (var s in byCode[e.Code])
                {
                    switch (s.Language)
                    {
                        case Languages.English:
                            document.Add(new Field(SynEn, s.Terms, SynonymField));
                            break;
                        case Languages.Russian:
                            document.Add(new Field(SynRu, s.Terms, SynonymField));
                            break;
                        default:
                            document.Add(new Field(SynZh, s.Terms, SynonymField));
                            document.Add(new Field(SynZhBigrams, s.Terms, SynonymField));
                            break;
                    }
                }

                writer.AddDocument(document);
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        var searcher = new IndexSearcher(DirectoryReader.Open(directory)) { Similarity = new FieldBM25Similarity() };
        return new HsIndexSnapshot(version, searcher, sections, entries, synonyms);
    }

    /// <summary>Every entry whose code starts with <paramref name="digits"/>, chapters first, in code order.</summary>
    public HsSearchResult SearchCode(string query, string digits, string? language, int page, int pageSize)
    {
        var matches = _byCode.Where(e => e.Code.StartsWith(digits, StringComparison.Ordinal)).ToList();
        var items = matches.Skip((page - 1) * pageSize).Take(pageSize)
            .Select((e, i) => Hit(e, (page - 1) * pageSize + i + 1, 0) with { Path = PathOf(e) })
            .ToList();
        return new HsSearchResult(query, language, page, pageSize, matches.Count, items, null) { SearchLanguage = language ?? Languages.Detect(query) };
    }

    /// <summary>Headings ranked by how well they and their subheadings match the words of <paramref name="query"/>.</summary>
    public HsSearchResult SearchWords(string query, string? language, int page, int pageSize)
    {
        var searchLanguage = language ?? Languages.Detect(query);
        var lucene = BuildQuery(query);
        if (lucene.Clauses.Count == 0)
        {
            return new HsSearchResult(query, language, page, pageSize, 0, [], null) { SearchLanguage = searchLanguage };
        }

        var top = _searcher.Search(lucene, MaxDocuments);
        var headings = new Dictionary<string, HeadingScore>(StringComparer.Ordinal);
        var chapters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hit in top.ScoreDocs)
        {
            var code = _codeOfDocument[hit.Doc];
            switch (code.Length)
            {
                case 2:
                    chapters[code] = hit.Score;
                    break;
                case 4:
                    Heading(code).Own = hit.Score;
                    break;
                default:
                    Heading(code[..4]).Subheadings.Add((code, hit.Score));
                    break;
            }
        }

        HeadingScore Heading(string code) =>
            headings.TryGetValue(code, out var h) ? h : headings[code] = new HeadingScore(code);

        var ranked = headings.Values
            .Where(h => _entries.ContainsKey(h.Code))
            .Select(h => (Heading: h, Score: h.Total(chapters.GetValueOrDefault(h.Code[..2]))))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Heading.Code, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count > 0)
        {
            var best = ranked[0].Score;
            ranked = ranked.Where(h => h.Score >= best * Weights.Cutoff).ToList();
        }

        var marker = new Marker(lucene);
        var items = ranked.Skip((page - 1) * pageSize).Take(pageSize).Select((h, i) =>
        {
            var entry = _entries[h.Heading.Code];
            var highlights = marker.Mark(entry, searchLanguage, this);
            var subheadings = h.Heading.Subheadings.OrderByDescending(s => s.Score).Take(MaxSubheadings).Select(s =>
            {
                var sub = _entries[s.Code];
                return Hit(sub, 0, s.Score) with { Path = PathOf(sub), Highlights = marker.Mark(sub, searchLanguage, this) };
            }).ToList();
            return Hit(entry, (page - 1) * pageSize + i + 1, h.Score) with
            {
                Path = PathOf(entry),
                Highlights = highlights,
                Subheadings = subheadings,
                MatchedUnofficial = highlights.Any(x => x.Unofficial),
            };
        }).ToList();
        return new HsSearchResult(query, language, page, pageSize, ranked.Count, items, null) { SearchLanguage = searchLanguage };
    }

    /// <summary>
    /// For each reading (English, Russian, Chinese words, Chinese bigrams), each term of the query is one optional
    /// clause: the best of the description and the synonyms of that language. A query in any script is read all four
    /// ways, so English words in a Russian or Chinese query still match the English descriptions.
    /// </summary>
    private static BooleanQuery BuildQuery(string text)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var (analyzer, _, fields) in Readings)
        {
            foreach (var term in HsAnalyzers.Terms(analyzer, fields[0].Field, text))
            {
                var best = new DisjunctionMaxQuery(0.1f);
                foreach (var (field, boost) in fields)
                {
                    best.Add(new TermQuery(new Term(field, term)) { Boost = boost });
                }

                query.Add(best, Occur.SHOULD);
            }
        }

        return query;
    }

    private static HsSearchHit Hit(HsEntry e, int rank, double score) =>
        new(e.Code, HsLevels.Name(e.Level), e.DescriptionEn, e.DescriptionRu, e.ComtradeOnly, rank, Math.Round(score, 3))
        {
            DescriptionRuUnofficial = e.DescriptionRuUnofficial,
            DescriptionZh = e.DescriptionZh,
        };

    private List<HsPathStep> PathOf(HsEntry entry)
    {
        var path = new List<HsPathStep>(4);
        if (entry.SectionNumber is { } number && _sections.TryGetValue(number, out var section))
        {
            path.Add(new HsPathStep("section", section.Roman, section.NameEn, section.NameRu, section.NameZh));
        }

        for (var length = 2; length <= entry.Code.Length; length += 2)
        {
            if (_entries.TryGetValue(entry.Code[..length], out var e))
            {
                path.Add(new HsPathStep(HsLevels.Name(e.Level), e.Code, e.DescriptionEn, e.DescriptionRu, e.DescriptionZh));
            }
        }

        return path;
    }

    private sealed class HeadingScore(string code)
    {
        public string Code { get; } = code;

        public double Own { get; set; }

        public List<(string Code, double Score)> Subheadings { get; } = [];

        public double Total(double chapter)
        {
            var sub = Subheadings.Count == 0 ? 0 : Subheadings.Max(s => s.Score);
            return Math.Max(Own, sub) + (Weights.Both * Math.Min(Own, sub)) + (Weights.Chapter * chapter);
        }
    }

    /// <summary>Marks the matched words of an entry's texts with Lucene's highlighter, each text read by its own analyser.</summary>
    private sealed class Marker(Query query)
    {
        // QueryTermScorer takes the query's terms once (of every field), where QueryScorer would analyse the query
        // again for each text; the matched words are the same for these term queries.
        private readonly Highlighter _highlighter = new(new SimpleHTMLFormatter("<mark>", "</mark>"), new HtmlTextEncoder(), new QueryTermScorer(query))
        {
            TextFragmenter = new NullFragmenter(),
        };

        /// <summary>The texts of <paramref name="entry"/> that matched: descriptions (the search language's first), then synonyms.</summary>
        public IReadOnlyList<HsHighlight> Mark(HsEntry entry, string language, HsIndexSnapshot index)
        {
            var marks = new List<HsHighlight>();
            var descriptions = new List<(string Language, string? Text, bool Unofficial)>
            {
                (Languages.English, entry.DescriptionEn, false),
                (Languages.Russian, entry.DescriptionRu, entry.DescriptionRuUnofficial),
                (Languages.Chinese, entry.DescriptionZh, true),
            };
            foreach (var (lang, text, unofficial) in descriptions.OrderBy(d => d.Language == language ? 0 : 1))
            {
                if (text is not null && Highlight(lang, text) is { } html)
                {
                    marks.Add(new HsHighlight(entry.Code, "description", lang, html, unofficial));
                }
            }

            foreach (var lang in new[] { language }.Concat(Languages.Interface.Where(l => l != language)))
            {
                if (index._synonyms.TryGetValue((entry.Code, lang), out var terms))
                {
                    var matched = terms.Split("; ").Select(t => Highlight(lang, t)).OfType<string>().ToList();
                    if (matched.Count > 0)
                    {
                        marks.Add(new HsHighlight(entry.Code, "synonym", lang, string.Join("; ", matched), true));
                    }
                }
            }

            return marks;
        }

        private string? Highlight(string language, string text) => language switch
        {
            Languages.Russian => Best(HsAnalyzers.Russian, Ru, text),
            Languages.Chinese => Best(HsAnalyzers.ChineseWords, Zh, text) ?? Best(HsAnalyzers.ChineseBigrams, ZhBigrams, text),
            _ => Best(HsAnalyzers.English, En, text),
        };

        private string? Best(Analyzer analyzer, string field, string text)
        {
            var fragment = _highlighter.GetBestFragment(analyzer, field, text);
            return fragment is not null && fragment.Contains("<mark>", StringComparison.Ordinal) ? fragment : null;
        }
    }

    /// <summary>
    /// BM25 with the average length of a field taken over the documents that have it. Lucene 4.8 divides by every
    /// document of the index, so a field most documents lack (the Russian and Chinese names, which exist for chapters
    /// and headings only) would look many times longer than its average and score far too low.
    /// </summary>
    private sealed class FieldBM25Similarity : BM25Similarity
    {
        protected override float AvgFieldLength(CollectionStatistics collectionStats)
        {
            var total = collectionStats.SumTotalTermFreq;
            var documents = collectionStats.DocCount;
            return total <= 0 || documents <= 0 ? 1f : (float)((double)total / documents);
        }
    }

    /// <summary>Escapes the text for HTML; only the highlighter's own &lt;mark&gt; tags stay markup.</summary>
    private sealed class HtmlTextEncoder : IEncoder
    {
        public string EncodeText(string originalText) => System.Net.WebUtility.HtmlEncode(originalText);
    }
}
