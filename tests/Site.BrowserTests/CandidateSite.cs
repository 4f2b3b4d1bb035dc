using System.Text;
using Microsoft.Playwright;
using Scriban;
using Scriban.Runtime;
using Site.Diagnostics;
using Site.Questionnaire;

namespace Site.BrowserTests;

/// <summary>
/// Serves /candidate/ to a real Chromium without a web server: the page is rendered from theme/layouts/candidate.sbn
/// with the real questionnaire, wrapped in a minimal base page, and every request is answered by a Playwright route.
/// That also means every request the page makes is seen here, so the privacy tests can count them.
/// </summary>
/// <remarks>
/// Stand-in until the generator's own browser fixture serves the built site; the tests only need
/// <see cref="NewPageAsync"/>, <see cref="Paths"/> and <see cref="Questionnaire"/>.
/// Chromium: Debian's package (/usr/bin/chromium) or CHROMIUM_PATH.
/// </remarks>
public sealed class CandidateSite : IAsyncLifetime
{
    public const string Origin = "http://candidate.test";
    public const string PageUrl = Origin + "/candidate/";

    /// <summary>The strict policy the site deploys with: no inline script or style, no connections.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _html = "";
    private readonly Dictionary<string, (string Type, byte[] Body)> _files = new(StringComparer.Ordinal);

    internal Site.Questionnaire.Questionnaire Questionnaire { get; private set; } = null!;
    internal IReadOnlyList<AnswerPath> Paths { get; private set; } = [];
    public string RepoRoot { get; } = FindRepoRoot();

    public async Task InitializeAsync()
    {
        var diagnostics = new DiagnosticBag();
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepoRoot, "input", "candidate", "questionnaire.yml"));
        Questionnaire = QuestionnaireLoader.Load("input/candidate/questionnaire.yml", yaml, diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
        Paths = QuestionnaireEngine.EnumeratePaths(Questionnaire);

        var json = QuestionnaireCompiler.ToJson(Questionnaire, md => Markdig.Markdown.ToHtml(md).Trim());
        var template = Template.Parse(await File.ReadAllTextAsync(Path.Combine(RepoRoot, "theme", "layouts", "candidate.sbn")));
        if (template.HasErrors) throw new InvalidOperationException(string.Join("\n", template.Messages));
        var model = new ScriptObject
        {
            ["questionnaire"] = Questionnaire,
            ["questionnaire_json"] = json,
        };
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(model);
        var main = await template.RenderAsync(context);
        _html = BasePage(main);

        _files["/assets/css/candidate.css"] = ("text/css", await File.ReadAllBytesAsync(Path.Combine(RepoRoot, "theme", "assets", "css", "candidate.css")));
        _files["/assets/js/candidate.js"] = ("text/javascript", await File.ReadAllBytesAsync(Path.Combine(RepoRoot, "theme", "assets", "js", "candidate.js")));
        _files["/assets/css/site.css"] = ("text/css", Encoding.UTF8.GetBytes(SiteColours));

        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh context (no shared cookies or storage) with one page, routed to the in-memory site.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(bool javaScript = true, ColorScheme colorScheme = ColorScheme.Light, int width = 1024)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ColorScheme = colorScheme,
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            Locale = "en-GB",
        });
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            var headers = new Dictionary<string, string>
            {
                ["Content-Security-Policy"] = ContentSecurityPolicy,
                ["Referrer-Policy"] = "no-referrer",
            };
            if (url.GetLeftPart(UriPartial.Authority) != Origin)
                await route.AbortAsync();
            else if (url.AbsolutePath == "/candidate/")
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = _html, Headers = headers });
            else if (_files.TryGetValue(url.AbsolutePath, out var file))
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = file.Type, BodyBytes = file.Body, Headers = headers });
            else
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404, ContentType = "text/plain", Body = "not found" });
        });
        return (context, await context.NewPageAsync());
    }

    private static string BasePage(string main) => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Am I a candidate? | Hair Mesotherapy Explained</title>
        <meta name="color-scheme" content="light dark">
        <link rel="stylesheet" href="/assets/css/site.css">
        <link rel="stylesheet" href="/assets/css/candidate.css">
        <script src="/assets/js/candidate.js" defer></script>
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header><p><a href="/">Hair Mesotherapy Explained</a></p></header>
        <main id="main" tabindex="-1">
        {{main}}
        </main>
        <footer><p><a href="/privacy/">Privacy</a></p></footer>
        </body>
        </html>
        """;

    /// <summary>The site's colour variables (from theme/assets/css/site.css), so contrast is checked in the real colours.</summary>
    private const string SiteColours = """
        :root { --color-bg: #fbfaf7; --color-text: #1f2328; --color-muted: #4a5159; --color-link: #0b5f8a;
          --color-border: #d5d9de; --color-focus: #b34700; color-scheme: light dark; }
        @media (prefers-color-scheme: dark) {
          :root { --color-bg: #15181c; --color-text: #e8eaed; --color-muted: #b4bcc4; --color-link: #8cc8f0;
            --color-border: #3b424a; --color-focus: #ffb37a; }
        }
        body { margin: 0 auto; padding: 0 1rem; max-width: 46rem; background: var(--color-bg); color: var(--color-text);
          font-family: system-ui, sans-serif; line-height: 1.5; }
        a { color: var(--color-link); }
        .skip-link { position: absolute; left: -999px; }
        .skip-link:focus { left: 1rem; }
        """;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln"))) return dir.FullName;
        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}
