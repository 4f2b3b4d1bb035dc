using Site.Search.Lunr;

namespace Site.Search;

/// <summary>
/// Site search as the build writes it: the pieces of <see cref="SearchShards"/>. <see cref="IndexJson"/> is
/// byte-identical to <c>JSON.stringify(idx)</c> of lunr.js 2.3.9 over the same documents, and <see cref="StoreJson"/>
/// is ref → title, section, url and excerpt (<see cref="SearchStore"/>); neither is published, the tests prove the
/// pieces against them.
/// </summary>
internal sealed class SearchIndexOutput(LunrIndexBuilder index, IReadOnlyList<SearchDocument> documents)
{
    private readonly Lazy<IReadOnlyList<Output.TextOutput>> _files = new(() => SearchShards.Files(index, documents));

    /// <summary>The whole index in lunr's own format: what the shards are proved against; no reader fetches it.</summary>
    public string IndexJson => index.ToJson();
    public string StoreJson => SearchStore.ToJson(documents);

    /// <summary>The manifest, shards, vocabulary and store chunks the browser fetches (see <see cref="SearchShards"/>).</summary>
    public IReadOnlyList<Output.TextOutput> Files => _files.Value;
    public IReadOnlyList<LunrTermPostings> TermPostings() => index.TermPostings();

    /// <summary>The pieces with another cut between a common term's shard and its tail (tests).</summary>
    public IReadOnlyList<Output.TextOutput> FilesWith(int headDocuments) => SearchShards.Files(index, documents, headDocuments);

    /// <summary>
    /// Writes every piece, the manifest last: the preview writes in place while readers search, and a manifest must
    /// never name a shard that is not there yet.
    /// </summary>
    public void WriteTo(Output.OutputSink output)
    {
        foreach (var file in Files.Where(f => f.Path != SearchShards.ManifestPath)) output.WriteText(file.Path, file.Text);
        foreach (var file in Files.Where(f => f.Path == SearchShards.ManifestPath)) output.WriteText(file.Path, file.Text);
    }

    /// <summary>Keeps the pieces this index wrote before (the preview, while a newer index is not ready or not needed).</summary>
    public void KeepIn(Output.OutputSink output)
    {
        foreach (var file in Files) output.Keep(file.Path);
    }
}

/// <summary>
/// Builds the lunr.js 2.3.9 index of the site in .NET, so the build needs no JavaScript runtime.
/// <para>
/// The index is what <c>lunr(function () { this.ref('ref'); this.field('title', { boost: 10 }); … })</c> would
/// serialize. Its <c>pipeline</c> is <c>["stemmer"]</c> because that is lunr's <em>search</em> pipeline:
/// at query time lunr.js only stems the terms. The browser must therefore do the rest of what indexing did
/// to text before calling <c>query.term</c>: lunr.tokenizer (lower-cases, splits on whitespace and hyphens),
/// lunr.trimmer (strips non-word characters at the ends) and, optionally, lunr.stopWordFilter, since stop
/// words are never in the index.
/// </para>
/// </summary>
internal static class SearchIndexWriter
{
    /// <summary>The index fields in lunr's order, with their build-time boosts.</summary>
    public static IReadOnlyList<LunrField> Fields { get; } =
    [
        new("title", 10),
        new("section", 5),
        new("body", 1),
        new("keywords", 5),
    ];

    /// <summary>
    /// The site's documents with short refs (their position, as a number) in place of URLs. A ref is written into the
    /// index once for every term of the document, so on a large site URL refs made up most of the index; the store maps
    /// each ref back to its URL.
    /// </summary>
    public static IReadOnlyList<SearchDocument> Numbered(IEnumerable<SearchDocument> documents) =>
        [.. documents.Select((d, i) => d with { Ref = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })];

    public static SearchIndexOutput Write(IReadOnlyList<SearchDocument> documents, SynonymTable synonyms)
    {
        var analyzer = new LunrAnalyzer();
        var builder = new LunrIndexBuilder(Fields, analyzer);
        foreach (var (document, fieldTerms) in Analyze(documents, synonyms, analyzer)) builder.Add(document.Ref, fieldTerms);
        var output = new SearchIndexOutput(builder, documents);
        _ = output.Files; // built here, on the search task, not where the files are written
        return output;
    }

    /// <summary>
    /// The documents exactly as they are indexed: keywords joined by spaces (an array would make each keyword a
    /// single unsplit token in lunr), then synonyms appended (see <see cref="SynonymExpander"/>).
    /// The reference test gives these same documents to lunr.js.
    /// </summary>
    public static IEnumerable<LunrDocument> ToLunrDocuments(IReadOnlyList<SearchDocument> documents, SynonymTable synonyms) =>
        Analyze(documents, synonyms, new LunrAnalyzer()).Select(d => d.Document);

    // Each document's lunr text and, from the same pass, its term ids per field.
    private static IEnumerable<(LunrDocument Document, List<int>[] FieldTerms)> Analyze(
        IReadOnlyList<SearchDocument> documents, SynonymTable synonyms, LunrAnalyzer analyzer)
    {
        var expander = new SynonymExpander(synonyms, analyzer);
        foreach (var d in documents)
        {
            var section = d.Subheadings.Count == 0 ? d.SectionTitle : string.Join(' ', [d.SectionTitle, .. d.Subheadings]);
            string?[] texts = [d.PageTitle, section, d.Body, string.Join(' ', d.Keywords)];
            var fieldTerms = new List<int>[texts.Length];
            for (var i = 0; i < texts.Length; i++)
            {
                fieldTerms[i] = [];
                texts[i] = expander.Expand(texts[i], fieldTerms[i]);
            }

            yield return (new LunrDocument(d.Ref, texts), fieldTerms);
        }
    }
}
