using System.Text;
using Site.Output;
using Site.Search.Lunr;

namespace Site.Search;

/// <summary>
/// The search index in pieces, so a query fetches only what its words need (see README.md, "Search").
/// <para>
/// Every number is lunr.js 2.3.9's: each term's postings carry the field-vector scores lunr would serialize
/// (<see cref="LunrIndexBuilder.TermPostings"/>), so theme/assets/js/search.js rebuilds, from the pieces a query
/// fetched, a <c>lunr.Index</c> that scores those terms exactly as the whole index would (lunr's score for a document
/// is the dot product of the query vector with the document's field vectors, which touches only the query's terms).
/// </para>
/// <para>Files, all under <c>/search/</c> and flat, so netlify.toml's <c>/search/*.json</c> rule covers them:</para>
/// <list type="bullet">
/// <item><c>manifest.json</c>: fields, the first document of each page (deltas), the first term of each shard, the
/// first letters that have a vocabulary file, and the store's chunk sizes.</item>
/// <item><c>t-N.json</c>: shard N, a run of the sorted terms cut at about <see cref="ShardChars"/> characters, each
/// <c>[term, _index, title, section, body, keywords]</c> where a field is <c>[doc, score, doc, score…]</c> with
/// documents as differences from the one before and scores in lunr's rounding. A term in more than
/// <see cref="HeadDocuments"/> documents keeps only its best-scoring documents there and a 7th item, the number of the
/// others, which are in <c>t-N-J.json</c> (J its position in the shard), fetched only when the reader asks for more.</item>
/// <item><c>v-K.json</c>: the terms starting with the K-th first letter as <c>term, documents, word</c> (the word readers
/// see in "did you mean", "" when it is the term itself), for near spellings, type-ahead prefixes and "did you mean".</item>
/// <item><c>m-N.json</c>: page title, section title and URL of <see cref="MetaChunk"/> documents;
/// <c>x-N.json</c>: the excerpts of <see cref="TextChunk"/> documents, so a result page fetches only the snippets it shows.</item>
/// </list>
/// </summary>
internal static class SearchShards
{
    public const string ManifestPath = "search/manifest.json";

    /// <summary>About 6 KB gzipped: a shard of rare words costs little beside the terms a query asked for.</summary>
    public const int ShardChars = 16_000;

    /// <summary>
    /// Documents of a term shipped in its shard. A common word of a 10,000-article site is in 20,000 sections; the
    /// best 1,500 of them by lunr's score for that word are more than a reader pages through.
    /// </summary>
    public const int HeadDocuments = 1500;

    public const int MetaChunk = 64;
    public const int TextChunk = 4;

