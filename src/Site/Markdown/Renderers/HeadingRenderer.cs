using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Site.Markdown.Renderers;

/// <summary>
/// Headings with their GitHub-style id, and for h2 and h3 a "#" link to the section for sighted mouse users. The link
/// is hidden from assistive technology and out of the Tab order: the page's contents list is the way to a section for
/// keyboards and screen readers, and a link inside every heading would be read as part of its name.
/// </summary>
internal sealed class HeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    private static readonly string[] Tags = ["h1", "h2", "h3", "h4", "h5", "h6"];

    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        var tag = Tags[Math.Clamp(obj.Level, 1, 6) - 1];
        renderer.Write('<').Write(tag).WriteAttributes(obj).Write('>');
        renderer.WriteLeafInline(obj);
        if (obj.Level is 2 or 3 && obj.GetAttributes().Id is { Length: > 0 } id)
            renderer.Write("<a class=\"heading-anchor\" href=\"#").WriteEscapeUrl(id).Write("\" aria-hidden=\"true\" tabindex=\"-1\">#</a>");
        renderer.Write("</").Write(tag).WriteLine(">");
    }
}
