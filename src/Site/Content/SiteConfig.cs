using Site.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Site.Content;

internal sealed record NavLink(string Title, string Url);

internal sealed record Section(string Id, string Title, string Description)
{
    public string Url => $"/topics/{Id}/";
}

/// <summary>The typed <c>input/site.yml</c>.</summary>
internal sealed record SiteConfig
{
    public required string Title { get; init; }
    public required string Tagline { get; init; }
    public required string Description { get; init; }
    public required string BaseUrl { get; init; }
    public required string Language { get; init; }
    public required string RepositoryUrl { get; init; }
    public required string RepositoryBranch { get; init; }
    public required IReadOnlyList<NavLink> Navigation { get; init; }
    public required IReadOnlyList<NavLink> FooterLinks { get; init; }
    public required IReadOnlyList<Section> Sections { get; init; }
    public required IReadOnlyDictionary<string, string> Extra { get; init; }

    public const string FileName = "site.yml";

    public static SiteConfig? Load(string displayPath, string text, DiagnosticBag diagnostics)
    {
        var root = YamlFields.ParseRoot(text, displayPath, 0, diagnostics);
        if (root is not YamlMappingNode map)
        {
            if (root is not null) diagnostics.Add(ContentDiagnostics.WrongType, new SourceSpan(displayPath, 1, 1), "site.yml", "a mapping of keys to values");
            return null;
        }
        var errorsBefore = diagnostics.ErrorCount;
        var f = new YamlFields(map, displayPath, 0, diagnostics);
        var title = f.String("title", required: true);
        var tagline = f.String("tagline") ?? "";
        var description = f.String("description", required: true);
        var baseUrl = f.String("base_url", required: true);
        var language = f.String("language", required: true);
        string? repoUrl = null, branch = null;
        if (f.Mapping("repository", required: true) is { } repo)
        {
            var r = new YamlFields(repo, displayPath, 0, diagnostics);
            repoUrl = r.String("url", required: true)?.TrimEnd('/');
            branch = r.String("branch") ?? "main";
            r.RejectUnknownKeys();
        }
        var nav = ReadLinks(f, "navigation", displayPath, diagnostics);
        var footer = ReadLinks(f, "footer", displayPath, diagnostics);
        var sections = new List<Section>();
        if (f.Sequence("sections", required: true) is { } seq)
        {
            foreach (var item in seq.Children.OfType<YamlMappingNode>())
            {
                var s = new YamlFields(item, displayPath, 0, diagnostics);
                var id = s.String("id", required: true);
                var st = s.String("title", required: true);
                var sd = s.String("description") ?? "";
                s.RejectUnknownKeys();
                if (id is not null && st is not null) sections.Add(new Section(id, st, sd));
            }
        }
        var extra = f.Extra();
        f.RejectUnknownKeys();
        if (baseUrl is not null && SiteUrls.BaseUrlProblem(baseUrl) is { } problem)
            diagnostics.Add(ContentDiagnostics.BadBaseUrl, f.SpanOf("base_url"), baseUrl, problem);
        if (diagnostics.ErrorCount > errorsBefore) return null;
        return new SiteConfig
        {
            Title = title!, Tagline = tagline, Description = description!, BaseUrl = baseUrl!.TrimEnd('/'), Language = language!,
            RepositoryUrl = repoUrl!, RepositoryBranch = branch!, Navigation = nav, FooterLinks = footer, Sections = sections, Extra = extra,
        };
    }

    private static List<NavLink> ReadLinks(YamlFields f, string key, string file, DiagnosticBag diagnostics)
    {
        var links = new List<NavLink>();
        if (f.Sequence(key) is not { } seq) return links;
        foreach (var item in seq.Children.OfType<YamlMappingNode>())
        {
            var l = new YamlFields(item, file, 0, diagnostics);
            var t = l.String("title", required: true);
            var u = l.String("url", required: true);
            l.RejectUnknownKeys();
            if (t is not null && u is not null) links.Add(new NavLink(t, u));
        }
        return links;
    }

    /// <summary>Absolute URL for a root-relative path, for canonical links, feeds and the sitemap.</summary>
    public string Absolute(string path) => BaseUrl + path;
}
