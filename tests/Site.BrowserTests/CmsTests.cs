using System.Diagnostics;
using Microsoft.Playwright;
using Site.Preview;
using Xunit.Abstractions;

namespace Site.BrowserTests;

/// <summary>
/// Decap CMS at /admin/ in a real browser, under the /admin/* CSP of netlify.toml, talking to nobody but the preview and
/// decap-server: an editor changes an article's title and creates an article, decap-server writes the Markdown files,
/// and the running preview rebuilds and serves them. Runs over a temporary Git copy of the repository, so the real
/// files are never touched. Also the deployed /admin/, where Decap uses the github backend. Both use the shared browser;
/// the deployed one reads the shared built site.
/// </summary>
[Collection(CmsCollection.Name)]
public sealed class CmsTests(SiteFixture site, ITestOutputHelper output)
{
    private const string NewTitle = "Aftercare: the first week, step by step";

    [Fact]
    public async Task An_editor_edits_and_creates_articles_in_the_cms_and_the_preview_serves_them()
    {
        var clock = Stopwatch.StartNew();
        using var repo = TempRepository.CopyOfReal();
        var log = new StringWriter();
        var options = new BuildOptions { InputDirectory = repo.PathOf("input"), ThemeDirectory = repo.PathOf("theme"), OutputDirectory = repo.PathOf("output") };
        await using var session = await PreviewSession.StartAsync(options, 0, cms: true, TextWriter.Synchronized(log));
        Assert.True(session.CmsRunning, "decap-server did not start:\n" + log);
        Assert.True(session.LastBuildSucceeded, log.ToString());

        await using var watched = await CmsBrowser.OpenAsync(site.Browser, session.BaseUri);
        using var http = new HttpClient { BaseAddress = session.BaseUri };
        IPage? page = null;
        try
        {
            // Each step opens a fresh tab: after every build the preview tells open pages to reload, admin tabs included.
            page = await EditTitleAsync(watched, session, repo, http);
            page = await CreateArticleAsync(watched, session, repo, http);
            page = await UseMediaAsync(watched, session, repo);
            page = await SeeDiagnosticsAsync(watched, session, repo, http);

            Assert.Empty(watched.CspViolations);
            Assert.Empty(watched.ForeignRequests);
            Assert.Empty(watched.ConsoleErrors);
            // decap-server is the preview's own /api/v1: the CMS names no other port.
            Assert.Contains(watched.Requests, r => r.StartsWith("POST " + new Uri(session.BaseUri, Preview.CmsProxy.ApiPath), StringComparison.Ordinal));
        }
        catch
        {
            var screenshot = Path.Combine(Path.GetTempPath(), "cms-test-failure.png");
            page ??= watched.Context.Pages.LastOrDefault();
            if (page is not null) await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}\nPreview log:\n{log}\nRequests:\n{string.Join('\n', watched.Requests)}\nConsole:\n{string.Join('\n', watched.Console)}");
            throw;
        }
        output.WriteLine($"End-to-end CMS test: {clock.ElapsedMilliseconds} ms (preview builds: {session.Builds}, last build {session.LastBuildTook.TotalMilliseconds:0} ms)");
    }

    /// <summary>Log in with the local backend, change Aftercare's title, publish; the file and the rebuilt page change.</summary>
    private async Task<IPage> EditTitleAsync(CmsBrowser watched, PreviewSession session, TempRepository repo, HttpClient http)
    {
        var article = repo.PathOf("input/articles/aftercare.md");
        var before = File.ReadAllText(article);
        var page = await watched.Context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(session.BaseUri, "/admin/").ToString());
        Assert.Equal(AdminCsp(repo), (await response!.AllHeadersAsync())["content-security-policy"]);

        // The local backend: a Login button and no credentials.
        await page.GetByRole(AriaRole.Button, new() { Name = "Login", Exact = true }).ClickAsync();
        await page.GetByText("Aftercare", new() { Exact = true }).ClickAsync();
        var title = page.Locator("input[id^='title-field-']");
        await Assertions.Expect(title).ToHaveValueAsync("Aftercare");
        await title.FillAsync(NewTitle);
        var buildsBefore = session.Builds;
        // Review before publish: Save makes a draft on its own branch; the site's branch and file do not change until
        // the entry is marked ready and published.
        await SaveDraftAsync(page);
        await Eventually(() => repo.Git("branch", "--list", "cms/*").Contains("cms/articles/aftercare", StringComparison.Ordinal), "the draft's branch");
        Assert.Equal(before, repo.Git("show", "main:input/articles/aftercare.md"));
        Assert.Contains(NewTitle, repo.Git("show", "cms/articles/aftercare:input/articles/aftercare.md"));
        await PublishAsync(page);

        // decap-server wrote the file: the title changed; every other front-matter value, their order and the body did not.
        // The merge writes the working file a moment before it makes the commit: wait for both, then compare them.
        await Eventually(() => File.ReadAllText(article) != before && repo.Git("show", "main:input/articles/aftercare.md") != before,
            "the Markdown file to change and the publish to be committed on main");
        var after = File.ReadAllText(article);
        Assert.Equal(after, repo.Git("show", "main:input/articles/aftercare.md"));
        // decap-server deletes the draft's branch after it merged it, so the file may change a moment before.
        await Eventually(() => !repo.Git("branch", "--list", "cms/*").Contains("cms/articles/aftercare", StringComparison.Ordinal), "the draft's branch to be deleted");
        // Saves keep the file: the one changed line is the title's, written in the file's style.
        var changed = before.Split('\n').Zip(after.Split('\n')).Where(l => l.First != l.Second).ToList();
        Assert.Equal(before.Split('\n').Length, after.Split('\n').Length);
        Assert.Equal([("title: Aftercare", $"title: \"{NewTitle}\"")], changed);
        var (oldMatter, oldBody) = FrontMatterOf(before);
        var (newMatter, newBody) = FrontMatterOf(after);
        Assert.Equal(oldBody, newBody);
        Assert.Equal(oldMatter.Keys, newMatter.Keys);
        foreach (var key in oldMatter.Keys.Where(k => k != "title")) Assert.Equal(oldMatter[key], newMatter[key]);
        Assert.Equal(NewTitle, newMatter["title"]);
        output.WriteLine("Aftercare's front matter as decap-server wrote it:\n" + after[..after.IndexOf("\n---", 3, StringComparison.Ordinal)]);

        // The preview saw the change, rebuilt without errors and serves the new title.
        await Eventually(async () => session.Builds > buildsBefore && session.LastBuildSucceeded
            && (await http.GetStringAsync("/articles/aftercare/")).Contains($"<h1>{System.Net.WebUtility.HtmlEncode(NewTitle)}</h1>", StringComparison.Ordinal),
            "the rebuilt article page to show the new title in its h1");
        var site = await watched.Context.NewPageAsync();
        await site.GotoAsync(new Uri(session.BaseUri, "/articles/aftercare/").ToString());
        Assert.Equal(NewTitle, (await site.TextContentAsync("h1"))?.Trim());
        return site;
    }

    /// <summary>
    /// A new article through every kind of widget the schema asks for: its file name follows the site's slug rule and the
    /// build accepts what the CMS wrote.
    /// </summary>
    private async Task<IPage> CreateArticleAsync(CmsBrowser watched, PreviewSession session, TempRepository repo, HttpClient http)
    {
        var page = await watched.Context.NewPageAsync();
        await page.GotoAsync(new Uri(session.BaseUri, "/admin/#/collections/articles/new").ToString());
        var today = DateTime.Today;
        await page.Locator("input[id^='title-field-']").FillAsync("Café & scalp: a new article");
        await page.Locator("textarea[id^='description-field-']").FillAsync("A new article written in the CMS, with a description long enough for search engines.");
        await page.Locator("textarea[id^='summary-field-']").FillAsync("One plain sentence.");
        await ChooseAsync(page, "section", "The treatment");
        await page.Locator("input[id^='last_reviewed-field-']").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd"));
        await page.Locator("input[id^='next_review-field-']").FillAsync(today.AddYears(1).ToString("yyyy-MM-dd"));
        await ChooseAsync(page, "sources", "marzban-2017");
        await ChooseAsync(page, "sources", "tang-2022");
        await ChooseAsync(page, "related", "Side effects");
        await page.Locator("input[id^='keywords-field-']").FillAsync("new, test");
        await page.Locator("[data-slate-editor='true']").Last.ClickAsync();
        await page.Keyboard.TypeAsync("Text that cites a source [@tang-2022].");
        var buildsBefore = session.Builds;
        await SaveDraftAsync(page);
        await PublishAsync(page);

        var file = repo.PathOf("input/articles/cafe-scalp-a-new-article.md");
        await Eventually(() => File.Exists(file), "the new article's file");
        output.WriteLine("The new article as decap-server wrote it:\n" + File.ReadAllText(file));
        await Eventually(async () => session.Builds > buildsBefore && session.LastBuildSucceeded
            && (await http.GetAsync("/articles/cafe-scalp-a-new-article/")).IsSuccessStatusCode,
            "the new article to be built and served");
        var (matter, body) = FrontMatterOf(File.ReadAllText(file));
        Assert.Equal("treatment", matter["section"]);
        Assert.Equal("marzban-2017 | tang-2022", matter["sources"]);
        Assert.Equal("side-effects", matter["related"]);
        Assert.Equal("new | test", matter["keywords"]);
        Assert.Equal(today.AddDays(-7).ToString("yyyy-MM-dd"), matter["last_reviewed"]);
        Assert.Equal("Text that cites a source [@tang-2022].", body.Trim());
        // The editor never touched "Include in search": Decap's default (on) is what a file without it means, so it is not written.
        Assert.False(matter.ContainsKey("search"), "the CMS wrote search: although the editor never set it");
        Assert.False(matter.ContainsKey("draft"));
        return page;
    }

    /// <summary>The media folder through the CMS: an image in the preview pane, the media library, and an upload.</summary>
    private static async Task<IPage> UseMediaAsync(CmsBrowser watched, PreviewSession session, TempRepository repo)
    {
        var page = await watched.Context.NewPageAsync();
        await page.GotoAsync(new Uri(session.BaseUri, "/admin/#/collections/articles/entries/what-is-hair-mesotherapy").ToString());
        var pane = page.FrameLocator("iframe");
        var image = pane.Locator("figure img[alt^='A cut-away drawing of the scalp']");
        await Assertions.Expect(image).ToBeVisibleAsync(new() { Timeout = 20000 }); // the pane renders after Decap loads the entry and the draft check answers
        await Eventually(async () => await image.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "the preview pane's image to load");
        // The preview pane renders as the site does: its stylesheet, a captioned figure, numbered citations linked to
        // the Sources list, the related articles as cards with their titles.
        await Assertions.Expect(pane.Locator("link[rel=stylesheet][href^='/assets/css/site.']")).ToHaveCountAsync(1);
        await Assertions.Expect(pane.Locator("figure figcaption")).ToContainTextAsync("The layers of the scalp.");
        await Assertions.Expect(pane.Locator("sup.cite a[href^='#ref-']").First).ToBeVisibleAsync();
        Assert.DoesNotContain("[@", await pane.Locator(".prose").TextContentAsync());
        var firstCited = await pane.Locator("sup.cite a").First.GetAttributeAsync("href");
        await Assertions.Expect(pane.Locator($"section.sources li[id='{firstCited![1..]}']")).ToHaveCountAsync(1);
        await Assertions.Expect(pane.Locator("aside.next-steps li.card h3 a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/articles/[a-z-]+/$"));
        var font = await pane.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).fontFamily");
        Assert.DoesNotContain("Times", font);
        // The running build's findings for this entry, in the pane (under preview --cms only).
        await Assertions.Expect(pane.Locator("[data-cms-diagnostics]")).ToContainTextAsync("input/articles/what-is-hair-mesotherapy.md");
        await page.GotoAsync(new Uri(session.BaseUri, "/admin/#/collections/articles").ToString());
        await page.GetByText("Media", new() { Exact = true }).ClickAsync();
        var thumbnail = page.Locator("img[src^='blob:']").First;
        await Assertions.Expect(thumbnail).ToBeVisibleAsync();
        await Eventually(async () => await thumbnail.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "a media library thumbnail to load");
        // Decap reads an upload back through its blob: URL (connect-src) before decap-server writes it to input/media/.
        var upload = repo.PathOf("upload/cms-test-upload.png");
        Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
        File.WriteAllBytes(upload, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        await page.Locator("input[type=file]").SetInputFilesAsync(upload);
        // The file appears a moment before its bytes are written: wait for all of them.
        await Eventually(() => File.Exists(repo.PathOf("input/media/cms-test-upload.png")) && new FileInfo(repo.PathOf("input/media/cms-test-upload.png")).Length == new FileInfo(upload).Length,
            "the uploaded image to reach input/media/");
        Assert.Equal(File.ReadAllBytes(upload), File.ReadAllBytes(repo.PathOf("input/media/cms-test-upload.png")));
        // In git mode an upload is a commit of its own on the site's branch.
        await Eventually(() => repo.Git("log", "-1", "--name-only", "--format=").Contains("input/media/cms-test-upload.png", StringComparison.Ordinal)
            && repo.Git("status", "--porcelain").Length == 0, "decap-server to commit the upload");
        return page;
    }

    /// <summary>Save (a commit on the entry's own branch), then mark the draft ready for review.</summary>
    /// <summary>
    /// A warning in a file (a 6-character description, SITE042) shows in the CMS preview pane of that entry, from the
    /// running build; "View Live" (site_url) points at the preview, while the built config keeps production's address.
    /// </summary>
    private static async Task<IPage> SeeDiagnosticsAsync(CmsBrowser watched, PreviewSession session, TempRepository repo, HttpClient http)
    {
        var config = await http.GetStringAsync("/admin/config.yml");
        Assert.Contains($"\nsite_url: {session.BaseUri.GetLeftPart(UriPartial.Authority)}\n", config);
        Assert.Contains("\nsite_url: https://", File.ReadAllText(repo.PathOf("output/admin/config.yml")));
        Assert.Contains("\npublish_mode: editorial_workflow\n", config);

        var file = repo.PathOf("input/articles/contraindications.md");
        var buildsBefore = session.Builds;
        File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), "^description: .*$", "description: Short.", System.Text.RegularExpressions.RegexOptions.Multiline));
        repo.Git("commit", "-q", "-am", "A description too short for search engines");
        await Eventually(() => session.Builds > buildsBefore, "the preview to rebuild");
        var page = await watched.Context.NewPageAsync();
        await page.GotoAsync(new Uri(session.BaseUri, "/admin/#/collections/articles/entries/contraindications").ToString());
        var panel = page.FrameLocator("iframe").Locator("[data-cms-diagnostics]");
        await Assertions.Expect(panel).ToContainTextAsync("input/articles/contraindications.md", new() { Timeout = 20000 });
        await Assertions.Expect(panel.Locator("[data-cms-diagnostic='SITE042']")).ToContainTextAsync("description is 6 characters");

        // A files collection (the FAQ) gets the same template, looked up by the file's name.
        var faqPage = await watched.Context.NewPageAsync();
        await faqPage.GotoAsync(new Uri(session.BaseUri, "/admin/#/collections/faq/entries/faq").ToString());
        var faq = faqPage.FrameLocator("iframe");
        try
        {
            await Assertions.Expect(faq.Locator("article.article .prose h2").First).ToBeVisibleAsync(new() { Timeout = 20000 });
            await Assertions.Expect(faq.Locator("[data-cms-diagnostics]")).ToContainTextAsync("input/pages/faq.md");
        }
        catch
        {
            await faqPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "cms-test-failure.png"), FullPage = true });
            throw;
        }
        return faqPage;
    }

    private static async Task SaveDraftAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Status: Draft")).ToBeVisibleAsync(new() { Timeout = 20000 });
        await page.GetByText("Status: Draft").ClickAsync();
        await page.GetByText("Ready", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Status: Ready")).ToBeVisibleAsync(new() { Timeout = 20000 });
    }

    /// <summary>Publish a ready entry: its branch is merged into the site's branch.</summary>
    private static async Task PublishAsync(IPage page)
    {
        // Decap asks "Are you sure you want to publish this entry?" in the editorial workflow; Playwright would say no.
        page.Dialog += (_, dialog) => _ = dialog.Message.Contains("publish", StringComparison.OrdinalIgnoreCase) ? dialog.AcceptAsync() : dialog.DismissAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.GetByText("Publish now", new() { Exact = true }).ClickAsync();
    }

    /// <summary>Picks an option of a select or relation widget (react-select) by typing part of its label.</summary>
    private static async Task ChooseAsync(IPage page, string field, string text)
    {
        await page.Locator($"input[id^='{field}-field-']").FillAsync(text);
        var option = page.Locator("[id*='-option-']", new() { HasText = text }).First;
        await option.ClickAsync();
    }

    private const string DraftTitle = "Checked while it is a draft";

    /// <summary>
    /// The pane checks the draft as it would be saved, before Save and Publish: a next_review seven years out and an
    /// unknown citation show the build's SITE007 and SITE054 in the pane; Publish is refused while they are there; a
    /// 10-character description is refused by the form; the fixed draft shows nothing to fix. Where no preview answers
    /// (the deployed /admin/), the pane says the checks run in the build.
    /// </summary>
    [Fact]
    public async Task The_pane_checks_the_draft_before_publish_and_publish_is_refused_while_it_has_errors()
    {
        using var repo = TempRepository.CopyOfReal();
        var log = new StringWriter();
        var options = new BuildOptions { InputDirectory = repo.PathOf("input"), ThemeDirectory = repo.PathOf("theme"), OutputDirectory = repo.PathOf("output") };
        await using var session = await PreviewSession.StartAsync(options, 0, cms: true, TextWriter.Synchronized(log));
        Assert.True(session.CmsRunning, "decap-server did not start:\n" + log);
        await using var watched = await CmsBrowser.OpenAsync(site.Browser, session.BaseUri);
        var page = await watched.Context.NewPageAsync();
        var file = "input/articles/checked-while-it-is-a-draft.md";
        try
        {
            await page.GotoAsync(new Uri(session.BaseUri, "/admin/").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Login", Exact = true }).ClickAsync();
            await page.GotoAsync(new Uri(session.BaseUri, "/admin/#/collections/articles/new").ToString());
            var today = DateTime.Today;
            await page.Locator("input[id^='title-field-']").FillAsync(DraftTitle);
            var description = page.Locator("textarea[id^='description-field-']");
            await description.FillAsync("Too short!");
            await page.Locator("textarea[id^='summary-field-']").FillAsync("One plain sentence.");
            await ChooseAsync(page, "section", "The treatment");
            await page.Locator("input[id^='last_reviewed-field-']").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd"));
            await page.Locator("input[id^='next_review-field-']").FillAsync(today.AddDays(-7).AddYears(7).ToString("yyyy-MM-dd"));
            await ChooseAsync(page, "sources", "marzban-2017");
            await ChooseAsync(page, "sources", "tang-2022");
            await page.Locator("[data-slate-editor='true']").Last.ClickAsync();
            await page.Keyboard.TypeAsync("Some people try it [@marzban-2017]. A claim with no source in the list [@doesnotexist].");

            // Before any save: the pane lists the build's own errors for this text.
            var pane = page.FrameLocator("iframe").Locator("[data-cms-diagnostics]");
            await Assertions.Expect(pane).ToHaveAttributeAsync("data-cms-check", "found", new() { Timeout = 20000 });
            await Assertions.Expect(pane.Locator("[data-cms-diagnostic='SITE007']")).ToContainTextAsync("error SITE007: next_review", new() { Timeout = 20000 });
            await Assertions.Expect(pane.Locator("[data-cms-diagnostic='SITE054']")).ToContainTextAsync("Citation '@doesnotexist' is not in input/references.yml");
            await Assertions.Expect(pane.Locator("[data-cms-reading]")).ToContainTextAsync("words");
            // The description is 10 characters: the form refuses to save it, in words, and nothing is committed.
            Assert.Equal(10, "Too short!".Length);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText(Cms.DecapConfig.DescriptionMessage)).ToBeVisibleAsync(new() { Timeout = 20000 });
            Assert.DoesNotContain("cms/articles/", repo.Git("branch", "--list"), StringComparison.Ordinal);

            await description.FillAsync("A draft article that the preview pane checks while the editor is still typing it.");
            await SaveDraftAsync(page);
            await Eventually(() => repo.Git("branch", "--list", "cms/*").Contains("cms/articles/checked-while-it-is-a-draft", StringComparison.Ordinal), "the draft's branch");
            // Publish is refused with the list: main never gets the broken article.
            page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await page.GetByText("Publish now", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("error(s) to fix before it can be published").First).ToBeVisibleAsync(new() { Timeout = 20000 });
            await Task.Delay(1000);
            Assert.DoesNotContain(file, repo.Git("ls-tree", "-r", "--name-only", "main"), StringComparison.Ordinal);
            Assert.False(File.Exists(repo.PathOf(file)));

            // Fixed: next_review a year out, and a body that cites only listed sources. Nothing to fix, before a save.
            await page.Locator("input[id^='next_review-field-']").FillAsync(today.AddYears(1).ToString("yyyy-MM-dd"));
            await page.Locator("[data-slate-editor='true']").Last.ClickAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("Some people try it [@marzban-2017]. It may help a little [@tang-2022].");
            await Assertions.Expect(pane).ToHaveAttributeAsync("data-cms-check", "clean", new() { Timeout = 20000 });
            await Assertions.Expect(pane).ToContainTextAsync($"Nothing to fix in this draft of {file}");
            Assert.Empty(watched.CspViolations);
            Assert.Empty(watched.ForeignRequests);
        }
        catch
        {
            var screenshot = Path.Combine(Path.GetTempPath(), "cms-draft-check-failure.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}\nPreview log:\n{log}\nRequests:\n{string.Join('\n', watched.Requests)}\nConsole:\n{string.Join('\n', watched.Console)}");
            throw;
        }

        // An upload over the build's media limit is refused by the CMS in the build's words, and never reaches input/media.
        var media = await watched.Context.NewPageAsync();
        await media.GotoAsync(new Uri(session.BaseUri, "/admin/#/collections/articles").ToString());
        await media.GetByText("Media", new() { Exact = true }).ClickAsync();
        var big = repo.PathOf("upload/too-big.png");
        Directory.CreateDirectory(Path.GetDirectoryName(big)!);
        File.WriteAllBytes(big, new byte[(Content.ContentDiagnostics.MaxImageKilobytes + 50) * 1024]);
        var refused = new TaskCompletionSource<string>();
        media.Dialog += (_, dialog) => { refused.TrySetResult(dialog.Message); _ = dialog.AcceptAsync(); };
        await media.Locator("input[type=file]").SetInputFilesAsync(big);
        var said = await refused.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("too-big.png: " + Content.ContentDiagnostics.LargeImage.At(new("x", 1, 1), 250).Message + " It was not uploaded.", said);
        await Task.Delay(500);
        Assert.False(File.Exists(repo.PathOf("input/media/too-big.png")));

        // Where nothing answers at /__preview/check, as on Netlify, the pane says the build checks the draft.
        var deployed = await watched.Context.NewPageAsync();
        await deployed.RouteAsync("**/__preview/check**", route => route.FulfillAsync(new() { Status = 404, Body = "Not found" }));
        await deployed.GotoAsync(new Uri(session.BaseUri, "/admin/#/collections/articles/entries/aftercare").ToString());
        var notice = deployed.FrameLocator("iframe").Locator("[data-cms-diagnostics]");
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-cms-check", "build-only", new() { Timeout = 20000 });
        await Assertions.Expect(notice).ToContainTextAsync("Checks run in the build.");
    }

    [Fact]
    public async Task Deployed_admin_offers_the_github_login_and_calls_nobody_before_it()
    {
        // A host name that is not localhost, as on Netlify: Decap then ignores local_backend and uses the github backend.
        // The shared browser maps it to the shared site's server and treats it as a secure context, as Netlify's https is.
        var origin = site.DeployedOrigin;
        await using var watched = await CmsBrowser.OpenAsync(site.Browser, origin);
        var page = await watched.Context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(origin, "/admin/").ToString());
        Assert.Equal(site.Netlify.Headers.Single(h => h.For == "/admin/*").Values["Content-Security-Policy"], (await response!.AllHeadersAsync())["content-security-policy"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Login with GitHub" })).ToBeVisibleAsync();

        Assert.Empty(watched.CspViolations);
        Assert.Empty(watched.ConsoleErrors);
        Assert.Empty(watched.ForeignRequests);
        Assert.DoesNotContain(watched.Requests, r => r.Contains(Preview.CmsProxy.ApiPath, StringComparison.Ordinal));
    }

    private static string AdminCsp(TempRepository repo) =>
        Output.NetlifyConfig.Load(repo.PathOf("netlify.toml")).Headers.Single(h => h.For == "/admin/*").Values["Content-Security-Policy"];

    /// <summary>Front matter as key → value text (lists joined), in file order, and the body after it.</summary>
    private static (OrderedDictionary<string, string> Matter, string Body) FrontMatterOf(string markdown)
    {
        var end = markdown.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(markdown[4..end]));
        var matter = new OrderedDictionary<string, string>();
        foreach (var (key, value) in (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode)
            matter[key.ToString()] = value is YamlDotNet.RepresentationModel.YamlSequenceNode list ? string.Join(" | ", list.Children) : value.ToString();
        return (matter, markdown[(end + 5)..]);
    }

    private static Task Eventually(Func<bool> condition, string what) => Eventually(() => Task.FromResult(condition()), what);

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20)) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}

