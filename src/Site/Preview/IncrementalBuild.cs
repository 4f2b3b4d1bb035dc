using System.Collections.Concurrent;
using Site.Content;
using Site.Diagnostics;
using Site.Output;
using Site.Search;
using Site.Templates;

namespace Site.Preview;

/// <summary>
/// The preview's builds: every decision about what an edit makes stale is here. The watcher hands each build the paths
/// that changed; only those files are read again. Each stage of <see cref="SiteBuilder"/> is called with a value-equal
/// record of what it reads (<see cref="PageInputs"/>, <see cref="ThemeInputs"/>, <see cref="SiteFileInputs"/>,
/// <see cref="RenderInputs"/>, <see cref="SearchInputs"/>), and an earlier result is reused exactly when that record is
/// equal to the one that made it. So a page is rendered again when its own file changed, when the cards of its
/// related articles changed (title, summary, description, section, reading time), when its layout reads the catalog
/// or the sources and those changed, or when site.yml, references.yml, the theme or the assets changed; and never
/// otherwise. The output folder is the preview's own, written in place for the whole session.
/// </summary>
internal sealed class IncrementalBuild : BuildStages, IDisposable
{
    private readonly BuildOptions _options;
    private readonly Lock _gate = new();
    private readonly InPlaceSink _folder;
    private readonly ConcurrentDictionary<string, FileBytes> _bytes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (PageInputs Inputs, LoadedFile File)> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (RenderInputs Inputs, BuiltPage Built)> _rendered = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, byte> _renderedNow = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, byte> _readNow = new(StringComparer.Ordinal);
    private (ThemeInputs Inputs, TemplateEngine Engine, IReadOnlyList<Diagnostic> Diagnostics)? _theme;
    private (SiteFileInputs Inputs, (SiteConfig?, IReadOnlyDictionary<string, Reference>) Files, IReadOnlyList<Diagnostic> Diagnostics)? _siteFiles;
    private LoadContext? _context;
    private readonly Dictionary<string, Page> _generated = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, DateOnly>? _gitDates;
    private (SearchInputs Inputs, SearchIndexOutput Index)? _search;
    private SearchInputs? _searchAsked;
    private string[]? _changed; // full paths (files or folders) to read again; null: read everything
    private int _builds;
    private bool _disposed;

    public IncrementalBuild(BuildOptions options)
    {
        _options = options;
        _folder = new InPlaceSink(options.OutputDirectory);
    }

    /// <summary>The URLs the last build rendered (the others it kept as they were).</summary>
    public IReadOnlySet<string> LastRendered { get; private set; } = new HashSet<string>();

