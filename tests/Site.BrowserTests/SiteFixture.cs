using Microsoft.Playwright;
using Site.Output;
using Site.Preview;

namespace Site.BrowserTests;

/// <summary>
/// The real site, built once into a temporary folder and served in-process on 127.0.0.1 with the headers and
/// redirects of netlify.toml, plus one headless Debian chromium. Shared by every browser test.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string MarkerWord = "quokkazephyr";
    public const string MarkerPage = "aftercare.md";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private SiteServer? _server;
    private IPlaywright? _playwright;
    private string _root = "";

    public static string RepoRoot => Site.Testing.Repository.Root;
    public string OutputDirectory => Path.Combine(_root, "output");
    public Uri BaseUri => _server!.BaseUri;
    public IBrowser Browser { get; private set; } = null!;
    internal NetlifyConfig Netlify { get; private set; } = NetlifyConfig.Empty;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run tests/run, which installs Debian's chromium. Browser tests never pass without a browser.");
        _root = Directory.CreateTempSubdirectory("site-browser-").FullName;
        // The real content, with one marker word planted in one page so search tests can find exactly that page.
        Site.Testing.Repository.CopyTree(Path.Combine(RepoRoot, "input"), Path.Combine(_root, "input"));
        File.AppendAllText(Path.Combine(_root, "input", "articles", MarkerPage), $"\nThis sentence holds the test word {MarkerWord}.\n");
        var result = SiteBuilder.Build(new BuildOptions
        {
            InputDirectory = Path.Combine(_root, "input"),
            ThemeDirectory = Path.Combine(RepoRoot, "theme"),
            OutputDirectory = OutputDirectory,
        });
        if (!result.Succeeded)
            throw new InvalidOperationException("The real site does not build:\n" + string.Join('\n', result.Diagnostics.Sorted()));
        Netlify = NetlifyConfig.Load(Path.Combine(RepoRoot, "netlify.toml"));
        _server = await SiteServer.StartAsync(OutputDirectory, Netlify);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Args = ChromiumArgs, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
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

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
