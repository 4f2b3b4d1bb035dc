using YamlDotNet.Core;

namespace Site.Yaml;

/// <summary>
/// What every YAML reader of the site (front matter, site.yml, references, the questionnaire, the synonyms) says when
/// YamlDotNet gives up. The common mistakes of editors get a plain sentence with the fix, at the place to fix, rather
/// than the parser's words ("while scanning a plain scalar value, found invalid mapping") at the place it noticed.
/// </summary>
internal static class YamlErrors
{
    /// <summary>A plain explanation of why <paramref name="text"/> could not be read, and the 1-based line and column to show.</summary>
    public static (string Message, int Line, int Column) Explain(string text, Exception ex)
    {
        var lines = text.Split('\n');
        string LineText(int line) => line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : "";

        // A tab in the indentation: YamlDotNet points at the mapping it was reading, often lines above.
        for (var i = 0; i < lines.Length; i++)
        {
            var leading = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, leading);
            if (tab >= 0 && lines[i].Trim().Length > 0)
                return ("a tab is used to indent this line, and YAML allows only spaces: replace the tab with spaces (or remove it, if the key should start the line).", i + 1, tab + 1);
        }

        if (ex is not YamlException yaml)
            return UnclosedBracket(lines) ?? ("the YAML could not be read after this point; look for an unclosed [ or { or quote.", 1, 1);

        var raw = Message(yaml);
        var (line, column) = ((int)yaml.Start.Line, (int)yaml.Start.Column);
        var here = LineText(line);
        if (raw.Contains("quoted scalar", StringComparison.Ordinal))
        {
            var quote = column - 1 < here.Length && here[column - 1] is '"' or '\'' ? here[column - 1] : '"';
            return ($"the quote ({quote}) that opens this value is never closed: add a closing {quote} at the end of the value, on the same line.", line, column);
        }
        var indent = here.Length - here.TrimStart(' ').Length;
        var above = line > 1 ? LineText(line - 1) : "";
        var aboveKeys = above.Length - above.TrimStart(' ').Length + (above.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? 2 : 0);
        if (indent > aboveKeys && !here.TrimStart().StartsWith('-') && above.Trim().Length > 0 && !above.TrimEnd().EndsWith(':') && here.Contains(':'))
        {
            // "  key: value" under "other: value": YAML reads it as more of the value above.
            var word = here.Trim().Split(':')[0];
            return ($"this line is indented, so YAML reads it as part of the line above: keys start at the beginning of the line, so remove the {indent} space(s) before '{word}'.", line, 1);
        }
        if (raw.Contains("found invalid mapping", StringComparison.Ordinal) || raw.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
        {
            var colon = here.IndexOf(':');
            if (colon > 0)
            {
                var key = here[..colon].Trim();
                var value = here[(colon + 1)..].Trim().Replace("\"", "\\\"");
                return ($"the value of '{key}' contains a colon followed by a space, which YAML reads as the start of another key: put the whole value in double quotes, {key}: \"{value}\"", line, column);
            }
        }
        if (UnclosedBracket(lines) is { } bracket && (raw.Contains("flow", StringComparison.OrdinalIgnoreCase) || raw.Contains("','", StringComparison.Ordinal) || raw.Contains("end of stream", StringComparison.Ordinal)))
            return bracket;
        if (raw.Contains("did not find expected key", StringComparison.Ordinal) || raw.Contains("block mapping", StringComparison.Ordinal))
        {
            // The first line that is indented more than a key at this level can be.
            for (var l = 1; l <= lines.Length; l++)
            {
                var t = LineText(l);
                var spaces = t.Length - t.TrimStart(' ').Length;
                if (spaces > 0 && l >= 1 && l <= line && !t.TrimStart().StartsWith('-') && !(l > 1 && LineText(l - 1).TrimEnd().EndsWith(':')) && t.Trim().Length > 0)
                {
                    var word = t.Trim().Split(':')[0];
                    return ($"this line is indented, so YAML reads it as part of the line above: keys start at the beginning of the line, so remove the {spaces} space(s) before '{word}'.", l, 1);
                }
            }
        }
        return (raw.Length > 0 ? char.ToLowerInvariant(raw[0]) + raw[1..] : raw, line, column);
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
}
