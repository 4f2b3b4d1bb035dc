using Site.Content;
using Site.Diagnostics;

namespace Site.Cms;

/// <summary>A Markdown file under <c>input/pages/</c> as the CMS lists it: its file name and the label editors see.</summary>
internal sealed record CmsPage(string FileName, string Label)
{
    public string Name => Path.GetFileNameWithoutExtension(FileName);
}

/// <summary>
/// What the CMS config is made of besides the front-matter schema: the repository it commits to, the choices editors
/// pick from (sections, sources) and the page files. Folders are relative to the repository root, as Decap and
/// decap-server see them.
/// </summary>
internal sealed record CmsSite
{
    /// <summary>The FAQ is an ordinary page with the <c>faq</c> layout; the CMS gives it a collection of its own.</summary>
    public const string FaqFileName = "faq.md";

    /// <summary>GitHub's <c>owner/name</c>.</summary>
    public required string Repository { get; init; }
    public required string Branch { get; init; }
    public required string SiteUrl { get; init; }
    /// <summary>The content folder's name under the repository root (<c>input</c>).</summary>
    public required string InputFolder { get; init; }
    public required IReadOnlyList<Section> Sections { get; init; }
    public required IReadOnlyList<Reference> References { get; init; }
    /// <summary>Every page but the FAQ, in file-name order.</summary>
    public required IReadOnlyList<CmsPage> Pages { get; init; }
    public CmsPage? Faq { get; init; }

    public string ArticlesFolder => $"{InputFolder}/{ContentLoader.ArticlesFolder}";
    public string PagesFolder => $"{InputFolder}/{ContentLoader.PagesFolder}";
    public string MediaFolder => $"{InputFolder}/{ContentLoader.MediaFolder}";

    /// <summary>
    /// The CMS view of loaded content. Page files are listed from disk rather than taken from the loaded pages, so a
    /// draft (left out of a production build) or a page with a front-matter error can still be opened and fixed.
    /// </summary>
    public static CmsSite? From(SiteContent content, ProjectPaths paths, DiagnosticBag diagnostics)
    {
        var config = content.Config;
        if (GitHubRepository(config.RepositoryUrl) is not { } repository)
        {
            diagnostics.Add(CmsDiagnostics.NotGitHub,
                SourceSpan.FileOnly(paths.Display(Path.Combine(content.InputDirectory, SiteConfig.FileName))), config.RepositoryUrl);
            return null;
        }
        var titles = content.Pages.Where(p => p.Kind == PageKind.Page)
            .ToDictionary(p => Path.GetFileName(p.Source.FullPath), p => p.Meta.Title, StringComparer.Ordinal);
        var pagesDirectory = Path.Combine(content.InputDirectory, ContentLoader.PagesFolder);
        var pages = Directory.Exists(pagesDirectory)
            ? Directory.EnumerateFiles(pagesDirectory, "*.md").Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal).Select(f => new CmsPage(f, titles.GetValueOrDefault(f) ?? f)).ToList()
            : [];
        return new CmsSite
        {
            Repository = repository,
            Branch = config.RepositoryBranch,
            SiteUrl = config.BaseUrl,
            InputFolder = Path.GetFileName(Path.GetFullPath(content.InputDirectory).TrimEnd(Path.DirectorySeparatorChar)),
            Sections = config.Sections,
            References = [.. content.References.Values.OrderBy(r => r.Id, StringComparer.Ordinal)],
            Pages = [.. pages.Where(p => p.FileName != FaqFileName)],
            Faq = pages.FirstOrDefault(p => p.FileName == FaqFileName),
        };
    }

    /// <summary><c>https://github.com/owner/name</c> (optionally ending in <c>.git</c> or <c>/</c>) → <c>owner/name</c>.</summary>
    public static string? GitHubRepository(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !uri.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return null;
        var parts = uri.AbsolutePath.Trim('/').Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0)) return null;
        var name = parts[1].EndsWith(".git", StringComparison.Ordinal) ? parts[1][..^4] : parts[1];
        return name.Length == 0 ? null : $"{parts[0]}/{name}";
    }
}
