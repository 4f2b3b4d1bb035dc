using Markdig;
using Site.Markdown.Extensions.Citations;

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
        .Build();
}
