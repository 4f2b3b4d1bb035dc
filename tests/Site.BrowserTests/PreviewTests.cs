using System.Diagnostics;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Site.Preview;
using Xunit.Abstractions;

namespace Site.BrowserTests;

/// <summary>The live preview over a temporary copy of the site: edits reload open pages, errors show an overlay.</summary>
[Collection(PreviewCollection.Name)]
public sealed class PreviewTests(SiteFixture site, ITestOutputHelper output) : IAsyncLifetime
{
    private string _root = "";
    private PreviewSession? _preview;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("site-preview-").FullName;
        Site.Testing.Repository.CopySiteInto(_root);
        _preview = await PreviewSession.StartAsync(new BuildOptions
        {
            InputDirectory = Path.Combine(_root, "input"),
            ThemeDirectory = Path.Combine(_root, "theme"),
            OutputDirectory = Path.Combine(_root, "output"),
        }, 0, cms: false, TextWriter.Null);
        Assert.True(_preview.LastBuildSucceeded);
    }

    public async Task DisposeAsync()
    {
        if (_preview is not null) await _preview.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private void Edit(string relative, string find, string replace)
    {
        var path = Path.Combine(_root, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));
    }

    private static Task NextLoad(IPage page)
    {
        var loaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage p) { page.Load -= OnLoad; loaded.TrySetResult(); }
        page.Load += OnLoad;
        return loaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private async Task<IPage> OpenAsync(WatchedPage watched, string path)
    {
        await watched.Page.GotoAsync(new Uri(_preview!.BaseUri, path).ToString());
        // The page is live once its event stream has delivered the current state.
        await watched.Page.WaitForSelectorAsync("html[data-preview-build]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return watched.Page;
    }

    [Fact]
    public async Task Editing_a_file_updates_the_open_page()
    {
        await using var watched = await site.NewPageAsync();
        var page = await OpenAsync(watched, "/articles/aftercare/");
        var clock = Stopwatch.StartNew();
        var navigated = NextLoad(page);
        Edit("input/articles/aftercare.md", "title: ", "title: Freshly edited ");
        await navigated;
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Freshly edited");
        output.WriteLine($"edit → reloaded page: {clock.ElapsedMilliseconds} ms (last build {_preview!.LastBuildTook.TotalMilliseconds:0} ms)");
    }

    [Fact]
    public async Task A_build_error_shows_an_overlay_with_file_and_line_then_goes_away()
    {
        await using var watched = await site.NewPageAsync();
        var page = await OpenAsync(watched, "/articles/aftercare/");
        Edit("input/articles/aftercare.md", "section:", "sectoin:");
        var overlay = page.Locator("[data-preview-overlay]");
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        var texts = await page.Locator("[data-diagnostic]").AllTextContentsAsync();
        Assert.Contains(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^input/articles/aftercare\.md\(\d+,1\): error SITE002: Unknown key 'sectoin'"));
        // The source lines around the error are shown, the faulty one marked.
        await Assertions.Expect(overlay).ToContainTextAsync("sectoin:");
        // The last good page is still what the server serves.
        var response = await page.APIRequest.GetAsync(new Uri(_preview!.BaseUri, "/articles/aftercare/").ToString());
        Assert.Equal(200, response.Status);

        var navigated = NextLoad(page);
        Edit("input/articles/aftercare.md", "sectoin:", "section:");
        await navigated;
        await Assertions.Expect(page.Locator("[data-preview-overlay]")).ToHaveCountAsync(0);
        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task The_preview_script_is_never_in_the_built_output()
    {
        var files = Directory.EnumerateFiles(Path.Combine(_root, "output"), "*.html", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.DoesNotContain("__preview", File.ReadAllText(f)));
        await using var watched = await site.NewPageAsync();
        await OpenAsync(watched, "/");
        Assert.Contains(watched.Requests, r => r.EndsWith("/__preview/client.js", StringComparison.Ordinal));
        // The CMS is not reloaded under an editor's unsaved form.
        var admin = await watched.Page.APIRequest.GetAsync(new Uri(_preview!.BaseUri, "/admin/").ToString());
        Assert.Equal(200, admin.Status);
        Assert.DoesNotContain("__preview", await admin.TextAsync());
    }

    [Fact]
    public async Task Warnings_show_in_a_panel_that_leaves_the_page_usable_and_says_they_fail_the_production_build()
    {
        await using var watched = await site.NewPageAsync();
        var page = await OpenAsync(watched, "/articles/aftercare/");
        await Assertions.Expect(page.Locator("[data-preview-warnings]")).ToHaveCountAsync(0);
        var navigated = NextLoad(page);
        // Too short a description is a warning (SITE042): the build succeeds, the strict production build does not.
        var file = Path.Combine(_root, "input/articles/aftercare.md");
        File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), "^description: .*$", "description: Short.", System.Text.RegularExpressions.RegexOptions.Multiline));
        await navigated;
        await page.WaitForSelectorAsync("html[data-preview-build]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var panel = page.Locator("[data-preview-warnings]");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("summary")).ToContainTextAsync("build --strict on Netlify");
        await Assertions.Expect(page.Locator("[data-preview-overlay]")).ToHaveCountAsync(0);
        // Collapsed: the page is still there to read and use.
        await Assertions.Expect(panel.Locator("[data-warning]").First).Not.ToBeVisibleAsync();
        await panel.Locator("summary").ClickAsync();
        var texts = await panel.Locator("[data-warning]").AllTextContentsAsync();
        Assert.Contains(texts, t => t.Contains("warning SITE042", StringComparison.Ordinal) && t.StartsWith("input/articles/aftercare.md(", StringComparison.Ordinal));
        await AssertAxeCleanAsync(page, "the page with the warnings panel open");
        await page.Locator("h1").ClickAsync(); // not covered
        await panel.Locator("[data-preview-dismiss]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-preview-warnings]")).ToHaveCountAsync(0);
        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task A_long_line_is_shown_around_the_column_with_a_mark_and_the_overlay_closes_with_escape_or_its_button()
    {
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 768 } });
        var page = await OpenAsync(watched, "/articles/aftercare/");
        // Raw HTML at column 261 of a long paragraph, as in the issue.
        var paragraph = string.Concat(Enumerable.Repeat("Some words of a long paragraph. ", 9))[..260] + "<b>not</b> and the paragraph goes on for a while after it, well past the edge of any screen.";
        Edit("input/articles/aftercare.md", "## At a glance", paragraph + "\n\n## At a glance");
        var overlay = page.Locator("[data-preview-overlay]");
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        var mark = overlay.Locator("mark[data-column='261']");
        await Assertions.Expect(mark).ToBeVisibleAsync();
        await Assertions.Expect(mark).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Ratio = 1 });
        Assert.Equal("<", await mark.TextContentAsync());
        await Assertions.Expect(overlay.Locator("[data-caret]").First).ToContainTextAsync("^ column 261");
        await AssertAxeCleanAsync(page, "the error dialog");
        // A dialog: focus on its Close button, Escape closes it, a button brings it back, Close closes it again.
        await Assertions.Expect(page.Locator("[data-preview-close]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await overlay.EvaluateAsync<bool>("o => o.contains(document.activeElement)"), "focus left the dialog");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(overlay).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        var reopen = page.Locator("[data-preview-reopen]");
        await Assertions.Expect(reopen).ToContainTextAsync("Build failed");
        await reopen.ClickAsync();
        await Assertions.Expect(page.Locator("[data-preview-overlay]")).ToBeVisibleAsync();
        await page.Locator("[data-preview-close]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-preview-overlay]")).ToHaveCountAsync(0);
        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task A_fresh_clone_whose_first_build_fails_gets_the_overlay_not_an_empty_404()
    {
        var root = Directory.CreateTempSubdirectory("site-preview-fresh-").FullName;
        try
        {
            Site.Testing.Repository.CopySiteInto(root);
            var config = Path.Combine(root, "input", "site.yml");
            File.WriteAllText(config, File.ReadAllText(config).Replace("repository:", "repository: [", StringComparison.Ordinal));
            await using var fresh = await PreviewSession.StartAsync(new BuildOptions
            {
                InputDirectory = Path.Combine(root, "input"),
                ThemeDirectory = Path.Combine(root, "theme"),
                OutputDirectory = Path.Combine(root, "output"),
            }, 0, cms: false, TextWriter.Null);
            Assert.False(fresh.LastBuildSucceeded);
            await using var watched = await site.NewPageAsync();
            var response = await watched.Page.GotoAsync(new Uri(fresh.BaseUri, "/articles/aftercare/").ToString());
            Assert.Equal(404, response!.Status);
            var overlay = watched.Page.Locator("[data-preview-overlay]");
            await Assertions.Expect(overlay).ToBeVisibleAsync();
            var texts = await watched.Page.Locator("[data-diagnostic]").AllTextContentsAsync();
            Assert.Contains(texts, t => t.StartsWith("input/site.yml(", StringComparison.Ordinal));
            await Assertions.Expect(watched.Page.Locator("h1")).ToContainTextAsync("not built yet");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task AssertAxeCleanAsync(IPage page, string where)
    {
        var results = await page.RunAxe(SmokeTests.Wcag22AA);
        Assert.True(results.Violations.Length == 0, $"{where}: " + string.Join("\n", results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}")));
    }
}
