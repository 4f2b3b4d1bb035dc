using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Site.Markdown.Renderers;

// Raw HTML is an error (SITE050), and the build writes nothing then; it is escaped here as well so that no path, not
// even a preview of a broken page, ever emits it as markup.

/// <summary>An HTML block shown as text.</summary>
internal sealed class EscapedHtmlBlockRenderer : HtmlObjectRenderer<HtmlBlock>
{
    protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
    {
        renderer.Write("<p>");
        renderer.WriteEscape(obj.Lines.ToString());
        renderer.Write("</p>");
    }
}

/// <summary>An inline HTML tag shown as text.</summary>
internal sealed class EscapedHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlInline obj) => renderer.WriteEscape(obj.Tag);
}
