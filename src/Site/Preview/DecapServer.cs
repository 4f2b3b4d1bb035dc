using System.Diagnostics;
using Site.Output;

namespace Site.Preview;

/// <summary>
/// decap-server (from the theme's npm packages) on a free loopback port that no config names, reached only through the
/// preview's own <c>/api/v1</c> (<see cref="CmsProxy"/>), and behind a Host check of its own (decap-backend.js: only
/// requests to 127.0.0.1 on its port, and none with an Origin, so no web page can reach it directly, even through DNS
/// rebinding). It edits the repository's files: in git mode (the
/// editorial workflow in local branches) when the work tree is clean, in fs mode otherwise. Returned only once it
/// answers for this repository: otherwise /admin/ would silently offer a GitHub login.
/// </summary>
internal sealed class DecapServer : IDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(15);
    private readonly Process _process;

    private DecapServer(Process process, int port)
    {
        _process = process;
        ApiUrl = new Uri($"http://127.0.0.1:{port}/api/v1");
    }

    /// <summary>decap-server's API, for the preview's proxy only.</summary>
    public Uri ApiUrl { get; }

    public const string GitMode = "git";
    public const string FileMode = "fs";

    /// <summary>
    /// <see cref="GitMode"/>: the editorial workflow, as on GitHub: each entry is saved as a commit on its own branch
    /// (<c>cms/articles/slug</c>), moves from draft to ready, and is merged into the site's branch when published.
    /// <see cref="FileMode"/>: saves write the files and commit nothing, and Decap publishes at once.
    /// </summary>
    public string Mode { get; private init; } = FileMode;

    /// <summary>
    /// Git mode only in a Git work tree with nothing uncommitted: decap-server commits with <c>git add .</c> and switches
    /// branches in the work tree, so an editor's own unsaved-to-Git edits would end up in a CMS commit.
    /// </summary>
    internal static string ChooseMode(string repositoryRoot, TextWriter log)
    {
        var status = Git(repositoryRoot, "status", "--porcelain");
        if (status is null)
        {
            log.WriteLine("CMS: not a Git repository, so saves write the files directly (no drafts, no review step).");
            return FileMode;
        }
        if (status.Length > 0)
        {
            log.WriteLine("CMS: the work tree has uncommitted changes, so saves write the files directly (no drafts, no review step). " +
                "Commit or stash them and restart preview --cms to get the review workflow (draft, ready, publish), which commits.");
            return FileMode;
        }
        log.WriteLine("CMS: review workflow on. Save makes a draft, a commit on a local branch cms/<collection>/<slug>; Publish merges it into the checked-out branch.");
        return GitMode;
    }

    private static string? Git(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git installed
        }
    }

    public static async Task<DecapServer?> StartAsync(string themeDirectory, string repositoryRoot, TextWriter log)
    {
        var decapRoot = Path.GetFullPath(Path.Combine(themeDirectory, "node_modules", "decap-server"));
        var script = Path.Combine(decapRoot, "dist", "middlewares.js");
        if (!File.Exists(script))
        {
            log.WriteLine($"CMS not started: decap-server is not installed ({script}); run npm ci --prefix {themeDirectory}. /admin/ will offer a GitHub login instead.");
            return null;
        }
        var mode = ChooseMode(repositoryRoot, log);
        var info = new ProcessStartInfo("node", ["-e", Backend.Value]) { UseShellExecute = false, WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["DECAP_ROOT"] = decapRoot;
        var port = FreePort();
        info.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MODE"] = mode;
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
        var server = new DecapServer(process, port) { Mode = mode };

        // decap-server answers "info" with the folder name of the repository it edits: wait for ours.
        var expected = Path.GetFileName(Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyWithin && !process.HasExited)
        {
            if (await RepositoryAsync(server.ApiUrl) is { } repo)
            {
                if (repo == expected) return server;
                break;
            }
            await Task.Delay(50);
        }
        log.WriteLine(process.HasExited
            ? $"CMS not started: decap-server exited with code {process.ExitCode} (see its messages above)."
            : $"CMS not started: decap-server did not answer for {repositoryRoot} on {server.ApiUrl} within {ReadyWithin.TotalSeconds:0} s.");
        server.Dispose();
        return null;
    }

    private static readonly Lazy<string> Backend = new(() =>
    {
        using var stream = typeof(DecapServer).Assembly.GetManifestResourceStream("Site.Preview.decap-backend.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>A loopback port nothing listens on now (the kernel's choice).</summary>
    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The repository name decap-server reports, or null while it does not answer.</summary>
    private static async Task<string?> RepositoryAsync(Uri api)
    {
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.PostAsync(api,
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
