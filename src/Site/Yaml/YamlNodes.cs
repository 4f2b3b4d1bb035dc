using Site.Diagnostics;
using YamlDotNet.Core;

namespace Site.Yaml;

/// <summary>A YAML node that remembers where it was written (its file, line and column, already in the file's terms).</summary>
internal abstract record YNode(SourceSpan Span);

internal sealed record YScalar(string Value, ScalarStyle Style, SourceSpan Span) : YNode(Span);

internal sealed record YSequence(IReadOnlyList<YNode> Items, SourceSpan Span) : YNode(Span);

/// <summary>An alias, reported and read as nothing: never resolved, so it cannot multiply. Readers never see one.</summary>
internal sealed record YRefused(SourceSpan Span) : YNode(Span);

internal sealed record YEntry(YScalar Key, YNode Value);

/// <summary>A mapping that keeps its keys in written order; a key written twice is reported while reading and kept once.</summary>
internal sealed record YMapping(IReadOnlyList<YEntry> Entries, SourceSpan Span) : YNode(Span)
{
    /// <summary>
    /// Keys that were written but whose value is already reported and left out (an alias, or a syntax error inside a
    /// top-level key): a reader treats them as neither missing nor unknown, so one mistake is one diagnostic.
    /// </summary>
    public IReadOnlySet<string> SetAside { get; init; } = NoKeys;

    private static readonly IReadOnlySet<string> NoKeys = new HashSet<string>();

    public bool IsSetAside(string key) => SetAside.Contains(key);

    public YEntry? Entry(string key)
    {
        foreach (var entry in Entries)
            if (entry.Key.Value == key) return entry;
        return null;
    }
}

/// <summary>
/// What a YAML file became: its root node (null when empty or unreadable; a mapping's <see cref="YMapping.SetAside"/>
/// holds the top-level keys a syntax error in them made unreadable) and whether any mistake was reported.
/// </summary>
internal sealed record YamlRead(YNode? Root, bool HasErrors);
