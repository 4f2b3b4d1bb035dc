using Site.Content;
using Site.Diagnostics;
using Site.Links;
using Site.Markdown;
using Site.Output;

namespace Site.Cms;

/// <summary>What the build says about one entry's text: its diagnostics, and its reading grade and length.</summary>
internal sealed record EntryReport(string File, IReadOnlyList<Diagnostic> Diagnostics, bool IsArticle, double Grade, int Words, int Minutes)
{
    public int Errors => Diagnostics.Count(d => d.IsError);
}

/// <summary>
/// The site as the last build left it, for checking one entry against: the files every page is read against, the other
/// pages, and every file and id the site serves. Made once per build, on the first check after it.
/// </summary>
internal sealed record EntrySite(LoadContext Context, IReadOnlyList<Page> Pages, LinkTargets Targets,
    IReadOnlySet<string> Files, IReadOnlyDictionary<string, IReadOnlySet<string>> Ids, IReadOnlyDictionary<string, string> Redirects,
    IReadOnlySet<string> FailedUrls, IReadOnlyDictionary<string, string> Drafts)
{
    /// <param name="outputDirectory">The served site: link targets are the files in it.</param>
    public static EntrySite? Load(BuildOptions options, IReadOnlyList<BuiltPage> built, string outputDirectory)
    {
        var paths = ProjectPaths.ForInput(options.InputDirectory);
        var siteFiles = new DiagnosticBag(); // the build reports its own site files; a broken one shows there
        var (config, references) = ContentLoader.LoadSiteFiles(SiteFileInputs.Read(options.InputDirectory, paths, options.BaseUrl, FileBytes.Read), siteFiles);
        if (config is null) return null;
        if (options.BaseUrl is { } baseUrl) config = config with { BaseUrl = baseUrl.TrimEnd('/') };
        var layoutsDirectory = Path.Combine(options.ThemeDirectory, "layouts");
        var layouts = Directory.Exists(layoutsDirectory)
            ? Directory.EnumerateFiles(layoutsDirectory, "*.sbn").Select(Path.GetFileNameWithoutExtension).OfType<string>()
                .Where(n => !n.StartsWith('_')).ToHashSet(StringComparer.Ordinal)
            : [];
        var context = new LoadContext(options.InputDirectory, paths, config, references, layouts, options.Today);
        var root = Path.GetFullPath(outputDirectory);
        var files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal)
            : [];
        var ids = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var page in built) ids.TryAdd(page.Page.OutputPath, page.Ids);
        var netlify = NetlifyConfig.Load(Path.Combine(paths.Root, "netlify.toml"));
        var redirects = netlify.Redirects.Where(r => !r.From.Contains('*')).ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal);
        // A Markdown file that publishes nowhere in the last build failed there: links to it are reported there, once.
        var builtUrls = built.Select(p => p.Page.Url).ToHashSet(StringComparer.Ordinal);
        var failed = ContentLoader.MarkdownFiles(options.InputDirectory).Select(f => ContentLoader.UrlOf(options.InputDirectory, f))
            .OfType<string>().Where(u => !builtUrls.Contains(u)).ToHashSet(StringComparer.Ordinal);
        var drafts = options.IncludeDrafts ? new Dictionary<string, string>()
            : built.Where(p => p.Page.Meta.Draft).ToDictionary(p => p.Page.Url, p => p.Page.Source.DisplayPath, StringComparer.Ordinal);
        return new EntrySite(context, [.. built.Select(p => p.Page).Where(p => p.FromMarkdown)],
            new LinkTargets(files, ids, redirects, failed, drafts), files, ids, redirects, failed, drafts);
    }
}

