using Markdig.Extensions.Yaml;
using Site.Diagnostics;
using Site.Markdown;
using SourceSpan = Site.Diagnostics.SourceSpan;
using Site.Yaml;

namespace Site.Content;

/// <summary>What one Markdown file became in the first phase: a page (or nothing), and the diagnostics that are its own.</summary>
/// <param name="Url">The URL the file publishes at, even when it failed, so links to it are not reported a second time.</param>
internal sealed record LoadedFile(Page? Page, string? Url, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>A page whose own errors keep it from being published, as far as it could be read: its sources and related
    /// articles are still checked, so one mistake in a file does not hide another.</summary>
    public Page? Unpublished { get; init; }
}

/// <summary>
/// The sources of a references file that had errors: what could be read, and no complaint about ids it may have held.
/// </summary>
internal sealed class UnreadReferences(IReadOnlyDictionary<string, Reference> read) : Dictionary<string, Reference>(read, StringComparer.Ordinal);

/// <summary>
/// What every page of a build is read against besides its own file: the section ids and the site's host from
/// site.yml, the sources, the layouts and the date. Compared by value: the preview reads a page again only when its
/// file or one of these changed (so an edit of site.yml's title or branch does not parse every page again).
/// </summary>
internal sealed record LoadContext
{
    public LoadContext(string inputDirectory, ProjectPaths paths, SiteConfig? config, IReadOnlyDictionary<string, Reference> references,
        IReadOnlySet<string> layouts, DateOnly today)
    {
        InputDirectory = inputDirectory;
        Paths = paths;
        SectionIds = config is null ? null : ValueList.Of(config.Sections.Select(s => s.Id));
        SiteHost = config is { } c && Uri.TryCreate(c.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "";
        References = references;
        Layouts = ValueList.Of(layouts.Order(StringComparer.Ordinal));
        Today = today;
        _referenceList = ValueList.Of(references.Values.OrderBy(r => r.Id, StringComparer.Ordinal));
    }

    public string InputDirectory { get; }
    public ProjectPaths Paths { get; }
    /// <summary>The sections of site.yml, null when it could not be read (then no section is reported unknown).</summary>
    public ValueList<string>? SectionIds { get; }
    public string SiteHost { get; }
    public IReadOnlyDictionary<string, Reference> References { get; }
    public ValueList<string> Layouts { get; }
    public DateOnly Today { get; }
    private readonly ValueList<Reference> _referenceList;

    public bool Equals(LoadContext? other) => ReferenceEquals(this, other) || other is not null
        && InputDirectory == other.InputDirectory && Paths == other.Paths && Equals(SectionIds, other.SectionIds) && SiteHost == other.SiteHost
        && Layouts.Equals(other.Layouts) && Today == other.Today && _referenceList.Equals(other._referenceList)
        && (References is UnreadReferences) == (other.References is UnreadReferences);

    public override int GetHashCode() => HashCode.Combine(InputDirectory, SiteHost, Today, _referenceList.Count);
}

/// <summary>What reading site.yml and references.yml reads: their bytes, and the base URL given on the command line.</summary>
internal sealed record SiteFileInputs(string InputDirectory, ProjectPaths Paths, FileBytes SiteYml, FileBytes ReferencesYml, string? BaseUrl)
{
    public static SiteFileInputs Read(string inputDirectory, ProjectPaths paths, string? baseUrl, Func<string, FileBytes> read) =>
        new(inputDirectory, paths, read(Path.Combine(inputDirectory, SiteConfig.FileName)), read(Path.Combine(inputDirectory, Reference.FileName)), baseUrl);
}

/// <summary>Everything one Markdown file's first phase reads: its path, its bytes and the site it is read against.</summary>
internal sealed record PageInputs(string FullPath, FileBytes Bytes, LoadContext Context);

/// <summary>
/// The first phase: reads <c>input/</c> into typed records. Each Markdown file, in parallel, is read, parsed once with
/// its front matter block (so YAML errors are reported at their true line), checked and rendered; then its syntax
/// tree is dropped and only the page and its small facts stay.
/// </summary>
internal static class ContentLoader
{
    public const string ArticlesFolder = "articles";
    public const string PagesFolder = "pages";
    public const string MediaFolder = "media";

