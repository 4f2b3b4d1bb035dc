using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown.Extensions.Cards;
using Site.Markdown.Extensions.Citations;
using Site.Search;
using SourceSpan = Site.Diagnostics.SourceSpan;

namespace Site.Markdown;

/// <summary>
/// The Markdown stage of one page: one walk of its syntax tree checks it (raw HTML, alt text, headings, link schemes,
/// citations, care cards) and gathers what other stages need (ids, links with their place, contents, search text, FAQ
/// entries, reading grade); then one render through the site's render hooks writes the final body HTML.
/// </summary>
internal static class BodyRenderer
{
    private const int WordsPerMinute = 200;

    /// <param name="lines">The file's line map, to turn the tree's character offsets into lines and columns.</param>
    /// <param name="siteHost">Links to any other host are marked external.</param>
    /// <returns>Null when the tree is nested too deep to render (SITE059, reported).</returns>
    public static RenderedBody? Render(Page page, MarkdownDocument document, LineMap lines, IReadOnlyDictionary<string, Reference> references, string siteHost, DiagnosticBag diagnostics)
    {
        var walk = new Walk(page.Source.DisplayPath, lines, siteHost, diagnostics, page.Role != Content.PageRole.Glossary);
        walk.Document(document);
        if (walk.TooDeep is { } deep)
        {
            diagnostics.Add(MarkdownDiagnostics.TooDeeplyNested, lines.At(page.Source.DisplayPath, deep.Span.Start), walk.TooDeepAt, NestingGuard.MaxTreeDepth);
            return null;
        }

        // The page's list of sources: front matter order first, then anything cited inline but not listed.
        var ids = page.Meta.Sources.Select(s => s.Id).ToList();
        foreach (var (citation, at) in walk.Citations)
        {
            foreach (var id in citation.Ids)
            {
                if (!references.ContainsKey(id))
                {
                    if (references is not UnreadReferences) diagnostics.Add(MarkdownDiagnostics.UnknownCitation, at, id, Suggestions.DidYouMean(id, references.Keys));
                }
                else if (!ids.Contains(id))
                {
                    diagnostics.Add(MarkdownDiagnostics.CitationNotInSources, at, id);
                    ids.Add(id);
                }
            }
        }
        var sources = ids.Where(references.ContainsKey).Distinct().Select(id => references[id]).ToList();
        foreach (var (citation, _) in walk.Citations)
            citation.Numbers = [.. citation.Ids.Select(id => sources.FindIndex(s => s.Id == id) + 1)];

        var score = Readability.Measure(walk.Prose);
        if (page.IsArticle && score.Grade > Readability.TargetGrade)
            diagnostics.Add(MarkdownDiagnostics.ReadingGrade, SourceSpan.FileOnly(page.Source.DisplayPath), score.Grade, Readability.TargetGrade);

        return new RenderedBody(Encoding.UTF8.GetBytes(ToHtml(document)), walk.Toc, Math.Max(1, (int)Math.Round(score.Words / (double)WordsPerMinute)), score,
            sources, walk.Links, walk.Ids, page.Meta.Search ? walk.SearchDocuments(page) : [], walk.Faq);
    }

    /// <summary>The one render: Markdig's renderer with the site's hooks (see <see cref="SiteMarkdown"/>), from its pool.</summary>
    public static string ToHtml(MarkdownDocument document) => Markdig.Markdown.ToHtml(document, SiteMarkdown.Pipeline);

    /// <summary>
    /// Renders a Markdown fragment from a data file (the questionnaire's help and result texts) with the same rules and
    /// the same nesting guard as pages; each problem and each link is placed at its own line and column in that file.
    /// The HTML is empty when the fragment has errors.
    /// </summary>
    public static RenderedFragment RenderFragment(Questionnaire.SourceText fragment, DiagnosticBag diagnostics)
    {
        var markdown = fragment.Value;
        var local = new DiagnosticBag();
        var lines = new LineMap(markdown);
        var document = NestingGuard.Parse(markdown, lines, SiteMarkdown.Pipeline, fragment.Span.File, local);
        List<ContentLink> links = [];
        if (document is not null)
        {
            var walk = new Walk(fragment.Span.File, lines, "", local, splitSections: false);
            walk.Document(document);
            if (walk.TooDeep is { } deep)
                local.Add(MarkdownDiagnostics.TooDeeplyNested, lines.At(fragment.Span.File, deep.Span.Start), walk.TooDeepAt, NestingGuard.MaxTreeDepth);
            links = [.. walk.Links.Select(l => l with { At = InFile(fragment, l.At) })];
        }
        foreach (var d in local.Sorted())
            diagnostics.Add(d with { Where = InFile(fragment, d.Where) });
        return new RenderedFragment(document is null || local.HasErrors ? "" : ToHtml(document).Trim(), links);
    }