    /// <param name="headDocuments">Documents of a term kept in its shard (tests lower it to split terms of a small site).</param>
    public static IReadOnlyList<TextOutput> Files(LunrIndexBuilder index, IReadOnlyList<SearchDocument> documents, int headDocuments = HeadDocuments)
    {
        var files = new List<TextOutput>();
        var terms = index.TermPostings();
        var fieldCount = SearchIndexWriter.Fields.Count;

        // Shards: consecutive runs of the sorted terms.
        var shardFirstTerms = new List<string>();
        var shard = new StringBuilder();
        var entry = new StringBuilder();
        var positionInShard = 0;
        void Close()
        {
            if (shard.Length == 0) return;
            shard.Append(']');
            files.Add(new TextOutput($"search/t-{shardFirstTerms.Count - 1}.json", shard.ToString()));
            shard.Clear();
        }

        foreach (var term in terms)
        {
            var (head, tail) = Split(term, headDocuments);
            entry.Clear();
            entry.Append('[');
            JsJson.WriteString(entry, term.Text);
            entry.Append(',').Append(term.Index);
            for (var f = 0; f < fieldCount; f++)
            {
                entry.Append(',');
                WriteField(entry, head[f]);
            }

            var tailCount = tail is null ? 0 : tail.SelectMany(p => p).Select(p => p.Document).Distinct().Count();
            if (tail is not null) entry.Append(',').Append(tailCount);
            entry.Append(']');

            if (shard.Length > 0 && shard.Length + entry.Length > ShardChars) Close();
            if (shard.Length == 0)
            {
                shardFirstTerms.Add(term.Text);
                shard.Append('[');
                positionInShard = 0;
            }
            else
            {
                shard.Append(',');
            }

            shard.Append(entry);
            if (tail is not null)
            {
                var tailJson = new StringBuilder("[");
                for (var f = 0; f < fieldCount; f++)
                {
                    if (f > 0) tailJson.Append(',');
                    WriteField(tailJson, tail[f]);
                }

                files.Add(new TextOutput($"search/t-{shardFirstTerms.Count - 1}-{positionInShard}.json", tailJson.Append(']').ToString()));
            }

            positionInShard++;
        }

        Close();

        // Vocabulary by first letter (UTF-16 code unit, as the terms sort).
        var letters = new List<string>();
        var words = index.Words();
        foreach (var group in terms.GroupBy(t => t.Text.Length == 0 ? "" : t.Text[..1]))
        {
            var sb = new StringBuilder("[");
            var first = true;
            foreach (var term in group)
            {
                if (!first) sb.Append(',');
                first = false;
                JsJson.WriteString(sb, term.Text);
                sb.Append(',').Append(term.Fields.SelectMany(p => p).Select(p => p.Document).Distinct().Count()).Append(',');
                JsJson.WriteString(sb, words[term.Index] == term.Text ? "" : words[term.Index]);
            }

            files.Add(new TextOutput($"search/v-{letters.Count}.json", sb.Append(']').ToString()));
            letters.Add(group.Key);
        }

        // The store in two kinds of chunk: what a result's heading needs, and what its snippet needs.
        for (var start = 0; start < documents.Count; start += MetaChunk)
        {
            var sb = new StringBuilder("[");
            for (var i = start; i < Math.Min(documents.Count, start + MetaChunk); i++)
            {
                if (i > start) sb.Append(',');
                sb.Append('[');
                JsJson.WriteString(sb, documents[i].PageTitle);
                sb.Append(',');
                JsJson.WriteString(sb, documents[i].SectionTitle);
                sb.Append(',');
                JsJson.WriteString(sb, documents[i].Url);
                sb.Append(']');
            }

            files.Add(new TextOutput($"search/m-{start / MetaChunk}.json", sb.Append(']').ToString()));
        }

        for (var start = 0; start < documents.Count; start += TextChunk)
        {
            var sb = new StringBuilder("[");
            for (var i = start; i < Math.Min(documents.Count, start + TextChunk); i++)
            {
                if (i > start) sb.Append(',');
                JsJson.WriteString(sb, SearchStore.Excerpt(documents[i].Body));
            }

            files.Add(new TextOutput($"search/x-{start / TextChunk}.json", sb.Append(']').ToString()));
        }

        var manifest = new StringBuilder("{\"version\":\"2.3.9\",\"fields\":[");
        for (var f = 0; f < fieldCount; f++)
        {
            if (f > 0) manifest.Append(',');
            JsJson.WriteString(manifest, SearchIndexWriter.Fields[f].Name);
        }

        manifest.Append("],\"documents\":").Append(documents.Count).Append(",\"pages\":[");
        var previous = 0;
        var firstPage = true;
        foreach (var start in PageStarts(documents))
        {
            if (!firstPage) manifest.Append(',');
            firstPage = false;
            manifest.Append(start - previous);
            previous = start;
        }

        manifest.Append("],\"shards\":");
        WriteStrings(manifest, shardFirstTerms);
        manifest.Append(",\"vocabulary\":");
        WriteStrings(manifest, letters);
        manifest.Append(",\"meta\":").Append(MetaChunk).Append(",\"text\":").Append(TextChunk).Append('}');
        files.Insert(0, new TextOutput(ManifestPath, manifest.ToString()));
        return files;
    }

    /// <summary>
    /// The first document of each page: a page's documents are consecutive (the whole page, then its sections), and
    /// the browser groups results by page with these alone, before it fetches any store chunk.
    /// </summary>
    public static IEnumerable<int> PageStarts(IReadOnlyList<SearchDocument> documents)
    {
        string? page = null;
        for (var i = 0; i < documents.Count; i++)
        {
            var url = documents[i].Url;
            var hash = url.IndexOf('#');
            var path = hash < 0 ? url : url[..hash];
            if (path == page) continue;
            page = path;
            yield return i;
        }
    }

    /// <summary>A term's postings split into the best <paramref name="headDocuments"/> documents and the rest (null when none).</summary>
    private static (IReadOnlyList<LunrPosting>[] Head, IReadOnlyList<LunrPosting>[]? Tail) Split(LunrTermPostings term, int headDocuments)
    {
        var totals = new Dictionary<int, double>();
        foreach (var field in term.Fields)
        {
            foreach (var p in field) totals[p.Document] = totals.GetValueOrDefault(p.Document) + p.Thousandths;
        }

        if (totals.Count <= headDocuments) return (term.Fields, null);
        var head = totals.OrderByDescending(t => t.Value).ThenBy(t => t.Key).Take(headDocuments).Select(t => t.Key).ToHashSet();
        return ([.. term.Fields.Select(f => (IReadOnlyList<LunrPosting>)[.. f.Where(p => head.Contains(p.Document))])],
            [.. term.Fields.Select(f => (IReadOnlyList<LunrPosting>)[.. f.Where(p => !head.Contains(p.Document))])]);
    }

    private static void WriteField(StringBuilder sb, IReadOnlyList<LunrPosting> postings)
    {
        sb.Append('[');
        var previous = 0;
        for (var i = 0; i < postings.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(postings[i].Document - previous).Append(',');
            previous = postings[i].Document;
            LunrIndexBuilder.WriteThousandths(sb, postings[i].Thousandths);
        }

        sb.Append(']');
    }

    private static void WriteStrings(StringBuilder sb, IEnumerable<string> items)
    {
        sb.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first) sb.Append(',');
            first = false;
            JsJson.WriteString(sb, item);
        }

        sb.Append(']');
    }
}
