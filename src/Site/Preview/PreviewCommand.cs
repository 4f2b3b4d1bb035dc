using System.Diagnostics;
using Site.Output;

namespace Site.Preview;

/// <summary>
/// <c>preview</c>: builds, serves the output on 127.0.0.1 with production's headers, watches <c>input/</c> and
/// <c>theme/</c>, rebuilds on change and tells open pages to reload (or shows the errors over the page).
/// </summary>
internal static class PreviewCommand
{
    public static async Task<int> RunAsync(BuildOptions options, int port, bool cms, CancellationToken cancel)
    {
        ThemePackages.EnsureInstalled(options.ThemeDirectory);
        await using var session = await PreviewSession.StartAsync(options, port, cms, Console.Out);
        Console.WriteLine($"Preview: {session.BaseUri} (watching {options.InputDirectory}/ and {options.ThemeDirectory}/; Ctrl+C to stop)");
        if (session.CmsRunning) Console.WriteLine($"CMS: {session.BaseUri}admin/ (decap-server on http://127.0.0.1:{DecapServer.Port}, editing files in {session.Root})");
        if (!session.LastBuildSucceeded) Console.WriteLine("The first build failed: the errors are shown above and in the browser.");
        await session.WaitForShutdownAsync(cancel);
        return 0;
    }
}

/// <summary>
/// A running preview: the last good site served with live reload, rebuilt when sources change. The preview command
/// runs one; the editor tests start one in-process over a temporary copy of the site.
/// </summary>
internal sealed class PreviewSession : IAsyncDisposable
{
    private readonly BuildOptions _options;
    private readonly LiveReload _live;
    private readonly TextWriter _log;
    private readonly Lock _gate = new();
    private SiteServer? _server;
    private DecapServer? _decap;
    private SourceWatcher? _watcher;
    private int _builds;
    private bool _disposed;

    private PreviewSession(BuildOptions options, string root, TextWriter log)
    {
        _options = options with { Cache = new BuildCache() };
        Root = root;
        _log = log;
        _live = new LiveReload(root);
    }

    public string Root { get; }
    public Uri BaseUri => _server!.BaseUri;
    public bool CmsRunning => _decap is not null;
    public bool LastBuildSucceeded { get; private set; }
    /// <summary>How many builds have finished; tests wait for it to move.</summary>
    public int Builds => Volatile.Read(ref _builds);
    public TimeSpan LastBuildTook { get; private set; }