    private static SourceSpan InFile(Questionnaire.SourceText fragment, SourceSpan inFragment) =>
        fragment.Locate(inFragment.Line - 1, inFragment.Column - 1);

    /// <summary>One pre-order walk of the tree, in document order, gathering every fact of the page.</summary>
    private sealed class Walk(string file, LineMap lines, string siteHost, DiagnosticBag diagnostics, bool splitSections)
    {
        public readonly List<ContentLink> Links = [];
        public readonly List<(CitationInline Citation, SourceSpan At)> Citations = [];
        public readonly List<TocEntry> Toc = [];
        public readonly HashSet<string> Ids = new(StringComparer.Ordinal);
        public readonly List<string> Prose = [];
        public readonly List<FaqEntry> Faq = [];

        private int _previousLevel = 1;

        // Depth in the tree (the document is 1), to stop at the first node past NestingGuard.MaxTreeDepth in document order.
        private int _depth = 1;
        public MarkdownObject? TooDeep { get; private set; }
        public int TooDeepAt { get; private set; }

        private bool Enter(MarkdownObject node)
        {
            _depth++;
            if (_depth > NestingGuard.MaxTreeDepth && TooDeep is null) (TooDeep, TooDeepAt) = (node, _depth);
            return TooDeep is null;
        }

        private void Leave() => _depth--;
        private string? _question;
        private readonly List<string> _answer = [];

        // Search: the text before the first h2 belongs to the page; each top-level h2 starts a section of its own.
        private readonly List<(string? Id, string? Title, List<string> Units, List<string> Subheadings)> _sections = [(null, null, [], [])];

        public void Document(MarkdownDocument document)
        {
            foreach (var block in document)
            {
                if (block is YamlFrontMatterBlock) continue;
                if (TooDeep is not null) break;
                if (splitSections && block is HeadingBlock { Level: 2 } h && h.GetAttributes().Id is { Length: > 0 } id)
                {
                    if (Enter(h)) Heading(h, topLevel: true);
                    Leave();
                    _sections.Add((id, PageText.Shown(h.Inline), [], []));
                    continue;
                }
                Block(block, inTable: false);
            }
            if (_question is not null) Faq.Add(new FaqEntry(_question, string.Join(" ", _answer)));
        }

        private List<string> Units => _sections[^1].Units;

        private void Block(Block block, bool inTable)
        {
            if (Enter(block)) BlockAt(block, inTable);
            Leave();
        }

