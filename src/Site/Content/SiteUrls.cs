namespace Site.Content;

/// <summary>
/// The one mapping between the site's URLs and the files under the output folder that serve them, as Netlify serves
/// pretty URLs: <c>/articles/x/</c> ↔ <c>articles/x/index.html</c>, <c>/</c> ↔ <c>index.html</c>, <c>/404.html</c> ↔
/// <c>404.html</c>. The build names its files with it, the link checks and netlify.toml's checks read them back with
/// it, and the preview's server answers requests with it.
/// </summary>
internal static class SiteUrls
{
    public const string IndexFile = "index.html";

    /// <summary>The output file (relative, '/'-separated) that serves <paramref name="url"/> (a path, without query or fragment).</summary>
    public static string ToOutputPath(string url) => url.EndsWith('/') ? url.TrimStart('/') + IndexFile : url.TrimStart('/');

    /// <summary>The URL an output file is served at.</summary>
    public static string ToUrl(string outputPath) => IsFolderIndex(outputPath) ? "/" + outputPath[..^IndexFile.Length] : "/" + outputPath;

    /// <summary>True for a folder's index page, served at the folder's URL.</summary>
    public static bool IsFolderIndex(string outputPath) => outputPath == IndexFile || outputPath.EndsWith("/" + IndexFile, StringComparison.Ordinal);

    /// <summary>
    /// Why <paramref name="baseUrl"/> cannot be the address the site is served at, or null when it can: an http or https
    /// address of a host, at the host's root (every page links from the root), with no user name, query or fragment.
    /// </summary>
    public static string? BaseUrlProblem(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "it is not an http or https address";
        if (uri.Host.Length == 0) return "it names no host";
        if (uri.UserInfo.Length > 0) return "it carries a user name or password";
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || baseUrl.Contains('#') || baseUrl.Contains('?')) return "it has a query or a fragment";
        if (uri.AbsolutePath != "/") return $"it has a path ('{uri.AbsolutePath}'), but pages link from the root of the host";
        return null;
    }

    /// <summary>Why a navigation or footer link of site.yml cannot be published, or null: it must be a path of the site
    /// (<c>/articles/</c>) or an https or mailto address; javascript:, data:, protocol-relative and relative links are refused.</summary>
    public static string? LinkProblem(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal)) return "a link starting with // leaves the site for whatever host follows";
        if (url.StartsWith('/')) return url.Any(char.IsWhiteSpace) ? "it contains a space" : null;
        if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            return Uri.TryCreate(url, UriKind.Absolute, out _) ? null : "it is not a valid address";
        return "it is neither a path of the site (starting with /) nor an https or mailto address";
    }

    /// <summary>Why site.yml's <c>repository.url</c> cannot be used, or null: pages link to the source through it.</summary>
    public static string? RepositoryUrlProblem(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https" && uri.Host.Length > 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? null : "it must be the repository's https address, such as https://github.com/owner/name";

    /// <summary>Why a Git branch name cannot be put into the source links, or null.</summary>
    public static string? BranchProblem(string branch) =>
        branch.Length > 0 && branch.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/') && !branch.Contains("..", StringComparison.Ordinal)
            && !branch.StartsWith('/') && !branch.EndsWith('/')
            ? null : "a branch name is letters, digits, '-', '_', '.' and '/' only";
}
