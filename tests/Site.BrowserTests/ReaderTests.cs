using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Site.BrowserTests;

/// <summary>
/// Issue 12, read on a phone: the page starts with its content, urgent help stands out, the trust signals agree,
/// search counts and snippets agree, and the questionnaire is short until asked for. Measured at 360 × 800.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class ReaderTests(SiteFixture site)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 800 };

    private Task<WatchedPage> PhoneAsync(ColorScheme scheme = ColorScheme.Light, bool javaScript = true) =>
        site.NewPageAsync(new BrowserNewContextOptions { ViewportSize = Phone, ColorScheme = scheme, JavaScriptEnabled = javaScript });

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator)
    {
        await locator.WaitForAsync();
        return await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("not rendered");
    }

    /// <summary>Where the element starts on the page (not in the viewport: focus may have scrolled it).</summary>
    private static async Task<double> TopInPageAsync(ILocator locator)
    {
        await locator.WaitForAsync();
        return await locator.EvaluateAsync<double>("el => el.getBoundingClientRect().top + window.scrollY");
    }

    // ---- the header on a phone ----

    [Fact]
    public async Task An_articles_h1_starts_within_the_first_250_px_on_a_phone()
    {
        // Before: 501 px (title, two rows of navigation, the search form and a three-line notice above it).
        await using var watched = await PhoneAsync();
        await watched.Page.GotoAsync(site.Url("/articles/side-effects/"));
        var h1 = await TopInPageAsync(watched.Page.Locator("main h1"));
        Assert.True(h1 <= 250, $"the h1 starts at {h1} px");
        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task A_questions_h1_starts_within_the_first_250_px_on_a_phone()
    {
        // Before: 574 px.
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/candidate/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).ClickAsync();
        var h1 = await TopInPageAsync(page.Locator("form[data-question=\"age\"] h1"));
        Assert.True(h1 <= 250, $"the question's h1 starts at {h1} px");
    }

    [Fact]
    public async Task The_phone_header_is_one_row_and_the_notice_one_line()
    {
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/faq/"));
        var title = await BoxAsync(page.Locator(".site-title"));
        var menu = await BoxAsync(page.Locator("button.header-toggle[aria-controls=site-menu]"));
        var search = await BoxAsync(page.Locator("button.header-toggle[aria-controls=site-search-form]"));
        var header = await BoxAsync(page.Locator(".site-header"));
        var notice = await BoxAsync(page.Locator(".medical-notice p"));
        foreach (var (name, box) in new[] { ("Menu", menu), ("Search", search) })
            Assert.True(Math.Abs(box.Y + box.Height / 2 - (title.Y + title.Height / 2)) < 12, $"{name} is not on the title's row");
        Assert.True(header.Height <= 72, $"the header is {header.Height} px tall");
        Assert.True(notice.Height <= 34, $"the notice is {notice.Height} px tall (more than one line)");
        Assert.False(await page.Locator("#site-menu").IsVisibleAsync());
        Assert.False(await page.Locator("#site-search-form").IsVisibleAsync());
    }

    [Fact]
    public async Task The_search_button_opens_the_form_which_searches()
    {
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/glossary/"));
        var button = page.Locator("button.header-toggle[aria-controls=site-search-form]");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Equal("site-search", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var axe = await page.RunAxe(SmokeTests.Wcag22AA);
        Assert.True(axe.Violations.Length == 0, SmokeTests.Describe(axe));
        await page.Keyboard.TypeAsync("bruising");
        await page.Locator("#site-search-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/search/?q=bruising", StringComparison.Ordinal));
        await page.Locator("button.header-toggle[aria-controls=site-menu]").ClickAsync();
        Assert.True(await page.Locator("#site-menu").IsVisibleAsync());
    }

    [Fact]
    public async Task Without_javascript_the_toggles_are_links_that_show_the_menu_and_the_working_form()
    {
        await using var watched = await PhoneAsync(javaScript: false);
        var page = watched.Page;
        await page.GotoAsync(site.Url("/about/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Menu", Exact = true }).ClickAsync();
        Assert.True(await page.Locator("#site-menu").IsVisibleAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        Assert.True(await page.Locator("#site-search-form").IsVisibleAsync());
        await page.FillAsync("#site-search", "aftercare");
        await page.Locator("#site-search-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/search/?q=aftercare", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/articles/side-effects/")]
    [InlineData("/candidate/")]
    [InlineData("/search/")]
    public async Task Nothing_is_cut_off_at_200_percent_text(string path)
    {
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url(path));
        // Text zoom as a browser setting does: the root font size doubles, and every rem with it.
        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
        await page.Locator("button.header-toggle[aria-controls=site-search-form]").ClickAsync();
        var overflow = await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              const out = [];
              if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
              // Anything wider than the screen, except inside what scrolls on purpose (tables scroll in their wrapper).
              for (const el of document.querySelectorAll('body *')) {
                if (el.closest('.table-wrap, .search-listbox')) continue;
                const r = el.getBoundingClientRect();
                if (r.width > 0 && (r.right > width + 1 || r.left < -1)) out.push(`${el.tagName}.${el.className} spans ${r.left}..${r.right}`);
              }
              return out;
            }
            """);
        Assert.True(overflow.Length == 0, string.Join("\n", overflow));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(1030)]
    public async Task The_desktop_header_keeps_the_search_form_in_its_row(int width)
    {
        // Before: the form dropped to its own row and left an empty band.
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = 800 } });
        var page = watched.Page;
        await page.GotoAsync(site.Url("/articles/"));
        var title = await BoxAsync(page.Locator(".site-title"));
        var form = await BoxAsync(page.Locator("#site-search-form"));
        var nav = await BoxAsync(page.Locator("#site-menu"));
        var header = await BoxAsync(page.Locator(".site-header"));
        Assert.True(form.Y < title.Y + title.Height && nav.Y < title.Y + title.Height, "the navigation or the form is below the title's row");
        Assert.True(header.Height <= 72, $"the header is {header.Height} px tall");
        Assert.False(await page.Locator("button.header-toggle[aria-controls=site-menu]").IsVisibleAsync());
    }

    // ---- urgent help ----

    [Theory]
    [InlineData("/articles/side-effects/")]
    [InlineData("/articles/aftercare/")]
    public async Task Urgent_and_emergency_help_is_near_the_top_with_numbers_and_linked_from_in_short(string path)
    {
        // Before (side effects): "Get urgent help if" about 6,500 px down, no number, and "In short" linked nowhere.
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url(path));
        var emergency = await TopInPageAsync(page.Locator("#call-999-or-go-to-ae-now-if"));
        var urgent = await TopInPageAsync(page.Locator("#get-urgent-help-if"));
        Assert.True(emergency < 2000 && urgent < 2600, $"emergency at {emergency} px, urgent at {urgent} px");
        var prose = await page.Locator("[data-prose]").InnerTextAsync();
        Assert.Contains("999", prose);
        Assert.Contains("111", prose);
        Assert.Contains("local emergency number", prose);
        var inShort = page.Locator(".in-short");
        Assert.Equal(1, await inShort.Locator("a[href=\"#call-999-or-go-to-ae-now-if\"]").CountAsync());
        Assert.Equal(1, await inShort.Locator("a[href=\"#get-urgent-help-if\"]").CountAsync());
    }

    [Fact]
    public async Task Care_cards_are_rendered_with_their_label_and_icon()
    {
        // The generator's half of the care cards (Markdig custom containers, the lead's renderer): until it renders
        // :::emergency and :::urgent, the markers show as text and this test fails.
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/articles/side-effects/"));
        Assert.DoesNotContain(":::", await page.Locator("[data-prose]").InnerTextAsync());
        var emergency = page.Locator("div.card.card-emergency");
        await Assertions.Expect(emergency.Locator(".card-label")).ToHaveTextAsync("Emergency");
        Assert.Equal(1, await emergency.Locator(".card-label svg.card-icon[aria-hidden=true]").CountAsync());
        Assert.Equal(1, await emergency.Locator("#call-999-or-go-to-ae-now-if").CountAsync());
        await Assertions.Expect(page.Locator("div.card.card-urgent .card-label")).ToHaveTextAsync("Urgent advice");
    }

    /// <summary>The markup the generator writes for a care card (the contract), for testing the theme's CSS on its own.</summary>
    private const string CareCards = """
        () => {
          const kinds = [['emergency', 'Emergency'], ['urgent', 'Urgent advice'], ['info', 'Good to know'], ['warning', 'Take care']];
          const host = document.querySelector('[data-prose]');
          for (const [kind, label] of kinds) {
            const card = document.createElement('div');
            card.className = `card card-${kind}`;
            card.id = `test-${kind}`;
            card.innerHTML = `<p class="card-label"><svg class="card-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path d="M12 2 2 22h20z"/></svg>${label}</p>`
              + `<h2>Heading of the ${kind} card</h2><ul><li>a sign to look for</li></ul><p>What to do, with <a href="/faq/">a link</a>.</p>`;
            host.prepend(card);
          }
        }
        """;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Care_cards_differ_by_label_colour_and_border_and_pass_contrast(ColorScheme scheme)
    {
        await using var watched = await PhoneAsync(scheme);
        var page = watched.Page;
        await page.GotoAsync(site.Url("/about/"));
        await page.EvaluateAsync(CareCards);
        var styles = await page.EvaluateAsync<string[]>("""
            () => ['emergency', 'urgent', 'info', 'warning'].map(k => {
              const card = document.getElementById(`test-${k}`);
              const label = card.querySelector('.card-label');
              const c = getComputedStyle(card), l = getComputedStyle(label);
              return [l.backgroundColor, c.borderLeftWidth, c.backgroundColor, label.querySelector('svg').getBoundingClientRect().width].join('|');
            })
            """);
        var bands = styles.Select(s => s.Split('|')[0]).ToList();
        Assert.Equal(4, bands.Distinct().Count());
        Assert.All(styles, s =>
        {
            var parts = s.Split('|');
            Assert.NotEqual("rgba(0, 0, 0, 0)", parts[0]);
            Assert.True(double.Parse(parts[1].Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= 6, $"left border {parts[1]}");
            Assert.True(double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture) >= 16, "icon too small");
        });
        var axe = await page.RunAxe(SmokeTests.Wcag22AA);
        Assert.True(axe.Violations.Length == 0, SmokeTests.Describe(axe));
        // Printed, the label band keeps its colour (print-color-adjust: exact) and the label its words.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var printed = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#test-urgent .card-label')).printColorAdjust");
        Assert.Equal("exact", printed);
    }

    // ---- trust signals ----

    [Fact]
    public async Task The_source_check_and_the_clinical_review_are_two_facts_that_do_not_contradict()
    {
        // Before: "Last reviewed 20 November 2026" above "This page has not yet been reviewed by a clinician".
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/articles/contraindications/"));
        var header = await page.Locator(".article-header").InnerTextAsync();
        Assert.DoesNotContain("Last reviewed", header);
        Assert.Contains("Checked against sources", header);
        Assert.Equal("Not yet", (await page.Locator(".review-clinical dd").InnerTextAsync()).Trim());
        await page.GotoAsync(site.Url("/references/"));
        Assert.DoesNotContain("not verified", await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    // ---- heading anchors ----

    [Fact]
    public async Task Heading_anchors_add_nothing_to_heading_names_and_no_tab_stops()
    {
        // Before: every heading read "Pain Link to this section", and each added a Tab stop (13 on this page).
        // The markup is the generator's (the lead's renderer); the theme only styles it.
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/articles/side-effects/"));
        Assert.DoesNotContain("Link to this section", await page.Locator("main").InnerTextAsync());
        var anchors = page.Locator("main .heading-anchor");
        Assert.True(await anchors.CountAsync() > 5);
        foreach (var anchor in await anchors.AllAsync())
        {
            Assert.Equal("true", await anchor.GetAttributeAsync("aria-hidden"));
            Assert.Equal("-1", await anchor.GetAttributeAsync("tabindex"));
        }
        var pain = page.GetByRole(AriaRole.Heading, new() { Name = "Pain", Exact = true });
        Assert.Equal(1, await pain.CountAsync());
    }

    [Fact]
    public async Task Clicking_a_heading_anchor_copies_the_section_link()
    {
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1280, Height = 800 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = watched.Page;
        await page.GotoAsync(site.Url("/articles/side-effects/"));
        var heading = page.Locator("h3#pain");
        await heading.HoverAsync();
        await heading.Locator(".heading-anchor").ClickAsync();
        await Assertions.Expect(page.Locator(".copy-toast")).ToHaveTextAsync("Link to this section copied");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.EndsWith("/articles/side-effects/#pain", copied);
        Assert.EndsWith("#pain", page.Url);
    }

    // ---- search ----

    [Fact]
    public async Task The_header_count_is_the_count_the_results_page_lists()
    {
        // Before: "See all 22 results for 'blood thinners'" above a results page that listed 6.
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = watched.Page;
        await page.GotoAsync(site.Url("/about/"));
        await page.FillAsync("#site-search", "blood thinners");
        var all = page.Locator(".search-option-all");
        await Assertions.Expect(all).ToHaveTextAsync(SeeAll());
        var promised = int.Parse(SeeAll().Match(await all.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await all.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/search/?q=blood", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-search-results] > li").First).ToBeVisibleAsync();
        Assert.Equal(promised, await page.Locator("[data-search-results] > li").CountAsync());
        Assert.StartsWith($"{promised} results", (await page.Locator("[data-search-status]").InnerTextAsync()).Trim());
    }

    [GeneratedRegex(@"See all (\d+) results? for")]
    private static partial Regex SeeAll();

    [Fact]
    public async Task A_snippet_is_centred_on_a_word_from_deep_in_its_section()
    {
        // "haemophilia" is several hundred characters into its section: the old 160-character excerpt never showed it.
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/search/?q=haemophilia"));
        var snippet = page.Locator("[data-search-results] > li").First.Locator(".search-result-snippet");
        await Assertions.Expect(snippet.Locator("mark").First).ToHaveTextAsync(new Regex("^haemophilia$", RegexOptions.IgnoreCase));
        var text = await snippet.InnerTextAsync();
        Assert.True(text.Length <= 170, $"snippet of {text.Length} characters");
        // It starts where a paragraph, list item or cell starts, or is cut with "…": never mid-word, never cells run together.
        Assert.Matches(new Regex("^(…|[A-Z])"), text);
    }

    [Fact]
    public async Task Marked_words_pass_contrast_in_dark_mode_in_the_popup_and_the_results()
    {
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark, ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = watched.Page;
        await page.GotoAsync(site.Url("/search/?q=blood"));
        await Assertions.Expect(page.Locator("[data-search-results] mark").First).ToBeVisibleAsync();
        await page.FillAsync("#site-search", "bruise");
        await Assertions.Expect(page.Locator(".search-listbox mark").First).ToBeVisibleAsync();
        var axe = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "rule", Values = ["color-contrast"] },
        });
        Assert.True(axe.Violations.Length == 0, SmokeTests.Describe(axe));
    }

    [Fact]
    public async Task The_slash_key_types_a_slash_and_moves_no_focus()
    {
        // WCAG 2.1.4: the single-key shortcut could not be turned off, so it is gone.
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = watched.Page;
        await page.GotoAsync(site.Url("/about/"));
        await page.Keyboard.PressAsync("/");
        Assert.NotEqual("site-search", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Without_javascript_the_search_page_offers_every_article_and_the_glossary()
    {
        await using var watched = await PhoneAsync(javaScript: false);
        var page = watched.Page;
        await page.GotoAsync(site.Url("/search/?q=bruising"));
        var offer = page.Locator(".search-noscript");
        Assert.True(await offer.IsVisibleAsync());
        var articles = Directory.GetFiles(Path.Combine(SiteFixture.RepoRoot, "input", "articles"), "*.md").Length;
        Assert.Equal(articles, await offer.Locator("li a[href^=\"/articles/\"]").CountAsync());
        Assert.Equal(1, await offer.Locator("a[href=\"/glossary/\"]").CountAsync());
    }

    // ---- the questionnaire ----

    [Fact]
    public async Task The_start_page_is_short_and_the_checklist_opens_from_a_button()
    {
        // Before: 15,479 px with JavaScript on, the whole paper checklist under "Start now".
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var watched = await PhoneAsync(scheme);
            var page = watched.Page;
            await page.GotoAsync(site.Url("/candidate/"));
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "The questions as a checklist" });
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
            var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            Assert.True(height < 3000, $"the start page is {height} px tall");
            Assert.False(await page.Locator(".candidate-checklist__question").First.IsVisibleAsync());
            await toggle.ClickAsync();
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
            Assert.True(await page.Locator(".candidate-checklist__question").First.IsVisibleAsync());
            var axe = await page.RunAxe(SmokeTests.Wcag22AA);
            Assert.True(axe.Violations.Length == 0, $"{scheme}: {SmokeTests.Describe(axe)}");
        }
    }

    [Fact]
    public async Task The_checklist_prints_whole_while_closed_on_screen()
    {
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/candidate/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "The questions as a checklist" })).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.Locator(".candidate-checklist__question").Last.IsVisibleAsync());
        var text = await page.Locator("#candidate-checklist").InnerTextAsync();
        Assert.Contains("Only if your answer to question", text);
    }

    [Fact]
    public async Task Each_question_says_what_to_select_when_left_unanswered()
    {
        // Before: "Select an answer to continue" on every question.
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/candidate/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".candidate-error-summary a")).ToHaveTextAsync("Select how old you are");
        await Assertions.Expect(page.Locator(".candidate-error-message")).ToContainTextAsync("Select how old you are");
        await page.Locator("label[for=\"candidate-age-adult\"]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator("form[data-question=\"concern\"]").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".candidate-error-summary a")).ToHaveTextAsync("Select what worries you most about your hair or scalp");
    }

    [Fact]
    public async Task Leaving_in_the_middle_of_the_questions_asks_first()
    {
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/candidate/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).ClickAsync();
        await page.Locator("label[for=\"candidate-age-adult\"]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator("form[data-question=\"concern\"]").WaitForAsync();

        var asked = new TaskCompletionSource<string>();
        void OnDialog(object? sender, IDialog dialog)
        {
            asked.TrySetResult(dialog.Type);
            _ = dialog.DismissAsync(); // "Stay on this page"
        }
        page.Dialog += OnDialog;
        var click = page.Locator(".breadcrumbs a[href=\"/\"]").ClickAsync();
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await click;
        page.Dialog -= OnDialog;
        await page.Locator("form[data-question=\"concern\"]").WaitForAsync();
        Assert.EndsWith("/candidate/#questions", page.Url);
    }

    [Fact]
    public async Task The_breadcrumb_to_this_page_returns_to_the_start_and_keeps_the_answers()
    {
        // Before: it reloaded the page and the answers were gone.
        await using var watched = await PhoneAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Url("/candidate/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).ClickAsync();
        await page.Locator("label[for=\"candidate-age-adult\"]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator("form[data-question=\"concern\"]").WaitForAsync();
        await page.Locator(".breadcrumbs a[aria-current=page]").ClickAsync();
        await Assertions.Expect(page.Locator("#candidate-start")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).ClickAsync();
        Assert.True(await page.Locator("#candidate-age-adult").IsCheckedAsync());
    }
}
