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
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);
}

/// <summary>A page after the second phase: the ids on it (its Markdown's and its layout's) and the links its layout made.</summary>
internal sealed record BuiltPage(Page Page, IReadOnlySet<string> Ids, IReadOnlyList<string> ThemeLinks)
{
    /// <summary>The whole page, only when the build wrote into a <see cref="MemorySink"/> that keeps content.</summary>
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
    /// <summary>Every file's content, when the build wrote into a <see cref="MemorySink"/> that keeps content.</summary>
    public IReadOnlyList<OutputFile> Files { get; init; } = [];
}

/// <summary>
/// The orchestrator. A build reads top to bottom, in two phases. Phase A, per Markdown file in parallel: read, check,
/// render the body, keep only the page's small facts. Phase B, per page in parallel: render the layout around the
/// body and write the page straight into the output sink. Then the search index, the site's other files, the link
/// checks, and the commit that makes the new site live only when no error was found. Each stage that the preview may
/// answer from an earlier build is called through <see cref="BuildStages"/> with a record of exactly what it reads.
/// </summary>
internal static class SiteBuilder
{
    /// <summary>A one-shot build into a staging folder that replaces the output folder when the build succeeded.</summary>
    public static BuildResult Build(BuildOptions options)
    {
        using var output = new StagingSink(options.OutputDirectory);
        return Build(options, output, BuildStages.OneShot);
    }

    public static BuildResult Build(BuildOptions options, OutputSink output, BuildStages stages)
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

        // Before anything is read: a symbolic link in input/ or theme/ that leads out of its folder (or nowhere, or to a
        // folder) stops the build, so no stage can read, copy or serve what it points to.
        var refused = Step("boundary", () => FolderBoundary.Scan(options.InputDirectory, paths, diagnostics)
            | FolderBoundary.Scan(options.ThemeDirectory, paths, diagnostics));
        if (refused) return new BuildResult(diagnostics, 0, [], timings);

        // Phase A: the theme and the files every page is read against, then every page.
        var templates = Step("theme", () => stages.LoadTheme(ThemeInputs.Read(options.ThemeDirectory, paths, stages.Read), diagnostics));
        var assets = AssetCatalog.Load(options.ThemeDirectory);
        var (config, references) = stages.LoadSiteFiles(SiteFileInputs.Read(options.InputDirectory, paths, options.BaseUrl, stages.Read), diagnostics);
        if (config is null)
        {
            // Every page depends on site.yml, but each page's own mistakes do not: report them too, then stop.
            var partial = new LoadContext(options.InputDirectory, paths, null, references, templates.LayoutNames, options.Today);
            Step("pages", () => { ContentLoader.CheckPages(partial, options.IncludeDrafts, diagnostics,
                (file, context) => stages.LoadPage(new PageInputs(file, stages.Read(file), context))); return 0; });
            return new BuildResult(diagnostics, 0, [], timings);
        }
        var context = stages.Same(new LoadContext(options.InputDirectory, paths, config, references, templates.LayoutNames, options.Today));
        var content = Step("pages", () => ContentLoader.Load(context, config, options.IncludeDrafts, diagnostics,
            (file, context) => stages.LoadPage(new PageInputs(file, stages.Read(file), context))));
        var gitDates = Step("git dates", () => stages.GitDates(options.InputDirectory));
        var questionnaireBytes = stages.Read(QuestionnairePath(options));
        var questionnaire = Step("questionnaire", () => LoadQuestionnaire(options, paths, questionnaireBytes, diagnostics));
        var questionnaireText = questionnaire is null ? null : QuestionnaireText.Render(questionnaire, diagnostics);
        if (questionnaire is null && File.Exists(QuestionnairePath(options)))
            content = content with { FailedUrls = new HashSet<string>(content.FailedUrls) { GeneratedPages.CandidateUrl } }; // reported once, where it failed
        List<Page> pages = [.. content.Pages, .. GeneratedPages.For(config, paths, options.ThemeDirectory, templates.LayoutNames).Select(stages.Same)];
        ContentLoader.CheckUniqueUrls(pages, diagnostics);
        var candidate = AddCandidatePage(pages, questionnaire, questionnaireText, templates, options, stages);

        // The search index is built beside phase B: it needs the pages' text, not their layouts.
        var synonymsBytes = stages.Read(SynonymsPath(options));
        var synonyms = LoadSynonyms(options, paths, synonymsBytes, diagnostics);
        var search = stages.SearchIndex(new SearchInputs(ValueList.Of(pages.Where(p => p.FromMarkdown)), synonymsBytes), () => SearchIndex(pages, synonyms));

