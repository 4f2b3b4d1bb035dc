using YamlDotNet.Core;

namespace Site.Yaml;

/// <summary>
/// What every YAML file of the site (front matter, site.yml, references, the questionnaire, the synonyms) says when
/// YamlDotNet gives up. Each explanation is a plain sentence with one fix, at the place to fix, and the fix works when
/// it is followed to the letter (tests apply it and read the file again); YamlDotNet's own words ("while parsing a
/// block collection, did not find expected '-' indicator") never reach an editor.
/// </summary>
internal static class YamlErrors
{
    /// <summary>Characters that YAML reads as syntax when a plain value starts with them.</summary>
    private const string Indicators = "@`!%&*|>{}[],#?";

    /// <summary>A plain explanation of why <paramref name="text"/> could not be read, and the 1-based line and column (in
    /// <paramref name="text"/>) to show.</summary>
    /// <param name="lineOffset">Added to line numbers named in the message, so they are the file's lines.</param>
    public static (string Message, int Line, int Column) Explain(string text, Exception ex, int lineOffset = 0)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        string LineText(int line) => line >= 1 && line <= lines.Length ? lines[line - 1] : "";

        // A tab in the indentation: YamlDotNet points at the mapping it was reading, often lines above.
        for (var i = 0; i < lines.Length; i++)
        {
            var leading = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, leading);
            if (tab >= 0 && lines[i].Trim().Length > 0)
                return ("a tab is used to indent this line, and YAML allows only spaces: replace the tab with spaces (or remove it, if the key should start the line).", i + 1, tab + 1);
        }

        var yaml = ex as YamlException;
        var raw = yaml is null ? "" : Message(yaml);
        var (line, column) = yaml is null ? (lines.Length, 1) : ((int)yaml.Start.Line, (int)yaml.Start.Column);
        var here = LineText(line);

        if (raw.Contains("quoted scalar", StringComparison.Ordinal))
        {
            var quote = column - 1 < here.Length && here[column - 1] is '"' or '\'' ? here[column - 1] : '"';
            return ($"the quote ({quote}) that opens this value is never closed: add a closing {quote} at the end of the value, on the same line.", line, column);
        }
        if (Indentation.Find(lines, line, lineOffset) is { } misindented) return misindented;
        if (raw.Contains("found invalid mapping", StringComparison.Ordinal) || raw.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
        {
            var colon = here.IndexOf(':');
            if (colon > 0)
            {
                var key = here[..colon].Trim().TrimStart('-', ' ');
                var value = here[(colon + 1)..].Trim().Replace("\"", "\\\"");
                return ($"the value of '{key}' contains a colon followed by a space, which YAML reads as the start of another key: put the whole value in double quotes, {key}: \"{value}\"", line, column);
            }
        }
        if (UnclosedBracket(lines) is { } bracket) return bracket;
        if (StartsWithIndicator(here) is { } quoted) return quoted with { Line = line };
        if (raw.Contains("could not find expected ':'", StringComparison.Ordinal))
            return ("this line is not a 'key: value' line: add ':' and a space after the key, or delete the line.", line, 1);
        if (here.Trim().Length == 0 && line == lines.Length)
            return ("the file ends before its last value is complete: look for an unclosed [ or { or quote above, or a key with nothing under it.", line, 1);
        return ("YAML cannot read this line: check that it is written 'key: value' with the same indentation as the keys beside it, and put a value that starts with one of @ ` ! % & * | > { } [ ] , # ? in double quotes.", line, column);
    }

    /// <summary>A line whose value starts with a character YAML reads as syntax: quote it.</summary>
    private static (string Message, int Line, int Column)? StartsWithIndicator(string here)
    {
        var colon = here.IndexOf(": ", StringComparison.Ordinal);
        var item = here.TrimStart().StartsWith("- ", StringComparison.Ordinal);
        var start = colon >= 0 ? colon + 2 : item ? here.IndexOf("- ", StringComparison.Ordinal) + 2 : -1;
        if (start < 0) return null;
        while (start < here.Length && here[start] == ' ') start++;
        if (start >= here.Length || Indicators.IndexOf(here[start]) < 0 || here[start] is '[' or '{' or '|' or '>' or '#') return null;
        var value = here[start..].TrimEnd();
        var escaped = value.Replace("\\", "\\\\").Replace("\"", "\\\"");
        var key = colon >= 0 ? here[..colon].Trim().TrimStart('-', ' ') : null;
        var what = key is not null ? $"the value of '{key}'" : "this list item";
        var written = key is not null ? $"{key}: \"{escaped}\"" : $"- \"{escaped}\"";
        return ($"{what} starts with '{here[start]}', which YAML reads as syntax: put the whole value in double quotes, {written}", 0, start + 1);
    }

    /// <summary>A line with a '[' (or '{') that is not closed on it: editors write lists on one line.</summary>
    private static (string, int, int)? UnclosedBracket(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            foreach (var (open, close) in new[] { ('[', ']'), ('{', '}') })
            {
                var at = l.IndexOf(open);
                if (at >= 0 && l.Count(c => c == open) > l.Count(c => c == close))
                    return ($"the list that starts with '{open}' here is not closed: end it with '{close}' on the same line, as in [first, second].", i + 1, at + 1);
            }
        }
        return null;
    }

    /// <summary>The message without the "(Line: 3, Col: 5, Idx: 40) - (Line: …): " prefix; the diagnostic prints the place itself.</summary>
    public static string Message(Exception ex)
    {
        var message = (ex.InnerException ?? ex).Message;
        if (!message.StartsWith("(Line:", StringComparison.Ordinal)) return message.Trim();
        var cut = message.IndexOf("): ", message.IndexOf(") - (", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        return cut < 0 ? message.Trim() : message[(cut + 3)..].Trim();
    }

    /// <summary>
    /// Finds the first key whose indentation matches none of the keys it could belong to, by following the block
    /// structure line by line (each key's level, the list items and their keys, what a 'key:' line opens), and says how
    /// many spaces to add or remove to line it up with its nearest level. A tie goes to the deeper level: the key of a
    /// list item indented one space ('- id: a' then ' citation: b') belongs with 'id'.
    /// </summary>
    private static class Indentation
    {
        private sealed record Level(int Indent, int Line, string Key, bool Items);

        public static (string Message, int Line, int Column)? Find(string[] lines, int errorLine, int lineOffset)
        {
            var stack = new List<Level>();
            var opened = -1;        // the indentation of a line that opened a block ('key:' or '-'), or -1
            var scalarAbove = -1;   // inside a block scalar ('key: |'): lines indented more than this are its text
            var flowDepth = 0;      // inside a list or mapping in brackets over several lines
            for (var n = 1; n <= Math.Min(errorLine, lines.Length); n++)
            {
                var t = lines[n - 1];
                var content = t.TrimStart(' ');
                if (content.Length == 0 || content.StartsWith('#') || content is "---" or "...") continue;
                var indent = t.Length - content.Length;
                if (scalarAbove >= 0 && indent > scalarAbove) continue;
                scalarAbove = -1;
                if (flowDepth > 0) { flowDepth += Depth(content); continue; }
                var isItem = content == "-" || content.StartsWith("- ", StringComparison.Ordinal);
                var key = KeyOf(isItem ? content[1..].TrimStart() : content);
                if (!isItem && key is null)
                {
                    // No key: the next line of a value written over several lines, which YAML allows.
                    continue;
                }

                if (stack.Count == 0 || (opened >= 0 && indent > opened) || (opened >= 0 && isItem && indent == opened && !stack[^1].Items))
                {
                    stack.Add(new Level(indent, n, key ?? content, isItem));
                }
                else
                {
                    Level? deeper = null;
                    while (stack.Count > 0 && stack[^1].Indent > indent) { deeper = stack[^1]; stack.RemoveAt(stack.Count - 1); }
                    var level = stack.Count > 0 ? stack[^1] : null;
                    if (level is null || level.Indent != indent)
                        return Advice(t, n, indent, Nearest(indent, level, deeper, isItem), lineOffset);
                    if (level.Items && !isItem && deeper is not null)
                        return Advice(t, n, indent, deeper, lineOffset, itemsHere: true);
                    stack[^1] = level with { Line = n, Key = key ?? content };
                }
                opened = -1;
                var rest = isItem ? content[1..].TrimStart() : content;
                if (isItem)
                {
                    if (rest.Length == 0) { opened = indent; continue; }
                    var keyColumn = indent + (content.Length - rest.Length);
                    if (key is not null) stack.Add(new Level(keyColumn, n, key, false));
                    else { flowDepth = Depth(rest); continue; }
                    indent = keyColumn;
                }
                var value = key is null ? rest : rest[(rest.IndexOf(':') + 1)..].Trim();
                if (value.Length == 0 || value.StartsWith('#')) opened = indent;
                else if (value[0] is '|' or '>') scalarAbove = indent;
                else flowDepth = Depth(value);
            }
            return null;
        }

        /// <summary>
        /// The level nearer to <paramref name="indent"/>. On a tie, the one of the same kind (a list item goes with the
        /// items, a key with the keys), else the deeper one.
        /// </summary>
        private static Level? Nearest(int indent, Level? shallower, Level? deeper, bool isItem)
        {
            if (shallower is null || deeper is null) return shallower ?? deeper;
            var (up, down) = (indent - shallower.Indent, deeper.Indent - indent);
            if (up != down) return down < up ? deeper : shallower;
            return shallower.Items == isItem && deeper.Items != isItem ? shallower : deeper;
        }

        private static (string, int, int)? Advice(string text, int line, int indent, Level? target, int lineOffset, bool itemsHere = false)
        {
            if (target is null) return null;
            var word = Label(text.TrimStart(' '));
            var difference = target.Indent - indent;
            var fix = difference > 0 ? $"add {Spaces(difference)} before '{word}'" : $"remove {Spaces(-difference)} before '{word}'";
            var where = target.Indent == 0 ? "start at the beginning of the line" : $"are indented {Spaces(target.Indent)}";
            var beside = target.Items ? "the list items beside it" : "the keys beside it";
            var name = target.Items && !target.Key.StartsWith('-') ? "- " + target.Key : target.Key;
            var message = itemsHere
                ? $"'{word}' starts where this list's items start with '- ', so YAML cannot tell which item it belongs to. The keys of an item {where} (as '{name}' on line {target.Line + lineOffset}): {fix}."
                : $"'{word}' is indented {Spaces(indent)}, but {beside} {where} (as '{name}' on line {target.Line + lineOffset}): {fix}.";
            return (message, line, 1);
        }

        private static string Spaces(int n) => n == 1 ? "1 space" : $"{n} spaces";

        /// <summary>What to call the line in the message: its key, or its first words.</summary>
        private static string Label(string content) =>
            KeyOf(content.StartsWith("- ", StringComparison.Ordinal) ? content[2..].TrimStart() : content) is { } key
                ? content.StartsWith("- ", StringComparison.Ordinal) ? "- " + key : key
                : content.Length > 30 ? content[..30] : content;

        /// <summary>The key of a 'key: value' or 'key:' line, or null.</summary>
        private static string? KeyOf(string content)
        {
            if (content.Length == 0 || content[0] is '[' or '{' or '"' or '\'' or '-' or '#') return null;
            var colon = content.IndexOf(':');
            while (colon >= 0 && colon + 1 < content.Length && content[colon + 1] != ' ') colon = content.IndexOf(':', colon + 1);
            return colon > 0 ? content[..colon].Trim() : null;
        }

        private static int Depth(string text) => Math.Max(0, text.Count(c => c is '[' or '{') - text.Count(c => c is ']' or '}'));
    }
}
