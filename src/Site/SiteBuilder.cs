using System.Diagnostics;
using Scriban;
using Site.Cms;
using Site.Content;
using Site.Diagnostics;
using Site.Links;
using Site.Output;
using Site.Questionnaire;
using Site.Search;
using Site.Templates;

namespace Site;

/// <summary>What to build, from where, to where.</summary>
internal sealed record BuildOptions
{
    public string InputDirectory { get; init; } = "input";
    public string ThemeDirectory { get; init; } = "theme";
    public string OutputDirectory { get; init; } = "output";
    public string? BaseUrl { get; init; }
    public bool IncludeDrafts { get; init; }
    /// <summary>Run every stage and check, but write nothing (the <c>check</c> command).</summary>
    public bool DryRun { get; init; }
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);
    /// <summary>Kept by the preview between builds; null for one-shot builds.</summary>
    public BuildCache? Cache { get; init; }
    /// <summary>Keep every file's text and every page's HTML in the result (tests read them); a build streams them to disk instead.</summary>
    public bool KeepOutput { get; init; }
}

/// <summary>A page after the second phase: the ids on it (its Markdown's and its layout's) and the links its layout made.</summary>
internal sealed record BuiltPage(Page Page, IReadOnlySet<string> Ids, IReadOnlyList<string> ThemeLinks)
{
    /// <summary>The whole page, only when the build was asked to keep its output.</summary>
    public string Html { get; init; } = "";
    public Markdown.RenderedBody Body => Page.Body;
    public IReadOnlyList<SearchDocument> SearchDocuments => Page.Body.SearchDocuments;
}

/// <summary>The result of a build: every diagnostic, the site's pages and files, and how long each stage took.</summary>
internal sealed record BuildResult(
    DiagnosticBag Diagnostics,
    int FileCount,
    IReadOnlyList<BuiltPage> Pages,
    IReadOnlyList<(string Stage, TimeSpan Took)> Timings)
{
    public bool Succeeded => !Diagnostics.HasErrors;
    /// <summary>Every file's content, when <see cref="BuildOptions.KeepOutput"/> was set.</summary>
    public IReadOnlyList<OutputFile> Files { get; init; } = [];
}

