using System.Collections.Concurrent;
using Site.Content;
using Site.Diagnostics;
using Site.PostProcess;

namespace Site;

/// <summary>
/// What a preview keeps between builds so that only what changed is redone: each Markdown file's parse (keyed by the
/// file's size and time and by what its reading depends on), and each page's post-processing (keyed by its HTML).
/// One-shot builds run without it. Diagnostics of a cached step are replayed, so a rebuild reports exactly what a
/// fresh build would.
/// </summary>
internal sealed class BuildCache
{
    private readonly ConcurrentDictionary<string, (string Stamp, Page? Page, Diagnostic[] Diagnostics)> _pages = new();
    private readonly ConcurrentDictionary<string, (string Html, ProcessedPage Processed)> _processed = new();

    public Page? LoadPage(string fullPath, string context, Func<DiagnosticBag, Page?> load, DiagnosticBag diagnostics)
    {
        var info = new FileInfo(fullPath);
        var stamp = $"{info.Length}:{info.LastWriteTimeUtc.Ticks}:{context}";
        if (_pages.TryGetValue(fullPath, out var cached) && cached.Stamp == stamp)
        {
            diagnostics.AddRange(cached.Diagnostics);
            return cached.Page;
        }
        var local = new DiagnosticBag();
        var page = load(local);
        var found = local.Sorted().ToArray();
        diagnostics.AddRange(found);
        _pages[fullPath] = (stamp, page, found);
        return page;
    }

    public ProcessedPage PostProcess(Page page, Markdown.RenderedBody body, string html, Func<ProcessedPage> process)
    {
        if (_processed.TryGetValue(page.Url, out var cached) && cached.Html == html)
            return cached.Processed with { Page = page, Body = body };
        var processed = process();
        _processed[page.Url] = (html, processed);
        return processed;
    }
}
