using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Site.Markdown.Extensions.Cards;
using Site.Markdown.Extensions.Citations;
using Site.Markdown.Renderers;

namespace Site.Markdown;

/// <summary>The one Markdig pipeline of the site, built once: Markdig pipelines are immutable and thread-safe.</summary>
internal static class SiteMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseFootnotes()
        .UseFigures()
        .UseSmartyPants()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseListExtras()
        .UseDefinitionLists()
        .UseAutoLinks()
        .UsePreciseSourceLocation()
        .Use<CitationExtension>()
        .Use<CardExtension>()
        .Use<RenderHooks>() // last: it replaces renderers the extensions above registered
        .Build();

    /// <summary>
    /// The site's render hooks (as Hugo's render-heading and render-table hooks): Markdig writes each page's final body
    /// HTML in its one render, so nothing parses that HTML again. Registered through the pipeline, so the renderers
    /// Markdig pools for <c>ToHtml</c> carry them too.
    /// </summary>
    private sealed class RenderHooks : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is not HtmlRenderer html) return;
            html.ObjectRenderers.Replace<Markdig.Renderers.Html.HeadingRenderer>(new Renderers.HeadingRenderer());
            if (html.ObjectRenderers.Find<HtmlTableRenderer>() is { } table)
                html.ObjectRenderers.Replace<HtmlTableRenderer>(new TableRenderer(table));
            html.ObjectRenderers.Replace<HtmlBlockRenderer>(new EscapedHtmlBlockRenderer());
            html.ObjectRenderers.Replace<HtmlInlineRenderer>(new EscapedHtmlInlineRenderer());
        }
    }
}
