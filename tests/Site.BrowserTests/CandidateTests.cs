using System.Diagnostics;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Site.Diagnostics;
using Site.Questionnaire;
using Xunit.Abstractions;

namespace Site.BrowserTests;

/// <summary>
/// The "Am I a candidate?" flow in a real browser: it agrees with the C# engine on every path, every outcome kind is
/// reachable by clicking, Back/Change/print keep answers, axe finds nothing, nothing leaves the device, and the
/// checklist works without JavaScript.
/// The page is the real built site's /candidate/, served with netlify.toml's headers (strict CSP, no-referrer).
/// </summary>
[Collection(CandidateCollection.Name)]
public sealed class CandidateTests(SiteFixture site, ITestOutputHelper output)
{
    private static readonly Lazy<(Site.Questionnaire.Questionnaire Questionnaire, IReadOnlyList<AnswerPath> Paths)> Definition = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var yaml = File.ReadAllText(Path.Combine(SiteFixture.RepoRoot, "input", "candidate", "questionnaire.yml"));
        var q = QuestionnaireLoader.Load("input/candidate/questionnaire.yml", yaml, diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
        return (q, QuestionnaireEngine.EnumeratePaths(q));
    });

    /// <summary>The questionnaire the site was built from, and every answer path the C# engine enumerates.</summary>
    private static Site.Questionnaire.Questionnaire Questionnaire => Definition.Value.Questionnaire;
    private static IReadOnlyList<AnswerPath> Paths => Definition.Value.Paths;

    private string PageUrl => site.Url("/candidate/");

    /// <summary>Counts storage and cookie writes from the page's first script on; Playwright's init scripts run before it.</summary>
    private const string StorageSpy = """
        (() => {
          window.__storageWrites = [];
          const note = (what) => window.__storageWrites.push(what);
          for (const method of ['setItem', 'removeItem', 'clear']) {
            const original = Storage.prototype[method];
            Storage.prototype[method] = function (...args) { note('Storage.' + method); return original.apply(this, args); };
          }
          const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
          Object.defineProperty(Document.prototype, 'cookie', {
            get() { return cookie.get.call(this); },
            set(v) { note('cookie'); cookie.set.call(this, v); },
          });
          if (window.indexedDB) {
            const open = IDBFactory.prototype.open;
            IDBFactory.prototype.open = function (...args) { note('indexedDB.open'); return open.apply(this, args); };
          }
          window.__printed = 0;
          window.print = () => { window.__printed++; };
        })();
        """;

    private async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> OpenAsync(
        ColorScheme scheme = ColorScheme.Light, int width = 1024)
    {
        var watched = await site.NewPageAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            Locale = "en-GB",
        });
        await watched.Context.AddInitScriptAsync(StorageSpy);
        watched.Page.Request += (_, request) => { if (request.Url.Contains("/favicon.", StringComparison.Ordinal)) Interlocked.Increment(ref _iconFetches); };
        var response = await watched.Page.GotoAsync(PageUrl);
        Assert.Equal(200, response?.Status);
        // Several Referrer-Policy values may be combined into one header; browsers apply the last one they know.
        var referrer = (await response!.HeaderValueAsync("referrer-policy") ?? "").Split(',', StringSplitOptions.TrimEntries);
        Assert.Equal("no-referrer", referrer[^1]);
        return (watched.Context, watched.Page, watched.ConsoleErrors);
    }

    /// <summary>How often the browser has fetched the site icon for the page <see cref="OpenAsync"/> opened.</summary>
    private int _iconFetches;

    /// <summary>
    /// Waits until the browser has fetched the site icon <paramref name="count"/> times. Chromium fetches it after the
    /// load event and again on every URL change, the flow's one #questions entry included (see candidate.js); the
    /// privacy test waits for those instead of for time, so it records only what the flow itself asks for. Should a
    /// browser stop fetching it, the wait ends after a few seconds and the recording shows whatever came.
    /// </summary>
    private async Task IconFetchedAsync(int count)
    {
        for (var waited = 0; Volatile.Read(ref _iconFetches) < count && waited < 5000; waited += 10) await Task.Delay(10);
        if (Volatile.Read(ref _iconFetches) < count) output.WriteLine($"The site icon was fetched {_iconFetches} times, not {count}.");
    }

    /// <summary>Resolves once the page has handled everything already queued (tasks and a frame): a click's effects included.</summary>
    private static Task SettledAsync(IPage page) =>
        page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))");

    private static Task StartAsync(IPage page) =>
        page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).ClickAsync();

    private async Task AnswerAsync(IPage page, string linkId, string code)
    {
        var form = page.Locator($"form[data-question=\"{linkId}\"]");
        await form.WaitForAsync();
        var label = form.Locator($"label[for=\"candidate-{linkId}-{code}\"]");
        await label.ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    private async Task<ILocator> ResultAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "See your result" }).ClickAsync();
        var result = page.Locator("[data-outcome-kind]");
        await result.WaitForAsync();
        return result;
    }

    private AnswerPath PathTo(string outcomeId) =>
        Paths.Where(p => p.Outcome!.Id == outcomeId).OrderBy(p => p.Answers.Count).First();

    // ---- one truth: the browser agrees with C# on every enumerated path ----

    /// <summary>Drives the real UI from inside the page (clicks on the radios, Continue, See your result), fast enough for every path.</summary>
    private const string Replay = """
        async (paths) => {
          // The flow renders as it handles a click, so a screen is normally there at once; wait a little if not.
          const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
          async function waitFor(find, what) {
            for (let i = 0; i < 2000; i++) { const found = find(); if (found) return found; await tick(); }
            throw new Error('timed out waiting for ' + what);
          }
          const results = [];
          for (const path of paths) {
            try {
              await waitFor(() => !document.getElementById('candidate-start').hidden, 'the start page');
              document.querySelector('[data-candidate-start] a').click();
              for (let i = 0; i < path.length; i++) {
                const step = path[i];
                const form = await waitFor(() => document.querySelector('form[data-question="' + step.linkId + '"]'), 'question ' + step.linkId);
                const caption = form.querySelector('.candidate-caption').textContent;
                if (!caption.startsWith('Question ' + (i + 1) + ' of up to ')) throw new Error('caption "' + caption + '" at step ' + (i + 1));
                if (document.activeElement !== form.querySelector('h1')) throw new Error('focus not on the heading of ' + step.linkId);
                form.querySelector('input[value="' + step.code + '"]').click();
                form.querySelector('[data-action="continue"]').click();
              }
              const see = await waitFor(() => document.querySelector('[data-action="see-result"]'), 'check your answers');
              see.click();
              const result = await waitFor(() => document.querySelector('[data-outcome-kind]'), 'the result');
              results.push({ kind: result.getAttribute('data-outcome-kind'), id: result.getAttribute('data-outcome-id') });
              result.querySelector('[data-action="start-again"]').click();
            } catch (e) {
              results.push({ error: String(e && e.message || e) });
              const again = document.querySelector('[data-action="start-again"]');
              if (again) again.click();
            }
          }
          return JSON.stringify(results);
        }
        """;

    [Fact]
    public async Task Browser_outcome_equals_the_csharp_outcome_on_every_enumerated_path()
    {
        var sw = Stopwatch.StartNew();
        // Batches of paths, replayed by two pages side by side: the replay is all work inside the page, and each page
        // has its own renderer process, so two pages use both cores. Together they replay every path once.
        const int batch = 60, pages = 2;
        var batches = Paths.Chunk(batch).ToList();
        var replays = await Task.WhenAll(Enumerable.Range(0, pages).Select(async first =>
        {
            var (context, page, problems) = await OpenAsync();
            var mismatches = new List<string>();
            for (var b = first; b < batches.Count; b += pages)
            {
                var slice = batches[b];
                var arg = slice.Select(p => p.Answers.Select(a => new { linkId = a.LinkId, code = a.Code }).ToArray()).ToArray();
                var json = await page.EvaluateAsync<string>(Replay, arg);
                var results = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(json)!;
                for (var i = 0; i < slice.Length; i++)
                {
                    var expected = slice[i].Outcome!;
                    var got = results[i];
                    if (got.TryGetValue("error", out var error))
                        mismatches.Add($"{slice[i]}: {error}");
                    else if (got["kind"] != expected.KindCode || got["id"] != expected.Id)
                        mismatches.Add($"{slice[i]}: C# {expected.Id} ({expected.KindCode}), browser {got["id"]} ({got["kind"]})");
                }
            }
            return (Context: context, Mismatches: mismatches, Problems: problems);
        }));
        output.WriteLine($"{Paths.Count} paths replayed in the browser in {sw.Elapsed.TotalSeconds:F1} s");
        var mismatches = replays.SelectMany(r => r.Mismatches).ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
        Assert.Empty(replays.SelectMany(r => r.Problems));
        foreach (var replay in replays) await replay.Context.CloseAsync();
    }

    // ---- each kind reachable by clicking, with Playwright's own clicks ----

    [Theory]
    [InlineData("not-suitable")]
    [InlineData("not-now")]
    [InlineData("see-doctor-first")]
    [InlineData("may-be-suitable")]
    public async Task Each_outcome_kind_is_reachable_by_clicking(string kind)
    {
        var path = Paths.Where(p => p.Outcome!.KindCode == kind).OrderBy(p => p.Answers.Count).First();
        var (context, page, problems) = await OpenAsync();
        await StartAsync(page);
        foreach (var a in path.Answers) await AnswerAsync(page, a.LinkId, a.Code);
        var result = await ResultAsync(page);

        Assert.Equal(kind, await result.GetAttributeAsync("data-outcome-kind"));
        Assert.Equal(path.Outcome!.Id, await result.GetAttributeAsync("data-outcome-id"));
        Assert.Equal(path.Outcome.Title, await page.Locator("h1:visible").InnerTextAsync());
        foreach (var reason in path.Result!.Reasons)
            Assert.Contains(reason.Text, await result.Locator(".candidate-reasons").InnerTextAsync());
        foreach (var link in path.Outcome.Links)
            Assert.Equal(1, await result.Locator($"a[href=\"{link.Url}\"]").CountAsync());
        Assert.Empty(problems);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_whole_flow_works_by_keyboard_alone()
    {
        var path = PathTo("maybe-pattern");
        var (context, page, _) = await OpenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        foreach (var a in path.Answers)
        {
            var heading = page.Locator($"form[data-question=\"{a.LinkId}\"] h1");
            await heading.WaitForAsync();
            Assert.True(await heading.EvaluateAsync<bool>("h => document.activeElement === h"), $"focus on the heading of {a.LinkId}");
            // Tab into the radio group; arrows move between radios and select; Enter submits the form.
            await page.Keyboard.PressAsync("Tab");
            var options = Questionnaire.FindItem(a.LinkId)!.Options.Select(o => o.Code).ToList();
            var index = options.IndexOf(a.Code);
            if (index == 0) await page.Keyboard.PressAsync("Space");
            for (var i = 0; i < index; i++) await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
        }
        var see = page.GetByRole(AriaRole.Link, new() { Name = "See your result" });
        await see.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var result = page.Locator("[data-outcome-kind]");
        await result.WaitForAsync();
        Assert.Equal("may-be-suitable", await result.GetAttributeAsync("data-outcome-kind"));
        await context.CloseAsync();
    }

    // ---- back, change and print keep the answers ----

    [Fact]
    public async Task Back_link_returns_to_the_previous_question_with_its_answer_kept()
    {
        var (context, page, _) = await OpenAsync();
        await StartAsync(page);
        await AnswerAsync(page, "age", "adult");
        await AnswerAsync(page, "concern", "shedding");
        await page.Locator("form[data-question=\"warning-signs\"]").WaitForAsync();
        Assert.StartsWith("Question 3 of up to", await page.Locator(".candidate-caption").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await page.Locator("form[data-question=\"concern\"]").WaitForAsync();
        Assert.True(await page.Locator("#candidate-concern-shedding").IsCheckedAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await page.Locator("form[data-question=\"age\"]").WaitForAsync();
        Assert.True(await page.Locator("#candidate-age-adult").IsCheckedAsync());

        // Forward again with the kept answers, just by pressing Continue.
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator("form[data-question=\"concern\"]").WaitForAsync();
        Assert.True(await page.Locator("#candidate-concern-shedding").IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator("form[data-question=\"warning-signs\"]").WaitForAsync();

        // The browser's own Back button steps back a screen too, and from the first question to the start page.
        await page.GoBackAsync();
        await page.Locator("form[data-question=\"concern\"]").WaitForAsync();
        Assert.True(await page.Locator("#candidate-concern-shedding").IsCheckedAsync());
        await page.GoBackAsync();
        await page.Locator("form[data-question=\"age\"]").WaitForAsync();
        await page.GoBackAsync();
        await page.Locator("#candidate-start").WaitForAsync();
        Assert.True(await page.Locator("#candidate-start-title").EvaluateAsync<bool>("h => document.activeElement === h"));
        Assert.Equal(PageUrl, page.Url);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Change_keeps_the_other_answers_and_reapplies_skip_logic()
    {
        var (context, page, _) = await OpenAsync();
        await StartAsync(page);
        string[][] answers =
        [
            ["age", "adult"], ["concern", "pattern"], ["warning-signs", "no"], ["long-term", "no"], ["bleeding", "none"],
            ["allergy", "no"], ["pregnancy", "none"], ["scalp", "no"], ["illness", "no"],
        ];
        foreach (var a in answers) await AnswerAsync(page, a[0], a[1]);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers" }).WaitForAsync();
        Assert.Equal(9, await page.Locator(".candidate-summary-list__row").CountAsync());

        // Change "long-term" to yes: the five follow-up questions are asked, then back to Check your answers.
        await page.Locator("[data-change=\"long-term\"]").ClickAsync();
        Assert.True(await page.Locator("#candidate-long-term-no").IsCheckedAsync());
        await AnswerAsync(page, "long-term", "yes");
        foreach (var id in new[] { "cancer", "autoimmune", "epilepsy", "diabetes", "organ-disease" })
            await AnswerAsync(page, id, "no");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers" }).WaitForAsync();
        Assert.Equal(14, await page.Locator(".candidate-summary-list__row").CountAsync());
        Assert.Contains("slowly getting thinner", await page.Locator("[data-answer=\"concern\"]").InnerTextAsync());

        // Change "concern" only: nothing new to ask, straight back to Check your answers with everything else kept.
        await page.Locator("[data-change=\"concern\"]").ClickAsync();
        await AnswerAsync(page, "concern", "greying");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers" }).WaitForAsync();
        Assert.Equal(14, await page.Locator(".candidate-summary-list__row").CountAsync());
        var result = await ResultAsync(page);
        Assert.Equal("maybe-scalp-and-hair", await result.GetAttributeAsync("data-outcome-id"));

        // Change an answer so that skip logic ends the questionnaire early: the later answers drop out.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your answers" }).ClickAsync();
        await page.Locator("[data-change=\"cancer\"]").ClickAsync();
        await AnswerAsync(page, "cancer", "yes");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers" }).WaitForAsync();
        Assert.Equal(5, await page.Locator(".candidate-summary-list__row").CountAsync());
        Assert.Equal("not-suitable", await (await ResultAsync(page)).GetAttributeAsync("data-outcome-kind"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Print_view_shows_questions_answers_result_and_date_and_keeps_the_answers()
    {
        var path = PathTo("wait");
        var (context, page, _) = await OpenAsync();
        await StartAsync(page);
        foreach (var a in path.Answers) await AnswerAsync(page, a.LinkId, a.Code);
        var result = await ResultAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Print or save this summary for your doctor" }).ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__printed"));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await result.Locator("h1").IsVisibleAsync());
        Assert.True(await page.Locator(".candidate-print-summary").IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Print or save this summary for your doctor" }).IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).IsVisibleAsync());
        var summary = await page.Locator(".candidate-print-summary").InnerTextAsync();
        foreach (var a in path.Answers)
        {
            var item = Questionnaire.FindItem(a.LinkId)!;
            Assert.Contains(item.Text, summary);
            Assert.Contains(item.FindOption(a.Code)!.Text, summary);
        }
        Assert.Matches(@"Summary made on \d{1,2} \w+ \d{4}", summary);
        var pdfCapable = await page.EvaluateAsync<string>("document.querySelector('.candidate-date time').getAttribute('datetime')");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", pdfCapable);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // After printing, the answers are still there.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your answers" }).ClickAsync();
        Assert.Equal(path.Answers.Count, await page.Locator(".candidate-summary-list__row").CountAsync());
        await context.CloseAsync();
    }

    // ---- accessibility ----

    private async Task AssertNoAxeViolationsAsync(IPage page, string where, List<string> failures)
    {
        var results = await page.RunAxe(SmokeTests.Wcag22AA);
        foreach (var v in results.Violations)
            failures.Add($"{where}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}");
    }

    [Theory]
    [InlineData(ColorScheme.Light, 1024)]
    [InlineData(ColorScheme.Dark, 320)]
    public async Task Axe_reports_no_violations_on_any_step_or_result(ColorScheme scheme, int width)
    {
        var failures = new List<string>();
        var (context, page, problems) = await OpenAsync(scheme, width);
        await AssertNoAxeViolationsAsync(page, "start", failures);

        // Every question, on the longest path.
        var longest = Paths.OrderByDescending(p => p.Answers.Count).First();
        await StartAsync(page);
        var first = true;
        foreach (var a in longest.Answers)
        {
            await page.Locator($"form[data-question=\"{a.LinkId}\"]").WaitForAsync();
            if (first)
            {
                // The error state: Continue with nothing chosen.
                await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
                await page.Locator(".candidate-error-summary").WaitForAsync();
                await AssertNoAxeViolationsAsync(page, a.LinkId + " (error)", failures);
                first = false;
            }
            await page.Locator("details.candidate-help summary").ClickAsync();
            await AssertNoAxeViolationsAsync(page, a.LinkId, failures);
            await AnswerAsync(page, a.LinkId, a.Code);
        }
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers" }).WaitForAsync();
        await AssertNoAxeViolationsAsync(page, "check your answers", failures);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");

        // Every outcome's result screen.
        foreach (var outcome in Questionnaire.Outcomes)
        {
            await page.GotoAsync(PageUrl);
            await StartAsync(page);
            foreach (var a in PathTo(outcome.Id).Answers) await AnswerAsync(page, a.LinkId, a.Code);
            await ResultAsync(page);
            await AssertNoAxeViolationsAsync(page, "result " + outcome.Id, failures);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"no sideways scrolling on {outcome.Id}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(problems);
        await context.CloseAsync();
    }

    // ---- privacy ----

    [Fact]
    public async Task No_network_request_and_no_storage_write_from_the_first_question_to_the_result()
    {
        var (context, page, _) = await OpenAsync();
        await IconFetchedAsync(1);
        var path = Paths.Where(p => p.Outcome!.Id == "wait").OrderByDescending(p => p.Answers.Count).First();
        await StartAsync(page);
        await page.Locator($"form[data-question=\"{path.Answers[0].LinkId}\"]").WaitForAsync();
        await IconFetchedAsync(2);

        // From the first question on.
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Method + " " + request.Url);
        foreach (var a in path.Answers) await AnswerAsync(page, a.LinkId, a.Code);
        var result = await ResultAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Print or save this summary for your doctor" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__printed === 1");
        await SettledAsync(page);

        Assert.Empty(requests);
        Assert.Equal("[]", await page.EvaluateAsync<string>("JSON.stringify(window.__storageWrites)"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
        Assert.Empty(await context.CookiesAsync());
        // No answer in the URL: at most a fragment naming the screen.
        Assert.Equal(PageUrl + "#questions", page.Url);
        Assert.Equal(path.Outcome!.Id, await result.GetAttributeAsync("data-outcome-id"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Reloading_forgets_the_answers()
    {
        var (context, page, _) = await OpenAsync();
        await StartAsync(page);
        await AnswerAsync(page, "age", "adult");
        await page.Locator("form[data-question=\"concern\"]").WaitForAsync();
        await page.ReloadAsync();
        Assert.True(await page.Locator("#candidate-start").IsVisibleAsync());
        await StartAsync(page);
        await page.Locator("form[data-question=\"age\"]").WaitForAsync();
        Assert.False(await page.Locator("#candidate-age-adult").IsCheckedAsync());
        await context.CloseAsync();
    }

    // ---- without JavaScript ----

    [Fact]
    public async Task Checklist_renders_with_javascript_disabled()
    {
        await using var watched = await site.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = watched.Page;
        await page.GotoAsync(PageUrl);

        Assert.True(await page.Locator("#candidate-checklist").IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).IsVisibleAsync());
        Assert.True(await page.Locator(".candidate-noscript").IsVisibleAsync());
        var checklist = await page.Locator("#candidate-checklist").InnerTextAsync();
        foreach (var item in Questionnaire.Items)
        {
            Assert.Contains(item.Text, checklist);
            foreach (var option in item.Options) Assert.Contains(option.Text, checklist);
        }
        foreach (var kind in new[] { "Not suitable", "Not now", "See a doctor first", "May be suitable" })
            Assert.Contains(kind, checklist, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("When to look again:", checklist);
        Assert.Equal(Questionnaire.Items.Count, await page.Locator(".candidate-checklist__question").CountAsync());
        // axe cannot run in a page without JavaScript (it would wait forever); the same checklist markup is on the
        // start page with JavaScript on, where the axe test checks it in light and dark mode.
    }
}
