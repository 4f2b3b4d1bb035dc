using System.Text.Json;
using Site.Search;
using Site.Search.Lunr;

namespace Site.Tests.Search;

/// <summary>
/// The index in pieces (<see cref="SearchShards"/>) against lunr.js itself: for each query, lunr's own scores and
/// ranking from the shards a query fetched (search.js's engine, under node) equal lunr.js's <c>idx.query</c> over
/// the whole index lunr.js builds from the same documents, before search.js's intentional grouping and weighting;
/// and a query fetches the manifest and the shards of its own terms, nothing else.
/// </summary>
public sealed class SearchShardTests
{
    /// <summary>The issue's worried-reader queries, the lay questions of <see cref="SearchRelevanceTests"/>, and a few odd ones.</summary>
    public static readonly string[] RealQueries =
    [
        "is it safe", "can I have it if I take aspirin", "mesotherpy",
        .. SearchRelevanceTests.WorryQuestions.Select(q => q.Query),
        "mesotherapy", "hair loss", "blood thinners", "side effects", "PRP", "alopecia areata", "what is injected",
        "can't won't", "100%", "cost", "zzzz",
    ];

    [Fact]
    public void The_real_sites_pieces_are_the_ones_the_build_wrote()
    {
        var (_, documents, synonyms, files) = SearchEngine.Real.Value;
        var pieces = SearchEngine.Pieces(documents, synonyms);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), pieces.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in pieces) Assert.True(files[name] == text, $"{name} differs from what the build wrote");
        Assert.Contains("manifest.json", files.Keys);
        Assert.True(files.Keys.Count(n => n.StartsWith("t-", StringComparison.Ordinal)) > 1, "the real site's terms fit in one shard: the test proves nothing about fetching by term");
    }

    [Fact]
    public void Scores_from_the_real_sites_shards_equal_lunr_js_over_its_whole_index()
    {
        var (engine, documents, synonyms, _) = SearchEngine.Real.Value;
        var reference = LunrReference.BuildIndex(documents, synonyms);
        Assert.Equal(reference, SearchIndexWriter.Write(documents, synonyms).IndexJson); // the whole index we no longer publish, still lunr's byte for byte
        AssertSameScores(engine, reference, RealQueries, documents.Count);
    }

    [Fact]
    public void A_real_query_fetches_the_manifest_and_the_shards_of_its_terms_only()
    {
        var (engine, _, _, files) = SearchEngine.Real.Value;
        AssertFetchesOnlyItsShards(engine, files, RealQueries);
    }

    /// <summary>
    /// 250 pages of 9 documents: some 40 shards; the shards carry the best 200 documents of a term (a 10,000-article
    /// site's 1,500 scaled down), so the common words' postings are split into shard and tail.
    /// </summary>
    private static readonly Lazy<(SearchEngine Engine, IReadOnlyList<SearchDocument> Documents, Dictionary<string, string> Files, string[] Queries)> Large = new(() =>
    {
        var documents = SearchIndexWriter.Numbered(RandomCorpus.Realistic(pages: 250, sectionsPerPage: 8, seed: 7));
        var files = SearchEngine.Pieces(documents, SynonymTable.Empty, headDocuments: 200);
        // Queries of words taken from the documents' own text: one, two and four words, common and rare alike.
        var random = new Random(11);
        var analyzer = new LunrAnalyzer();
        var words = documents.Take(300).SelectMany(d => LunrAnalyzer.Tokenize(d.Body))
            .Where(w => analyzer.TermIdOf(w) is var id && id >= 0 && analyzer.Term(id).Length > 0).ToArray(); // no stop words
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        string[] queries = [.. Enumerable.Range(0, 40).Select(i => Words(1 + i % 3 + (i % 7 == 0 ? 1 : 0))), "zzzz notaword"];
        return (SearchEngine.Write(files), documents, files, queries);
    });

    [Fact]
    public void Scores_from_a_large_sites_shards_and_tails_equal_lunr_js_over_its_whole_index()
    {
        var (engine, documents, files, queries) = Large.Value;
        Assert.True(files.Keys.Count(n => n.StartsWith("t-", StringComparison.Ordinal) && n.Count(c => c == '-') == 2) > 0,
            "no term has a tail: the test would not prove the tails");
        var reference = LunrReference.BuildIndex(documents, SynonymTable.Empty);
        AssertSameScores(engine, reference, queries, documents.Count);
    }

    [Fact]
    public void A_large_sites_query_fetches_the_manifest_and_the_shards_of_its_terms_only()
    {
        var (engine, _, files, queries) = Large.Value;
        Assert.True(files.Keys.Count(n => n.StartsWith("t-", StringComparison.Ordinal) && n.Count(c => c == '-') == 1) >= 20);
        AssertFetchesOnlyItsShards(engine, files, queries);
    }

    [Fact]
    public void A_search_with_its_first_results_fetches_a_small_part_of_a_large_index()
    {
        // Sizes are deterministic (the same documents give the same pieces), so this is a budget, not a timing.
        var (engine, _, files, queries) = Large.Value;
        var total = files.Values.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        var fetched = engine.Run("bytes", queries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("bytes").GetInt64()).ToArray();
        Assert.All(fetched, bytes => Assert.True(bytes > 0));
        var worst = fetched.Max();
        Assert.True(worst * 10 < total, $"the costliest query fetched {worst} of the index's {total} bytes");
    }

    private static void AssertSameScores(SearchEngine engine, string referenceIndex, IReadOnlyList<string> queries, int documentCount)
    {
        var expected = SearchEngine.ReferenceScores(referenceIndex, queries);
        var actual = engine.Run("scores", queries);
        LunrReference.AssertSameLines(queries, expected, actual);

        // Not vacuous: almost every query finds documents, and some find many with distinct scores.
        var counts = expected.Select(line => JsonSerializer.Deserialize<JsonElement[][]>(line)!.Length).ToArray();
        Assert.True(counts.Count(c => c > 0) >= queries.Count - 5, $"results per query: {string.Join(", ", counts)}");
        Assert.Contains(counts, c => c >= Math.Min(20, documentCount / 5));
    }

    /// <summary>
    /// What a query must fetch, worked out from the pieces themselves: the manifest, and for each of its index terms
    /// the shard that holds the term (with the term's tail when it has one: the scores mode asks for every document).
    /// A word the index does not hold may cost the one shard where it would be, no more.
    /// </summary>
    private static void AssertFetchesOnlyItsShards(SearchEngine engine, IReadOnlyDictionary<string, string> files, IReadOnlyList<string> queries)
    {
        var shardOfTerm = new Dictionary<string, (string Shard, string? Tail)>(StringComparer.Ordinal);
        foreach (var (name, text) in files.Where(f => System.Text.RegularExpressions.Regex.IsMatch(f.Key, @"^t-\d+\.json$")))
        {
            var position = 0;
            foreach (var entry in JsonDocument.Parse(text).RootElement.EnumerateArray())
            {
                var hasTail = entry.GetArrayLength() == 2 + SearchIndexWriter.Fields.Count + 1;
                var tail = hasTail ? name.Replace(".json", $"-{position}.json", StringComparison.Ordinal) : null;
                shardOfTerm.Add(entry[0].GetString()!, (name, tail));
                position++;
            }
        }

        var analyzer = new LunrAnalyzer();
        var fetched = engine.Run("fetched", queries).Select(line => JsonSerializer.Deserialize<string[]>(line)!).ToArray();
        var failures = new List<string>();
        for (var i = 0; i < queries.Count; i++)
        {
            var terms = LunrAnalyzer.Tokenize(queries[i]).Select(t => analyzer.TermIdOf(t)).Where(id => id >= 0)
                .Select(analyzer.Term).Where(t => t.Length > 0).Distinct().ToList();
            var needed = new HashSet<string>(StringComparer.Ordinal) { "manifest.json" };
            var missing = 0;
            foreach (var term in terms)
            {
                if (shardOfTerm.TryGetValue(term, out var at))
                {
                    needed.Add(at.Shard);
                    if (at.Tail is { } tail) needed.Add(tail);
                }
                else
                {
                    missing++;
                }
            }

            var got = fetched[i].ToHashSet(StringComparer.Ordinal);
            var extra = got.Except(needed).ToList();
            var unneeded = extra.Count(n => !System.Text.RegularExpressions.Regex.IsMatch(n, @"^t-\d+\.json$"));
            if (!needed.IsSubsetOf(got) || unneeded > 0 || extra.Count > missing || fetched[i].Length != got.Count)
            {
                failures.Add($"  {LunrReference.Quote(queries[i])} (terms {string.Join(' ', terms)}): needed {string.Join(' ', needed.Order())}, fetched {string.Join(' ', fetched[i])}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {queries.Count} queries fetched other pieces:\n{string.Join('\n', failures)}");
    }
}
