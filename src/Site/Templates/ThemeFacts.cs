using System.Net;

namespace Site.Templates;

/// <summary>
/// The ids and link targets the theme's own HTML puts on a page (header, footer, contents, source lists), read from the
/// template's output only: the page's Markdown HTML is never in it (see <see cref="ModelBuilder.BodyMarker"/>), and its
/// facts come from the Markdown stage. Our templates write plain, quoted attributes, so a scan of tags is enough; this
/// is not a parser for HTML in general.
/// </summary>
internal sealed record ThemeFacts(IReadOnlyList<string> Ids, IReadOnlyList<string> Links)
{
    public static ThemeFacts Scan(string html)
    {
        var ids = new List<string>();
        var links = new List<string>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }
            i++;
            if (i >= html.Length || !char.IsAsciiLetter(html[i])) continue; // an end tag, a doctype, or text
            var nameStart = i;
            while (i < html.Length && char.IsAsciiLetterOrDigit(html[i])) i++;
            var tag = html[nameStart..i].ToLowerInvariant();
            string? id = null, href = null, src = null, action = null;
            var route = false;
            while (i < html.Length && html[i] != '>')
            {
                if (char.IsWhiteSpace(html[i]) || html[i] == '/') { i++; continue; }
                var attrStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/')) i++;
                var name = html[attrStart..i];
                string? value = null;
                if (i < html.Length && html[i] == '=')
                {
                    i++;
                    var quote = i < html.Length ? html[i] : '\0';
                    if (quote is '"' or '\'')
                    {
                        var end = html.IndexOf(quote, i + 1);
                        if (end < 0) end = html.Length;
                        value = html[(i + 1)..end];
                        i = Math.Min(end + 1, html.Length);
                    }
                    else
                    {
                        var valueStart = i;
                        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                        value = html[valueStart..i];
                    }
                    if (value.Contains('&')) value = WebUtility.HtmlDecode(value);
                }
                switch (name.ToLowerInvariant())
                {
                    case "id": id = value; break;
                    case "href": href = value; break;
                    case "src": src = value; break;
                    case "action": action = value; break;
                    case "data-route": route = true; break; // a step of a script's flow (#step fragments), not a place in the document
                }
            }
            if (id is { Length: > 0 }) ids.Add(id);
            var target = tag switch { "a" or "link" => href, "img" or "script" => src, "form" => action, _ => null };
            if (target is not null && !route) links.Add(target);
            if (tag is "script" or "style")
            {
                // Raw text: JSON-LD and the questionnaire's data are not markup.
                var close = html.IndexOf("</" + tag, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }
        return new ThemeFacts(ids, links);
    }
}
