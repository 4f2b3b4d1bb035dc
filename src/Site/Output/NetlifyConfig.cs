using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;

namespace Site.Output;

/// <summary>A <c>[[headers]]</c> rule of netlify.toml.</summary>
internal sealed record HeaderRule(string For, IReadOnlyDictionary<string, string> Values)
{
    private readonly Regex _pattern = new("^" + Regex.Escape(For).Replace(@"\*", ".*") + "$", RegexOptions.CultureInvariant);

    public bool Matches(string path) => _pattern.IsMatch(path);
}

/// <summary>A <c>[[redirects]]</c> rule of netlify.toml.</summary>
internal sealed record RedirectRule(string From, string To, int Status);

/// <summary>
/// The headers and redirects of netlify.toml, read with Tomlyn so the preview server and the browser tests serve
/// exactly what production serves.
/// </summary>
internal sealed record NetlifyConfig(IReadOnlyList<HeaderRule> Headers, IReadOnlyList<RedirectRule> Redirects)
{
    public static readonly NetlifyConfig Empty = new([], []);

    public static NetlifyConfig Load(string path)
    {
        if (!File.Exists(path)) return Empty;
        var table = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path))!;
        var headers = new List<HeaderRule>();
        if (table.TryGetValue("headers", out var h) && h is TomlTableArray headerArray)
        {
            foreach (TomlTable rule in headerArray)
            {
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (rule.TryGetValue("values", out var v) && v is TomlTable valueTable)
                    foreach (var (name, value) in valueTable) values[name] = value?.ToString() ?? "";
                headers.Add(new HeaderRule((string)rule["for"], values));
            }
        }
        var redirects = new List<RedirectRule>();
        if (table.TryGetValue("redirects", out var r) && r is TomlTableArray redirectArray)
        {
            foreach (TomlTable rule in redirectArray)
                redirects.Add(new RedirectRule((string)rule["from"], (string)rule["to"], rule.TryGetValue("status", out var s) ? Convert.ToInt32(s) : 301));
        }
        return new NetlifyConfig(headers, redirects);
    }

    /// <summary>
    /// The headers for a path. Like Netlify, every matching rule applies, and a header that several rules set gets
    /// their values joined with ", " — which for Content-Security-Policy means several policies, all enforced.
    /// </summary>
    public IReadOnlyDictionary<string, string> HeadersFor(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in Headers.Where(r => r.Matches(path)))
            foreach (var (name, value) in rule.Values)
                result[name] = result.TryGetValue(name, out var existing) && existing != value ? existing + ", " + value : value;
        return result;
    }
}
