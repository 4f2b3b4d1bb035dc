using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Site.BrowserTests;

/// <summary>Every page of the built site, served with production's headers, in a real browser.</summary>
[Collection(SmokeCollection.Name)]
public sealed class SmokeTests(SiteFixture site)
{
    public static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static string Describe(AxeResult result) => string.Join("\n", result.Violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}"));

    [Fact]
    public async Task Every_page_loads_cleanly_and_passes_axe_in_light_and_dark_mode()
    {
        var paths = site.SitemapPaths();
        Assert.True(paths.Count >= 20, $"sitemap lists only {paths.Count} pages");
        var failures = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { ColorScheme = scheme });
            foreach (var path in paths.Append("/no-such-page/"))
            {
                watched.ConsoleErrors.Clear();
                var response = await watched.Page.GotoAsync(site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var expected = path == "/no-such-page/" ? 404 : 200;
                if (response?.Status != expected) failures.Add($"{path}: HTTP {response?.Status}");
                if (expected == 404) watched.ConsoleErrors.RemoveAll(e => e.Contains("status of 404", StringComparison.Ordinal));
                if (watched.ConsoleErrors.Count > 0) failures.Add($"{path} ({scheme}): console: {string.Join(" | ", watched.ConsoleErrors)}");
                var axe = await watched.Page.RunAxe(Wcag22AA);
                if (axe.Violations.Length > 0) failures.Add($"{path} ({scheme}): axe: {Describe(axe)}");
            }
            Assert.Empty(watched.ForeignRequests);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Pages_are_served_with_the_strict_headers_of_netlify_toml()
    {
        await using var watched = await site.NewPageAsync();
        var response = await watched.Page.GotoAsync(site.Url("/articles/side-effects/"));
        var headers = await response!.AllHeadersAsync();
        var csp = headers["content-security-policy"];
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("base-uri", csp);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.StartsWith("max-age=", headers["strict-transport-security"]);
        Assert.Contains("camera=()", headers["permissions-policy"]);
        var candidate = await watched.Page.GotoAsync(site.Url("/candidate/"));
        // Several matching rules combine into a list; browsers apply the last policy they understand.
        Assert.Equal("no-referrer", (await candidate!.AllHeadersAsync())["referrer-policy"].Split(',')[^1].Trim());
    }

    [Fact]
    public async Task Fingerprinted_assets_are_cached_for_a_year()
    {
        await using var watched = await site.NewPageAsync();
        await watched.Page.GotoAsync(site.Url("/"));
        var css = await watched.Page.EvalOnSelectorAsync<string>("link[rel=stylesheet]", "l => l.href");
        var response = await watched.Page.APIRequest.GetAsync(css);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers["cache-control"]);
    }

    [Fact]
    public async Task Articles_read_fully_without_javascript()
    {
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await watched.Page.GotoAsync(site.Url("/articles/contraindications/"));
        Assert.StartsWith("Who should not have", (await watched.Page.TextContentAsync("h1"))?.Trim());
        Assert.True(await watched.Page.IsVisibleAsync("#not-now-a-reason-to-wait"));
        Assert.True(await watched.Page.IsVisibleAsync(".sources li"));
        Assert.True(await watched.Page.IsVisibleAsync(".medical-notice"));
        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task Layout_holds_at_320_pixels()
    {
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        foreach (var path in new[] { "/", "/articles/compared-with-other-options/", "/faq/", "/candidate/", "/search/" })
        {
            await watched.Page.GotoAsync(site.Url(path));
            var overflow = await watched.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 320px");
        }
    }

    [Fact]
    public async Task Skip_link_is_first_and_moves_focus_to_main()
    {
        await using var watched = await site.NewPageAsync();
        await watched.Page.GotoAsync(site.Url("/articles/aftercare/"));
        await watched.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await watched.Page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await watched.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await watched.Page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
