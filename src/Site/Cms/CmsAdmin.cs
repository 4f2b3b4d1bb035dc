using System.Net;
using System.Text.Json;
using Site.Content;
using Site.Diagnostics;
using Site.Output;

namespace Site.Cms;

/// <summary>
/// Decap CMS at <c>/admin/</c>: a page that loads the bundle, the bundle itself copied from the theme's npm packages
/// (no CDN), and <c>config.yml</c> generated from the front-matter schema. Out of the sitemap and search because it is
/// not a processed page; its Content-Security-Policy is the separate <c>/admin/*</c> rule of netlify.toml.
/// </summary>
internal static class CmsAdmin
{
    public const string OutputFolder = "admin";
    public const string Package = "decap-cms";
    /// <summary>The theme's script for the CMS preview pane (theme/admin/): the site's CSS and its own rendering of citations, cards, figures and related articles.</summary>
    public const string PreviewScript = "cms-preview.js";
    /// <summary>What that script needs to know of the site: sources, articles, card kinds.</summary>
    public const string PreviewData = "preview-data.json";
    /// <summary>The theme's Decap format that keeps a file's text on save (<see cref="DecapConfig.Format"/>), and the YAML reader it uses.</summary>
    public const string FormatScript = "cms-format.js";
    public const string YamlScript = "js-yaml.min.js";
    public const string SiteStylesheet = "css/site.css";

    /// <summary>The admin files, when the theme's package.json ships Decap CMS; none otherwise.</summary>
    public static IReadOnlyList<OutputFile> Files(SiteContent content, ProjectPaths paths, string themeDirectory, AssetCatalog assets, IReadOnlyList<FieldSpec> fields, DiagnosticBag diagnostics)
    {
        var packageJson = Path.Combine(themeDirectory, "package.json");
        if (!ShipsCms(packageJson)) return [];
        var dist = Path.Combine(themeDirectory, "node_modules", Package, "dist");
        var bundle = Path.Combine(dist, "decap-cms.js");
        if (!File.Exists(bundle))
        {
            diagnostics.Add(CmsDiagnostics.NotInstalled, SourceSpan.FileOnly(paths.Display(packageJson)),
                paths.Display(bundle), paths.Display(themeDirectory));
            return [];
        }
        if (CmsSite.From(content, paths, diagnostics) is not { } site) return [];

        var previewScript = Path.Combine(themeDirectory, OutputFolder, PreviewScript);
        var formatScript = Path.Combine(themeDirectory, OutputFolder, FormatScript);
        var yamlScript = Path.Combine(themeDirectory, "node_modules", "js-yaml", "dist", "js-yaml.min.js");
        foreach (var needed in new[] { previewScript, formatScript, yamlScript }.Where(f => !File.Exists(f)))
        {
            diagnostics.Add(CmsDiagnostics.NotInstalled, SourceSpan.FileOnly(paths.Display(packageJson)), paths.Display(needed), paths.Display(themeDirectory));
            return [];
        }
        var files = new List<OutputFile>
        {
            new TextOutput($"{OutputFolder}/index.html", IndexHtml(content.Config, Favicon(themeDirectory, assets),
                assets.Url(SiteStylesheet), JsonSerializer.Serialize(DecapConfig.WhenAbsent(fields)))),
            new TextOutput($"{OutputFolder}/config.yml", DecapConfig.Generate(site, fields)),
            new CopyOutput($"{OutputFolder}/{PreviewScript}", previewScript),
            new CopyOutput($"{OutputFolder}/{FormatScript}", formatScript),
            new CopyOutput($"{OutputFolder}/{YamlScript}", yamlScript),
            new TextOutput($"{OutputFolder}/{PreviewData}", CmsPreviewData.Json(content)),
        };
        files.AddRange(BundleFiles(dist).Select(f => new CopyOutput($"{OutputFolder}/{Path.GetFileName(f)}", f)));
        return files;
    }

    /// <summary>
    /// The browser bundle and what it loads at run time from its own folder: its chunks and WebAssembly modules, plus its
    /// licence notice (the bundle's first line points to it). Source maps stay behind.
    /// </summary>
    public static IEnumerable<string> BundleFiles(string dist) =>
        Directory.EnumerateFiles(dist)
            .Where(f => Path.GetFileName(f) is var name && (name is "decap-cms.js" or "decap-cms.js.LICENSE.txt"
                || name.EndsWith(".decap-cms.js", StringComparison.Ordinal) || name.EndsWith(".wasm", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    private static bool ShipsCms(string packageJson)
    {
        if (!File.Exists(packageJson)) return false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("dependencies", out var dependencies)
                && dependencies.ValueKind == JsonValueKind.Object && dependencies.TryGetProperty(Package, out _);
        }
        catch (JsonException)
        {
            return false; // npm reports a broken package.json itself
        }
    }

    /// <summary>The site's icon, when the theme has one; without a link the browser asks for /favicon.ico and logs a 404.</summary>
    private static string Favicon(string themeDirectory, AssetCatalog assets) =>
        File.Exists(Path.Combine(themeDirectory, "assets", "favicon.svg"))
            ? $"<link rel=\"icon\" href=\"{WebUtility.HtmlEncode(assets.Url("favicon.svg"))}\" type=\"image/svg+xml\">\n"
            : "";

    /// <summary>
    /// Only script tags: no inline script or style, so the /admin/* CSP needs no hashes for our markup. The preview script
    /// comes after the bundle (it calls <c>CMS</c>) and is told the fingerprinted stylesheet's URL by an attribute.
    /// </summary>
    /// <param name="whenAbsent">What each switch means when a file leaves it out, for the format (<see cref="DecapConfig.WhenAbsent"/>).</param>
    private static string IndexHtml(SiteConfig config, string favicon, string siteCss, string whenAbsent) => $"""
        <!DOCTYPE html>
        <html lang="{WebUtility.HtmlEncode(config.Language)}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>Content manager · {WebUtility.HtmlEncode(config.Title)}</title>
        {favicon}</head>
        <body>
        <script src="decap-cms.js"></script>
        <script src="{YamlScript}"></script>
        <script src="{FormatScript}" data-when-absent="{WebUtility.HtmlEncode(whenAbsent)}"></script>
        <script src="{PreviewScript}" data-site-css="{WebUtility.HtmlEncode(siteCss)}" data-preview-data="{PreviewData}" data-max-upload-kilobytes="{ContentDiagnostics.MaxImageKilobytes}" data-large-image="{WebUtility.HtmlEncode(ContentDiagnostics.LargeImage.MessageFormat)}"></script>
        </body>
        </html>

        """;
}
