using Site.Content;
using Site.Diagnostics;
using Site.Search;

namespace Site.Markdown;

/// <summary>An entry of a page's table of contents (h2 and h3).</summary>
internal sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A link or image target written in Markdown, with where it was written, for link diagnostics.</summary>
internal sealed record ContentLink(string Target, SourceSpan At, bool IsImage);

/// <summary>A Markdown fragment of a data file, rendered: its HTML (empty when it has errors) and its links, placed in that file.</summary>
internal sealed record RenderedFragment(string Html, IReadOnlyList<ContentLink> Links);

/// <summary>A question of the FAQ (an h2) and its answer (the prose up to the next h2), for structured data.</summary>
internal sealed record FaqEntry(string Question, string Answer);

/// <summary>
/// A page's body after the Markdown stage: its final HTML and the small facts later stages need. The syntax tree is
/// gone by then; nothing downstream parses the HTML again.
/// </summary>
/// <param name="Utf8Html">The body HTML as UTF-8, as it is written: half the memory of a string, and no encoding at write time.</param>
internal sealed record RenderedBody(
    byte[] Utf8Html,
    IReadOnlyList<TocEntry> Toc,
    int ReadingMinutes,
    Readability.Score Readability,
    IReadOnlyList<Reference> Sources,
    IReadOnlyList<ContentLink> Links,
    IReadOnlySet<string> Ids,
    IReadOnlyList<SearchDocument> SearchDocuments,
    IReadOnlyList<FaqEntry> Faq)
{
    /// <summary>The body HTML as text (tests and the kept output read it).</summary>
    public string Html => System.Text.Encoding.UTF8.GetString(Utf8Html);

    public static readonly RenderedBody Empty = new([], [], 0, new Readability.Score(0, 1, 0), [], [], new HashSet<string>(), [], []);
}
