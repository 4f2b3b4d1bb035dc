using System.Text.RegularExpressions;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>
/// What an editor who copied the README's example article must still change: its placeholder text (SITE044), and a
/// title or order another article of the same section already has (SITE045, SITE046). Warnings, so the copy builds and
/// the preview shows the page while it is being written; <c>build --strict</c> keeps them off the live site.
/// </summary>
internal static partial class EditorChecks
{
    /// <summary>The README example's placeholder phrases (README.md, "Writing an article"), with what replaces each.</summary>
    public static readonly IReadOnlyList<(string Text, string Replacement)> ExamplePhrases =
    [
        ("(70–160 characters)", "the article's own description of what readers find on the page"),
        ("One to three plain sentences shown at the top", "the article's own summary"),
        ("Plain words, short sentences.", "the article's own text"),
        ("Cite a study right after the claim", "the article's own text"),
        ("## A section heading", "a heading that says what the section is about"),
        ("Describe everything the picture shows", "a text alternative that says what this picture shows"),
        ("The caption readers see.", "the figure's own caption"),
    ];

    /// <summary>Each placeholder phrase of the README's example left in the file, at its place.</summary>
    public static void Placeholders(string text, string file, DiagnosticBag diagnostics)
    {
        LineMap? lines = null;
        foreach (var (phrase, replacement) in ExamplePhrases)
        {
            var at = text.IndexOf(phrase, StringComparison.Ordinal);
            if (at < 0) continue;
            lines ??= new LineMap(text);
            var (line, column) = lines.Place(at);
            diagnostics.Add(ContentDiagnostics.Placeholder, new SourceSpan(file, line, column), phrase, replacement);
        }
    }

    /// <summary>
    /// Articles of one section that share a title or an order (one that the file sets: an order left out is no clash).
    /// Every article involved is told, naming the others, so the warning is on the copy whichever file sorts first.
    /// </summary>
    /// <param name="textOf">A page's file text, to point at its key; null when it cannot be read.</param>
    public static void Clashes(IEnumerable<Page> pages, Func<Page, string?> textOf, DiagnosticBag diagnostics) =>
        Clashes(pages, pages, textOf, diagnostics);

    /// <summary>The clashes of <paramref name="checkedPages"/> with any of <paramref name="site"/> (the CMS checks one entry against the site).</summary>
    public static void Clashes(IEnumerable<Page> checkedPages, IEnumerable<Page> site, Func<Page, string?> textOf, DiagnosticBag diagnostics)
    {
        var articles = site.Where(p => p.IsArticle && p.Meta.Section is not null).ToList();
        foreach (var page in checkedPages.Where(p => p.IsArticle && p.Meta.Section is not null))
        {
            var section = page.Meta.Section!;
            var neighbours = articles.Where(p => p != page && p.Meta.Section == section && p.Source.DisplayPath != page.Source.DisplayPath).ToList();
            if (neighbours.Count == 0) continue;
            string? text = null;
            bool textRead = false;
            SourceSpan At(string key)
            {
                if (!textRead) { text = textOf(page); textRead = true; }
                return text is not null && ValueOf(text, key) is { } place
                    ? new SourceSpan(page.Source.DisplayPath, place.Line, place.Column) : SourceSpan.FileOnly(page.Source.DisplayPath);
            }
            var sameTitle = neighbours.Where(p => string.Equals(p.Meta.Title.Trim(), page.Meta.Title.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (sameTitle.Count > 0)
                diagnostics.Add(ContentDiagnostics.TitleInUse, At("title"), Names(sameTitle), page.Meta.Title, section);
            var sameOrder = neighbours.Where(p => p.Meta.Order == page.Meta.Order).ToList();
            if (sameOrder.Count == 0) continue;
            if (!textRead) { text = textOf(page); textRead = true; }
            if (text is null || ValueOf(text, "order") is null) continue;
            var others = sameOrder.Where(p => textOf(p) is not { } t || ValueOf(t, "order") is not null).ToList();
            if (others.Count == 0) continue;
            var used = neighbours.Select(p => p.Meta.Order).ToHashSet();
            var free = Enumerable.Range(1, used.Count + 1).First(n => !used.Contains(n));
            diagnostics.Add(ContentDiagnostics.OrderInUse, At("order"), page.Meta.Order, Names(others), section, free);
        }
    }

    private static string Names(IEnumerable<Page> pages) => string.Join(" and ", pages.Select(p => p.Source.DisplayPath).Order(StringComparer.Ordinal));

    /// <summary>Where a top-level front-matter key's value starts: 1-based line and column.</summary>
    public static (int Line, int Column)? ValueOf(string text, string key)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---") return null;
        for (var i = 1; i < lines.Length && lines[i].TrimEnd() != "---"; i++)
        {
            var m = KeyLine().Match(lines[i]);
            if (m.Success && m.Groups[1].Value == key) return (i + 1, m.Groups[2].Index + 1);
        }
        return null;
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(\S?)")]
    private static partial Regex KeyLine();

    /// <summary>Character offsets → 1-based line and column.</summary>
    private sealed class LineMap(string text)
    {
        private readonly List<int> _starts = Starts(text);

        private static List<int> Starts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++) if (text[i] == '\n') starts.Add(i + 1);
            return starts;
        }

        public (int Line, int Column) Place(int offset)
        {
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line + 1, offset - _starts[line] + 1);
        }
    }
}
