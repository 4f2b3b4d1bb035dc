using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Site.BrowserTests;

/// <summary>The browser tests' <c>RunAxe</c> (<see cref="AxeInPage"/>) finds what Deque's own run finds.</summary>
[Collection(SiteCollection.Name)]
public sealed class AxeTests(SiteFixture site)
{
    private static string Summary(AxeResult result, Func<AxeResult, AxeResultItem[]> group) =>
        string.Join(", ", group(result).Select(r => $"{r.Id}×{r.Nodes.Length}").Order(StringComparer.Ordinal));

    /// <summary>The questionnaire's start page: forms, details, a checklist; in dark mode for the colour rules.</summary>
    [Fact]
    public async Task Same_rules_and_nodes_as_deques_run_on_a_real_page()
    {
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark });
        await watched.Page.GotoAsync(site.Url("/candidate/"));
        var ours = await watched.Page.RunAxe(SmokeTests.Wcag22AA);
        var deques = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(watched.Page, SmokeTests.Wcag22AA);
        Assert.NotEmpty(ours.Passes);
        Assert.Equal(Summary(deques, r => r.Passes), Summary(ours, r => r.Passes));
        Assert.Equal(Summary(deques, r => r.Violations), Summary(ours, r => r.Violations));
        Assert.Equal(Summary(deques, r => r.Incomplete), Summary(ours, r => r.Incomplete));
    }

    [Fact]
    public async Task Violations_are_found_and_a_second_run_on_the_same_document_finds_them_again()
    {
        await using var watched = await site.NewPageAsync();
        await watched.Page.SetContentAsync("""<!doctype html><html lang="en"><title>Bad</title><main><img src="x.png"><button></button></main></html>""");
        var first = await watched.Page.RunAxe(SmokeTests.Wcag22AA);
        Assert.Equal("button-name×1, image-alt×1", Summary(first, r => r.Violations));
        var again = await watched.Page.RunAxe(SmokeTests.Wcag22AA);
        Assert.Equal(Summary(first, r => r.Violations), Summary(again, r => r.Violations));
        var deques = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(watched.Page, SmokeTests.Wcag22AA);
        Assert.Equal(Summary(deques, r => r.Violations), Summary(first, r => r.Violations));
    }
}