    public static async Task<PreviewSession> StartAsync(BuildOptions options, int port, bool cms, TextWriter log)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(options.InputDirectory).TrimEnd(Path.DirectorySeparatorChar))!;
        var session = new PreviewSession(options, root, log);
        session.Rebuild();
        Directory.CreateDirectory(options.OutputDirectory);
        session._server = await SiteServer.StartAsync(options.OutputDirectory, NetlifyConfig.Load(Path.Combine(root, "netlify.toml")), port, session._live);
        session._decap = cms ? await DecapServer.StartAsync(options.ThemeDirectory, root, log) : null;
        session._watcher = new SourceWatcher([options.InputDirectory, options.ThemeDirectory], session.Rebuild);
        return session;
    }

    public Task WaitForShutdownAsync(CancellationToken cancel) => _server!.WaitForShutdownAsync(cancel);

    private void Rebuild()
    {
        lock (_gate)
        {
            if (_disposed) return; // a watcher callback already queued when the session was disposed
            var clock = Stopwatch.StartNew();
            var result = SiteBuilder.Build(_options);
            var diagnostics = result.Diagnostics.Sorted();
            foreach (var d in diagnostics) _log.WriteLine(d);
            _live.Publish(diagnostics);
            LastBuildTook = clock.Elapsed;
            LastBuildSucceeded = result.Succeeded;
            _log.WriteLine(result.Succeeded
                ? $"Built {result.Pages.Count} pages in {clock.ElapsedMilliseconds} ms."
                : $"Build failed with {result.Diagnostics.ErrorCount} error(s) after {clock.ElapsedMilliseconds} ms; still serving the last good site.");
            Interlocked.Increment(ref _builds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        // Wait for a rebuild in progress: callers delete the site's folder next (the editor tests do).
        lock (_gate) _disposed = true;
        _decap?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>Calls back once a burst of file changes has settled, ignoring editors' temporary files and node_modules.</summary>
internal sealed class SourceWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;

    public SourceWatcher(IEnumerable<string> directories, Action changed)
    {
        _timer = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var path = e.FullPath.Replace('\\', '/');
        if (path.Contains("/node_modules/") || path.EndsWith('~') || path.EndsWith(".swp") || Path.GetFileName(path).StartsWith(".#")) return;
        _timer.Change(30, Timeout.Infinite);
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }
}

/// <summary>The theme's npm packages (lunr.js, Decap CMS), installed from the lock file on first use.</summary>
internal static class ThemePackages
{
    public static void EnsureInstalled(string themeDirectory)
    {
        if (Directory.Exists(Path.Combine(themeDirectory, "node_modules", "lunr")) || !File.Exists(Path.Combine(themeDirectory, "package-lock.json"))) return;
        Console.WriteLine($"Installing the theme's browser packages: npm ci --prefix {themeDirectory}");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--prefix", themeDirectory, "--no-audit", "--no-fund"]) { UseShellExecute = false })!;
        npm.WaitForExit();
        if (npm.ExitCode != 0) Console.Error.WriteLine("npm ci failed: search and the CMS will be missing until it succeeds.");
    }
}

/// <summary>
/// decap-server (from the theme's npm packages) in fs mode, bound to loopback, editing the repository's files. Started
/// only when nothing else answers on its fixed port, and returned only once it answers for this repository: otherwise
/// /admin/ would silently offer a GitHub login, or edit another folder's files through someone else's server.
/// </summary>
internal sealed class DecapServer : IDisposable
{
    public const int Port = Cms.DecapConfig.LocalBackendPort;
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(15);
    private readonly Process _process;

    private DecapServer(Process process) => _process = process;

    public static async Task<DecapServer?> StartAsync(string themeDirectory, string repositoryRoot, TextWriter log)
    {
        var script = Path.GetFullPath(Path.Combine(themeDirectory, "node_modules", "decap-server", "dist", "index.js"));
        if (!File.Exists(script))
        {
            log.WriteLine($"CMS not started: decap-server is not installed ({script}); run npm ci --prefix {themeDirectory}. /admin/ will offer a GitHub login instead.");
            return null;
        }
        if (await AnswersAsync())
        {
            log.WriteLine($"CMS not started: something already listens on 127.0.0.1:{Port} (another preview --cms?). Stop it and restart, or /admin/ would edit the files it serves.");
            return null;
        }
        var info = new ProcessStartInfo("node", [script]) { UseShellExecute = false, WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["BIND_HOST"] = "127.0.0.1"; // without it decap-server listens on every interface
        info.Environment["MODE"] = "fs";
        info.Environment["GIT_REPO_DIRECTORY"] = repositoryRoot;
        info.Environment["LOG_LEVEL"] = "warn";
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.WriteLine($"CMS not started: could not run node ({e.Message}). Install Node.js to edit through /admin/.");
            return null;
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) log.WriteLine($"decap-server: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DecapServer(process);

        // decap-server answers "info" with the folder name of the repository it edits: wait for ours.
        var expected = Path.GetFileName(Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyWithin && !process.HasExited)
        {
            if (await RepositoryAsync() is { } repo)
            {
                if (repo == expected) return server;
                break;
            }
            await Task.Delay(50);
        }
        log.WriteLine(process.HasExited
            ? $"CMS not started: decap-server exited with code {process.ExitCode} (see its messages above)."
            : $"CMS not started: decap-server did not answer for {repositoryRoot} on 127.0.0.1:{Port} within {ReadyWithin.TotalSeconds:0} s.");
        server.Dispose();
        return null;
    }

    private static async Task<bool> AnswersAsync()
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, Port).WaitAsync(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The repository name decap-server reports, or null while it does not answer.</summary>
    private static async Task<string?> RepositoryAsync()
    {
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.PostAsync(Cms.DecapConfig.LocalBackendUrl,
                new System.Net.Http.StringContent("""{"action":"info"}""", System.Text.Encoding.UTF8, "application/json"));
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.TryGetProperty("repo", out var repo) ? repo.GetString() : null;
        }
        catch (Exception e) when (e is System.Net.Http.HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000); // the port is free again when Dispose returns
        }
        _process.Dispose();
    }
}
