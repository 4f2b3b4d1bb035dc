using System.Diagnostics;
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
}