/// <summary>
/// Checks one entry's text, in memory, as the build would check its file: front matter, body, sources, related
/// articles, links and fragments against the pages the site serves, and the section's titles and orders. The CMS pane
/// asks for it while an editor types, and before Publish. Nothing is read from or written to the entry's file.
/// </summary>
internal static class EntryCheck
{
    /// <summary>The entry's path as the build names it (<c>input/articles/x.md</c>), when it is one the CMS edits.</summary>
    public static bool IsEntryPath(string file, LoadContext context)
    {
        var folder = Path.GetFileName(Path.GetFullPath(context.InputDirectory).TrimEnd(Path.DirectorySeparatorChar));
        var parts = file.Split('/');
        return parts.Length == 3 && parts[0] == folder && parts[1] is ContentLoader.ArticlesFolder or ContentLoader.PagesFolder
            && parts[2].EndsWith(".md", StringComparison.Ordinal) && parts[2].Length > 3
            && parts[2].IndexOfAny(['\\', '\0']) < 0 && parts[2] is not ("." or "..") && !parts[2].StartsWith('.');
    }

    /// <param name="bytes">The entry's text as the CMS would save it, in UTF-8.</param>
    public static EntryReport? Check(EntrySite site, string file, ReadOnlySpan<byte> bytes)
    {
        var context = site.Context;
        if (!IsEntryPath(file, context)) return null;
        var parts = file.Split('/');
        var kind = parts[1] == ContentLoader.ArticlesFolder ? PageKind.Article : PageKind.Page;
        var fullPath = Path.Combine(context.Paths.Root, file);
        var diagnostics = new DiagnosticBag();
        if (ContentLoader.UrlOf(context.InputDirectory, fullPath) is not { } url)
        {
            diagnostics.Add(ContentDiagnostics.BadFileName, SourceSpan.FileOnly(file), parts[2], "side-effects.md");
            return new EntryReport(file, diagnostics.Sorted(), kind == PageKind.Article, 0, 0, 0);
        }
        // Read as the build reads a file: strict UTF-8, no control characters.
        if (SourceText.Decode(bytes, file, out var problem) is not { } text)
        {
            diagnostics.Add(problem!);
            return new EntryReport(file, diagnostics.Sorted(), kind == PageKind.Article, 0, 0, 0);
        }
        var others = site.Pages.Where(p => p.Source.DisplayPath != file).ToList();
        if (others.FirstOrDefault(p => p.Url == url) is { } taken)
            diagnostics.Add(ContentDiagnostics.DuplicateUrl, SourceSpan.FileOnly(file), url, taken.Source.DisplayPath);
        var page = ContentLoader.Parse(text, new SourceFile(fullPath, file), kind, url, context, diagnostics);
        // A page with front-matter errors is still read as far as it can be (the build reports every mistake in one
        // pass); null only when there is nothing to check the body against.
        if (page is null) return new EntryReport(file, diagnostics.Sorted(), kind == PageKind.Article, 0, 0, 0);

        ContentLoader.CheckReferencesOf(page, ContentLoader.ArticleSlugs([.. others, page], site.FailedUrls), site.Drafts, context.References, diagnostics);
        EditorChecks.Clashes([page], [.. others, page], p => p == page ? text : File.Exists(p.Source.FullPath) ? File.ReadAllText(p.Source.FullPath) : null, diagnostics);

        // The page's own fragments are its new headings' ids plus what its layout adds (as the last build wrote it).
        var ids = new Dictionary<string, IReadOnlySet<string>>(site.Ids, StringComparer.Ordinal);
        var own = new HashSet<string>(page.Body.Ids, StringComparer.Ordinal);
        if (site.Ids.TryGetValue(page.OutputPath, out var before) && site.Pages.FirstOrDefault(p => p.OutputPath == page.OutputPath) is { } old)
            own.UnionWith(before.Except(old.Body.Ids));
        ids[page.OutputPath] = own;
        var files = new HashSet<string>(site.Files, StringComparer.Ordinal) { page.OutputPath };
        var targets = new LinkTargets(files, ids, site.Redirects, site.FailedUrls, site.Drafts);
        LinkChecker.Check([new PageLinks(page.Url, page.Layout, file, page.Body.Links, [])], targets, context.SiteHost, diagnostics);

        var score = page.Body.Readability;
        return new EntryReport(file, diagnostics.Sorted(), page.IsArticle, Math.Round(score.Grade, 1), score.Words, page.Body.ReadingMinutes);
    }
}
