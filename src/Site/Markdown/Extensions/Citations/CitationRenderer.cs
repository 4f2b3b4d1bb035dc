using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Extensions.Citations;

/// <summary>Renders a citation as superscript links to the page's reference list (<c>#ref-id</c>).</summary>
internal sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline obj)
    {
        renderer.Write("<sup class=\"cite\">");
        for (var i = 0; i < obj.Ids.Count; i++)
        {
            if (i > 0) renderer.Write("<span class=\"cite-sep\">,</span>");
            var number = i < obj.Numbers.Count ? obj.Numbers[i] : 0;
            renderer.Write("<a href=\"#ref-").WriteEscapeUrl(obj.Ids[i]).Write("\">")
                .Write("<span class=\"visually-hidden\">Source </span>")
                .Write(number.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Write("</a>");
        }
        renderer.Write("</sup>");
    }
}
