using Microsoft.Playwright;
using Deque.AxeCore.Playwright;

namespace Site.BrowserTests;

/// <summary>Search in the browser: lunr.js 2.3.9 over the index's pieces a query fetches, the header combobox and the /search/ page.</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchTests(SiteFixture site)
{
    private static async Task<IReadOnlyList<string>> ResultLinks(IPage page)
    {
        var list = page.Locator("[data-search-results] a");
        await Assertions.Expect(list.First).ToBeVisibleAsync();
        return await list.EvaluateAllAsync<string[]>("links => links.map(a => a.pathname + a.hash)");
    }

    [Fact]
    public async Task A_marker_word_finds_exactly_its_page()
    {
        await using var watched = await site.NewPageAsync();
        await watched.Page.GotoAsync(site.Url("/search/?q=" + SiteFixture.MarkerWord));
        var links = await ResultLinks(watched.Page);
        Assert.Single(links);
        Assert.StartsWith("/articles/aftercare/", links[0]);
        Assert.Empty(watched.ConsoleErrors);
    }

    [Theory]
    [InlineData("anticoagulants")]
    [InlineData("blood thinners")]
    public async Task Medical_and_lay_words_put_the_contraindications_first(string query)
    {
        await using var watched = await site.NewPageAsync();
        await watched.Page.GotoAsync(site.Url("/search/?q=" + Uri.EscapeDataString(query)));
        var links = await ResultLinks(watched.Page);
        Assert.StartsWith("/articles/contraindications/", links[0]); // the page's best section (or the page itself) first
    }

    [Fact]
    public async Task A_stemmed_form_matches()
    {
        await using var watched = await site.NewPageAsync();
        await watched.Page.GotoAsync(site.Url("/search/?q=injections"));
        await Assertions.Expect(watched.Page.Locator("[data-search-results] mark").First).ToBeVisibleAsync();
        var marked = await watched.Page.Locator("[data-search-results] mark").AllTextContentsAsync();
        Assert.NotEmpty(marked);
        // Another form of the word ("injected", "injection", "inject") was found and marked, not only the one typed.
        Assert.Contains(marked, m => m.StartsWith("inject", StringComparison.OrdinalIgnoreCase) && !m.Equals("injections", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_index_loads_only_when_search_is_used()
    {
        await using var watched = await site.NewPageAsync();
        await watched.Page.GotoAsync(site.Url("/articles/side-effects/"));
        await watched.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain(watched.Requests, r => IsSearchPiece(r) || r.Contains("lunr", StringComparison.Ordinal));
        // Listen before focusing: on a fast run the manifest has loaded before a wait started afterwards would begin.
        var loaded = watched.Page.WaitForRequestFinishedAsync(new PageWaitForRequestFinishedOptions { Predicate = r => r.Url.Contains("/search/manifest.json", StringComparison.Ordinal) });
        await watched.Page.FocusAsync("#site-search");
        await loaded;
        Assert.Empty(watched.ForeignRequests);
    }

    private static bool IsSearchPiece(string url) =>
        new Uri(url).AbsolutePath is var path && path.StartsWith("/search/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal);

    [Fact]
    public async Task Is_it_safe_lists_each_page_once_with_its_sections_under_it_works_by_keyboard_and_passes_axe()
    {
        await using var watched = await site.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/search/?q=is+it+safe"));
        var results = page.Locator("[data-search-results] > li");
        await Assertions.Expect(results.First).ToBeVisibleAsync();

        // One result per page: its best section's link first, its other matching sections in a list under it.
        var groups = await results.EvaluateAllAsync<string[][]>(
            "items => items.map(li => [...li.querySelectorAll('a')].map(a => a.pathname + a.hash))");
        var pages = groups.Select(g => g[0].Split('#')[0]).ToList();
        Assert.Equal(pages.Count, pages.Distinct().Count());
        Assert.All(groups, g => Assert.All(g, url => Assert.StartsWith(g[0].Split('#')[0], url)));
        Assert.Contains(groups, g => g.Length > 1);
        Assert.Contains("/faq/#is-it-safe", groups.Take(3).Select(g => g[0]));
        Assert.Contains("/articles/side-effects/", pages.Take(3));

        // By keyboard: from the search field, Tab reaches the first result's link, and Enter opens it.
        await page.FocusAsync("#search-page-q");
        string focused;
        var tabs = 0;
        do
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("() => document.activeElement.closest('[data-search-results]') ? document.activeElement.pathname + document.activeElement.hash : ''");
        }
        while (focused.Length == 0 && ++tabs < 15);
        Assert.Equal(groups[0][0], focused);

        var axe = await page.RunAxe(SmokeTests.Wcag22AA);
        Assert.True(axe.Violations.Length == 0, SmokeTests.Describe(axe));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath + new Uri(url).Fragment == groups[0][0]);
        Assert.Empty(watched.ConsoleErrors);
        Assert.Empty(watched.ForeignRequests);
    }

    [Fact]
    public async Task The_header_combobox_works_by_keyboard_alone()
    {
        await using var watched = await site.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/about/"));
        // No "/" shortcut any more (WCAG 2.1.4): Tab to the field as a keyboard user does.
        await page.FocusAsync("#site-search");
        Assert.Equal("site-search", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("aftercare");
        var input = page.Locator("#site-search");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        var options = page.Locator("[role=listbox] [role=option]");
        await Assertions.Expect(options.First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-activedescendant", new System.Text.RegularExpressions.Regex(".+"));
        var axe = await page.RunAxe(SmokeTests.Wcag22AA);
        Assert.True(axe.Violations.Length == 0, SmokeTests.Describe(axe));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
        await page.Keyboard.PressAsync("ArrowDown");
        // Down on a closed box reopens it; Enter opens the active option once the box has one again.
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-activedescendant", new System.Text.RegularExpressions.Regex(".+"));
        var before = page.Url;
        await page.Keyboard.PressAsync("Enter");
        // Enter opened the active result itself (whichever it is; it may be a section of this very page), not the search page.
        await page.WaitForFunctionAsync("before => location.href !== before", before);
        Assert.DoesNotContain("/search/", page.Url);
        Assert.Empty(watched.ConsoleErrors);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("title:*^~")]
    [InlineData("+-~:^*")]
    public async Task Hostile_queries_inject_nothing_and_throw_nothing(string query)
    {
        await using var watched = await site.NewPageAsync();
        var dialogs = 0;
        watched.Page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await watched.Page.GotoAsync(site.Url("/search/?q=" + Uri.EscapeDataString(query)));
        await Assertions.Expect(watched.Page.Locator("[data-search-status]")).Not.ToBeEmptyAsync();
        var input = watched.Page.Locator("#site-search");
        await input.FillAsync(query);
        // The combobox answers every query, even one that matches nothing, by opening its list: wait for that, not for time.
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Equal(0, await watched.Page.Locator("main img[src=x], [role=listbox] img, [data-search-results] img").CountAsync());
        Assert.Equal(0, dialogs);
        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task No_results_suggest_the_glossary_faq_and_articles_and_pass_axe()
    {
        await using var watched = await site.NewPageAsync();
        await watched.Page.GotoAsync(site.Url("/search/?q=xylophonequartz"));
        var status = watched.Page.Locator("[data-search-status]");
        await Assertions.Expect(status).Not.ToBeEmptyAsync();
        var main = await watched.Page.TextContentAsync("main");
        Assert.Contains("glossary", main, StringComparison.OrdinalIgnoreCase);
        var axe = await watched.Page.RunAxe(SmokeTests.Wcag22AA);
        Assert.True(axe.Violations.Length == 0, SmokeTests.Describe(axe));
    }

    [Fact]
    public async Task Search_works_as_a_plain_form_submission()
    {
        await using var watched = await site.NewPageAsync();
        await watched.Page.GotoAsync(site.Url("/faq/"));
        await watched.Page.FillAsync("#site-search", "aftercare");
        await watched.Page.ClickAsync("form[data-search-form] button[type=submit]");
        await watched.Page.WaitForURLAsync(url => url.Contains("/search/?q=aftercare", StringComparison.Ordinal));
        Assert.NotEmpty(await ResultLinks(watched.Page));
    }
}
