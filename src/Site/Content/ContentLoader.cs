using Markdig.Extensions.Yaml;
using Site.Diagnostics;
using Site.Markdown;
using SourceSpan = Site.Diagnostics.SourceSpan;
using YamlDotNet.RepresentationModel;

namespace Site.Content;

/// <summary>What one Markdown file became in the first phase: a page (or nothing), and the diagnostics that are its own.</summary>
/// <param name="Url">The URL the file publishes at, even when it failed, so links to it are not reported a second time.</param>
internal sealed record LoadedFile(Page? Page, string? Url, IReadOnlyList<Diagnostic> Diagnostics);

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
                diagnostics.Add(ContentDiagnostics.WrongType, SourceSpan.FileOnly(paths.Display(configPath)), SiteConfig.FileName, "a mapping of keys to values");
        }

        var referencesPath = Path.Combine(inputDirectory, Reference.FileName);
        var own = new DiagnosticBag();
        var referencesText = inputs.ReferencesYml.Exists ? Decode(inputs.ReferencesYml, paths.Display(referencesPath), own) : null;
        var references = referencesText is not null
            ? Reference.LoadAll(paths.Display(referencesPath), referencesText, own)
            : new Dictionary<string, Reference>();
        diagnostics.AddRange(own.Sorted());
        if (config is not null && inputs.BaseUrl is { } baseUrl) config = config with { BaseUrl = baseUrl.TrimEnd('/') };
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
        CheckCrossReferences(pages, failed, drafts, context.References, diagnostics);

        var mediaDirectory = Path.Combine(context.InputDirectory, MediaFolder);
        var media = Directory.Exists(mediaDirectory)
            ? Directory.EnumerateFiles(mediaDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => new SourceFile(f, context.Paths.Display(f))).ToList()
            : [];
        foreach (var file in media)
        {
            var size = new FileInfo(file.FullPath).Length;
            if (size > 200 * 1024) diagnostics.Add(ContentDiagnostics.LargeImage, SourceSpan.FileOnly(file.DisplayPath), size / 1024);
        }
        return new SiteContent(config, context.References, pages, media, context.InputDirectory, failed) { Drafts = drafts };
    }

    /// <summary>Phase A for one file: read, front matter, parse, check and render. Its diagnostics are its own.</summary>
    public static LoadedFile LoadFile(PageInputs inputs)
    {
        var diagnostics = new DiagnosticBag();
        var page = LoadPage(inputs, diagnostics);
        return new LoadedFile(page, UrlOf(inputs.Context.InputDirectory, inputs.FullPath), diagnostics.Sorted());
    }

    private static Page? LoadPage(PageInputs inputs, DiagnosticBag diagnostics)
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
            return null;
        }
        if (UrlOf(context.InputDirectory, fullPath) is not { } url)
        {
            diagnostics.Add(ContentDiagnostics.BadFileName, SourceSpan.FileOnly(display), Path.GetFileName(fullPath), "side-effects.md");
            return null;
        }
        var text = SourceText.Decode(inputs.Bytes.Span, display, out var problem);
        if (problem is not null) diagnostics.Add(problem);
        if (text is null) return null;
        return Parse(text, new SourceFile(fullPath, display), kind.Value, url, context, diagnostics);
    }

    /// <summary>Reads one page from its text: the whole of phase A but the disk. Tests call it with fixture text.</summary>
    public static Page? Parse(string text, SourceFile source, PageKind kind, string url, LoadContext context, DiagnosticBag diagnostics)
    {
        var display = source.DisplayPath;
        var document = NestingGuard.Parse(text, SiteMarkdown.Pipeline, display, diagnostics);
        if (document is null) return null;
        if (document.FirstOrDefault() is not YamlFrontMatterBlock block)
        {
            diagnostics.Add(ContentDiagnostics.MissingFrontMatter, SourceSpan.FileOnly(display));
            return null;
        }
        // The YAML exactly as written, cut from the file; YAML line n is file line n + block.Line + 1 (block.Line is
        // the 0-based line of the opening '---').
        var lineOffset = block.Line + 1;
        var yaml = block.Lines.Count == 0 ? "" : text[block.Lines.Lines[0].Slice.Start..(block.Lines.Lines[block.Lines.Count - 1].Slice.End + 1)];
        // Front matter that is empty or only comments is no YAML document: read it as no keys, so the missing ones are named.
        var yamlErrors = new DiagnosticBag();
        var root = YamlFields.ParseRoot(yaml, display, lineOffset, yamlErrors) ?? (yamlErrors.HasErrors ? null : new YamlMappingNode());
        diagnostics.AddRange(yamlErrors.Sorted());
        if (root is not YamlMappingNode map)
        {
            if (root is not null)
                diagnostics.Add(ContentDiagnostics.WrongType, new SourceSpan(display, lineOffset + 1, 1), "front matter", "a mapping of keys to values");
            return null;
        }
        var meta = FrontMatter.Read(map, kind, display, lineOffset, context.Today, diagnostics);
        if (meta is null) return null;

        var positions = new YamlFields(map, display, lineOffset, diagnostics); // only to point at a key's value
        var layout = meta.Layout ?? (kind == PageKind.Article ? "article" : "page");
        if (!context.Layouts.Contains(layout))
        {
            diagnostics.Add(ContentDiagnostics.UnknownLayout, positions.SpanOf("layout"),
                layout, string.Join(", ", context.Layouts.Order(StringComparer.Ordinal)), Suggestions.DidYouMean(layout, context.Layouts));
            return null;
        }
        if (kind == PageKind.Article && context.SectionIds is { } sections && meta.Section is { } section && !sections.Contains(section))
        {
            diagnostics.Add(ContentDiagnostics.UnknownSection, positions.SpanOf("section"),
                section, string.Join(", ", sections), Suggestions.DidYouMean(section, sections));
            return null;
        }
        var slug = url.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "index";
        var shell = new Page(source, kind, slug, url, meta, layout, RenderedBody.Empty, fromMarkdown: true);
        if (BodyRenderer.Render(shell, document, text, context.References, context.SiteHost, diagnostics) is not { } body) return null;
        return new Page(source, kind, slug, url, meta, layout, body, fromMarkdown: true);
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

    private static void CheckCrossReferences(List<Page> pages, IReadOnlySet<string> failedUrls, IReadOnlyDictionary<string, string> drafts,
        IReadOnlyDictionary<string, Reference> references, DiagnosticBag diagnostics)
    {
        // An article that failed to load still exists: naming it is not a second mistake.
        var articleSlugs = pages.Where(p => p.IsArticle).Select(p => p.Slug)
            .Concat(failedUrls.Where(u => u.StartsWith($"/{ArticlesFolder}/", StringComparison.Ordinal)).Select(u => u.Split('/')[2]))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var source in page.Meta.Sources)
                if (!references.ContainsKey(source.Id) && references is not UnreadReferences) diagnostics.Add(ContentDiagnostics.UnknownReference, source.At, source.Id, Suggestions.DidYouMean(source.Id, references.Keys));
            foreach (var related in page.Meta.Related)
                if (drafts.TryGetValue($"/{ArticlesFolder}/{related.Id}/", out var draft)) diagnostics.Add(ContentDiagnostics.RelatedDraft, related.At, related.Id, draft);
                else if (!articleSlugs.Contains(related.Id)) diagnostics.Add(ContentDiagnostics.UnknownRelated, related.At, related.Id, Suggestions.DidYouMean(related.Id, articleSlugs));
            if (page.IsArticle && page.Meta.Sources.Count < 2)
                diagnostics.Add(ContentDiagnostics.FewSources, SourceSpan.FileOnly(page.Source.DisplayPath), page.Meta.Sources.Count);
        }
    }
}
