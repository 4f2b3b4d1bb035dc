using Microsoft.Playwright;
using Site.Output;
using Site.Preview;
using Site.Testing;

namespace Site.BrowserTests;

/// <summary>
/// The real site with every XSS payload of <see cref="HostileSite"/> planted as text, served with netlify.toml's
/// headers, in chromium: on the pages, in search results and through the questionnaire no payload runs (no dialog),
/// none becomes an element or attribute that could run, and the console stays clean (a blocked inline script would
/// be a CSP report there).
/// </summary>
public sealed class HostileContentTests(HostileSiteFixture site) : IClassFixture<HostileSiteFixture>
{
    /// <summary>Anything in the live DOM that could run a script, found from inside the page.</summary>
    private const string ExecutableInDom = """
        () => {
          const found = [];
          const scriptUrl = v => /^(javascript|vbscript|data):/i.test((v || '').replace(/[\u0000-\u0020]/g, ''));
          for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              if (/^on/i.test(a.name)) found.push('handler ' + a.name + ' on <' + el.localName + '>');
              if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'].includes(a.name) && scriptUrl(a.value))
                found.push(a.name + '=' + a.value.slice(0, 60) + ' on <' + el.localName + '>');
            }
            if (['iframe', 'object', 'embed', 'base', 'frame'].includes(el.localName)) found.push('<' + el.localName + '>');
          }
          for (const s of document.scripts)
            if (!s.src && !/json/.test(s.type)) found.push('inline script: ' + s.textContent.slice(0, 60));
          if (document.querySelector('img[src="x"], svg[onload], details[ontoggle], input[onfocus]')) found.push('an injected payload element');
          return found;
        }
        """;

    [Fact]
    public async Task No_payload_runs_on_any_hostile_article_or_page_that_lists_them()
    {
        await using var watched = await site.OpenAsync();
        var paths = Enumerable.Range(0, HostileSite.Payloads.Count).Select(i => $"/articles/{HostileSite.ArticlePrefix}{i:00}/")
            .Concat(["/", "/articles/", "/topics/treatment/", "/references/", "/faq/"]);
        foreach (var path in paths)
        {
            var response = await watched.Page.GotoAsync(site.Url(path));
            Assert.Equal(200, response?.Status);
            await watched.AssertCleanAsync(path);
        }
        // The payloads are on the page, as text.
        await watched.Page.GotoAsync(site.Url($"/articles/{HostileSite.ArticlePrefix}00/"));
        Assert.Contains("<script>alert(1)</script> Title 0", await watched.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_payload_runs_in_search_results()
    {
        await using var watched = await site.OpenAsync();
        // Words next to the payloads (every hostile article has the keyword "hostile keyword N"), and lay words of the
        // hostile synonyms entry: results show the payload-laden titles, summaries and section headings.
        foreach (var query in new[] { "hostile", "heading", "caption", "quokkaxss" })
        {
            await watched.Page.GotoAsync(site.Url("/search/?q=" + Uri.EscapeDataString(query)));
            await watched.Page.Locator("[data-search-results] li").First.WaitForAsync();
            await watched.AssertCleanAsync("/search/?q=" + query);

            // The header's combobox renders its own list of results.
            await watched.Page.FillAsync("#site-search", query);
            await watched.Page.Locator("[role=listbox] [role=option]").First.WaitForAsync();
            await watched.AssertCleanAsync("combobox " + query);
        }
    }

    [Fact]
    public async Task No_payload_runs_in_the_questionnaire()
    {
        await using var watched = await site.OpenAsync();
        await watched.Page.GotoAsync(site.Url("/candidate/"));
        await watched.AssertCleanAsync("/candidate/");
        await watched.Page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).ClickAsync();
        // Always the first answer, until the result: the first question and its first answer carry every payload.
        for (var step = 0; step < 40; step++)
        {
            var see = watched.Page.GetByRole(AriaRole.Link, new() { Name = "See your result" });
            if (await see.CountAsync() > 0)
            {
                await see.ClickAsync();
                await watched.Page.Locator("[data-outcome-kind]").WaitForAsync();
                break;
            }
            var form = watched.Page.Locator("form[data-question]");
            await form.WaitForAsync();
            await watched.AssertCleanAsync($"/candidate/ question {step + 1}");
            await form.Locator("label").First.ClickAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }
        Assert.Equal(1, await watched.Page.Locator("[data-outcome-kind]").CountAsync());
        await watched.AssertCleanAsync("/candidate/ result");
    }

    [Fact]
    public async Task The_check_finds_an_injected_handler_and_a_dialog()
    {
        await using var watched = await site.OpenAsync();
        await watched.Page.GotoAsync(site.Url("/"));
        await watched.Page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(1)>')");
        await Assert.ThrowsAnyAsync<Exception>(() => watched.AssertCleanAsync("injected"));

        await using var other = await site.OpenAsync();
        await other.Page.GotoAsync(site.Url("/"));
        await other.Page.EvaluateAsync("() => alert('from the test')");
        await Assert.ThrowsAnyAsync<Exception>(() => other.AssertCleanAsync("dialog"));
    }

    internal sealed class Watched(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public IPage Page => page;
        public List<string> Problems { get; } = [];

        public async Task AssertCleanAsync(string where)
        {
            var found = await page.EvaluateAsync<string[]>(ExecutableInDom);
            lock (Problems)
            {
                Assert.True(Problems.Count == 0, where + ": " + string.Join("; ", Problems));
                Assert.True(found.Length == 0, where + ": " + string.Join("; ", found));
            }
        }

        public async ValueTask DisposeAsync() => await context.CloseAsync();
    }
}

/// <summary>The hostile site, built once into a temporary folder and served on 127.0.0.1, and one chromium.</summary>
public sealed class HostileSiteFixture : IAsyncLifetime
{
    private SiteServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _root = "";

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("site-hostile-").FullName;
        Repository.CopyTree(Repository.PathOf("input"), Path.Combine(_root, "input"));
        HostileSite.PlantAsText(_root);
        var output = Path.Combine(_root, "output");
        var result = SiteBuilder.Build(new BuildOptions
        {
            InputDirectory = Path.Combine(_root, "input"),
            ThemeDirectory = Repository.PathOf("theme"),
            OutputDirectory = output,
        });
        if (!result.Succeeded)
            throw new InvalidOperationException("The hostile site does not build:\n" + string.Join('\n', result.Diagnostics.Sorted().Where(d => d.IsError)));
        _server = await SiteServer.StartAsync(output, NetlifyConfig.Load(Repository.PathOf("netlify.toml")));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SiteFixture.ChromiumPath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
            Headless = true,
        });
    }

    public string Url(string path) => new Uri(_server!.BaseUri, path).ToString();

    /// <summary>A page whose dialogs, console errors and warnings, page errors and requests to other origins are problems.</summary>
    internal async Task<HostileContentTests.Watched> OpenAsync()
    {
        var context = await _browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var watched = new HostileContentTests.Watched(context, page);
        void Add(string problem) { lock (watched.Problems) watched.Problems.Add(problem); }
        page.Dialog += async (_, dialog) =>
        {
            Add($"a {dialog.Type} opened: {dialog.Message}");
            await dialog.DismissAsync();
        };
        page.Console += (_, message) => { if (message.Type is "error" or "warning") Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => Add("page error: " + error);
        page.Request += (_, request) =>
        {
            var uri = new Uri(request.Url);
            if (uri.Scheme is not ("data" or "blob" or "about") && (uri.Host != _server!.BaseUri.Host || uri.Port != _server.BaseUri.Port))
                Add("request to another origin: " + request.Url);
        };
        return watched;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
