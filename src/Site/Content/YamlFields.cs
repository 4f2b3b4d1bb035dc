using System.Globalization;
using Site.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Content;

/// <summary>
/// Strict, position-keeping reads from one YAML mapping. Every read records the key as known;
/// <see cref="RejectUnknownKeys"/> then reports the rest, so a typo in front matter is an error at its line.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _map;
    private readonly string _file;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly List<(string Key, SourceSpan At)> _missing = [];

    public YamlFields(YamlMappingNode map, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        _map = map;
        _file = file;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
    }

    public SourceSpan MapSpan => Span(_map);

    public SourceSpan Span(YamlNode node) => At(node.Start);

    public SourceSpan At(Mark mark) => new(_file, (int)mark.Line + _lineOffset, (int)mark.Column);

    /// <summary>The span of a key's value, or of the mapping when the key is absent.</summary>
    public SourceSpan SpanOf(string key) => Find(key) is { } node ? Span(node) : MapSpan;

    public SourceSpan KeySpan(string key)
    {
        foreach (var (k, _) in _map.Children)
            if (k is YamlScalarNode { Value: var v } && v == key) return Span(k);
        return MapSpan;
    }

    public YamlNode? Find(string key)
    {
        _known.Add(key);
        foreach (var (k, v) in _map.Children)
            if (k is YamlScalarNode { Value: var name } && name == key) return v;
        return null;
    }

    /// <summary>
    /// An absent value: YAML null, or an empty string, which Decap CMS writes (<c>updated: ""</c>) when an editor clears
    /// an optional field. For a required key it is then reported as missing.
    /// </summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } or YamlScalarNode { Value: "" };

    public string? String(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, node is null ? MapSpan : Span(node));
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            _diagnostics.Add(ContentDiagnostics.WrongType, Span(node), key, "a text value");
            return null;
        }
        var value = scalar.Value!.Trim();
        if (value.Length == 0 && required)
        {
            _diagnostics.Add(ContentDiagnostics.EmptyValue, Span(node), key);
            return null;
        }
        return value;
    }

    public int? Int(string key)
    {
        var node = Find(key);
        if (node is null || IsNull(node)) return null;
        if (node is YamlScalarNode { Value: var v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            return n;
        _diagnostics.Add(ContentDiagnostics.WrongType, Span(node), key, "a whole number");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Find(key);
        if (node is null || IsNull(node)) return null;
        if (node is YamlScalarNode { Value: "true" or "false" } s) return s.Value == "true";
        _diagnostics.Add(ContentDiagnostics.WrongType, Span(node), key, "true or false");
        return null;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, node is null ? MapSpan : Span(node));
            return null;
        }
        if (node is YamlScalarNode { Value: var v } &&
            DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        var text = (node as YamlScalarNode)?.Value ?? node.NodeType.ToString();
        if (WhyNoSuchDate(text) is { } why) _diagnostics.Add(ContentDiagnostics.ImpossibleDate, Span(node), key, text, why);
        else _diagnostics.Add(ContentDiagnostics.InvalidDate, Span(node), key, text);
        return null;
    }

    /// <summary>A list of text values; a single scalar is not accepted, so editors learn the one list shape.</summary>
    public IReadOnlyList<(string Value, SourceSpan Span)> StringList(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, node is null ? MapSpan : Span(node));
            return [];
        }
        if (node is not YamlSequenceNode seq)
        {
            _diagnostics.Add(ContentDiagnostics.WrongType, Span(node), key, "a list, for example [a, b]");
            return [];
        }
        var list = new List<(string, SourceSpan)>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } v }) list.Add((v.Trim(), Span(item)));
            else _diagnostics.Add(ContentDiagnostics.WrongType, Span(item), key, "a list of text values");
        }
        return list;
    }

    public YamlSequenceNode? Sequence(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, MapSpan);
            return null;
        }
        if (node is YamlSequenceNode seq) return seq;
        _diagnostics.Add(ContentDiagnostics.WrongType, Span(node), key, "a list");
        return null;
    }

    public YamlMappingNode? Mapping(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, MapSpan);
            return null;
        }
        if (node is YamlMappingNode map) return map;
        _diagnostics.Add(ContentDiagnostics.WrongType, Span(node), key, "a mapping of keys to values");
        return null;
    }

    /// <summary>The free-form <c>extra:</c> map, as plain strings (nested values keep their YAML text).</summary>
    public IReadOnlyDictionary<string, string> Extra()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Mapping("extra") is not { } map) return result;
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode { Value: { } name }) result[name] = v is YamlScalarNode s ? s.Value ?? "" : v.ToString();
        return result;
    }

    /// <summary>A required key that is absent: reported by <see cref="RejectUnknownKeys"/>, unless a misspelling of it is.</summary>
    private void Missing(string key, SourceSpan at) => _missing.Add((key, at));

    /// <summary>
    /// Reports the keys no read asked for, each with the known key it is likely a typo of; a required key missing only
    /// because it was misspelt is that one mistake, reported once, at the misspelling.
    /// </summary>
    public void RejectUnknownKeys()
    {
        var known = string.Join(", ", _known.Order(StringComparer.Ordinal));
        var explained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, _) in _map.Children)
        {
            if (k is not YamlScalarNode { Value: { } name } || _known.Contains(name)) continue;
            var closest = Suggestions.Closest(name, _known);
            if (closest is not null) explained.Add(closest);
            _diagnostics.Add(ContentDiagnostics.UnknownKey, Span(k), name, closest is not null ? $"Did you mean '{closest}'?" : $"Known keys: {known}.");
        }
        foreach (var (key, at) in _missing)
            if (!explained.Contains(key)) _diagnostics.Add(ContentDiagnostics.MissingKey, at, key);
        _missing.Clear();
    }

    /// <summary>Why a date written YYYY-MM-DD does not exist ("November 2026 has 30 days"), or null when it is not written so.</summary>
    public static string? WhyNoSuchDate(string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 3 || parts[0].Length != 4 || parts[1].Length != 2 || parts[2].Length != 2
            || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var day))
            return null;
        if (month is < 1 or > 12) return $"there is no month {month}";
        var days = DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month);
        var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        if (day < 1 || day > days) return month == 2 && day == 29 ? $"{year} is not a leap year, so February has 28 days" : $"{monthName} {year} has {days} days";
        return null;
    }

    /// <summary>Parses YAML text into its single root node, reporting syntax errors at their true line.</summary>
    public static YamlNode? ParseRoot(string text, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        var parser = new RecordingParser(new YamlDotNet.Core.Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (ArgumentException) when (parser.Previous is { } previous)
        {
            // YamlDotNet's node builder rejects some event sequences the parser accepts ("- :", a key and value both
            // empty) with an ArgumentException and no position: the last event it read is next to the mistake.
            diagnostics.Add(ContentDiagnostics.YamlSyntax, new SourceSpan(file, (int)previous.Start.Line + lineOffset, (int)previous.Start.Column),
                "a key or list item here is empty or incomplete");
            return null;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // YamlDotNet's scanner throws InvalidOperationException, with no position, on some unclosed lists.
            var (message, line, column) = YamlErrors.Explain(text, ex);
            diagnostics.Add(ContentDiagnostics.YamlSyntax, new SourceSpan(file, line + lineOffset, column), message);
            return null;
        }
    }
}

/// <summary>Remembers the event before the current one, to give a place to errors that come without one.</summary>
internal sealed class RecordingParser(YamlDotNet.Core.IParser inner) : YamlDotNet.Core.IParser
{
    public YamlDotNet.Core.Events.ParsingEvent? Previous { get; private set; }

    public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        Previous = inner.Current ?? Previous;
        return inner.MoveNext();
    }
}
