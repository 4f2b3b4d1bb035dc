using System.Text.RegularExpressions;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Site.Diagnostics;
using SourceSpan = Site.Diagnostics.SourceSpan;
using YamlDotNet.RepresentationModel;

namespace Site.Content;

/// <summary>
/// The load stage: reads <c>input/</c> into typed records. Each Markdown file is parsed once, with its front matter
/// block, so YAML errors are reported at their true line in the file.
/// </summary>
internal static partial class ContentLoader
{
    public const string ArticlesFolder = "articles";
    public const string PagesFolder = "pages";
    public const string MediaFolder = "media";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static SiteContent? Load(string inputDirectory, IReadOnlySet<string> layouts, bool includeDrafts, DateOnly today, DiagnosticBag diagnostics, BuildCache? cache = null)
    {
        var configPath = Path.Combine(inputDirectory, SiteConfig.FileName);
        if (!File.Exists(configPath))
        {
            diagnostics.Add(ContentDiagnostics.MissingFile, SourceSpan.FileOnly(Display(configPath)), Display(configPath));
            return null;
        }
        var configText = SourceText.Read(configPath, Display(configPath), diagnostics);
        if (configText is null) return null;
        var errorsBefore = diagnostics.ErrorCount;
        var config = SiteConfig.Load(Display(configPath), configText, diagnostics);
        // An empty site.yml is no YAML document at all: without this the build would stop without saying why.
        if (config is null && diagnostics.ErrorCount == errorsBefore)
            diagnostics.Add(ContentDiagnostics.WrongType, SourceSpan.FileOnly(Display(configPath)), SiteConfig.FileName, "a mapping of keys to values");

        var referencesPath = Path.Combine(inputDirectory, Reference.FileName);
        var referencesText = File.Exists(referencesPath) ? SourceText.Read(referencesPath, Display(referencesPath), diagnostics) : null;
        var references = referencesText is not null
            ? Reference.LoadAll(Display(referencesPath), referencesText, diagnostics)
            : new Dictionary<string, Reference>();

        var files = Directory.EnumerateFiles(inputDirectory, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var pages = new Page?[files.Count];
        // A page's reading depends on its file and on the sections, layouts and date it is checked against.
        var context = string.Join('|', [.. config?.Sections.Select(s => s.Id) ?? [], .. layouts.Order(StringComparer.Ordinal), today.ToString("O")]);
        Parallel.For(0, files.Count, i => pages[i] = cache is null
            ? LoadPage(inputDirectory, files[i], config, layouts, today, diagnostics)
            : cache.LoadPage(files[i], context, bag => LoadPage(inputDirectory, files[i], config, layouts, today, bag), diagnostics));

        var loaded = pages.OfType<Page>().Where(p => includeDrafts || !p.Meta.Draft).ToList();
        // File names now differ in more than their slug ('About.md', 'Über die Kopfhaut.md'): the first file keeps a
        // URL, the others are reported and left out, as later stages key pages by URL and slug.
        loaded = [.. loaded.GroupBy(p => p.Url, StringComparer.Ordinal).Select(g =>
        {
            foreach (var other in g.Skip(1))
                diagnostics.Add(ContentDiagnostics.DuplicateUrl, SourceSpan.FileOnly(other.Source.DisplayPath), g.Key, g.First().Source.DisplayPath);
            return g.First();
        })];
        var failed = files.Where((f, i) => pages[i] is null).Select(f => UrlOf(inputDirectory, f)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        CheckCrossReferences(loaded, failed, references, diagnostics);

        var mediaDirectory = Path.Combine(inputDirectory, MediaFolder);
        var media = Directory.Exists(mediaDirectory)
            ? Directory.EnumerateFiles(mediaDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => new SourceFile(f, Display(f), "")).ToList()
            : [];
        foreach (var file in media)
        {
            var size = new FileInfo(file.FullPath).Length;
            if (size > 200 * 1024) diagnostics.Add(ContentDiagnostics.LargeImage, SourceSpan.FileOnly(file.DisplayPath), size / 1024);
        }
        return config is null ? null : new SiteContent(config, references, loaded, media, inputDirectory, failed);
    }

    private static readonly AsyncLocal<string?> DisplayRootOfBuild = new();

    /// <summary>
    /// The folder diagnostics are relative to: the project root (the parent of <c>input/</c>) during a build, so an editor
    /// sees <c>input/articles/x.md(12,5)</c> wherever the command was run from. Flows into parallel work.
    /// </summary>
    public static string? DisplayRoot { get => DisplayRootOfBuild.Value; set => DisplayRootOfBuild.Value = value; }

    /// <summary>Paths in diagnostics are relative to the project root (or the working directory), as compilers print them.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(DisplayRoot ?? Directory.GetCurrentDirectory(), path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative).Replace('\\', '/');
    }

    public static Page? LoadPage(string inputDirectory, string fullPath, SiteConfig? config, IReadOnlySet<string> layouts, DateOnly today, DiagnosticBag diagnostics)
    {
        var display = Display(fullPath);
        var relative = Path.GetRelativePath(inputDirectory, fullPath).Replace('\\', '/');
        var folder = relative.Contains('/') ? relative[..relative.IndexOf('/')] : "";
        var kind = folder switch { ArticlesFolder => PageKind.Article, PagesFolder => PageKind.Page, _ => (PageKind?)null };
        if (kind is null || relative.Count(c => c == '/') != 1)
        {
            // Markdown elsewhere under input/ (a README, notes) is an editor's mistake more often than not.
            if (!relative.Equals("README.md", StringComparison.OrdinalIgnoreCase))
                diagnostics.Add(ContentDiagnostics.ArticleNotIndexed, SourceSpan.FileOnly(display), relative);
            return null;
        }
        var slug = Slugs.FromFileName(Path.GetFileNameWithoutExtension(fullPath));
        if (!SlugPattern().IsMatch(slug))
        {
            diagnostics.Add(ContentDiagnostics.BadFileName, SourceSpan.FileOnly(display), Path.GetFileName(fullPath), slug);
            return null;
        }
        var text = SourceText.Read(fullPath, display, diagnostics);
        if (text is null) return null;
        var source = new SourceFile(fullPath, display, text);
        var document = Markdown.NestingGuard.Parse(text, Markdown.SiteMarkdown.Pipeline, display, diagnostics);
        if (document is null) return null;
        if (document.FirstOrDefault() is not YamlFrontMatterBlock block)
        {
            diagnostics.Add(ContentDiagnostics.MissingFrontMatter, SourceSpan.FileOnly(display));
            return null;
        }
        // An empty block ('---' right after '---') has no line array at all.
        var yaml = block.Lines.Count == 0 ? "" : string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()));
        // YAML line n is file line n + block.Line + 1: block.Line is the 0-based line of the opening '---'.
        var lineOffset = block.Line + 1;
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
        var meta = FrontMatter.Read(map, kind.Value, display, lineOffset, today, diagnostics);
        if (meta is null) return null;

