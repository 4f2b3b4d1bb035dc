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
}
