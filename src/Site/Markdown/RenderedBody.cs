using Site.Content;
using Site.Diagnostics;

namespace Site.Markdown;

/// <summary>An entry of a page's table of contents (h2 and h3).</summary>
internal sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A link or image target written in Markdown, with where it was written, for link diagnostics.</summary>
internal sealed record ContentLink(string Target, SourceSpan At, bool IsImage);

/// <summary>A page's body after the Markdown stage.</summary>
internal sealed record RenderedBody(
    string Html,
    IReadOnlyList<TocEntry> Toc,
    int ReadingMinutes,
    Readability.Score Readability,
    IReadOnlyList<Reference> Sources,
    IReadOnlyList<ContentLink> Links)
{
    public static readonly RenderedBody Empty = new("", [], 0, new Readability.Score(0, 1, 0), [], []);
}