        private void BlockAt(Block block, bool inTable)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    Heading(heading, topLevel: false);
                    var text = PageText.Shown(heading.Inline);
                    Units.Add(text);
                    if (heading.Level == 3 && _sections[^1].Id is not null) _sections[^1].Subheadings.Add(text);
                    break;
                case HtmlBlock:
                    diagnostics.Add(MarkdownDiagnostics.RawHtml, At(block), "an HTML block");
                    Units.Add(block is LeafBlock raw ? raw.Lines.ToString() : "");
                    break;
                case CustomContainer card:
                    if (CardKind.Find(card.Info) is null)
                        diagnostics.Add(MarkdownDiagnostics.UnknownCard, At(card), card.Info ?? "", CardKind.Names);
                    foreach (var child in card) Block(child, inTable);
                    break;
                case Footnote footnote:
                    Ids.Add("fn:" + footnote.Order);
                    foreach (var child in footnote) Block(child, inTable);
                    break;
                case Table table:
                    foreach (var child in table) Block(child, inTable: true);
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Block(child, inTable);
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    Inlines(leaf.Inline);
                    var shown = PageText.Shown(leaf.Inline);
                    if (shown.Length > 0) Units.Add(shown);
                    if (leaf is ParagraphBlock paragraph)
                    {
                        var plain = PageText.Plain(paragraph.Inline);
                        if (!inTable && plain.Length > 0) Prose.Add(plain);
                        if (_question is not null) _answer.Add(plain);
                    }
                    break;
                case LeafBlock code:
                    if (code.Lines.Count > 0) Units.Add(code.Lines.ToString().Trim());
                    break;
            }
        }

        private void Heading(HeadingBlock heading, bool topLevel)
        {
            var at = At(heading);
            if (heading.Level == 1) diagnostics.Add(MarkdownDiagnostics.HeadingOne, at);
            else if (heading.Level > _previousLevel + 1) diagnostics.Add(MarkdownDiagnostics.HeadingSkipped, at, _previousLevel, heading.Level, _previousLevel + 1);
            _previousLevel = heading.Level;
            var id = heading.GetAttributes().Id ?? "";
            var plain = PageText.Plain(heading.Inline);
            // Markdig makes ids unique by suffixing the later ones ("risks", then "risks-1"), so the clash is seen in the
            // id the heading would have had: a link to #risks written for the second heading reaches the first.
            var wanted = Markdig.Helpers.LinkHelper.UrilizeAsGfm(plain);
            if (id.Length > 0 && wanted.Length > 0 && id != wanted && Ids.Contains(wanted) && id.StartsWith(wanted + "-", StringComparison.Ordinal))
                diagnostics.Add(MarkdownDiagnostics.DuplicateHeadingId, at, wanted, id);
            if (id.Length > 0) Ids.Add(id);
            if (heading.Level is 2 or 3 && id.Length > 0) Toc.Add(new TocEntry(heading.Level, id, plain));
            if (plain.Length > 0) Prose.Add(plain);
            if (heading.Level == 2)
            {
                if (_question is not null) Faq.Add(new FaqEntry(_question, string.Join(" ", _answer)));
                _question = plain;
                _answer.Clear();
            }
            Inlines(heading.Inline);
        }

        private void Inlines(ContainerInline? container)
        {
            if (container is null) return;
            if (Enter(container)) InlinesAt(container);
            Leave();
        }

        private void InlinesAt(ContainerInline container)
        {
            for (var inline = container.FirstChild; inline is not null && TooDeep is null; inline = inline.NextSibling)
            {
                if (inline is not ContainerInline && _depth + 1 > NestingGuard.MaxTreeDepth) (TooDeep, TooDeepAt) = (inline, _depth + 1);
                switch (inline)
                {
                    case HtmlInline html:
                        diagnostics.Add(MarkdownDiagnostics.RawHtml, At(inline), html.Tag);
                        break;
                    case LinkInline link:
                        Link(link);
                        break;
                    case AutolinkInline auto:
                        // <javascript:alert(1)> is an autolink too: the same schemes are refused as in [text](url).
                        if (!auto.IsEmail && !IsSafeUrl(auto.Url))
                        {
                            diagnostics.Add(MarkdownDiagnostics.UnsafeLink, At(inline), auto.Url);
                            auto.Url = "";
                        }
                        Links.Add(new ContentLink(auto.Url, At(inline), false));
                        if (IsExternal(auto.Url)) auto.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
                        break;
                    case CitationInline citation:
                        Citations.Add((citation, At(inline)));
                        break;
                    case FootnoteLink { IsBackLink: false } note:
                        Ids.Add("fnref:" + note.Index);
                        break;
                }
                if (inline is ContainerInline children and not LinkInline) Inlines(children);
            }
        }

        private void Link(LinkInline link)
        {
            var at = At(link);
            var url = link.Url ?? "";
            if (!IsSafeUrl(url))
            {
                diagnostics.Add(MarkdownDiagnostics.UnsafeLink, at, url);
                link.Url = ""; // never rendered as a live link, even where errors do not stop the output (this tree is this build's own)
            }
            if (link.IsImage && link.FirstChild is null) diagnostics.Add(MarkdownDiagnostics.ImageWithoutAlt, at, url);
            Links.Add(new ContentLink(url, at, link.IsImage));
            if (!link.IsImage && IsExternal(link.Url ?? "")) link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
            Inlines(link);
        }

        private SourceSpan At(MarkdownObject node) => lines.At(file, node.Span.Start);

        private bool IsExternal(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && !string.Equals(uri.Host, siteHost, StringComparison.OrdinalIgnoreCase);

        public List<SearchDocument> SearchDocuments(Page page)
        {
            var documents = new List<SearchDocument>();
            var intro = _sections[0].Units;
            if (page.Meta.Summary is { } summary) intro.Insert(0, summary);
            documents.Add(new SearchDocument(page.Url, page.Url, page.Meta.Title, null, Join(intro), page.Meta.Keywords));
            foreach (var (id, title, units, subheadings) in _sections.Skip(1))
                documents.Add(new SearchDocument($"{page.Url}#{id}", $"{page.Url}#{id}", page.Meta.Title, title, Join(units), []) { Subheadings = subheadings });
            return documents;
        }

        /// <summary>Units one per line, each with its whitespace collapsed: cells and list items never run together.</summary>
        private static string Join(List<string> units)
        {
            var sb = new StringBuilder();
            foreach (var unit in units)
            {
                var collapsed = string.Join(' ', unit.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (collapsed.Length == 0) continue;
                if (sb.Length > 0) sb.Append('\n');
                sb.Append(collapsed);
            }
            return sb.ToString();
        }
    }

    private const string ExternalRel = "external noopener noreferrer";

    private static bool IsSafeUrl(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 0) return true;
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // the colon is in the path, not a scheme
        var scheme = url[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }
}