        // Phase B: each page through its layout and straight into the sink.
        var models = new ModelBuilder(content, pages, assets, gitDates, options.Today, paths);
        var built = Step("layouts", () => RenderPages(pages, candidate, questionnaireBytes, models, templates, output, stages, diagnostics));
        assets.Report(paths, diagnostics);

        // The rest of the site: theme assets, media, feeds, the CMS and the search index.
        var files = new List<OutputFile>();
        files.AddRange(assets.All.Select(a => new CopyOutput(a.OutputPath, a.SourcePath)));
        files.AddRange(content.MediaFiles.Select(m => new CopyOutput(
            Path.GetRelativePath(content.InputDirectory, m.FullPath).Replace('\\', '/'), m.FullPath)));
        files.AddRange(Feeds.For(content.Config, built, models, options.Today));
        files.AddRange(Step("cms", () => CmsAdmin.Files(content, paths, options.ThemeDirectory, assets, FrontMatterSchema.Fields, diagnostics)));
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
        Step("search index", () => { stages.WriteSearchIndex(search, output); return 0; });

        // Validate against exactly the files of this build, then make it the site.
        var written = output.Paths.ToHashSet(StringComparer.Ordinal);
        Step("validate", () => Validate(paths, content, built, written, questionnaire, questionnaireText, new Uri(config.BaseUrl).Host, diagnostics));
        if (!diagnostics.HasErrors) Step("commit", () => { output.Commit(); return 0; });
        var kept = output.Files;
        if (kept.Count > 0)
        {
            var html = kept.OfType<TextOutput>().ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
            built = [.. built.Select(p => p with { Html = html.GetValueOrDefault(p.Page.OutputPath, "") })];
        }
        return new BuildResult(diagnostics, written.Count, built, timings) { Files = kept };
    }


    private static SearchIndexOutput SearchIndex(IReadOnlyList<Page> pages, SynonymTable synonyms) =>
        SearchIndexWriter.Write(SearchIndexWriter.Numbered(pages.SelectMany(p => p.Body.SearchDocuments).DistinctBy(d => d.Url)), synonyms); // a URL used twice is reported (SITE010), not indexed twice

    /// <summary>
    /// Phase B: each worker thread reuses one template context; each page is written as its layout's HTML around its
    /// Markdown body, which is never copied into the template's output or read again.
    /// </summary>
    private static List<BuiltPage> RenderPages(List<Page> pages, (Page Page, IReadOnlyDictionary<string, object?> Variables)? candidate,
        FileBytes questionnaireBytes, ModelBuilder models, TemplateEngine templates, OutputSink output, BuildStages stages, DiagnosticBag diagnostics)
    {
        var built = new BuiltPage?[pages.Count];
        var site = models.SiteScope();
        var facts = new SiteRenderFacts(templates, models.Site, models.CatalogFacts(), models.SourcesFacts(), ValueList.Of(models.AssetPaths()), questionnaireBytes);
        var reads = new Dictionary<string, LayoutReads>(StringComparer.Ordinal);
        foreach (var layout in pages.Select(p => p.Layout).Distinct()) reads[layout] = templates.ReadsOf(layout);
        // Taken one at a time in the order the stages give, so that the preview serves the edited page first.
        var order = System.Collections.Concurrent.Partitioner.Create(stages.RenderOrder(pages), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(order, () => (TemplateContext?)null, (i, _, context) =>
        {
            var page = pages[i];
            var variables = candidate?.Page == page ? candidate.Value.Variables : null;
            var inputs = RenderInputs.For(page, facts, reads[page.Layout], models, variables);
            built[i] = stages.RenderPage(inputs, output, () =>
            {
                context ??= templates.NewContext(site);
                var result = RenderPage(page, variables, models, templates, context, output, diagnostics);
                if (result is null) context = null; // a failed render may leave the context half-way: start afresh
                return result;
            });
            return context;
        }, _ => { });
        return [.. built.OfType<BuiltPage>()];
    }

    /// <summary>One page's second phase: its layout around its body, written to <paramref name="output"/>. Null when the theme failed.</summary>
    private static BuiltPage? RenderPage(Page page, IReadOnlyDictionary<string, object?>? variables, ModelBuilder models, TemplateEngine templates,
        TemplateContext context, OutputSink output, DiagnosticBag diagnostics)
    {
        var scope = ModelBuilder.ScopeFor(models.PageModelFor(page), variables);
        if (templates.Render(context, page.Layout, scope, page.Source.DisplayPath, diagnostics) is not { } html) return null;
        var marker = html.IndexOf(ModelBuilder.BodyMarker, StringComparison.Ordinal);
        var (head, tail) = marker < 0 ? (html, "") : (html[..marker], html[(marker + ModelBuilder.BodyMarker.Length)..]);
        output.WritePage(page.OutputPath, head, marker < 0 ? [] : page.Body.Utf8Html, tail);
        var theme = ThemeFacts.Scan(head);
        var after = ThemeFacts.Scan(tail);
        var ids = new HashSet<string>(page.Body.Ids, StringComparer.Ordinal);
        ids.UnionWith(theme.Ids);
        ids.UnionWith(after.Ids);
        return new BuiltPage(page, ids, [.. theme.Links, .. after.Links]);
    }

    /// <summary>Adds /candidate/ when there is a questionnaire and the theme has its layout; returns its template variables.</summary>
    private static (Page, IReadOnlyDictionary<string, object?>)? AddCandidatePage(
        List<Page> pages, Questionnaire.Questionnaire? questionnaire, IReadOnlyDictionary<Questionnaire.SourceText, Markdown.RenderedFragment>? text,
        TemplateEngine templates, BuildOptions options, BuildStages stages)
    {
        if (questionnaire is null || text is null || !templates.LayoutNames.Contains("candidate")) return null;
        var candidate = stages.Same(GeneratedPages.Candidate(questionnaire, QuestionnairePath(options)));
        pages.Add(candidate);
        return (candidate, new Dictionary<string, object?>
        {
            ["questionnaire"] = questionnaire,
            ["questionnaire_json"] = QuestionnaireCompiler.ToJson(questionnaire, fragment => text[fragment].Html),
        });
    }

    /// <summary>
    /// Checks links, images and fragments against exactly the files being written, the questionnaire's links, and that
    /// netlify.toml gives every page one Content-Security-Policy. Redirects of netlify.toml count as links to redirects.
    /// </summary>
    private static int Validate(ProjectPaths paths, SiteContent content, List<BuiltPage> built, IReadOnlySet<string> files,
        Questionnaire.Questionnaire? questionnaire, IReadOnlyDictionary<Questionnaire.SourceText, Markdown.RenderedFragment>? questionnaireText, string siteHost, DiagnosticBag diagnostics)
    {
        var netlifyPath = Path.Combine(paths.Root, "netlify.toml");
        var netlify = NetlifyConfig.Load(netlifyPath);
        var ids = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var page in built) ids.TryAdd(page.Page.OutputPath, page.Ids);
        var targets = new LinkTargets(files, ids,
            netlify.Redirects.Where(r => !r.From.Contains('*')).ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal),
            content.FailedUrls, content.Drafts);
        // A page held back by its own errors is not written, but a broken link in it is one more mistake to show now.
        LinkChecker.Check([.. built.Select(p => new PageLinks(p.Page.Url, p.Page.Layout, p.Page.Source.DisplayPath, p.Body.Links, p.ThemeLinks)),
                .. content.Unpublished.Select(p => new PageLinks(p.Url, p.Layout, p.Source.DisplayPath, p.Body.Links, []))],
            targets, siteHost, diagnostics);
        if (questionnaire is not null && questionnaireText is not null)
            QuestionnaireValidator.Validate(questionnaire, t => questionnaireText[t].Links, targets.Exists, diagnostics);
        if (File.Exists(netlifyPath))
            DeployChecks.Check(netlify, paths.Display(netlifyPath),
                files.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal), diagnostics);
        return 0;
    }

    private static string SynonymsPath(BuildOptions options) => Path.Combine(options.InputDirectory, "search", "synonyms.yml");

    private static string QuestionnairePath(BuildOptions options) => Path.Combine(options.InputDirectory, "candidate", "questionnaire.yml");

    private static Questionnaire.Questionnaire? LoadQuestionnaire(BuildOptions options, ProjectPaths paths, FileBytes bytes, DiagnosticBag diagnostics)
    {
        var path = QuestionnairePath(options);
        // Read as strict UTF-8 like every input file: a mis-encoded answer text must not reach readers as '�'.
        return bytes.Exists && Decode(bytes, paths.Display(path), diagnostics) is { } text
            ? QuestionnaireLoader.Load(paths.Display(path), text, diagnostics) : null;
    }

    private static SynonymTable LoadSynonyms(BuildOptions options, ProjectPaths paths, FileBytes bytes, DiagnosticBag diagnostics)
    {
        var path = SynonymsPath(options);
        return bytes.Exists && Decode(bytes, paths.Display(path), diagnostics) is { } text
            ? SynonymTable.Load(paths.Display(path), text, diagnostics) : SynonymTable.Empty;
    }

    private static string? Decode(FileBytes bytes, string display, DiagnosticBag diagnostics)
    {
        var text = Content.SourceText.Decode(bytes.Span, display, out var problem);
        if (problem is not null) diagnostics.Add(problem);
        return text;
    }
}
