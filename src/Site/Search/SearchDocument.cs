namespace Site.Search;

/// <summary>
/// One searchable unit: a whole page (<see cref="SectionTitle"/> null, <see cref="Url"/> without fragment)
/// or one h2 section of it (<see cref="Url"/> ends in <c>#heading-id</c>).
/// </summary>
/// <param name="Ref">Stable, unique reference written into the lunr index.</param>
/// <param name="Url">Root-relative URL, e.g. <c>/articles/contraindications/#temporary-reasons</c>.</param>
/// <param name="PageTitle">The page's title.</param>
/// <param name="SectionTitle">The h2 text, or null for the whole-page document.</param>
/// <param name="Body">Plain text of the page or section, whitespace-collapsed.</param>
/// <param name="Keywords">Front-matter keywords of the page.</param>
public sealed record SearchDocument(
    string Ref,
    string Url,
    string PageTitle,
    string? SectionTitle,
    string Body,
    IReadOnlyList<string> Keywords)
{
    /// <summary>The h3 headings inside the section: indexed with the section heading (they name what it covers), not shown.</summary>
    public IReadOnlyList<string> Subheadings { get; init; } = [];
}
