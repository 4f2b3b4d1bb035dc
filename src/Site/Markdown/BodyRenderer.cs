using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Content;
using Site.Diagnostics;
using SourceSpan = Site.Diagnostics.SourceSpan;
using Site.Markdown.Extensions.Citations;

namespace Site.Markdown;

/// <summary>
/// The Markdown stage: checks a page's syntax tree (raw HTML, alt text, headings, link schemes, citations),
/// numbers its citations, renders it to HTML and measures it (contents, reading time, reading grade).
/// </summary>
internal static class BodyRenderer
{
    private const int WordsPerMinute = 200;

    public static RenderedBody Render(Page page, IReadOnlyDictionary<string, Reference> references, DiagnosticBag diagnostics)
    {
        if (page.Document is not { } document) return RenderedBody.Empty;
        var file = page.Source.DisplayPath;
        var links = new List<ContentLink>();
        var citations = new List<CitationInline>();
        var lines = new LineMap(page.Source.Text);
        Inspect(document, file, lines, links, citations, diagnostics);
        var toc = CheckHeadings(document, file, diagnostics);

        // The page's list of sources: front matter order first, then anything cited inline but not listed.
        var ids = page.Meta.Sources.Select(s => s.Id).ToList();
        foreach (var citation in citations)
        {
            foreach (var id in citation.Ids)
            {
                var at = lines.At(file, citation.Span.Start);
                if (!references.ContainsKey(id)) diagnostics.Add(MarkdownDiagnostics.UnknownCitation, at, id);
                else if (!ids.Contains(id))
                {
                    diagnostics.Add(MarkdownDiagnostics.CitationNotInSources, at, id);
                    ids.Add(id);
                }
            }
        }
        var sources = ids.Where(references.ContainsKey).Distinct().Select(id => references[id]).ToList();
        foreach (var citation in citations)
            citation.Numbers = [.. citation.Ids.Select(id => sources.FindIndex(s => s.Id == id) + 1)];

        var units = ProseUnits(document).ToList();
        var score = Readability.Measure(units);
        if (page.IsArticle && score.Grade > Readability.TargetGrade)
            diagnostics.Add(MarkdownDiagnostics.ReadingGrade, SourceSpan.FileOnly(file), score.Grade, Readability.TargetGrade);

        return new RenderedBody(ToHtml(document), toc, Math.Max(1, (int)Math.Round(score.Words / (double)WordsPerMinute)), score, sources, links);
    }

