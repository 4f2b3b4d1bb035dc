using Site.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Site.Yaml;

/// <summary>
/// The one YAML reader of the site. It builds a small positioned tree (<see cref="YNode"/>) from YamlDotNet's parser
/// events rather than its representation model, because the model expands aliases (nine levels of
/// <c>&amp;a [*a, *a, …]</c> are a billion nodes: OutOfMemory), throws on a duplicate key without saying where, and
/// stops at the first problem. Here anchors and aliases are refused at the <c>&amp;</c> or <c>*</c>, a key written
/// twice is reported at its line, and a syntax error inside one top-level key is reported and that key set aside, so
/// the rest of the file is still read and checked.
/// </summary>
internal static class YamlDocument
{
    /// <summary>Lists and mappings inside each other: the questionnaire, the deepest file, needs 6.</summary>
    public const int MaxDepth = 50;

    /// <summary>How many syntax errors one file reports before the reader gives up on it.</summary>
    private const int MaxSyntaxErrors = 20;

    /// <param name="lineOffset">Added to every line: front matter starts below the file's first line.</param>
    public static YamlRead Parse(string text, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        var lines = text.Split('\n');
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var hasErrors = false;
        for (var attempt = 0; ; attempt++)
        {
            var current = string.Join('\n', lines);
            var local = new DiagnosticBag();
            try
            {
                var root = Read(current, file, lineOffset, local);
                if (root is YMapping map && unreadable.Count > 0) root = map with { SetAside = new HashSet<string>([.. map.SetAside, .. unreadable], StringComparer.Ordinal) };
                diagnostics.AddRange(local.Sorted());
                return new YamlRead(root, hasErrors || local.HasErrors);
            }
            catch (Exception ex) when (ex is YamlException or YamlMistake or InvalidOperationException or ArgumentException)
            {
                // YamlDotNet's scanner throws InvalidOperationException, with no position, on some unclosed lists.
                var (message, line, column) = ex is YamlMistake mistake
                    ? (mistake.Message, mistake.At.Line - lineOffset, AtColon(lines, mistake.At.Line - lineOffset, mistake.At.Column))
                    : YamlErrors.Explain(current, ex, lineOffset);
                diagnostics.Add(YamlDiagnostics.Syntax, new SourceSpan(file, line + lineOffset, column), message);
                hasErrors = true;
                if (attempt + 1 >= MaxSyntaxErrors || SetAside(lines, line, unreadable) is false)
                    return new YamlRead(null, true);
            }
        }
    }

    /// <summary>
    /// Blanks the top-level entry (a key with everything indented under it, or a list item) that holds
    /// <paramref name="line"/>, keeping the line count so later positions stay true; false when there is none left to blank.
    /// </summary>
    private static bool SetAside(string[] lines, int line, HashSet<string> unreadable)
    {
        // An error on an empty line (the end of the file, or a part already set aside) has no entry of its own.
        if (line < 1 || line > lines.Length || lines[line - 1].Trim().Length == 0) return false;
        var isList = lines.FirstOrDefault(IsTopLevel) is { } first && IsItem(first);
        bool StartsEntry(string l) => IsTopLevel(l) && (!isList || IsItem(l));
        var start = line - 1;
        while (start >= 0 && !StartsEntry(lines[start])) start--;
        if (start < 0) return false;
        var end = start + 1;
        while (end < lines.Length && !StartsEntry(lines[end])) end++;
        if (!isList)
        {
            var key = lines[start].Split(':')[0].Trim().Trim('"', '\'');
            unreadable.Add(key);
        }
        for (var i = start; i < end; i++) lines[i] = "";
        return true;
    }

    /// <summary>The column of the ':' an empty key was written before (YamlDotNet places the key after it).</summary>
    private static int AtColon(string[] lines, int line, int column)
    {
        if (line < 1 || line > lines.Length) return column;
        var text = lines[line - 1];
        var colon = text.LastIndexOf(':', Math.Clamp(column - 1, 0, Math.Max(0, text.Length - 1)));
        return colon >= 0 ? colon + 1 : column;
    }

    private static bool IsTopLevel(string line) => line.Length > 0 && line[0] is not (' ' or '\t' or '#' or '\r') && line.TrimEnd() is not ("---" or "...");

    private static bool IsItem(string line) => line.StartsWith('-') && (line.Length == 1 || line[1] is ' ' or '\r');

