using Markdig.Syntax;

namespace Site.Content;

/// <summary>A file read from disk, with the path shown in diagnostics (relative to the working directory).</summary>
internal sealed record SourceFile(string FullPath, string DisplayPath, string Text);

/// <summary>
/// A page of the site after loading: its URL, typed front matter and Markdown syntax tree (parsed once).
/// Generated pages (topic indexes, search, the questionnaire) have no <see cref="Document"/>; their
/// <see cref="Source"/> names the file that defines them, for diagnostics.
/// </summary>
internal sealed record Page(SourceFile Source, PageKind Kind, string Slug, string Url, FrontMatter Meta, string Layout, MarkdownDocument? Document)
{
    public bool IsArticle => Kind == PageKind.Article;

    /// <summary>The output file for the URL: <c>/articles/x/</c> → <c>articles/x/index.html</c>.</summary>
    public string OutputPath => UrlToOutputPath(Url);

    public static string UrlToOutputPath(string url) =>
        url.EndsWith('/') ? url.TrimStart('/') + "index.html" : url.TrimStart('/');
}

/// <summary>
/// Everything loaded from <c>input/</c>: configuration, sources and pages. <see cref="FailedUrls"/> are the URLs of
/// pages whose front matter had errors: links to them are not reported again, as a compiler suppresses follow-on errors.
/// </summary>
internal sealed record SiteContent(
    SiteConfig Config,
    IReadOnlyDictionary<string, Reference> References,
    IReadOnlyList<Page> Pages,
    IReadOnlyList<SourceFile> MediaFiles,
    string InputDirectory,
    IReadOnlySet<string> FailedUrls);
