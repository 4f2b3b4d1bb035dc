using Microsoft.Playwright;
using Site.Output;
using Site.Preview;

namespace Site.BrowserTests;

/// <summary>
/// The real site, built once into a temporary folder and served in-process on 127.0.0.1 with the headers and
/// redirects of netlify.toml, plus one headless Debian chromium. Every collection that asks for this fixture gets the
/// same site and browser (<see cref="SharedSite"/>), so collections run side by side without building twice; each
/// test opens its own browser context.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string MarkerWord = "quokkazephyr";
    public const string MarkerPage = "aftercare.md";

    /// <summary>
    /// A host name that is not localhost, as on Netlify, that the shared browser resolves to the site's server and
    /// treats as a secure context (as Netlify's https is). Decap then behaves as deployed.
    /// </summary>
    public const string DeployedHost = "cms.example";

    private SharedSite? _shared;

    private SharedSite Shared => _shared ?? throw new InvalidOperationException("The site fixture is not initialised.");

    public static string RepoRoot => Site.Testing.Repository.Root;
    public string OutputDirectory => Shared.OutputDirectory;
    public Uri BaseUri => Shared.Server.BaseUri;
    public IBrowser Browser => Shared.Browser;
    internal NetlifyConfig Netlify => Shared.Netlify;

    /// <summary>The site's server under <see cref="DeployedHost"/>: http://cms.example:PORT/.</summary>
    public Uri DeployedOrigin => new($"http://{DeployedHost}:{BaseUri.Port}/");

    public async Task InitializeAsync() => _shared = await SharedSite.AcquireAsync();

    public async Task DisposeAsync()
    {
        if (_shared is not null) await SharedSite.ReleaseAsync();
        _shared = null;
    }

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    /// <summary>Every page URL of the site, from its sitemap, as local paths.</summary>
    public IReadOnlyList<string> SitemapPaths()
    {
        var xml = System.Xml.Linq.XDocument.Load(Path.Combine(OutputDirectory, "sitemap.xml"));
        return [.. xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath)];
    }

    /// <summary>A new page that records console errors, CSP violations and requests to any other origin.</summary>
    public async Task<WatchedPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        var page = await context.NewPageAsync();
        return new WatchedPage(context, page, BaseUri);
    }
}

/// <summary>
/// One built site, server and browser for the whole test run, started by the first collection that needs it and
/// stopped when the last one is done (xunit 2 has no assembly-wide fixture). Tests only read the site; tests that edit
/// content work on their own copies.
/// </summary>
internal sealed class SharedSite : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SharedSite? _current;
    private static int _users;

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _root;
    private IPlaywright? _playwright;

    private SharedSite(string root) => _root = root;

    public string OutputDirectory => Path.Combine(_root, "output");
    public SiteServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public NetlifyConfig Netlify { get; private set; } = NetlifyConfig.Empty;

    public static async Task<SharedSite> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_current is null)
            {
                var site = new SharedSite(Directory.CreateTempSubdirectory("site-browser-").FullName);
                try
                {
                    await site.StartAsync();
                }
                catch
                {
                    await site.DisposeAsync();
                    throw;
                }
                _current = site;
            }
            _users++;
            return _current;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0 || _current is null) return;
            await _current.DisposeAsync();
            _current = null;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task StartAsync()
    {
        if (!File.Exists(SiteFixture.ChromiumPath))
            throw new InvalidOperationException($"{SiteFixture.ChromiumPath} is missing: run tests/run, which installs Debian's chromium. Browser tests never pass without a browser.");
        // The real content, with one marker word planted in one page so search tests can find exactly that page.
        var repo = SiteFixture.RepoRoot;
        Site.Testing.Repository.CopyTree(Path.Combine(repo, "input"), Path.Combine(_root, "input"));
        File.AppendAllText(Path.Combine(_root, "input", "articles", SiteFixture.MarkerPage), $"\nThis sentence holds the test word {SiteFixture.MarkerWord}.\n");
        var result = SiteBuilder.Build(new BuildOptions
        {
            InputDirectory = Path.Combine(_root, "input"),
            ThemeDirectory = Path.Combine(repo, "theme"),
            OutputDirectory = OutputDirectory,
        });
        if (!result.Succeeded)
            throw new InvalidOperationException("The real site does not build:\n" + string.Join('\n', result.Diagnostics.Sorted()));
        Netlify = NetlifyConfig.Load(Path.Combine(repo, "netlify.toml"));
        Server = await SiteServer.StartAsync(OutputDirectory, Netlify, hostNames: [SiteFixture.DeployedHost]);
        _playwright = await Playwright.CreateAsync();
        var deployed = $"http://{SiteFixture.DeployedHost}:{Server.BaseUri.Port}";
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SiteFixture.ChromiumPath,
            Headless = true,
            // The deployed host name reaches only this server; Decap needs a secure context (crypto.randomUUID).
            Args = [.. ChromiumArgs, $"--host-resolver-rules=MAP {SiteFixture.DeployedHost} 127.0.0.1", $"--unsafely-treat-insecure-origin-as-secure={deployed}"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A browser page with what it did recorded, for assertions.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> ConsoleErrors { get; } = [];
    public List<string> Requests { get; } = [];
    public List<string> ForeignRequests { get; } = [];

    public WatchedPage(IBrowserContext context, IPage page, Uri origin)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type is "error" or "warning" && !message.Text.Contains("DevTools", StringComparison.Ordinal)) ConsoleErrors.Add(message.Text); };
        page.PageError += (_, error) => ConsoleErrors.Add("page error: " + error);
        page.Request += (_, request) =>
        {
            Requests.Add(request.Url);
            var uri = new Uri(request.Url);
            if (uri.Scheme is not ("data" or "blob" or "about") && (uri.Host != origin.Host || uri.Port != origin.Port)) ForeignRequests.Add(request.Url);
        };
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
