using System.Globalization;
using Site.Content;
using Site.Diagnostics;
using YamlDotNet.Core;

namespace Site.Yaml;

/// <summary>
/// Strict, position-keeping reads from one YAML mapping. Every read records the key as known;
/// <see cref="RejectUnknownKeys"/> then reports the rest, so a typo in front matter is an error at its line.
/// </summary>
/// <param name="freeForm">Whether this mapping has an <c>extra:</c> map for free-form data, to say so to an unknown key.</param>
internal sealed class YamlFields(YMapping map, DiagnosticBag diagnostics, bool freeForm = false)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly List<(string Key, SourceSpan At)> _missing = [];
    /// <summary>Keys already reported (an alias, a syntax error inside them): neither missing nor unknown.</summary>
    private readonly IReadOnlySet<string> _unreadable = map.SetAside;

    public SourceSpan MapSpan => map.Span;

    public static SourceSpan Span(YNode node) => node.Span;

    /// <summary>The span of a key's value, or of the mapping when the key is absent.</summary>
    public SourceSpan SpanOf(string key) => map.Entry(key) is { } e ? e.Value.Span : MapSpan;

    public YNode? Find(string key)
    {
        _known.Add(key);
        return map.Entry(key)?.Value;
    }

    /// <summary>
    /// An absent value: YAML null, or an empty string, which Decap CMS writes (<c>updated: ""</c>) when an editor clears
    /// an optional field. For a required key it is then reported as missing.
    /// </summary>
    private static bool IsNull(YNode node) =>
        node is YScalar { Style: ScalarStyle.Plain, Value: "" or "~" or "null" } or YScalar { Value: "" };

    public string? String(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, node is null ? MapSpan : Span(node));
            return null;
        }
        if (node is not YScalar scalar)
        {
            diagnostics.Add(YamlDiagnostics.WrongType, Span(node), key, "a text value");
            return null;
        }
        var value = scalar.Value.Trim();
        if (value.Length == 0 && required)
        {
            diagnostics.Add(YamlDiagnostics.EmptyValue, Span(node), key);
            return null;
        }
        return value;
    }

    public int? Int(string key)
    {
        var node = Find(key);
        if (node is null || IsNull(node)) return null;
        if (node is YScalar { Value: var v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            return n;
        diagnostics.Add(YamlDiagnostics.WrongType, Span(node), key, "a whole number");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Find(key);
        if (node is null || IsNull(node)) return null;
        if (node is YScalar { Value: "true" or "false" } s) return s.Value == "true";
        diagnostics.Add(YamlDiagnostics.WrongType, Span(node), key, "true or false");
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
        if (node is YScalar { Value: var v } &&
            DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        var text = node is YScalar sv ? sv.Value : YamlDocument.Text(node);
        if (WhyNoSuchDate(text) is { } why) diagnostics.Add(ContentDiagnostics.ImpossibleDate, Span(node), key, text, why);
        else diagnostics.Add(ContentDiagnostics.InvalidDate, Span(node), key, text);
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
        if (node is not YSequence seq)
        {
            diagnostics.Add(YamlDiagnostics.WrongType, Span(node), key, "a list, for example [a, b]");
            return [];
        }
        var list = new List<(string, SourceSpan)>();
        foreach (var item in seq.Items)
        {
            if (item is YScalar { Value: { Length: > 0 } v }) list.Add((v.Trim(), Span(item)));
            else diagnostics.Add(YamlDiagnostics.WrongType, Span(item), key, "a list of text values");
        }
        return list;
    }

    public YSequence? Sequence(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, MapSpan);
            return null;
        }
        if (node is YSequence seq) return seq;
        diagnostics.Add(YamlDiagnostics.WrongType, Span(node), key, "a list");
        return null;
    }

    public YMapping? Mapping(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, MapSpan);
            return null;
        }
        if (node is YMapping map) return map;
        diagnostics.Add(YamlDiagnostics.WrongType, Span(node), key, "a mapping of keys to values");
        return null;
    }

    /// <summary>The free-form <c>extra:</c> map, as plain strings (nested values keep their YAML text).</summary>
    public IReadOnlyDictionary<string, string> Extra()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Mapping("extra") is not { } extra) return result;
        foreach (var entry in extra.Entries)
            result[entry.Key.Value] = YamlDocument.Text(entry.Value);
        return result;
    }

    /// <summary>A required key that is absent: reported by <see cref="RejectUnknownKeys"/>, unless a misspelling of it is.</summary>
    private void Missing(string key, SourceSpan at)
    {
        if (!_unreadable.Contains(key)) _missing.Add((key, at));
    }

    /// <summary>
    /// Reports the keys no read asked for, each with the known key it is likely a typo of; a required key missing only
    /// because it was misspelt is that one mistake, reported once, at the misspelling.
    /// </summary>
    public void RejectUnknownKeys()
    {
        var known = string.Join(", ", _known.Order(StringComparer.Ordinal));
        var explained = new HashSet<string>(StringComparer.Ordinal);
        var extra = freeForm ? " Free-form data goes under 'extra:'." : "";
        foreach (var (k, _) in map.Entries)
        {
            var name = k.Value;
            if (_known.Contains(name)) continue;
            var closest = Suggestions.Closest(name, _known);
            if (closest is not null) explained.Add(closest);
            diagnostics.Add(YamlDiagnostics.UnknownKey, k.Span, name, (closest is not null ? $"Did you mean '{closest}'?" : $"Known keys: {known}.") + extra);
        }
        foreach (var (key, at) in _missing)
            if (!explained.Contains(key)) diagnostics.Add(YamlDiagnostics.MissingKey, at, key);
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
}
