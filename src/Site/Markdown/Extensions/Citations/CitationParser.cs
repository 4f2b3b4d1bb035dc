using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Site.Markdown.Extensions.Citations;

/// <summary>
/// Parses <c>[@id]</c> and <c>[@id; @id2]</c>. It runs before the link parser, which is also triggered on '[',
/// and declines anything that is not exactly a citation so ordinary links are untouched.
/// </summary>
internal sealed class CitationParser : InlineParser
{
    public CitationParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '@') return false;
        var start = slice.Start;
        var text = slice.Text;
        var end = text.IndexOf(']', start, slice.End - start + 1);
        if (end < 0) return false;
        var inner = text.AsSpan(start + 1, end - start - 1);
        var ids = new List<string>();
        foreach (var part in inner.ToString().Split(';'))
        {
            var p = part.Trim();
            if (p.Length < 2 || p[0] != '@') return false;
            var id = p[1..];
            if (!id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')) return false;
            ids.Add(id);
        }
        processor.Inline = new CitationInline
        {
            Ids = ids,
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(end)),
            Line = line,
            Column = column,
        };
        slice.Start = end + 1;
        return true;
    }
}
