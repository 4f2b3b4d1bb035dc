using Site.Markdown;

namespace Site.Content;

/// <summary>A file of the project, with the path shown in diagnostics (relative to the project root).</summary>
internal sealed record SourceFile(string FullPath, string DisplayPath);

/// <summary>
/// A page of the site after the first phase: its URL, typed front matter and rendered body. Generated pages (topic
/// indexes, search, the questionnaire) have an empty <see cref="Body"/> and no Markdown file; their
/// <see cref="Source"/> names the file that defines them, for diagnostics.
/// </summary>
/// <remarks>A class, not a record: pages are compared by identity, never by their (large) contents.</remarks>
internal sealed class Page(SourceFile source, PageKind kind, string slug, string url, FrontMatter meta, string layout, RenderedBody body, bool fromMarkdown,
    PageRole? role = null)
{
    /// <summary>What the page is, where behaviour depends on it (structured data, breadcrumbs, the glossary's terms).</summary>
    public PageRole Role { get; } = role ?? PageRoles.Of(kind, layout);

    public SourceFile Source { get; } = source;
    public PageKind Kind { get; } = kind;
    public string Slug { get; } = slug;
    public string Url { get; } = url;
    public FrontMatter Meta { get; } = meta;
    public string Layout { get; } = layout;
    public RenderedBody Body { get; } = body;
    /// <summary>True for pages written in Markdown under <c>input/</c>; false for pages the site generates.</summary>
    public bool FromMarkdown { get; } = fromMarkdown;

    public bool IsArticle => Kind == PageKind.Article;

    /// <summary>The output file for the URL: <c>/articles/x/</c> → <c>articles/x/index.html</c>.</summary>
    public string OutputPath => SiteUrls.ToOutputPath(Url);
}

/// <summary>
/// Everything loaded from <c>input/</c>: configuration, sources and pages. <see cref="FailedUrls"/> are the URLs of
/// pages that failed to load: links to them are not reported again, as a compiler suppresses follow-on errors.
/// </summary>
internal sealed record SiteContent(
    SiteConfig Config,
    IReadOnlyDictionary<string, Reference> References,
    IReadOnlyList<Page> Pages,
    IReadOnlyList<SourceFile> MediaFiles,
    string InputDirectory,
    IReadOnlySet<string> FailedUrls)
{
    /// <summary>Pages left out because they are drafts (URL → file): a link to one is its own mistake, not a missing page.</summary>
    public IReadOnlyDictionary<string, string> Drafts { get; init; } = new Dictionary<string, string>();

    /// <summary>Pages not published because of their own errors, as far as they were read: their links are still checked.</summary>
    public IReadOnlyList<Page> Unpublished { get; init; } = [];
}

/// <summary>What a page is, beyond the folder it came from: the stages ask this, never the layout's name.</summary>
internal enum PageRole { Article, Page, Faq, Glossary, Topic }

internal static class PageRoles
{
    /// <summary>
    /// The one place a layout's name says what a Markdown page is: an editor who writes <c>layout: faq</c> makes the
    /// page the site's FAQ (questions as h2, FAQPage data) and <c>layout: glossary</c> its glossary (terms as h2).
    /// </summary>
    public static PageRole Of(PageKind kind, string layout) => kind == PageKind.Article ? PageRole.Article : layout switch
    {
        "faq" => PageRole.Faq,
        "glossary" => PageRole.Glossary,
        _ => PageRole.Page,
    };
}