    /// <summary>Reads <c>site.yml</c> and <c>references.yml</c>, the files every page is checked against.</summary>
    public static (SiteConfig? Config, IReadOnlyDictionary<string, Reference> References) LoadSiteFiles(SiteFileInputs inputs, DiagnosticBag diagnostics)
    {
        var (inputDirectory, paths) = (inputs.InputDirectory, inputs.Paths);
        var configPath = Path.Combine(inputDirectory, SiteConfig.FileName);
        SiteConfig? config = null;
        if (!inputs.SiteYml.Exists) diagnostics.Add(ContentDiagnostics.MissingFile, SourceSpan.FileOnly(paths.Display(configPath)), paths.Display(configPath));
        else if (Decode(inputs.SiteYml, paths.Display(configPath), diagnostics) is { } configText)
        {
            var errorsBefore = diagnostics.ErrorCount;
            config = SiteConfig.Load(paths.Display(configPath), configText, diagnostics);
            // An empty site.yml is no YAML document at all: without this the build would stop without saying why.
            if (config is null && diagnostics.ErrorCount == errorsBefore)
                diagnostics.Add(YamlDiagnostics.WrongType, SourceSpan.FileOnly(paths.Display(configPath)), SiteConfig.FileName, "a mapping of keys to values");
        }

        var referencesPath = Path.Combine(inputDirectory, Reference.FileName);
        var own = new DiagnosticBag();
        var referencesText = inputs.ReferencesYml.Exists ? Decode(inputs.ReferencesYml, paths.Display(referencesPath), own) : null;
        var references = referencesText is not null
            ? Reference.LoadAll(paths.Display(referencesPath), referencesText, own)
            : new Dictionary<string, Reference>();
        diagnostics.AddRange(own.Sorted());
        if (config is not null && inputs.BaseUrl is { } baseUrl)
        {
            // --base-url replaces site.yml's: the same rule, reported at the option.
            if (SiteUrls.BaseUrlProblem(baseUrl) is { } problem)
            {
                diagnostics.Add(ContentDiagnostics.BadBaseUrl, SourceSpan.FileOnly("--base-url"), baseUrl, problem);
                config = null;
            }
            else config = config with { BaseUrl = baseUrl.TrimEnd('/') };
        }
        // A references file that failed to read is one mistake: every citation of it is not a second one.
        return (config, own.HasErrors ? new UnreadReferences(references) : references);
    }

    private static string? Decode(FileBytes bytes, string display, DiagnosticBag diagnostics)
    {
        var text = SourceText.Decode(bytes.Span, display, out var problem);
        if (problem is not null) diagnostics.Add(problem);
        return text;
    }

