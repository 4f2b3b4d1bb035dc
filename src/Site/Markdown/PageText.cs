using System.Text;
using Markdig.Extensions.SmartyPants;
using Markdig.Syntax.Inlines;
using Site.Markdown.Extensions.Citations;

namespace Site.Markdown;

/// <summary>The text a reader reads in a run of inlines, without citation numbers or images.</summary>
internal static class PageText
{
    /// <summary>Plain text with straight quotes: contents entries, reading grade, FAQ answers.</summary>
    public static string Plain(ContainerInline? container) => Of(container, typographic: false);

    /// <summary>The text as the page shows it, with curly quotes and dashes: what search shows and indexes.</summary>
    public static string Shown(ContainerInline? container) => Of(container, typographic: true);

    private static string Of(ContainerInline? container, bool typographic)
    {
        if (container is null) return "";
        var sb = new StringBuilder();
        Append(container, sb, typographic);
        return sb.ToString().Trim();
    }

    private static void Append(Inline inline, StringBuilder sb, bool typographic)
    {
        switch (inline)
        {
            case LiteralInline literal: sb.Append(literal.Content); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: sb.Append(' '); break;
            case HtmlEntityInline entity: sb.Append(entity.Transcoded); break;
            case AutolinkInline auto: sb.Append(auto.Url); break;
            case HtmlInline html: sb.Append(html.Tag); break;
            case SmartyPant pant: sb.Append(typographic ? Typographic(pant.Type) : Straight(pant.Type)); break;
            case CitationInline: break;
            case LinkInline { IsImage: true }: break;
            case ContainerInline c:
                for (var child = c.FirstChild; child is not null; child = child.NextSibling) Append(child, sb, typographic);
                break;
        }
    }

    private static string Straight(SmartyPantType type) => type switch
    {
        SmartyPantType.LeftDoubleQuote or SmartyPantType.RightDoubleQuote => "\"",
        SmartyPantType.Dash2 or SmartyPantType.Dash3 => "–",
        SmartyPantType.Ellipsis => "…",
        _ => "'",
    };

    private static string Typographic(SmartyPantType type) => type switch
    {
        SmartyPantType.LeftQuote => "‘",
        SmartyPantType.RightQuote => "’",
        SmartyPantType.LeftDoubleQuote => "“",
        SmartyPantType.RightDoubleQuote => "”",
        SmartyPantType.LeftAngleQuote => "«",
        SmartyPantType.RightAngleQuote => "»",
        SmartyPantType.Dash2 => "–",
        SmartyPantType.Dash3 => "—",
        SmartyPantType.Ellipsis => "…",
        _ => "",
    };
}
