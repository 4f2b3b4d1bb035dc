using System.Collections.Concurrent;

namespace Site.Diagnostics;

/// <summary>
/// Every stage reports into one bag; the build prints them all at the end, sorted by place.
/// Thread-safe because per-page stages run in parallel.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Add(DiagnosticDescriptor descriptor, SourceSpan where, params object?[] args) =>
        _items.Enqueue(descriptor.At(where, args));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) _items.Enqueue(d);
    }

    private static bool IsSharedFile(string file) =>
        file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".sbn", StringComparison.Ordinal)
        || file.EndsWith(".toml", StringComparison.Ordinal) || file.Contains("/layouts", StringComparison.Ordinal) || file.Contains("theme/", StringComparison.Ordinal);

    public bool HasErrors => _items.Any(d => d.IsError);
    public int ErrorCount => _items.Count(d => d.IsError);

    /// <summary>
    /// All diagnostics, causes first: the files every page depends on (site.yml, references.yml, the theme, the
    /// questionnaire, the synonyms, netlify.toml) before the pages; then by file, line and column, so output is stable
    /// across parallel runs.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => IsSharedFile(d.Where.File) ? 0 : 1).ThenBy(d => d.Where.File, StringComparer.Ordinal)
                  .ThenBy(d => d.Where.Line).ThenBy(d => d.Where.Column).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
                  .Distinct()];
}