    /// <summary>Every Markdown file under <c>input/</c>, in a fixed order.</summary>
    public static List<string> MarkdownFiles(string inputDirectory) =>
        [.. Directory.EnumerateFiles(inputDirectory, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>Loads every file in parallel; the result is in file order, whatever order the work finished in.</summary>
    /// <param name="loadFile">Phase A for one file: <see cref="LoadFile(PageInputs)"/>, or the preview's answer from what it kept.</param>
    public static SiteContent Load(LoadContext context, SiteConfig config, bool includeDrafts, DiagnosticBag diagnostics, Func<string, LoadContext, LoadedFile>? loadFile = null)
    {
        var (pages, unpublished, failed, drafts) = LoadPages(context, includeDrafts, diagnostics, loadFile);
        var mediaDirectory = Path.Combine(context.InputDirectory, MediaFolder);
        var media = Directory.Exists(mediaDirectory)
            ? Directory.EnumerateFiles(mediaDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => new SourceFile(f, context.Paths.Display(f))).ToList()
            : [];
        foreach (var file in media)
        {
            var size = new FileInfo(file.FullPath).Length;
            if (size > ContentDiagnostics.MaxImageKilobytes * 1024) diagnostics.Add(ContentDiagnostics.LargeImage, SourceSpan.FileOnly(file.DisplayPath), size / 1024);
        }
        return new SiteContent(config, context.References, pages, media, context.InputDirectory, failed) { Drafts = drafts, Unpublished = unpublished };
    }

    /// <summary>
    /// When site.yml could not be read: every page is still read and checked against what is known (no sections, so
    /// none is called unknown), so one mistake in site.yml does not hide each article's own. Nothing is rendered.
    /// </summary>
    public static void CheckPages(LoadContext context, bool includeDrafts, DiagnosticBag diagnostics, Func<string, LoadContext, LoadedFile>? loadFile = null) =>
        LoadPages(context, includeDrafts, diagnostics, loadFile);

    private static (List<Page> Pages, List<Page> Unpublished, HashSet<string> Failed, Dictionary<string, string> Drafts) LoadPages(
        LoadContext context, bool includeDrafts, DiagnosticBag diagnostics, Func<string, LoadContext, LoadedFile>? loadFile)
    {
        loadFile ??= (file, context) => LoadFile(new PageInputs(file, FileBytes.Read(file), context));
        var files = MarkdownFiles(context.InputDirectory);
        var loaded = new LoadedFile[files.Count];
        Parallel.For(0, files.Count, i => loaded[i] = loadFile(files[i], context));
        foreach (var file in loaded) diagnostics.AddRange(file.Diagnostics);

        // File names differ in more than their slug ('About.md', 'Über die Kopfhaut.md'): the first file keeps a URL,
        // the others are reported and left out, as later stages key pages by URL and slug.
        var pages = loaded.Select(f => f.Page).OfType<Page>().Where(p => includeDrafts || !p.Meta.Draft)
            .GroupBy(p => p.Url, StringComparer.Ordinal).Select(g =>
            {
                foreach (var other in g.Skip(1))
                    diagnostics.Add(ContentDiagnostics.DuplicateUrl, SourceSpan.FileOnly(other.Source.DisplayPath), g.Key, g.First().Source.DisplayPath);
                return g.First();
            }).ToList();
        var drafts = includeDrafts ? [] : loaded.Select(f => f.Page).OfType<Page>().Where(p => p.Meta.Draft)
            .GroupBy(p => p.Url).ToDictionary(g => g.Key, g => g.First().Source.DisplayPath, StringComparer.Ordinal);
        var failed = loaded.Where(f => f.Page is null && f.Url is not null).Select(f => f.Url!).ToHashSet(StringComparer.Ordinal);
        List<Page> unpublished = [.. loaded.Select(f => f.Unpublished).OfType<Page>()];
        CheckCrossReferences(pages, unpublished, failed, drafts, context.References, diagnostics);
        EditorChecks.Clashes(pages, page => File.Exists(page.Source.FullPath) ? File.ReadAllText(page.Source.FullPath) : null, diagnostics);
        return (pages, unpublished, failed, drafts);
    }

    /// <summary>Phase A for one file: read, front matter, parse, check and render. Its diagnostics are its own.</summary>
    public static LoadedFile LoadFile(PageInputs inputs)
    {
        var diagnostics = new DiagnosticBag();
        var (page, unpublished) = LoadPage(inputs, diagnostics);
        return new LoadedFile(page, UrlOf(inputs.Context.InputDirectory, inputs.FullPath), diagnostics.Sorted()) { Unpublished = unpublished };
    }

    private static (Page? Published, Page? Unpublished) LoadPage(PageInputs inputs, DiagnosticBag diagnostics)
    {
        var (fullPath, context) = (inputs.FullPath, inputs.Context);
        var display = context.Paths.Display(fullPath);
        var relative = Path.GetRelativePath(context.InputDirectory, fullPath).Replace('\\', '/');
        var kind = KindOf(relative);
        if (kind is null)
        {
            // Markdown elsewhere under input/ (a README, notes) is an editor's mistake more often than not.
            if (!relative.Equals("README.md", StringComparison.OrdinalIgnoreCase))
                diagnostics.Add(ContentDiagnostics.ArticleNotIndexed, SourceSpan.FileOnly(display), relative);
            return default;
        }
        if (UrlOf(context.InputDirectory, fullPath) is not { } url)
        {
            diagnostics.Add(ContentDiagnostics.BadFileName, SourceSpan.FileOnly(display), Path.GetFileName(fullPath), "side-effects.md");
            return default;
        }
        var text = SourceText.Decode(inputs.Bytes.Span, display, out var problem);
        if (problem is not null) diagnostics.Add(problem);
        if (text is null) return default;
        return Read(text, new SourceFile(fullPath, display), kind.Value, url, context, diagnostics);
    }

    /// <summary>
    /// Reads one page from its text: the whole of phase A but the disk. Tests call it with fixture text, and see the body
    /// as rendered even when the file has errors (a page with raw HTML is not published, but its body is still checked).
    /// </summary>
    public static Page? Parse(string text, SourceFile source, PageKind kind, string url, LoadContext context, DiagnosticBag diagnostics) =>
        Read(text, source, kind, url, context, diagnostics) is var (published, unpublished) ? published ?? unpublished : null;

    /// <summary>
    /// Reads one page, reporting every mistake of the file in one pass: the front matter's errors all together, and the
    /// body still checked when the front matter has errors (what the body's checks need from it is then left out, not
    /// guessed). A page with errors is not published; as far as it was read it is returned as unpublished, so its
    /// sources and related articles are checked too.
    /// </summary>
    public static (Page? Published, Page? Unpublished) Read(string text, SourceFile source, PageKind kind, string url, LoadContext context, DiagnosticBag diagnostics)
    {
        var display = source.DisplayPath;
        EditorChecks.Placeholders(text, display, diagnostics);
        var lines = new LineMap(text);
        var document = NestingGuard.Parse(text, lines, SiteMarkdown.Pipeline, display, diagnostics);
        if (document is null) return default;
        if (document.FirstOrDefault() is not YamlFrontMatterBlock block)
        {
            diagnostics.Add(ContentDiagnostics.MissingFrontMatter, SourceSpan.FileOnly(display));
            return default;
        }
        // The YAML exactly as written, cut from the file; YAML line n is file line n + lineOffset, lineOffset being the
        // file line of the opening '---' (found from the block's offset, not Markdig's Line).
        var lineOffset = lines.Position(block.Span.Start).Line;
        var yaml = block.Lines.Count == 0 ? "" : text[block.Lines.Lines[0].Slice.Start..(block.Lines.Lines[block.Lines.Count - 1].Slice.End + 1)];
        var errorsBefore = diagnostics.ErrorCount;
        var read = YamlDocument.Parse(yaml, display, lineOffset, diagnostics);
        // Front matter that is empty or only comments is no YAML document: read it as no keys, so the missing ones are
        // named. Front matter that is unreadable as a whole, or not a mapping, gives no keys to check; the body still is.
        YMapping? map = read.Root switch
        {
            YMapping m => m,
            // Missing keys are named at the first line inside the block (the closing '---' when it is empty).
            null when !read.HasErrors => new YMapping([], new SourceSpan(display, lineOffset + 1, 1)),
            _ => null,
        };
        if (read.Root is not null and not YMapping)
            diagnostics.Add(YamlDiagnostics.WrongType, new SourceSpan(display, lineOffset + 1, 1), "front matter", "a mapping of keys to values");
        var meta = map is null ? new FrontMatter { Title = "", Description = "" } : FrontMatter.Read(map, kind, context.Today, diagnostics);
        // Whether the sources the body's citations are compared with are the ones the editor wrote.
        // Not when sources is missing, set aside or not a list: that mistake is reported, and every citation is not a second one.
        var sourcesKnown = map?.Entry("sources") is { Value: YSequence };

        var layout = meta.Layout ?? (kind == PageKind.Article ? "article" : "page");
        if (map is not null && !map.IsSetAside("layout") && !context.Layouts.Contains(layout))
        {
            diagnostics.Add(ContentDiagnostics.UnknownLayout, map.Entry("layout")?.Value.Span ?? map.Span,
                layout, string.Join(", ", context.Layouts.Order(StringComparer.Ordinal)), Suggestions.DidYouMean(layout, context.Layouts));
        }
        if (kind == PageKind.Article && context.SectionIds is { } sections && meta.Section is { } section && !sections.Contains(section))
        {
            diagnostics.Add(ContentDiagnostics.UnknownSection, map!.Entry("section")?.Value.Span ?? map.Span,
                section, string.Join(", ", sections), Suggestions.DidYouMean(section, sections));
        }
        var slug = url.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "index";
        var shell = new Page(source, kind, slug, url, meta, layout, RenderedBody.Empty, fromMarkdown: true);
        var bodyDiagnostics = new DiagnosticBag();
        var body = BodyRenderer.Render(shell, document, lines, context.References, context.SiteHost, bodyDiagnostics);
        // "Cited but not in sources" is about the front matter's list: without a readable list it would be a guess.
        diagnostics.AddRange(sourcesKnown ? bodyDiagnostics.Sorted() : bodyDiagnostics.Sorted().Where(d => d.Id != MarkdownDiagnostics.CitationNotInSources.Id));
        var failed = diagnostics.ErrorCount > errorsBefore || body is null || map is null || meta.Title.Length == 0 || meta.Description.Length == 0;
        var page = new Page(source, kind, slug, url, meta, layout, body ?? RenderedBody.Empty, fromMarkdown: true);
        return failed ? (null, map is null ? null : page) : (page, null);
    }

    private static PageKind? KindOf(string relative) =>
        relative.Count(c => c == '/') != 1 ? null : relative[..relative.IndexOf('/')] switch
        {
            ArticlesFolder => PageKind.Article,
            PagesFolder => PageKind.Page,
            _ => null,
        };

    /// <summary>
    /// The URL a Markdown file publishes at: <c>articles/x.md</c> → <c>/articles/x/</c>, <c>pages/x.md</c> → <c>/x/</c>.
    /// A name with spaces, capitals or letters outside ASCII publishes at a clean slug of it (<c>Über die Kopfhaut.md</c>
    /// → <c>/articles/uber-die-kopfhaut/</c>); two names with one slug are reported as one URL used twice.
    /// </summary>
    public static string? UrlOf(string inputDirectory, string fullPath)
    {
        var relative = Path.GetRelativePath(inputDirectory, fullPath).Replace('\\', '/');
        var slug = Slugs.FromFileName(Path.GetFileNameWithoutExtension(fullPath));
        if (slug.Length == 0) return null;
        return KindOf(relative) switch
        {
            PageKind.Article => $"/{ArticlesFolder}/{slug}/",
            PageKind.Page => slug == "index" ? "/" : $"/{slug}/",
            _ => null,
        };
    }

    /// <summary>Two pages, or a page and a generated page, must not publish at the same URL.</summary>
    public static void CheckUniqueUrls(IEnumerable<Page> pages, DiagnosticBag diagnostics)
    {
        var byUrl = new Dictionary<string, Page>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (!byUrl.TryAdd(page.Url, page))
                diagnostics.Add(ContentDiagnostics.DuplicateUrl, SourceSpan.FileOnly(page.Source.DisplayPath), page.Url, byUrl[page.Url].Source.DisplayPath);
        }
    }

    private static void CheckCrossReferences(List<Page> pages, List<Page> unpublished, IReadOnlySet<string> failedUrls, IReadOnlyDictionary<string, string> drafts,
        IReadOnlyDictionary<string, Reference> references, DiagnosticBag diagnostics)
    {
        var articleSlugs = ArticleSlugs(pages, failedUrls);
        foreach (var page in pages) CheckReferencesOf(page, articleSlugs, drafts, references, diagnostics);
        foreach (var page in unpublished) CheckReferencesOf(page, articleSlugs, drafts, references, diagnostics, countSources: false);
    }

    /// <summary>The articles a related: entry may name. An article that failed to load still exists: naming it is not a second mistake.</summary>
    public static HashSet<string> ArticleSlugs(IEnumerable<Page> pages, IEnumerable<string> failedUrls) =>
        pages.Where(p => p.IsArticle).Select(p => p.Slug)
            .Concat(failedUrls.Where(u => u.StartsWith($"/{ArticlesFolder}/", StringComparison.Ordinal)).Select(u => u.Split('/')[2]))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>One page's sources and related articles against the site's; the CMS's check of one entry calls it too.</summary>
    /// <param name="countSources">False for a page held back by its own errors: its list of sources may be what failed.</param>
    public static void CheckReferencesOf(Page page, IReadOnlySet<string> articleSlugs, IReadOnlyDictionary<string, string> drafts,
        IReadOnlyDictionary<string, Reference> references, DiagnosticBag diagnostics, bool countSources = true)
    {
        foreach (var source in page.Meta.Sources)
            if (!references.ContainsKey(source.Id) && references is not UnreadReferences) diagnostics.Add(ContentDiagnostics.UnknownReference, source.At, source.Id, Suggestions.DidYouMean(source.Id, references.Keys));
        foreach (var related in page.Meta.Related)
            if (drafts.TryGetValue($"/{ArticlesFolder}/{related.Id}/", out var draft)) diagnostics.Add(ContentDiagnostics.RelatedDraft, related.At, related.Id, draft);
            else if (!articleSlugs.Contains(related.Id)) diagnostics.Add(ContentDiagnostics.UnknownRelated, related.At, related.Id, Suggestions.DidYouMean(related.Id, articleSlugs));
        if (countSources && page.IsArticle && page.Meta.Sources.Count < ContentDiagnostics.MinSources)
            diagnostics.Add(ContentDiagnostics.FewSources, SourceSpan.FileOnly(page.Source.DisplayPath), page.Meta.Sources.Count);
    }
}
