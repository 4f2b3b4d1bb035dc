using Site.Content;
using Site.Markdown;
using Site.Search;

namespace Site.PostProcess;

/// <summary>A page's final HTML and what the later stages need from it, taken from the one AngleSharp parse.</summary>
internal sealed record ProcessedPage(
    Page Page,
    RenderedBody Body,
    string Html,
    IReadOnlySet<string> Ids,
    IReadOnlyList<string> Links,
    IReadOnlyList<SearchDocument> SearchDocuments);
