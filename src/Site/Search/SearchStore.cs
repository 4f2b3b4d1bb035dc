using System.Text;
using Site.Search.Lunr;

namespace Site.Search;

/// <summary>
/// The document store served beside the index: what the browser shows for a hit, keyed by ref.
/// <c>{"ref":{"t":"Page title","s":"Section or null","u":"/url/#id","x":"Excerpt…"}}</c>.
/// Keys are one letter because the store ships to every searcher; the excerpt is short for the same reason.
/// </summary>
internal static class SearchStore
{
    public const int ExcerptLength = 160;

    public static string ToJson(IReadOnlyList<SearchDocument> documents)
    {
        var sb = new StringBuilder(documents.Count * 256);
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
    /// The start of <paramref name="body"/>, at most <paramref name="max"/> characters, cut after a whole word and
    /// ended with "…" when something was cut. A single word longer than that is cut inside, never inside a surrogate pair.
    /// </summary>
    public static string Excerpt(string body, int max = ExcerptLength)
    {
        var text = body.Trim();
        if (text.Length <= max) return text;

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