        var positions = new YamlFields(map, display, lineOffset, diagnostics); // only to point at a key's value
        var layout = meta.Layout ?? (kind == PageKind.Article ? "article" : "page");
        if (!layouts.Contains(layout))
        {
            diagnostics.Add(ContentDiagnostics.UnknownLayout, positions.SpanOf("layout"),
                layout, string.Join(", ", layouts.Order(StringComparer.Ordinal)));
            return null;
        }
        if (kind == PageKind.Article && config is not null && meta.Section is { } section && config.Sections.All(s => s.Id != section))
        {
            diagnostics.Add(ContentDiagnostics.UnknownSection, positions.SpanOf("section"),
                section, string.Join(", ", config.Sections.Select(s => s.Id)));
            return null;
        }
        return new Page(source, kind.Value, slug, UrlOf(inputDirectory, fullPath)!, meta, layout, document);
    }

    /// <summary>The URL a Markdown file publishes at: <c>articles/x.md</c> → <c>/articles/x/</c>, <c>pages/x.md</c> → <c>/x/</c>.</summary>
    public static string? UrlOf(string inputDirectory, string fullPath)
    {
        var relative = Path.GetRelativePath(inputDirectory, fullPath).Replace('\\', '/');
        var slug = Slugs.FromFileName(Path.GetFileNameWithoutExtension(fullPath));
        return relative.Count(c => c == '/') != 1 ? null : relative[..relative.IndexOf('/')] switch
        {
            ArticlesFolder => $"/{ArticlesFolder}/{slug}/",
            PagesFolder => slug == "index" ? "/" : $"/{slug}/",
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

    private static void CheckCrossReferences(List<Page> pages, IReadOnlySet<string> failedUrls, IReadOnlyDictionary<string, Reference> references, DiagnosticBag diagnostics)
    {
        // An article whose front matter failed still exists: naming it is not a second mistake.
        var articleSlugs = pages.Where(p => p.IsArticle).Select(p => p.Slug)
            .Concat(failedUrls.Where(u => u.StartsWith($"/{ArticlesFolder}/", StringComparison.Ordinal)).Select(u => u.Split('/')[2]))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var source in page.Meta.Sources)
                if (!references.ContainsKey(source.Id)) diagnostics.Add(ContentDiagnostics.UnknownReference, source.At, source.Id);
            foreach (var related in page.Meta.Related)
                if (!articleSlugs.Contains(related.Id)) diagnostics.Add(ContentDiagnostics.UnknownRelated, related.At, related.Id);
            if (page.IsArticle && page.Meta.Sources.Count < 2)
                diagnostics.Add(ContentDiagnostics.FewSources, SourceSpan.FileOnly(page.Source.DisplayPath), page.Meta.Sources.Count);
        }
    }
}