    public static string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        SiteMarkdown.Pipeline.Setup(renderer);
        // Raw HTML is an error (SITE050), and the build writes nothing then; it is escaped here as well so that no
        // path, not even a preview of a broken page, ever emits it as markup.
        renderer.ObjectRenderers.Replace<Markdig.Renderers.Html.HtmlBlockRenderer>(new EscapedHtmlBlock());
        renderer.ObjectRenderers.Replace<Markdig.Renderers.Html.Inlines.HtmlInlineRenderer>(new EscapedHtmlInline());
        renderer.Render(document);
        return writer.ToString();
    }

    private sealed class EscapedHtmlBlock : HtmlObjectRenderer<HtmlBlock>
    {
        protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
        {
            renderer.Write("<p>");
            renderer.WriteEscape(obj.Lines.ToString());
            renderer.Write("</p>");
        }
    }

    private sealed class EscapedHtmlInline : HtmlObjectRenderer<HtmlInline>
    {
        protected override void Write(HtmlRenderer renderer, HtmlInline obj) => renderer.WriteEscape(obj.Tag);
    }

    /// <summary>
    /// Renders a Markdown fragment from data files (questionnaire bodies, glossary notes) with the same rules as pages.
    /// <paramref name="at"/> is where the fragment starts, so problems are reported in its file.
    /// </summary>
    public static string RenderFragment(string markdown, SourceSpan at, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(markdown, SiteMarkdown.Pipeline);
        var local = new DiagnosticBag();
        Inspect(document, at.File, new LineMap(markdown), [], [], local);
        foreach (var d in local.Sorted())
            diagnostics.Add(d with { Where = at });
        return local.HasErrors ? "" : ToHtml(document).Trim();
    }

    /// <summary>Line and column from a character offset: Markdig's inline Line can drift after headings, offsets do not.</summary>
    private sealed class LineMap(string text)
    {
        private readonly int[] _starts = [0, .. text.Select((c, i) => (c, i)).Where(x => x.c == '\n').Select(x => x.i + 1)];

        public SourceSpan At(string file, int offset)
        {
            var index = Array.BinarySearch(_starts, offset);
            var line = index >= 0 ? index : ~index - 1;
            return new SourceSpan(file, line + 1, offset - _starts[line] + 1);
        }
    }

    private static void Inspect(MarkdownDocument document, string file, LineMap lines, List<ContentLink> links, List<CitationInline> citations, DiagnosticBag diagnostics)
    {
        foreach (var node in document.Descendants())
        {
            var at = lines.At(file, node.Span.Start);
            switch (node)
            {
                case HtmlBlock:
                    diagnostics.Add(MarkdownDiagnostics.RawHtml, at, "an HTML block");
                    break;
                case HtmlInline html:
                    diagnostics.Add(MarkdownDiagnostics.RawHtml, at, html.Tag);
                    break;
                case LinkInline link:
                    var url = link.Url ?? "";
                    if (!IsSafeUrl(url))
                    {
                        diagnostics.Add(MarkdownDiagnostics.UnsafeLink, at, url);
                        link.Url = ""; // never rendered as a live link, even where errors do not stop the output
                    }
                    if (link.IsImage && !link.Any()) diagnostics.Add(MarkdownDiagnostics.ImageWithoutAlt, at, url);
                    links.Add(new ContentLink(url, at, link.IsImage));
                    break;
                case AutolinkInline auto:
                    // <javascript:alert(1)> is an autolink too: the same schemes are refused as in [text](url).
                    if (!auto.IsEmail && !IsSafeUrl(auto.Url))
                    {
                        diagnostics.Add(MarkdownDiagnostics.UnsafeLink, at, auto.Url);
                        auto.Url = "";
                    }
                    links.Add(new ContentLink(auto.Url, at, false));
                    break;
                case CitationInline citation:
                    citations.Add(citation);
                    break;
            }
        }
    }

    private static bool IsSafeUrl(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 0) return true;
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // the colon is in the path, not a scheme
        var scheme = url[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }

    private static List<TocEntry> CheckHeadings(MarkdownDocument document, string file, DiagnosticBag diagnostics)
    {
        var toc = new List<TocEntry>();
        var previous = 1;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var at = new SourceSpan(file, heading.Line + 1, heading.Column + 1);
            if (heading.Level == 1) diagnostics.Add(MarkdownDiagnostics.HeadingOne, at);
            else if (heading.Level > previous + 1) diagnostics.Add(MarkdownDiagnostics.HeadingSkipped, at, previous, heading.Level, previous + 1);
            previous = heading.Level;
            var id = heading.GetAttributes().Id ?? "";
            if (id.Length > 0 && !ids.Add(id)) diagnostics.Add(MarkdownDiagnostics.DuplicateHeadingId, at, id);
            if (heading.Level is 2 or 3 && id.Length > 0) toc.Add(new TocEntry(heading.Level, id, InlineText(heading.Inline)));
        }
        return toc;
    }

    /// <summary>Paragraphs, list items and headings as a reader reads them; tables and code are not prose.</summary>
    private static IEnumerable<string> ProseUnits(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is not (ParagraphBlock or HeadingBlock)) continue;
            if (block.Parent is TableCell || block.Parent?.Parent is TableRow) continue;
            var text = InlineText(block.Inline);
            if (text.Length > 0) yield return text;
        }
    }

    public static string InlineText(ContainerInline? container)
    {
        if (container is null) return "";
        var sb = new System.Text.StringBuilder();
        Append(container, sb);
        return sb.ToString().Trim();

        static void Append(Inline inline, System.Text.StringBuilder sb)
        {
            switch (inline)
            {
                case LiteralInline literal: sb.Append(literal.Content); break;
                case CodeInline code: sb.Append(code.Content); break;
                case LineBreakInline: sb.Append(' '); break;
                case HtmlEntityInline entity: sb.Append(entity.Transcoded); break;
                case Markdig.Extensions.SmartyPants.SmartyPant pant: sb.Append(pant.Type switch
                {
                    Markdig.Extensions.SmartyPants.SmartyPantType.LeftDoubleQuote or Markdig.Extensions.SmartyPants.SmartyPantType.RightDoubleQuote => "\"",
                    Markdig.Extensions.SmartyPants.SmartyPantType.Dash2 or Markdig.Extensions.SmartyPants.SmartyPantType.Dash3 => "–",
                    Markdig.Extensions.SmartyPants.SmartyPantType.Ellipsis => "…",
                    _ => "'",
                }); break;
                case CitationInline: break;
                case LinkInline { IsImage: true }: break;
                case ContainerInline c:
                    for (var child = c.FirstChild; child is not null; child = child.NextSibling) Append(child, sb);
                    break;
            }
        }
    }
}
