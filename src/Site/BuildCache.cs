using System.Collections.Concurrent;
using Site.Content;
using Site.Output;
using Site.Search;

namespace Site;

/// <summary>
/// What a preview keeps between builds so that an edit redoes only what depends on it: each Markdown file's first
/// phase (keyed by the file's size and time and by everything its reading depends on), each page's second phase (kept
/// while the page and everything its layout sees are unchanged), the search index (kept while no page's text changed),
/// Git's dates, and a record of what was written. Everything kept is immutable: no stage changes what it is handed, so
/// a rebuild reports exactly what a fresh build would. One-shot builds run without it.
/// </summary>
internal sealed class BuildCache
{
    private readonly ConcurrentDictionary<string, (string Stamp, LoadedFile File)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Page, (string Fingerprint, BuiltPage Built)> _built = new(ReferenceEqualityComparer.Instance);
    private (Page[] Pages, string Synonyms, SearchIndexOutput Index)? _search;
    private IReadOnlyDictionary<string, DateOnly>? _gitDates;
    private readonly PreviewManifest _manifest = new();

    public LoadedFile Load(string fullPath, LoadContext context, Func<LoadedFile> load)
    {
        var stamp = $"{Stamp(fullPath)}:{context.Stamp}";
        if (_files.TryGetValue(fullPath, out var cached) && cached.Stamp == stamp) return cached.File;
        var file = load();
        _files[fullPath] = (stamp, file);
        return file;
    }

    /// <summary>The page as last built, when it is the same page (its file unchanged) and its layout sees the same site.</summary>
    public BuiltPage? Reuse(Page page, string fingerprint) =>
        page.FromMarkdown && _built.TryGetValue(page, out var cached) && cached.Fingerprint == fingerprint ? cached.Built : null;

    public void Remember(Page page, string fingerprint, BuiltPage built)
    {
        if (page.FromMarkdown) _built[page] = (fingerprint, built);
    }

    /// <summary>Forgets pages that are no longer part of the site, so the cache does not grow with every edit.</summary>
    public void Retain(IEnumerable<Page> pages)
    {
        var live = pages.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var page in _built.Keys.Where(p => !live.Contains(p)).ToList()) _built.TryRemove(page, out _);
    }

    /// <param name="synonymsStamp">Changes whenever the synonyms file does.</param>
    public SearchIndexOutput SearchIndex(IReadOnlyList<Page> pages, string synonymsStamp, Func<SearchIndexOutput> build)
    {
        // Generated pages carry no text; a page's text changes only when its file does, and then it is a new Page.
        var withText = pages.Where(p => p.FromMarkdown).ToArray();
        if (_search is { } s && s.Synonyms == synonymsStamp && s.Pages.SequenceEqual(withText, ReferenceEqualityComparer.Instance))
            return s.Index;
        var index = build();
        _search = (withText, synonymsStamp, index);
        return index;
    }

    private int _searchGeneration;
    private IReadOnlyList<Output.TextOutput> _lastSearchFiles = [];

    /// <summary>True once a build has run with this cache: every later build is a preview's rebuild after an edit.</summary>
    public bool IsRebuild => Volatile.Read(ref _searchGeneration) > 0;

    /// <summary>
    /// In a preview that already serves an index, an edit need not wait for the new one: the pages are served as soon as
    /// they are written, and the index files follow when ready (unless a later build has started an index of its own).
    /// False on the first build, which waits, so the site is whole from the start.
    /// </summary>
    public bool DeferSearchIndex(Task<SearchIndexOutput> index, OutputWriter output)
    {
        var generation = Interlocked.Increment(ref _searchGeneration);
        if (generation == 1 || index.IsCompleted)
        {
            index.ContinueWith(done => { if (done.IsCompletedSuccessfully) _lastSearchFiles = done.Result.Files; }, TaskScheduler.Default);
            return false;
        }

        // The index's files are many and their number changes with the text: keep every file the last index wrote.
        foreach (var file in _lastSearchFiles) output.Keep(file.Path);
        index.ContinueWith(done =>
        {
            if (!done.IsCompletedSuccessfully || generation != Volatile.Read(ref _searchGeneration)) return;
            _lastSearchFiles = done.Result.Files;
            foreach (var file in done.Result.Files) output.WriteText(file.Path, file.Text);
        }, TaskScheduler.Default);
        return true;
    }

    /// <summary>Git's dates change with commits, not with saves: read once per preview session.</summary>
    public IReadOnlyDictionary<string, DateOnly> GitDates(string inputDirectory) => _gitDates ??= Content.GitDates.Read(inputDirectory);

    /// <summary>What the preview compares to tell whether a file changed since it last read it: its size and time, "" when absent.</summary>
    public static string Stamp(string path) => new FileInfo(path) is { Exists: true } f ? $"{f.Length}:{f.LastWriteTimeUtc.Ticks}" : "";

    public OutputWriter Output(string outputDirectory) => OutputWriter.InPlace(outputDirectory, _manifest);
}