/// <summary>
/// A browser context on the preview with what its pages did recorded: CSP violations (from the pages' own
/// <c>securitypolicyviolation</c> events), console errors, and requests to any origin but the preview (which serves decap-server as its own /api/v1).
/// </summary>
internal sealed class CmsBrowser : IAsyncDisposable
{
    private CmsBrowser(IBrowserContext context) => Context = context;

    public IBrowserContext Context { get; }
    public List<string> Requests { get; } = [];
    public List<string> ForeignRequests { get; } = [];
    public List<string> ConsoleErrors { get; } = [];
    public List<string> Console { get; } = [];
    public List<string> CspViolations { get; } = [];

    public static async Task<CmsBrowser> OpenAsync(IBrowser browser, Uri preview)
    {
        var context = await browser.NewContextAsync();
        var watched = new CmsBrowser(context);
        void Add(List<string> list, string text) { lock (list) list.Add(text); }
        await context.ExposeFunctionAsync("__reportCspViolation", (string text) => Add(watched.CspViolations, text));
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              window.__reportCspViolation(`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
            """);
        context.Console += (_, message) =>
        {
            Add(watched.Console, $"{message.Type}: {message.Text}");
            // Failed requests are judged by the response handler below, which knows the request.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource:", StringComparison.Ordinal)) Add(watched.ConsoleErrors, message.Text);
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) Add(watched.CspViolations, message.Text);
        };
        context.WebError += (_, error) => Add(watched.ConsoleErrors, "page error: " + error.Error);
        context.Request += (_, request) =>
        {
            Add(watched.Requests, $"{request.Method} {request.Url}");
            var uri = new Uri(request.Url);
            var local = uri.Scheme is "data" or "blob" or "about"
                || (uri.Host == preview.Host && uri.Port == preview.Port);
            if (!local) Add(watched.ForeignRequests, request.Url);
        };
        context.Response += (_, response) =>
        {
            if (response.Status < 400) return;
            var body = response.Request.PostData ?? "";
            Add(watched.Console, $"HTTP {response.Status} {response.Url} {body[..Math.Min(body.Length, 300)]}");
            // In git mode Decap asks decap-server for an entry's draft whenever an entry opens: "no draft" is a 404.
            var noDraft = response.Status == 404 && new Uri(response.Url).AbsolutePath == Preview.CmsProxy.ApiPath && body.Contains("\"action\":\"unpublishedEntry\"", StringComparison.Ordinal);
            if (!noDraft) Add(watched.ConsoleErrors, $"HTTP {response.Status} {response.Url} {body[..Math.Min(body.Length, 300)]}");
        };
        return watched;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

/// <summary>
/// A temporary copy of the repository's input/, theme/ (node_modules linked, not copied) and netlify.toml, committed
/// to a fresh Git repository as decap-server's fs mode and the Git dates expect.
/// </summary>
internal sealed class TempRepository : IDisposable
{
    public string Root { get; }

    private TempRepository(string root) => Root = root;

    public static TempRepository CopyOfReal()
    {
        var repo = new TempRepository(Directory.CreateTempSubdirectory("site-cms-").FullName);
        Site.Testing.Repository.CopySiteInto(repo.Root);
        File.WriteAllText(repo.PathOf(".gitignore"), "/output/\n/theme/node_modules\n");
        repo.Git("init", "-q", "-b", "main");
        repo.Git("add", "-A");
        // decap-server's git mode commits with the repository's identity, as it would in an editor's clone.
        repo.Git("config", "user.name", "Site tests");
        repo.Git("config", "user.email", "tests@localhost");
        repo.Git("config", "commit.gpgsign", "false");
        repo.Git("commit", "-q", "-m", "Copy of the site");
        return repo;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Git(params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var git = Process.Start(info)!;
        var stdout = git.StandardOutput.ReadToEnd();
        var stderr = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr}");
        return stdout;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