    /// <summary>Builds the site after <paramref name="changed"/> (files or folders, absolute or relative); null when anything may have changed.</summary>
    public BuildResult Build(IEnumerable<string>? changed)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _changed = _builds == 0 || changed is null ? null : [.. changed.Select(p => Path.GetFullPath(p).TrimEnd(Path.DirectorySeparatorChar))];
            _renderedNow = new(StringComparer.Ordinal);
            _readNow = new(StringComparer.Ordinal);
            var files = ContentLoader.MarkdownFiles(_options.InputDirectory).ToHashSet(StringComparer.Ordinal);
            var result = SiteBuilder.Build(_options, _folder.Next(), this);
            _builds++;
            // Forget what is no longer part of the site, so the preview does not grow with every edit.
            foreach (var gone in _pages.Keys.Where(p => !files.Contains(p)).ToList()) _pages.TryRemove(gone, out _);
            var live = result.Pages.Select(p => p.Page.OutputPath).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _rendered.Keys.Where(p => !live.Contains(p)).ToList()) _rendered.TryRemove(gone, out _);
            LastRendered = _renderedNow.Keys.ToHashSet(StringComparer.Ordinal);
            return result;
        }
    }

    public override FileBytes Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!IsChanged(full) && _bytes.TryGetValue(full, out var known)) return known;
        return _bytes[full] = FileBytes.Read(full);
    }

    private bool IsChanged(string full)
    {
        if (_changed is null) return true;
        foreach (var changed in _changed)
            if (full == changed || full.StartsWith(changed + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return true; // a folder renamed or moved
        return false;
    }

    public override T Same<T>(T value) where T : class
    {
        switch (value)
        {
            case LoadContext context:
                if (!context.Equals(_context)) _context = context;
                return (T)(object)_context;
            case Page { FromMarkdown: false } page:
                // Generated pages are made again by every build; the same page keeps its identity, so its render can be reused.
                if (_generated.TryGetValue(page.Url, out var known) && SameGenerated(known, page)) return (T)(object)known;
                _generated[page.Url] = page;
                return value;
            default:
                return value;
        }
    }

    private static bool SameGenerated(Page a, Page b) =>
        a.Source == b.Source && a.Kind == b.Kind && a.Slug == b.Slug && a.Layout == b.Layout && a.Meta.Title == b.Meta.Title
        && a.Meta.Description == b.Meta.Description && a.Meta.Summary == b.Meta.Summary && a.Meta.Search == b.Meta.Search;

    public override TemplateEngine LoadTheme(ThemeInputs inputs, DiagnosticBag diagnostics)
    {
        if (_theme is not { } theme || !theme.Inputs.Equals(inputs))
        {
            var own = new DiagnosticBag();
            _theme = theme = (inputs, TemplateEngine.Load(inputs, own), own.Sorted());
        }
        diagnostics.AddRange(theme.Diagnostics);
        return theme.Engine;
    }

    public override (SiteConfig? Config, IReadOnlyDictionary<string, Reference> References) LoadSiteFiles(SiteFileInputs inputs, DiagnosticBag diagnostics)
    {
        if (_siteFiles is not { } site || !site.Inputs.Equals(inputs))
        {
            var own = new DiagnosticBag();
            _siteFiles = site = (inputs, ContentLoader.LoadSiteFiles(inputs, own), own.Sorted());
        }
        diagnostics.AddRange(site.Diagnostics);
        return site.Files;
    }

    public override LoadedFile LoadPage(PageInputs inputs)
    {
        if (_pages.TryGetValue(inputs.FullPath, out var known) && known.Inputs.Equals(inputs)) return known.File;
        var file = ContentLoader.LoadFile(inputs);
        _pages[inputs.FullPath] = (inputs, file);
        _readNow[inputs.FullPath] = 0;
        return file;
    }

    /// <summary>Git's dates change with commits, not with saves: read once per preview session.</summary>
    public override IReadOnlyDictionary<string, DateOnly> GitDates(string inputDirectory) => _gitDates ??= base.GitDates(inputDirectory);

    /// <summary>Pages read again in this build first (the edited ones), then the rest, so the edited page is served soonest.</summary>
    public override IEnumerable<int> RenderOrder(IReadOnlyList<Page> pages)
    {
        var fresh = new List<int>();
        var rest = new List<int>();
        for (var i = 0; i < pages.Count; i++)
            (pages[i].FromMarkdown && _readNow.ContainsKey(pages[i].Source.FullPath) ? fresh : rest).Add(i);
        return [.. fresh, .. rest];
    }

    public override BuiltPage? RenderPage(RenderInputs inputs, OutputSink output, Func<BuiltPage?> render)
    {
        var path = inputs.Page.OutputPath;
        if (_rendered.TryGetValue(path, out var known) && known.Inputs.Equals(inputs))
        {
            output.Keep(path);
            return known.Built;
        }
        _renderedNow[inputs.Page.Url] = 0;
        var built = render();
        if (built is null) _rendered.TryRemove(path, out _);
        else _rendered[path] = (inputs, built);
        return built;
    }

    /// <summary>
    /// The first build waits for the index, so the site is whole from the start. After an edit the pages are served as
    /// soon as they are written: the index is built after phase B, not beside it, and its files follow when ready.
    /// </summary>
    public override Task<SearchIndexOutput> SearchIndex(SearchInputs inputs, Func<SearchIndexOutput> build)
    {
        _searchAsked = inputs;
        if (_search is { } known && known.Inputs.Equals(inputs)) return Task.FromResult(known.Index);
        return _builds == 0 ? Task.Run(build) : new Task<SearchIndexOutput>(build);
    }

    public override void WriteSearchIndex(Task<SearchIndexOutput> index, OutputSink output)
    {
        var inputs = _searchAsked!;
        if (_search is { } known && index.IsCompletedSuccessfully && ReferenceEquals(index.Result, known.Index))
        {
            known.Index.KeepIn(output); // as written before
            return;
        }
        if (_builds == 0)
        {
            base.WriteSearchIndex(index, output);
            _search = (inputs, index.Result);
            return;
        }
        _search?.Index.KeepIn(output); // the previous index stays served until this one is ready
        var build = _builds;
        index.ContinueWith(done =>
        {
            if (!done.IsCompletedSuccessfully) return;
            // Written under the build's lock, into the session's folder, and only while no later build has started.
            lock (_gate)
            {
                if (_disposed || _builds != build + 1) return;
                done.Result.WriteTo(_folder);
                _search = (inputs, done.Result);
            }
        }, TaskScheduler.Default);
        index.Start(TaskScheduler.Default);
    }

    /// <summary>Waits for a build in progress; the index of an edit not yet written is then never written.</summary>
    public void Dispose()
    {
        lock (_gate) _disposed = true;
    }
}
