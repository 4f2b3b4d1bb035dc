using Markdig;
using Markdig.Syntax;
using Site.Diagnostics;
using SourceSpan = Site.Diagnostics.SourceSpan;

namespace Site.Markdown;

/// <summary>
/// Keeps absurdly deep Markdown (a line of 5,000 '&gt;', a list nested 1,500 deep, 400 '*' around a word) from reaching
/// Markdig, which throws an exception without a position once its containers nest 128 deep (in the parser for blocks,
/// in the renderer for emphasis and links inside them); and from the recursive walks after it. The
/// scan is a cheap approximation of CommonMark's container rules (block quote markers, list markers and their
/// indentation); anything it misses is still caught around the parse and reported at the deepest line it saw.
/// </summary>
internal static class NestingGuard
{
    /// <summary>Block quotes and lists inside each other. Markdig counts a list as two levels (list and item), so 32
    /// stays well below its limit of 128 while no readable page comes near it.</summary>
    public const int MaxLevels = 32;

    /// <summary>
    /// Parses <paramref name="text"/> with <paramref name="pipeline"/>, or returns null after adding SITE059 at the
    /// file, line and column where the nesting goes too deep.
    /// </summary>
    public static MarkdownDocument? Parse(string text, LineMap lines, MarkdownPipeline pipeline, string displayPath, DiagnosticBag diagnostics)
    {
        var deepest = Deepest(text);
        if (deepest.Levels > MaxLevels)
        {
            diagnostics.Add(MarkdownDiagnostics.TooDeeplyNested, lines.At(displayPath, deepest.Offset), deepest.Levels, MaxLevels);
            return null;
        }
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            diagnostics.Add(MarkdownDiagnostics.TooDeeplyNested, lines.At(displayPath, deepest.Offset), deepest.Levels, MaxLevels);
            return null;
        }
        // Emphasis, links and brackets nest inside the blocks; Markdig parses 200 levels of '*' but throws when it renders them.
        // A tree nested past MaxTreeDepth (emphasis inside emphasis, hundreds deep) parses, but would overflow Markdig's
        // recursive renderer: the one walk of the tree (BodyRenderer) stops there and reports it before anything renders.
        return document;
    }

    /// <summary>Levels of the syntax tree (blocks and inlines) a page may have; Markdig's renderer stops near 130.</summary>
    public const int MaxTreeDepth = 100;

    /// <summary>The character offset of the first marker past <see cref="MaxLevels"/> (or of the deepest one) and its
    /// level, from a scan of the lines: the point is not to recurse.</summary>
    public static (int Offset, int Levels) Deepest(string text)
    {
        var best = (Offset: 0, Levels: 0);
        var lists = new Stack<int>(); // content columns of the open list items, from indentation
        var lineNumber = 0;
        var inFence = false;
        var inFrontMatter = text.StartsWith("---", StringComparison.Ordinal);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lineNumber++;
            var lineStart = range.Start.GetOffset(text.Length);
            var line = text.AsSpan()[range].TrimEnd('\r');
            if (inFrontMatter)
            {
                if (lineNumber > 1 && (line is "---" or "...")) inFrontMatter = false;
                continue;
            }
            var trimmed = line.TrimStart(" \t");
            if (trimmed.StartsWith("```") || trimmed.StartsWith("~~~")) { inFence = !inFence; continue; }
            if (inFence || trimmed.IsEmpty) continue;

            var indent = line.Length - trimmed.Length;
            while (lists.Count > 0 && lists.Peek() > indent) lists.Pop();
            var levels = trimmed[0] == '>' ? 0 : lists.Count; // a quoted line ends the lists around it, near enough
            if (trimmed[0] == '>') lists.Clear();

            var at = indent;
            var first = true;
            while (at < line.Length)
            {
                while (at < line.Length && line[at] is ' ' or '\t') at++;
                if (at >= line.Length) break;
                var markerAt = at;
                var width = line[at] == '>' ? 1 : ListMarkerWidth(line[at..]);
                if (width == 0) break;
                at += width;
                levels++;
                if (line[markerAt] != '>' && first && lists.Count == levels - 1)
                    lists.Push(at + 1); // a sub-list must start at or after this item's content
                first = false;
                if (levels > best.Levels && best.Levels <= MaxLevels) best = (lineStart + markerAt, levels);
                if (levels > MaxLevels) break; // the first place it crosses the limit is the one to fix
            }
            if (best.Levels > MaxLevels) return best;
        }
        return best;
    }

    /// <summary>The width of a list marker at the start of <paramref name="s"/> ('-', '*', '+' or up to nine digits and
    /// '.' or ')', followed by a space, a tab or the end of the line), or 0.</summary>
    private static int ListMarkerWidth(ReadOnlySpan<char> s)
    {
        var width = s[0] is '-' or '*' or '+' ? 1 : 0;
        if (width == 0)
        {
            while (width < s.Length && width < 9 && char.IsAsciiDigit(s[width])) width++;
            if (width == 0 || width >= s.Length || s[width] is not ('.' or ')')) return 0;
            width++;
        }
        return width == s.Length || s[width] is ' ' or '\t' ? width : 0;
    }
}
