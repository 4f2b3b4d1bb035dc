using Site.Diagnostics;
using Site.Yaml;

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
        var read = YamlDocument.Parse(text, displayPath, 0, diagnostics);
        if (read.Root is not YMapping map)
        {
            if (read.Root is not null) diagnostics.Add(YamlDiagnostics.WrongType, new SourceSpan(displayPath, 1, 1), "site.yml", "a mapping of keys to values");
            return null;
        }
        // A mistake in a part only the theme's header and footer use (navigation, footer, tagline, extra) hides only
        // that part: the pages are still read and checked against the rest. A mistake anywhere else stops the build
        // here, as every page depends on it.
        var errorsBefore = diagnostics.ErrorCount;
        var tolerated = 0;
        int Tolerate<T>(Func<T> read, out T value)
        {
            var before = diagnostics.ErrorCount;
            value = read();
            return diagnostics.ErrorCount - before;
        }
        var f = new YamlFields(map, diagnostics, freeForm: true);
        var title = f.String("title", required: true);
        tolerated += Tolerate(() => f.String("tagline") ?? "", out var tagline);
        var description = f.String("description", required: true);
        var baseUrl = f.String("base_url", required: true);
        var language = f.String("language", required: true);
        string? repoUrl = null, branch = null;
        if (f.Mapping("repository", required: true) is { } repo)
        {
            var r = new YamlFields(repo, diagnostics);
            repoUrl = r.String("url", required: true)?.TrimEnd('/');
            branch = r.String("branch") ?? "main";
            if (repoUrl is not null && SiteUrls.RepositoryUrlProblem(repoUrl) is { } urlProblem)
                diagnostics.Add(ContentDiagnostics.BadSiteLink, r.SpanOf("url"), repoUrl, "repository.url", urlProblem);
            if (SiteUrls.BranchProblem(branch) is { } branchProblem)
                diagnostics.Add(ContentDiagnostics.BadSiteLink, r.SpanOf("branch"), branch, "repository.branch", branchProblem);
            r.RejectUnknownKeys();
        }
        tolerated += Tolerate(() => ReadLinks(f, "navigation", diagnostics), out var nav);
        tolerated += Tolerate(() => ReadLinks(f, "footer", diagnostics), out var footer);
        var sections = new List<Section>();
        if (f.Sequence("sections", required: true) is { } seq)
        {
            foreach (var item in seq.Items.OfType<YMapping>())
            {
                var s = new YamlFields(item, diagnostics);
                var id = s.String("id", required: true);
                var st = s.String("title", required: true);
                var sd = s.String("description") ?? "";
                s.RejectUnknownKeys();
                if (id is not null && st is not null) sections.Add(new Section(id, st, sd));
            }
        }
        tolerated += Tolerate(f.Extra, out var extra);
        // An unknown key is not read by anything; when it is a misspelt required key, that key is missing below.
        tolerated += Tolerate(() => { f.RejectUnknownKeys(); return 0; }, out _);
        if (baseUrl is not null && SiteUrls.BaseUrlProblem(baseUrl) is { } problem)
            diagnostics.Add(ContentDiagnostics.BadBaseUrl, f.SpanOf("base_url"), baseUrl, problem);
        var untolerable = diagnostics.ErrorCount - errorsBefore - tolerated;
        if (untolerable > 0 || map.SetAside.Except(Cosmetic).Any() || title is null || description is null || baseUrl is null
            || language is null || repoUrl is null || branch is null)
            return null;
        return new SiteConfig
        {
            Title = title!, Tagline = tagline, Description = description!, BaseUrl = baseUrl!.TrimEnd('/'), Language = language!,
            RepositoryUrl = repoUrl!, RepositoryBranch = branch!, Navigation = nav, FooterLinks = footer, Sections = sections, Extra = extra,
        };
    }

    /// <summary>The keys only the theme's header and footer read: a mistake in them does not stop the pages being checked.</summary>
    private static readonly string[] Cosmetic = ["navigation", "footer", "tagline", "extra"];

    private static List<NavLink> ReadLinks(YamlFields f, string key, DiagnosticBag diagnostics)
    {
        var links = new List<NavLink>();
        if (f.Sequence(key) is not { } seq) return links;
        foreach (var item in seq.Items.OfType<YMapping>())
        {
            var l = new YamlFields(item, diagnostics);
            var t = l.String("title", required: true);
            var u = l.String("url", required: true);
            if (u is not null && SiteUrls.LinkProblem(u) is { } problem)
                diagnostics.Add(ContentDiagnostics.BadSiteLink, l.SpanOf("url"), u, $"a {key} link", problem);
            l.RejectUnknownKeys();
            if (t is not null && u is not null) links.Add(new NavLink(t, u));
        }
        return links;
    }

    /// <summary>Absolute URL for a root-relative path, for canonical links, feeds and the sitemap.</summary>
    public string Absolute(string path) => BaseUrl + path;
}
