using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Renderers;

/// <summary>
/// Tables scroll sideways on narrow screens; a scrolling region must be reachable by keyboard (WCAG 2.1.1) and needs a
/// name, so each table is wrapped in a focusable region named by its column headings. Markdig's own renderer writes the
/// table itself.
/// </summary>
internal sealed class TableRenderer(HtmlTableRenderer inner) : HtmlObjectRenderer<Table>
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        var headings = table.OfType<TableRow>().Where(r => r.IsHeader)
            .SelectMany(r => r.OfType<TableCell>())
            .Select(c => string.Join(' ', c.OfType<Markdig.Syntax.LeafBlock>().Select(b => PageText.Plain(b.Inline))).Trim())
            .Where(t => t.Length > 0);
        var label = string.Join(", ", headings);
        renderer.EnsureLine();
        renderer.Write("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
            .WriteEscape(label.Length > 0 ? "Table: " + label : "Table").WriteLine("\">");
        ((Markdig.Renderers.IMarkdownObjectRenderer)inner).Write(renderer, table);
        renderer.WriteLine("</div>");
    }
}