    private static YNode? Read(string text, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        var root = new Builder(file, lineOffset, diagnostics).Node(parser);
        if (root is YRefused) root = null;
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var next))
            diagnostics.Add(YamlDiagnostics.SeveralDocuments, At(file, lineOffset, next.Start));
        return root;
    }

    private static SourceSpan At(string file, int lineOffset, Mark mark) =>
        new(file, (int)Math.Max(1, mark.Line) + lineOffset, (int)Math.Max(1, mark.Column));

    private sealed class Builder(string file, int lineOffset, DiagnosticBag diagnostics)
    {
        private SourceSpan At(Mark mark) => YamlDocument.At(file, lineOffset, mark);

        private int _depth;

        public YNode Node(IParser parser)
        {
            // Lists and mappings are read by recursion: a hostile file nested thousands deep ('[[[[…') would overflow
            // the stack and end the process. Past MaxDepth the part is reported once and skipped without recursion.
            if (parser.Current is SequenceStart or MappingStart && _depth >= MaxDepth)
            {
                diagnostics.Add(YamlDiagnostics.TooDeep, At(parser.Current.Start), MaxDepth);
                var start = parser.Current.Start;
                for (var level = 0; ;)
                {
                    if (parser.Current is SequenceStart or MappingStart) level++;
                    else if (parser.Current is SequenceEnd or MappingEnd) level--;
                    parser.MoveNext();
                    if (level == 0) break;
                }
                return new YRefused(At(start));
            }
            _depth++;
            try
            {
                return ReadNode(parser);
            }
            finally
            {
                _depth--;
            }
        }

        private YNode ReadNode(IParser parser)
        {
            // A node event's start is its anchor when it has one: the place to show.
            if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
                diagnostics.Add(YamlDiagnostics.AliasRefused, At(anchored.Start));

            if (parser.TryConsume<Scalar>(out var scalar))
                return new YScalar(scalar.Value, scalar.Style, At(scalar.Start));

            if (parser.TryConsume<SequenceStart>(out var seqStart))
            {
                var items = new List<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                    if (Node(parser) is var item and not YRefused) items.Add(item);
                return new YSequence(items, At(seqStart.Start));
            }

            if (parser.TryConsume<MappingStart>(out var mapStart))
            {
                var entries = new List<YEntry>();
                var setAside = new HashSet<string>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = Node(parser);
                    // "- :" (a colon with no key and no value): YamlDotNet ends the mapping after the empty key and
                    // only fails lines later, at the next item, with words about a '-' indicator.
                    if (keyNode is YScalar { Value: "", Style: ScalarStyle.Plain } && parser.Current is MappingEnd)
                        throw new YamlMistake(keyNode.Span, "this line has a ':' with nothing before it: write the key's name before the ':' (or delete the line if it is not needed).");
                    var value = Node(parser);
                    if (keyNode is YRefused) continue;
                    if (keyNode is not YScalar key)
                    {
                        diagnostics.Add(YamlDiagnostics.KeyNotText, keyNode.Span);
                        continue;
                    }
                    if (entries.Find(e => e.Key.Value == key.Value) is { } first)
                    {
                        diagnostics.Add(YamlDiagnostics.DuplicateKey, key.Span, key.Value, first.Key.Span.Line);
                        continue;
                    }
                    // An alias is reported where it is written; the key is then neither missing nor a wrong type.
                    if (value is YRefused) setAside.Add(key.Value);
                    else entries.Add(new YEntry(key, value));
                }
                return new YMapping(entries, At(mapStart.Start)) { SetAside = setAside };
            }

            var other = parser.Current!;
            if (other is AnchorAlias)
            {
                // Never resolved: an alias read as nothing cannot multiply.
                diagnostics.Add(YamlDiagnostics.AliasRefused, At(other.Start));
                parser.MoveNext();
                return new YRefused(At(other.Start));
            }
            throw new YamlException(other.Start, other.End, $"unexpected {other.GetType().Name}");
        }
    }

    /// <summary>A mistake this reader recognises before YamlDotNet does, with its plain message and place.</summary>
    private sealed class YamlMistake(SourceSpan at, string message) : Exception(message)
    {
        public SourceSpan At { get; } = at;
    }

    /// <summary>A node written back as short flow YAML, for free-form values (<c>extra:</c>) that templates see as text.</summary>
    public static string Text(YNode node) => node switch
    {
        YScalar s => s.Value,
        YSequence seq => "[" + string.Join(", ", seq.Items.Select(Text)) + "]",
        YMapping map => "{" + string.Join(", ", map.Entries.Select(e => e.Key.Value + ": " + Text(e.Value))) + "}",
        _ => "",
    };
}