/// <summary>
/// The orchestrator. A build reads top to bottom, in two phases. Phase A, per Markdown file in parallel: read, check,
/// render the body, keep only the page's small facts. Phase B, per page in parallel: render the layout around the
/// body and write the page straight into the staging folder. Then the search index, the site's other files, the link
/// checks, and the swap that makes the new site live only when no error was found.
/// </summary>
internal static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var paths = ProjectPaths.ForInput(options.InputDirectory);
        var timings = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        T Step<T>(string stage, Func<T> run)
        {
            var result = run();
            timings.Add((stage, clock.Elapsed));
            clock.Restart();
            return result;
        }

        // Phase A: the theme and the files every page is read against, then every page.
        var templates = Step("theme", () => TemplateEngine.Load(options.ThemeDirectory, paths, diagnostics));
        var assets = AssetCatalog.Load(options.ThemeDirectory);
        var (config, references) = ContentLoader.LoadSiteFiles(options.InputDirectory, paths, diagnostics);
        if (config is null) return new BuildResult(diagnostics, 0, [], timings);
        if (options.BaseUrl is { } baseUrl) config = config with { BaseUrl = baseUrl.TrimEnd('/') };
        var context = new LoadContext(options.InputDirectory, paths, config, references, templates.LayoutNames, options.Today);
        var content = Step("pages", () => ContentLoader.Load(context, config, options.IncludeDrafts, diagnostics, options.Cache));
        var gitDates = Step("git dates", () => options.Cache?.GitDates(options.InputDirectory) ?? GitDates.Read(options.InputDirectory));
        var questionnaire = Step("questionnaire", () => LoadQuestionnaire(options, paths, diagnostics));
        if (questionnaire is null && File.Exists(QuestionnairePath(options)))
            content = content with { FailedUrls = new HashSet<string>(content.FailedUrls) { GeneratedPages.CandidateUrl } }; // reported once, where it failed
        List<Page> pages = [.. content.Pages, .. GeneratedPages.For(config, paths, options.ThemeDirectory, templates.LayoutNames)];
        ContentLoader.CheckUniqueUrls(pages, diagnostics);
        var candidate = AddCandidatePage(pages, questionnaire, templates, options, diagnostics);

        // The search index is built beside phase B: it needs the pages' text, not their layouts. In a preview rebuild it
        // starts after phase B instead, so the edited page is written without sharing the machine with it.
        var synonyms = LoadSynonyms(options, paths, diagnostics);
        Task<SearchIndexOutput> StartSearch() => Task.Run(() => options.Cache is { } cache
            ? cache.SearchIndex(pages, BuildCache.Stamp(SynonymsPath(options)), () => SearchIndex(pages, synonyms))
            : SearchIndex(pages, synonyms));
        var search = options.Cache?.IsRebuild == true ? null : StartSearch();

        // Phase B: each page through its layout and straight to disk.
        using var output = options.DryRun ? OutputWriter.DryRun()
            : options.Cache is { } previewCache ? previewCache.Output(options.OutputDirectory)
            : OutputWriter.Staging(options.OutputDirectory);
        var kept = options.KeepOutput ? new List<OutputFile>() : null;
        var models = new ModelBuilder(content, pages, assets, gitDates, options.Today);
        var built = Step("layouts", () => RenderPages(pages, candidate, models, templates, output, options, diagnostics));
        search ??= StartSearch();
        assets.Report(paths, diagnostics);

        // The rest of the site: theme assets, media, feeds, the CMS and the search index.
        var files = new List<OutputFile>();
        files.AddRange(assets.All.Select(a => new CopyOutput(a.OutputPath, a.SourcePath)));
        files.AddRange(content.MediaFiles.Select(m => new CopyOutput(
            Path.GetRelativePath(content.InputDirectory, m.FullPath).Replace('\\', '/'), m.FullPath)));
        files.AddRange(Feeds.For(content.Config, built, models));
        files.AddRange(Step("cms", () => CmsAdmin.Files(content, paths, options.ThemeDirectory, assets, FrontMatterSchema.Fields, diagnostics)));
        if (options.Cache?.DeferSearchIndex(search, output) != true)
        {
            var index = Step("search index", () => search.Result);
            files.AddRange(index.Files);
        }
        Step("files", () =>
        {
            Parallel.ForEach(files, file =>
            {
                switch (file)
                {
                    case TextOutput text: output.WriteText(text.Path, text.Text); break;
                    case CopyOutput copy: output.Copy(copy.Path, copy.SourcePath); break;
                    case StreamedOutput streamed: output.WriteStreamed(streamed.Path, streamed.Write); break;
                }
            });
            return 0;
        });
        if (kept is not null)
        {
            kept.AddRange(built.Select(p => new TextOutput(p.Page.OutputPath, p.Html)));
            kept.AddRange(files.Select(f => f is StreamedOutput s ? new TextOutput(s.Path, Text(s.Write)) : f));
        }

        // Validate against exactly the files of this build, then make it the site.
        var written = output.Paths.ToHashSet(StringComparer.Ordinal);
        Step("validate", () => Validate(paths, content, built, written, questionnaire, new Uri(config.BaseUrl).Host, diagnostics));
        if (!diagnostics.HasErrors) Step("commit", () => { output.Commit(); return 0; });
        return new BuildResult(diagnostics, written.Count, built, timings) { Files = kept ?? [] };
    }

    private static string Text(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }


    private static SearchIndexOutput SearchIndex(IReadOnlyList<Page> pages, SynonymTable synonyms) =>
        SearchIndexWriter.Write(SearchIndexWriter.Numbered(pages.SelectMany(p => p.Body.SearchDocuments).DistinctBy(d => d.Url)), synonyms); // a URL used twice is reported (SITE010), not indexed twice

    /// <summary>
    /// Phase B: each worker thread reuses one template context; each page is written as its layout's HTML around its
    /// Markdown body, which is never copied into the template's output or read again. A page the preview rendered
    /// before, unchanged and in an unchanged site, is kept as it is.
    /// </summary>
    private static List<BuiltPage> RenderPages(List<Page> pages, (Page Page, IReadOnlyDictionary<string, object?> Variables)? candidate,
        ModelBuilder models, TemplateEngine templates, OutputWriter output, BuildOptions options, DiagnosticBag diagnostics)
    {
        var built = new BuiltPage?[pages.Count];
        var fingerprint = options.Cache is null ? "" : models.Fingerprint() + templates.Stamp;
        var site = models.SiteScope();
        Parallel.For(0, pages.Count, () => templates.NewContext(site), (i, _, context) =>
        {
            var page = pages[i];
            if (options.Cache?.Reuse(page, fingerprint) is { } previous)
            {
                output.Keep(page.OutputPath);
                built[i] = previous;
                return context;
            }
            var scope = ModelBuilder.ScopeFor(models.PageModelFor(page), candidate?.Page == page ? candidate.Value.Variables : null);
            if (templates.Render(context, page.Layout, scope, page.Source.DisplayPath, diagnostics) is not { } html)
                return templates.NewContext(site); // a failed render may leave the context half-way: start afresh
            var marker = html.IndexOf(ModelBuilder.BodyMarker, StringComparison.Ordinal);
            var (head, tail) = marker < 0 ? (html, "") : (html[..marker], html[(marker + ModelBuilder.BodyMarker.Length)..]);
            var body = marker < 0 ? [] : page.Body.Utf8Html;
            output.WritePage(page.OutputPath, head, body, tail);
            var theme = ThemeFacts.Scan(head);
            var after = ThemeFacts.Scan(tail);
            var ids = new HashSet<string>(page.Body.Ids, StringComparer.Ordinal);
            ids.UnionWith(theme.Ids);
            ids.UnionWith(after.Ids);
            built[i] = new BuiltPage(page, ids, [.. theme.Links, .. after.Links]) { Html = options.KeepOutput ? head + System.Text.Encoding.UTF8.GetString(body) + tail : "" };
            options.Cache?.Remember(page, fingerprint, built[i]!);
            return context;
        }, _ => { });
        options.Cache?.Retain(pages);
        return [.. built.OfType<BuiltPage>()];
    }

    /// <summary>Adds /candidate/ when there is a questionnaire and the theme has its layout; returns its template variables.</summary>
    private static (Page, IReadOnlyDictionary<string, object?>)? AddCandidatePage(
        List<Page> pages, Questionnaire.Questionnaire? questionnaire, TemplateEngine templates, BuildOptions options, DiagnosticBag diagnostics)
    {
        if (questionnaire is null || !templates.LayoutNames.Contains("candidate")) return null;
        var candidate = GeneratedPages.Candidate(questionnaire, QuestionnairePath(options));
        pages.Add(candidate);
        return (candidate, new Dictionary<string, object?>
        {
            ["questionnaire"] = questionnaire,
            ["questionnaire_json"] = QuestionnaireCompiler.ToJson(questionnaire,
                markdown => Markdown.BodyRenderer.RenderFragment(markdown, SourceSpan.FileOnly(questionnaire.DisplayPath), diagnostics)),
        });
    }

    /// <summary>
    /// Checks links, images and fragments against exactly the files being written, the questionnaire's links, and that
    /// netlify.toml gives every page one Content-Security-Policy. Redirects of netlify.toml count as links to redirects.
    /// </summary>
    private static int Validate(ProjectPaths paths, SiteContent content, List<BuiltPage> built, IReadOnlySet<string> files,
        Questionnaire.Questionnaire? questionnaire, string siteHost, DiagnosticBag diagnostics)
    {
        var netlifyPath = Path.Combine(paths.Root, "netlify.toml");
        var netlify = NetlifyConfig.Load(netlifyPath);
        var ids = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var page in built) ids.TryAdd(page.Page.OutputPath, page.Ids);
        var targets = new LinkTargets(files, ids,
            netlify.Redirects.Where(r => !r.From.Contains('*')).ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal),
            content.FailedUrls, content.Drafts);
        LinkChecker.Check([.. built.Select(p => new PageLinks(p.Page.Url, p.Page.Layout, p.Page.Source.DisplayPath, p.Body.Links, p.ThemeLinks))],
            targets, siteHost, diagnostics);
        if (questionnaire is not null) QuestionnaireValidator.Validate(questionnaire, targets.Exists, diagnostics);
        if (File.Exists(netlifyPath))
            DeployChecks.Check(netlify, paths.Display(netlifyPath),
                files.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal), diagnostics);
        return 0;
    }

    private static string SynonymsPath(BuildOptions options) => Path.Combine(options.InputDirectory, "search", "synonyms.yml");

    private static string QuestionnairePath(BuildOptions options) => Path.Combine(options.InputDirectory, "candidate", "questionnaire.yml");

    private static Questionnaire.Questionnaire? LoadQuestionnaire(BuildOptions options, ProjectPaths paths, DiagnosticBag diagnostics)
    {
        var path = QuestionnairePath(options);
        // Read as strict UTF-8 like every input file: a mis-encoded answer text must not reach readers as '�'.
        return File.Exists(path) && Content.SourceText.Read(path, paths.Display(path), diagnostics) is { } text
            ? QuestionnaireLoader.Load(paths.Display(path), text, diagnostics) : null;
    }

    private static SynonymTable LoadSynonyms(BuildOptions options, ProjectPaths paths, DiagnosticBag diagnostics)
    {
        var path = SynonymsPath(options);
        return File.Exists(path) && Content.SourceText.Read(path, paths.Display(path), diagnostics) is { } text
            ? SynonymTable.Load(paths.Display(path), text, diagnostics) : SynonymTable.Empty;
    }
}
