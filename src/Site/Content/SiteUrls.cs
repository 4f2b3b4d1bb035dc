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
}
