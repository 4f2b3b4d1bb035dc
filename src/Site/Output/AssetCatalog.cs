using System.Collections.Concurrent;
using System.Security.Cryptography;
using Site.Diagnostics;

namespace Site.Output;

/// <summary>A file the site serves as is, under a fingerprinted name when its content may be cached for a year.</summary>
internal sealed record OutputAsset(string SourcePath, string OutputPath)
{
    public string Url => "/" + OutputPath;
}

/// <summary>
/// The theme's CSS, JavaScript and images, plus browser packages from <c>theme/node_modules</c>, each named with a hash
/// of its content (<c>site.3f2a1b9c.css</c>) so netlify.toml can cache <c>/assets/*</c> as immutable.
/// Templates ask for <c>asset "css/site.css"</c> and get the fingerprinted URL.
/// </summary>
internal sealed class AssetCatalog
{
    /// <summary>Browser packages the site ships, from npm through the theme's lock file: logical name → file in node_modules.</summary>
    public static readonly IReadOnlyDictionary<string, string> Vendor = new Dictionary<string, string>
    {
        ["vendor/lunr.js"] = "lunr/lunr.min.js",
    };

    private readonly Dictionary<string, OutputAsset> _byName;
    private readonly string _themeDirectory;
    private readonly ConcurrentDictionary<string, byte> _missing = new();

    private AssetCatalog(Dictionary<string, OutputAsset> byName, string themeDirectory)
    {
        _byName = byName;
        _themeDirectory = themeDirectory;
    }

    public IEnumerable<OutputAsset> All => _byName.Values;

    public static AssetCatalog Load(string themeDirectory)
    {
        var byName = new Dictionary<string, OutputAsset>(StringComparer.Ordinal);
        var assetsDirectory = Path.Combine(themeDirectory, "assets");
        if (Directory.Exists(assetsDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(assetsDirectory, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetRelativePath(assetsDirectory, file).Replace('\\', '/');
                byName[name] = Fingerprint(file, name);
            }
        }
        foreach (var (name, relative) in Vendor)
        {
            var file = Path.Combine(themeDirectory, "node_modules", relative);
            if (File.Exists(file)) byName[name] = Fingerprint(file, name);
        }
        return new AssetCatalog(byName, themeDirectory);
    }

    private static OutputAsset Fingerprint(string file, string name)
    {
        using var stream = File.OpenRead(file);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..10];
        var extension = Path.GetExtension(name);
        return new OutputAsset(file, $"assets/{name[..^extension.Length]}.{hash}{extension}");
    }

    /// <summary>The URL of a theme asset; an unknown name is remembered and reported once by <see cref="Report"/>.</summary>
    public string Url(string name)
    {
        if (_byName.TryGetValue(name, out var asset)) return asset.Url;
        _missing.TryAdd(name, 0);
        return "/assets/missing/" + name;
    }

    public void Report(Content.ProjectPaths paths, DiagnosticBag diagnostics)
    {
        foreach (var name in _missing.Keys.Order(StringComparer.Ordinal))
        {
            var where = Vendor.TryGetValue(name, out var vendor)
                ? paths.Display(Path.Combine(_themeDirectory, "node_modules", vendor)) + " (run: npm ci --prefix theme)"
                : paths.Display(Path.Combine(_themeDirectory, "assets", name));
            diagnostics.Add(Templates.TemplateDiagnostics.MissingAsset, SourceSpan.FileOnly(paths.Display(Path.Combine(_themeDirectory, "layouts"))), name, where);
        }
    }
}
