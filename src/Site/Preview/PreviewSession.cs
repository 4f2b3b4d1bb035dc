using System.Diagnostics;
using Site.Output;

namespace Site.Preview;

/// <summary>
/// A running preview: the last good site served with live reload, rebuilt when sources change. The preview command
/// runs one; the editor tests start one in-process over a temporary copy of the site.
/// </summary>
internal sealed class PreviewSession : IAsyncDisposable
{
    private readonly BuildOptions _options;
    private IncrementalBuild? _builder;
    private readonly LiveReload _live;
    private readonly TextWriter _log;
    private readonly Lock _gate = new();
    private SiteServer? _server;
    private DecapServer? _decap;
    private SourceWatcher? _watcher;
    private int _builds;
    private IReadOnlyList<BuiltPage> _lastPages = [];
    private Cms.EntrySite? _entrySite;
    private bool _disposed;

    private PreviewSession(BuildOptions options, string root, TextWriter log)
    {
        _options = options;
        Root = root;
        _log = log;
        _live = new LiveReload(root, options.OutputDirectory) { CheckEntry = CheckEntry };
    }

    /// <summary>
    /// One entry's text checked against the site as the last build left it (the CMS pane's question while an editor types).
    /// The site's facts are gathered once per build, on the first check after it.
    /// </summary>
    public Cms.EntryReport? CheckEntry(string file, byte[] text)
    {
        Cms.EntrySite? site;
        // Under the build's lock: the facts are read from the output folder, which a rebuild writes.
        lock (_gate)
        {
            if (_disposed) return null;
            _entrySite ??= Cms.EntrySite.Load(_options, _lastPages, _options.OutputDirectory);
            site = _entrySite;
        }
        return site is null ? null : Cms.EntryCheck.Check(site, file, text);
    }

    public string Root { get; }
    public Uri BaseUri => _server!.BaseUri;
    public bool CmsRunning => _decap is not null;
    public bool LastBuildSucceeded { get; private set; }
    /// <summary>How many builds have finished; tests wait for it to move.</summary>
    public int Builds => Volatile.Read(ref _builds);
    public TimeSpan LastBuildTook { get; private set; }

    /// <param name="address">The address to listen on (<c>preview --bind</c>): 127.0.0.1 when null; the server's own
    /// Host check then also accepts that address, so a phone on the same network can open the preview.</param>
    public static async Task<PreviewSession> StartAsync(BuildOptions options, int port, bool cms, TextWriter log, System.Net.IPAddress? address = null)
    {
        var root = Content.ProjectPaths.ForInput(options.InputDirectory).Root;
        var session = new PreviewSession(options, root, log);
        // The preview writes in place and only what changed, so it starts from an empty folder: nothing of an
        // earlier build or session is served as if it were current.
        if (Directory.Exists(options.OutputDirectory)) Directory.Delete(options.OutputDirectory, recursive: true);
        session._builder = new IncrementalBuild(options);
        session.Rebuild(null);
        session._decap = cms ? await DecapServer.StartAsync(options.ThemeDirectory, root, log) : null;
        if (session._decap is { } decap) session._live.Cms = new CmsProxy(decap.ApiUrl);
        session._server = await SiteServer.StartAsync(options.OutputDirectory, NetlifyConfig.Load(Path.Combine(root, "netlify.toml")), port, session._live, address);
        session._watcher = new SourceWatcher([options.InputDirectory, options.ThemeDirectory], session.Rebuild);
        return session;
    }

    public Task WaitForShutdownAsync(CancellationToken cancel) => _server!.WaitForShutdownAsync(cancel);

    /// <param name="changed">The paths the watcher saw change; null for the first build, or when it lost track.</param>
    private void Rebuild(IReadOnlyCollection<string>? changed)
    {
        lock (_gate)
        {
            if (_disposed) return; // a watcher callback already queued when the session was disposed
            var clock = Stopwatch.StartNew();
            var result = _builder!.Build(changed);
            var diagnostics = result.Diagnostics.Sorted();
            _lastPages = result.Pages;
            _entrySite = null;
            foreach (var d in diagnostics) _log.WriteLine(d);
            _live.Publish(diagnostics);
            LastBuildTook = clock.Elapsed;
            LastBuildSucceeded = result.Succeeded;
            _log.WriteLine(result.Succeeded
                ? $"Built {result.Pages.Count} pages in {clock.ElapsedMilliseconds} ms ({string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Took.TotalMilliseconds:0}"))})."
                : $"Build failed with {result.Diagnostics.ErrorCount} error(s) after {clock.ElapsedMilliseconds} ms; pages that failed keep their last good version, and the errors show over every page.");
            Interlocked.Increment(ref _builds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        // Wait for a rebuild in progress: callers delete the site's folder next (the editor tests do).
        lock (_gate) _disposed = true;
        _builder?.Dispose();
        _decap?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
