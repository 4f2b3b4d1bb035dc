using System.Diagnostics;
using Site.Cms;
using Site.Content;
using Site.Diagnostics;
using Site.Links;
using Site.Markdown;
using Site.Output;
using Site.PostProcess;
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
}

/// <summary>The result of a build: every diagnostic, the files of the site, and how long each stage took.</summary>
internal sealed record BuildResult(
    DiagnosticBag Diagnostics,
    IReadOnlyList<OutputFile> Files,
    IReadOnlyList<ProcessedPage> Pages,
    IReadOnlyList<(string Stage, TimeSpan Took)> Timings)
{
    public bool Succeeded => !Diagnostics.HasErrors;
}

/// <summary>
/// The orchestrator. A build reads top to bottom: load → render → post-process → index → validate → write.
/// Stages are functions over immutable records; only the last one touches the disk.
/// </summary>
internal static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var root = Path.GetDirectoryName(Path.GetFullPath(options.InputDirectory).TrimEnd(Path.DirectorySeparatorChar))!;
        ContentLoader.DisplayRoot = root;
        var timings = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        T Step<T>(string stage, Func<T> run)
        {
            var result = run();
            timings.Add((stage, clock.Elapsed));
            clock.Restart();
            return result;
        }
        BuildResult Fail() => new(diagnostics, [], [], timings);

        // Load: theme, then content (pages choose among the theme's layouts).
        var templates = Step("theme", () => TemplateEngine.Load(options.ThemeDirectory, diagnostics));
        var assets = AssetCatalog.Load(options.ThemeDirectory);
        var content = Step("load", () => ContentLoader.Load(options.InputDirectory, templates.LayoutNames, options.IncludeDrafts, options.Today, diagnostics, options.Cache));
        if (content is null) return Fail();
        if (options.BaseUrl is { } baseUrl) content = content with { Config = content.Config with { BaseUrl = baseUrl.TrimEnd('/') } };
        var gitDates = Step("git dates", () => GitDates.Read(options.InputDirectory));
        var questionnaire = Step("questionnaire", () => LoadQuestionnaire(options, diagnostics));
        if (questionnaire is null && File.Exists(QuestionnairePath(options)))
            content = content with { FailedUrls = new HashSet<string>(content.FailedUrls) { GeneratedPages.CandidateUrl } }; // reported once, where it failed
        var pages = content.Pages.Concat(GeneratedPages.For(content.Config, options.ThemeDirectory, templates.LayoutNames)).ToList();
        ContentLoader.CheckUniqueUrls(pages, diagnostics);
        var extras = AddCandidatePage(pages, questionnaire, templates, options, diagnostics);

        // Render: Markdown bodies, then layouts, in parallel.
        var bodies = Step("markdown", () => RenderBodies(pages, content, diagnostics));
        var models = new ModelBuilder(content, bodies, assets, gitDates, options.Today);
        var html = Step("templates", () => RenderTemplates(pages, bodies, extras, models, templates, diagnostics));
        assets.Report(diagnostics);

        // Post-process: one AngleSharp parse per page.
        var siteHost = new Uri(content.Config.BaseUrl).Host;
        var processed = Step("post-process", () => html
            .AsParallel().AsOrdered()
            .Select(h => options.Cache is { } cache
                ? cache.PostProcess(h.Page, bodies[h.Page], h.Html, () => HtmlPostProcessor.Process(h.Page, bodies[h.Page], h.Html, siteHost))
                : HtmlPostProcessor.Process(h.Page, bodies[h.Page], h.Html, siteHost))
            .ToList());

        // Index: one search document per page and per h2 section, in lunr.js's own format.
        var search = Step("search index", () => SearchIndexWriter.Write(
            [.. processed.SelectMany(p => p.SearchDocuments)], LoadSynonyms(options, diagnostics)));

        // Assemble every output file, then validate links against exactly that set.
        var files = Step("assemble", () => Assemble(content, processed, assets, models));
        files.Add(new TextOutput("search/index.json", search.IndexJson));
        files.Add(new TextOutput("search/store.json", search.StoreJson));
        files.AddRange(Step("cms", () => CmsAdmin.Files(content, options.ThemeDirectory, assets, FrontMatterSchema.Fields, diagnostics)));
        Step("validate", () => Validate(root, content, processed, files, questionnaire, siteHost, diagnostics));

        if (diagnostics.HasErrors) return new BuildResult(diagnostics, files, processed, timings);
        if (!options.DryRun) Step("write", () => { OutputWriter.Write(options.OutputDirectory, files); return 0; });
        return new BuildResult(diagnostics, files, processed, timings);
    }

    /// <summary>Adds /candidate/ when there is a questionnaire and the theme has its layout; returns its template variables.</summary>
    private static Dictionary<Page, IReadOnlyDictionary<string, object?>> AddCandidatePage(
        List<Page> pages, Questionnaire.Questionnaire? questionnaire, TemplateEngine templates, BuildOptions options, DiagnosticBag diagnostics)
    {
        var extras = new Dictionary<Page, IReadOnlyDictionary<string, object?>>();
        if (questionnaire is null || !templates.LayoutNames.Contains("candidate")) return extras;
        var candidate = GeneratedPages.Candidate(questionnaire, options.ThemeDirectory);
        pages.Add(candidate);
        extras[candidate] = new Dictionary<string, object?>
        {
            ["questionnaire"] = questionnaire,
            ["questionnaire_json"] = QuestionnaireCompiler.ToJson(questionnaire,
                markdown => BodyRenderer.RenderFragment(markdown, SourceSpan.FileOnly(questionnaire.DisplayPath), diagnostics)),
        };
        return extras;
    }

    /// <summary>
    /// Checks links, images and fragments against exactly the files being written, the questionnaire's links, and that
    /// netlify.toml gives every page one Content-Security-Policy. Redirects of netlify.toml count as links to redirects.
    /// </summary>
    private static int Validate(string root, SiteContent content, List<ProcessedPage> processed, List<OutputFile> files,
        Questionnaire.Questionnaire? questionnaire, string siteHost, DiagnosticBag diagnostics)
    {
        var netlifyPath = Path.Combine(root, "netlify.toml");
        var netlify = NetlifyConfig.Load(netlifyPath);
        var targets = new LinkTargets(
            files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal),
            processed.DistinctBy(p => p.Page.OutputPath).ToDictionary(p => p.Page.OutputPath, p => p.Ids, StringComparer.Ordinal),
            netlify.Redirects.Where(r => !r.From.Contains('*')).ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal),
            content.FailedUrls);
        LinkChecker.Check(processed, targets, siteHost, diagnostics);
        if (questionnaire is not null) QuestionnaireValidator.Validate(questionnaire, targets.Exists, diagnostics);
        if (File.Exists(netlifyPath))
            DeployChecks.Check(netlify, ContentLoader.Display(netlifyPath), files.Select(f => f.Path).Where(p => p.EndsWith(".html", StringComparison.Ordinal)), diagnostics);
        return 0;
    }

    private static string QuestionnairePath(BuildOptions options) => Path.Combine(options.InputDirectory, "candidate", "questionnaire.yml");

    private static Questionnaire.Questionnaire? LoadQuestionnaire(BuildOptions options, DiagnosticBag diagnostics)
    {
        var path = QuestionnairePath(options);
        // Read as strict UTF-8 like every input file: a mis-encoded answer text must not reach readers as '�'.
        return File.Exists(path) && Content.SourceText.Read(path, ContentLoader.Display(path), diagnostics) is { } text
            ? QuestionnaireLoader.Load(ContentLoader.Display(path), text, diagnostics) : null;
    }

    private static SynonymTable LoadSynonyms(BuildOptions options, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(options.InputDirectory, "search", "synonyms.yml");
        return File.Exists(path) && Content.SourceText.Read(path, ContentLoader.Display(path), diagnostics) is { } text
            ? SynonymTable.Load(ContentLoader.Display(path), text, diagnostics) : SynonymTable.Empty;
    }

    private static Dictionary<Page, RenderedBody> RenderBodies(List<Page> pages, SiteContent content, DiagnosticBag diagnostics)
    {
        var bodies = new RenderedBody[pages.Count];
        Parallel.For(0, pages.Count, i => bodies[i] = BodyRenderer.Render(pages[i], content.References, diagnostics));
        return pages.Select((p, i) => (p, bodies[i])).ToDictionary(x => x.p, x => x.Item2);
    }

    private static List<(Page Page, string Html)> RenderTemplates(List<Page> pages, Dictionary<Page, RenderedBody> bodies, Dictionary<Page, IReadOnlyDictionary<string, object?>> extras, ModelBuilder models, TemplateEngine templates, DiagnosticBag diagnostics)
    {
        var results = new string?[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            var page = pages[i];
            var scope = models.ScopeFor(models.PageModelFor(page, bodies[page]), extras.GetValueOrDefault(page));
            results[i] = templates.Render(page.Layout, scope, page.Source.DisplayPath, diagnostics);
        });
        return [.. pages.Select((p, i) => (p, results[i])).Where(x => x.Item2 is not null).Select(x => (x.p, x.Item2!))];
    }

    private static List<OutputFile> Assemble(SiteContent content, List<ProcessedPage> processed, AssetCatalog assets, ModelBuilder models)
    {
        var files = new List<OutputFile>();
        files.AddRange(processed.Select(p => new TextOutput(p.Page.OutputPath, p.Html)));
        files.AddRange(assets.All.Select(a => new CopyOutput(a.OutputPath, a.SourcePath)));
        files.AddRange(content.MediaFiles.Select(m => new CopyOutput(
            Path.GetRelativePath(content.InputDirectory, m.FullPath).Replace('\\', '/'), m.FullPath)));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var entries = processed.Where(p => p.Page.Url != "/404.html")
            .Select(p => new Feeds.Entry(p.Page.Url, p.Page.Meta.Title, p.Page.Meta.Summary ?? p.Page.Meta.Description, models.UpdatedOf(p.Page) ?? today))
            .ToList();
        files.Add(new TextOutput("sitemap.xml", Feeds.Sitemap(content.Config, entries)));
        files.Add(new TextOutput("robots.txt", Feeds.Robots(content.Config)));
        files.Add(new TextOutput("feed.xml", Feeds.Atom(content.Config, entries.Where(e => e.Url.StartsWith("/articles/", StringComparison.Ordinal) && e.Url != "/articles/"))));
        return files;
    }
}
