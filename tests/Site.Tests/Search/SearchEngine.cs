using System.Text.Json;
using Site.Diagnostics;
using Site.Output;
using Site.Search;

namespace Site.Tests.Search;

/// <summary>
/// The browser's search engine (theme/assets/js/search.js) run under node with lunr.js 2.3.9 over a folder of the
/// index's pieces (<c>search-engine.js</c>), and the real site's pieces as the build writes them.
/// </summary>
internal sealed class SearchEngine(string folder)
{
    public string Folder => folder;

    /// <summary>The real site, built once in memory: its search documents as the build numbers them, its synonyms, and its pieces in a folder.</summary>
    public static readonly Lazy<(SearchEngine Engine, IReadOnlyList<SearchDocument> Documents, SynonymTable Synonyms, IReadOnlyDictionary<string, string> Files)> Real = new(() =>
    {
        var result = Support.TestSite.RealDryRun.Value;
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics.Sorted()));
        var files = result.Files.OfType<TextOutput>()
            .Where(f => f.Path.StartsWith("search/", StringComparison.Ordinal) && f.Path.EndsWith(".json", StringComparison.Ordinal))
            .ToDictionary(f => f.Path["search/".Length..], f => f.Text, StringComparer.Ordinal);
        var documents = SearchIndexWriter.Numbered(result.Pages.SelectMany(p => p.SearchDocuments).DistinctBy(d => d.Url));
        var synonymsPath = Path.Combine(Support.TestSite.RepoRoot, "input", "search", "synonyms.yml");
        var diagnostics = new DiagnosticBag();
        var synonyms = SynonymTable.Load("input/search/synonyms.yml", File.ReadAllText(synonymsPath), diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Sorted()));
        return (Write(files), documents, synonyms, files);
    });

    /// <summary>Writes pieces (name → text, names as under /search/) to a fresh folder beside the test assembly.</summary>
    public static SearchEngine Write(IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "search-pieces", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(folder, name), text);
        return new SearchEngine(folder);
    }

    /// <summary>The pieces <see cref="SearchIndexWriter"/> writes for these documents, by name under /search/.</summary>
    public static Dictionary<string, string> Pieces(IReadOnlyList<SearchDocument> documents, SynonymTable synonyms, int headDocuments = SearchShards.HeadDocuments) =>
        SearchIndexWriter.Write(documents, synonyms).FilesWith(headDocuments).ToDictionary(f => f.Path["search/".Length..], f => f.Text, StringComparer.Ordinal);

    /// <summary>One line of JSON per query from a mode of search-engine.js.</summary>
    public string[] Run(string mode, IReadOnlyList<string> queries)
    {
        var script = Path.Combine(LunrReference.RepoRoot, "tests", "Site.Tests", "Search", "search-engine.js");
        var engine = Path.Combine(LunrReference.RepoRoot, "theme", "assets", "js", "search.js");
        var output = LunrReference.Node(script, [LunrReference.LunrPath, engine, folder, mode], LunrReference.QuoteArray(queries));
        var lines = queries.Count == 0 ? [] : output.Split('\n');
        Assert.Equal(queries.Count, lines.Length);
        return lines;
    }

    /// <summary>The /search/ page's answer: pages best first, each with its matching sections best first, and "did you mean".</summary>
    public IReadOnlyList<Answer> Pages(IReadOnlyList<string> queries) =>
        [.. Run("pages", queries).Select(line => JsonSerializer.Deserialize<Answer>(line, Json)!)];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    internal sealed record Answer(string[] Pages, string[][] Sections, string? Suggestion);

    /// <summary>lunr.js's <c>idx.query</c> over a whole serialized index: <c>[[ref, score], …]</c> per query, as JSON.</summary>
    public static string[] ReferenceScores(string indexJson, IReadOnlyList<string> queries) =>
        LunrReference.RunLines("query", "{\"index\":" + indexJson + ",\"queries\":" + LunrReference.QuoteArray(queries) + "}", queries.Count);
}
