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

    public bool HasErrors => _items.Any(d => d.IsError);
    public int ErrorCount => _items.Count(d => d.IsError);
    public int WarningCount => _items.Count(d => !d.IsError);

    /// <summary>All diagnostics ordered by file, line and column, so output is stable across parallel runs.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.Where.File, StringComparer.Ordinal)
                  .ThenBy(d => d.Where.Line).ThenBy(d => d.Where.Column).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
                  .Distinct()];
}
