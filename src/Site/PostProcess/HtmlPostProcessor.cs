using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Site.Content;
using Site.Markdown;
using Site.Search;

namespace Site.PostProcess;

/// <summary>
/// The post-process stage: parses each rendered page once with AngleSharp, adds anchor links to headings,
/// marks external links, makes wide tables scroll in a focusable region, and collects what link checking and
/// search need (ids, link targets, one search document per page and per h2 section).
/// </summary>
internal static class HtmlPostProcessor
{
    /// <summary>The element holding the page's own prose; the theme marks it so search and anchors skip navigation.</summary>
    public const string ProseAttribute = "data-prose";

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = false });

    public static ProcessedPage Process(Page page, RenderedBody body, string html, string siteHost)
    {
        var document = Parser.ParseDocument(html);
        var prose = document.QuerySelector($"[{ProseAttribute}]");
        var search = prose is not null && page.Meta.Search ? ExtractSearch(page, prose) : [];
        if (prose is not null)
        {
            AddHeadingAnchors(document, prose);
            WrapTables(document, prose);
        }
        MarkExternalLinks(document, siteHost);

        var ids = document.All.Where(e => e.Id is { Length: > 0 }).Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var links = new List<string>();
        foreach (var e in document.All)
        {
            // A link marked data-route is a step of a script's flow (#step fragments), not a place in the document.
            if (e.HasAttribute("data-route")) continue;
            var target = e.LocalName switch
            {
                "a" or "link" => e.GetAttribute("href"),
                "img" or "script" => e.GetAttribute("src"),
                "form" => e.GetAttribute("action"),
                _ => null,
            };
            if (target is not null) links.Add(target);
        }
        var output = "<!DOCTYPE html>\n" + document.DocumentElement.OuterHtml + "\n";
        return new ProcessedPage(page, body, output, ids, links, search);
    }

    private static void AddHeadingAnchors(IDocument document, IElement prose)
    {
        foreach (var heading in prose.QuerySelectorAll("h2[id], h3[id]"))
        {
            var anchor = document.CreateElement("a");
            anchor.ClassName = "heading-anchor";
            anchor.SetAttribute("href", "#" + heading.Id);
            var label = document.CreateElement("span");
            label.ClassName = "visually-hidden";
            label.TextContent = "Link to this section";
            var mark = document.CreateElement("span");
            mark.SetAttribute("aria-hidden", "true");
            mark.TextContent = "#";
            anchor.AppendChild(label);
            anchor.AppendChild(mark);
            heading.AppendChild(anchor);
        }
    }

    /// <summary>Tables scroll sideways on narrow screens; a scrolling region must be reachable by keyboard (WCAG 2.1.1).</summary>
    private static void WrapTables(IDocument document, IElement prose)
    {
        foreach (var table in prose.QuerySelectorAll("table").ToList())
        {
            var wrap = document.CreateElement("div");
            wrap.ClassName = "table-wrap";
            wrap.SetAttribute("tabindex", "0");
            wrap.SetAttribute("role", "region");
            // A scroll region needs a name; the column headings say what the table compares.
            var headings = string.Join(", ", table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).Where(t => t.Length > 0));
            wrap.SetAttribute("aria-label", headings.Length > 0 ? $"Table: {headings}" : "Table");
            table.Parent!.ReplaceChild(wrap, table);
            wrap.AppendChild(table);
        }
    }

    private static void MarkExternalLinks(IDocument document, string siteHost)
    {
        foreach (var a in document.QuerySelectorAll("a[href]").OfType<IHtmlAnchorElement>())
        {
            var href = a.GetAttribute("href")!;
            if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) continue;
            if (string.Equals(uri.Host, siteHost, StringComparison.OrdinalIgnoreCase)) continue;
            a.SetAttribute("rel", "external noopener noreferrer");
        }
    }

    private static List<SearchDocument> ExtractSearch(Page page, IElement prose)
    {
        var documents = new List<SearchDocument>();
        // The page's own document holds its summary, keywords and the text before the first h2; each h2 section is a document
        // of its own. Indexing the whole body again would double the index for no better results.
        var intro = new StringBuilder();
        string? sectionId = null, sectionTitle = null;
        var section = new StringBuilder();
        var subheadings = new List<string>();
        void Flush()
        {
            if (sectionId is not null && sectionTitle is not null)
                documents.Add(new SearchDocument($"{page.Url}#{sectionId}", $"{page.Url}#{sectionId}", page.Meta.Title, sectionTitle, Collapse(section), [])
                {
                    Subheadings = [.. subheadings],
                });
            section.Clear();
            subheadings.Clear();
        }
        // A glossary is one document: its h2s are only letters, and a definition should not outrank the article
        // that explains the term (readers reach the definition from there, one click away).
        var split = page.Layout == "glossary" ? null : "h2";
        foreach (var child in prose.Children)
        {
            if (child.LocalName == split && child.Id is { Length: > 0 } id)
            {
                Flush();
                sectionId = id;
                sectionTitle = Text(child);
                continue;
            }
            var text = Text(child);
            if (child.LocalName == "h3" && split == "h2" && sectionId is not null) subheadings.Add(text.Trim());
            (sectionId is null ? intro : section).Append(text).Append(' ');
        }
        Flush();
        var summary = page.Meta.Summary is { } s ? s + " " : "";
        documents.Insert(0, new SearchDocument(page.Url, page.Url, page.Meta.Title, null, Collapse(new StringBuilder(summary).Append(intro)), page.Meta.Keywords));
        return documents;
    }

    /// <summary>Visible text of an element, without citation numbers and screen-reader-only labels.</summary>
    private static string Text(INode node)
    {
        var sb = new StringBuilder();
        Append(node, sb);
        return sb.ToString();

        static void Append(INode node, StringBuilder sb)
        {
            if (node is IElement e && (e.ClassList.Contains("cite") || e.ClassList.Contains("visually-hidden") || e.ClassList.Contains("heading-anchor")))
                return;
            if (node is IText t) { sb.Append(t.Data); return; }
            var block = node is IElement { LocalName: "p" or "li" or "td" or "th" or "dd" or "dt" or "figcaption" or "h2" or "h3" or "h4" or "br" or "div" or "tr" };
            if (block) sb.Append(' ');
            foreach (var child in node.ChildNodes) Append(child, sb);
            if (block) sb.Append(' ');
        }
    }

    private static string Collapse(StringBuilder sb) =>
        string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
