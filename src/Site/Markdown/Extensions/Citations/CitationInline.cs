using Markdig.Syntax.Inlines;

namespace Site.Markdown.Extensions.Citations;

/// <summary>An inline citation such as <c>[@moftah-2013]</c> or <c>[@a; @b]</c>.</summary>
internal sealed class CitationInline : LeafInline
{
    public required IReadOnlyList<string> Ids { get; init; }

    /// <summary>Each id's number in the page's reference list; set after parsing, once the list is known.</summary>
    public IReadOnlyList<int> Numbers { get; set; } = [];
}
