using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Extensions.Cards;

/// <summary>
/// Renders a care card: a labelled box with an icon, then the editor's Markdown. An unknown kind is an error
/// (SITE060) found while checking the page; it renders as a plain box so no path emits an unchecked class name.
/// </summary>
internal sealed class CardRenderer : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer obj)
    {
        renderer.EnsureLine();
        if (CardKind.Find(obj.Info) is not { } kind)
        {
            renderer.WriteLine("<div class=\"card\">");
            renderer.WriteChildren(obj);
            renderer.WriteLine("</div>");
            return;
        }
        renderer.Write("<div class=\"card card-").Write(kind.Name).WriteLine("\">");
        renderer.Write("<p class=\"card-label\"><svg class=\"card-icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 24 24\"><path d=\"")
            .Write(kind.IconPath).Write("\"/></svg>").Write(kind.Label).WriteLine("</p>");
        renderer.WriteChildren(obj);
        renderer.WriteLine("</div>");
    }
}
