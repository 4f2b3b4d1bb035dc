namespace Site.Diagnostics;

/// <summary>
/// The one way from a character offset in a file's text to the line and column a diagnostic shows. Lines end at '\n'
/// (a '\r' before it is the end of its line, so CRLF files count as LF files do); columns count characters from 1, a
/// tab as one, as compilers and MSBuild do; the text is the decoded file, so a BOM is not counted. Markdig's own
/// <c>Line</c> and <c>Column</c> are relative to a table cell or another container in some of its parsers, and drift
/// after them: every Markdown position goes through a node's <c>Span.Start</c> and this map instead.
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> _starts = [0];
    private readonly int _length;

    public LineMap(string text)
    {
        _length = text.Length;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) _starts.Add(i + 1);
    }

    /// <summary>1-based line and column of <paramref name="offset"/> (clamped to the text).</summary>
    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        var index = _starts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _starts[line] + 1);
    }

    public SourceSpan At(string file, int offset)
    {
        var (line, column) = Position(offset);
        return new SourceSpan(file, line, column);
    }

    /// <summary>The offset where 1-based <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => _starts[Math.Clamp(line - 1, 0, _starts.Count - 1)];
}
