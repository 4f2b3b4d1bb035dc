using System.Text;
using Site.Search.Lunr;

namespace Site.Search;

/// <summary>
/// The document store served beside the index: what the browser shows for a hit, keyed by ref.
/// <c>{"ref":{"t":"Page title","s":"Section or null","u":"/url/#id","x":"First unit\nSecond unit"}}</c>.
/// Keys are one letter because the store ships to every searcher. <c>x</c> holds the section's first whole units
/// (paragraphs, list items, table cells, headings; the body separates them with "\n") up to
/// <see cref="ExcerptLength"/> characters, still separated by "\n": the browser picks the unit that holds the
/// matched words and centres its snippet on them, and never runs two cells or items together.
/// </summary>
internal static class SearchStore
{
    /// <summary>
    /// Characters of section text shipped per document: most sections of this site are shorter (390 on average), so
    /// the browser usually has the whole section to centre a snippet on the match. The store is fetched only when
    /// someone searches; for this site it is about 23 KB gzipped (it was 11 KB with 160-character excerpts),
    /// beside the index's 50 KB.
    /// </summary>
    public const int ExcerptLength = 1000;

    public static string ToJson(IReadOnlyList<SearchDocument> documents)
    {
        var sb = new StringBuilder(documents.Count * 512);
        sb.Append('{');
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            if (i > 0) sb.Append(',');
            JsJson.WriteString(sb, d.Ref);
            sb.Append(":{\"t\":");
            JsJson.WriteString(sb, d.PageTitle);
            sb.Append(",\"s\":");
            JsJson.WriteString(sb, d.SectionTitle);
            sb.Append(",\"u\":");
            JsJson.WriteString(sb, d.Url);
            sb.Append(",\"x\":");
            JsJson.WriteString(sb, Excerpt(d.Body));
            sb.Append('}');
        }

        sb.Append('}');
        return sb.ToString();
    }

    /// <summary>
    /// The first whole units of <paramref name="body"/> (split on "\n", each whitespace-trimmed, empty ones dropped),
    /// joined with "\n", as many as fit in <paramref name="max"/> characters. When even the first unit is longer,
    /// it alone is returned, cut after a whole word and ended with "…".
    /// </summary>
    public static string Excerpt(string body, int max = ExcerptLength)
    {
        var units = body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (units.Length == 0) return "";
        if (units[0].Length > max) return Cut(units[0], max);

        var sb = new StringBuilder(units[0]);
        for (var i = 1; i < units.Length && sb.Length + 1 + units[i].Length <= max; i++)
        {
            sb.Append('\n').Append(units[i]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The start of <paramref name="text"/>, at most <paramref name="max"/> characters, cut after a whole word and
    /// ended with "…". A single word longer than that is cut inside, never inside a surrogate pair.
    /// </summary>
    private static string Cut(string text, int max)
    {
        var cut = -1;
        // Cut where a space follows a word, so "…" replaces at least the space.
        for (var i = max; i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1]))
            {
                cut = i;
                break;
            }
        }

        if (cut < 0)
        {
            cut = max - 1;
            if (char.IsLowSurrogate(text[cut]) && cut > 0) cut--;
        }

        // Punctuation that leads on ("," ":" "—" "(") reads badly before an ellipsis.
        var end = cut;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':' or '(' or '[' or '-' or '–' or '—' or '/'))
        {
            end--;
        }

        if (end == 0) end = cut;
        return string.Concat(text.AsSpan(0, end), "…");
    }
}
