using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Parsers;
using Markdig.Renderers;

namespace Site.Markdown.Extensions.Cards;

/// <summary>
/// Care cards: <c>:::urgent</c>, <c>:::emergency</c>, <c>:::info</c> or <c>:::warning</c> on a line of its own, the
/// card's Markdown, and a closing <c>:::</c>. Only Markdig's block container parser is added, not its <c>::inline::</c>
/// syntax, so a double colon in ordinary text stays text.
/// </summary>
internal sealed class CardExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Before the fenced code parser, as Markdig's own custom-container extension does: both open on a run of characters.
        if (!pipeline.BlockParsers.Contains<CustomContainerParser>())
            pipeline.BlockParsers.InsertBefore<FencedCodeBlockParser>(new CustomContainerParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CardRenderer>())
            html.ObjectRenderers.Insert(0, new CardRenderer());
    }
}
