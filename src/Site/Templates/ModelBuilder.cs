using System.Globalization;
using Scriban.Runtime;
using Site.Content;
using Site.Markdown;
using Site.Output;

namespace Site.Templates;

/// <summary>Builds the objects templates see: <c>site</c>, <c>page</c>, <c>catalog</c>, <c>all_sources</c> and the <c>asset</c> function.</summary>
internal sealed class ModelBuilder
{
    private readonly SiteContent _content;
    private readonly AssetCatalog _assets;
    private readonly IReadOnlyDictionary<string, DateOnly> _gitDates;
    private readonly string _repositoryRoot;
    private readonly Dictionary<string, ArticleCard> _cards;
    private readonly IReadOnlyList<SectionModel> _sections;
    private readonly SiteModel _site;
    private readonly IReadOnlyList<SourceModel> _allSources;

    public ModelBuilder(SiteContent content, IReadOnlyList<Page> pages, AssetCatalog assets, IReadOnlyDictionary<string, DateOnly> gitDates, DateOnly today, ProjectPaths paths)
    {
        _content = content;
        _assets = assets;
        _gitDates = gitDates;
        _repositoryRoot = paths.Root;
        var articles = content.Pages.Where(p => p.IsArticle).OrderBy(p => p.Meta.Order).ThenBy(p => p.Meta.Title, StringComparer.Ordinal).ToList();
        var config = content.Config;
        _cards = articles.ToDictionary(a => a.Slug, a => new ArticleCard(a.Meta.Title, a.Url, a.Meta.Summary ?? a.Meta.Description, a.Meta.Description,
            Math.Max(1, a.Body.ReadingMinutes), config.Sections.FirstOrDefault(s => s.Id == a.Meta.Section)?.Title ?? ""), StringComparer.Ordinal);
        _sections = [.. config.Sections.Select(s => new SectionModel(s.Id, s.Title, s.Description, s.Url,
            [.. articles.Where(a => a.Meta.Section == s.Id).Select(a => _cards[a.Slug])]))];
        _site = new SiteModel(config.Title, config.Tagline, config.Description, config.BaseUrl, config.Language,
            [.. config.Navigation.Select(n => new LinkModel(n.Title, n.Url))], [.. config.FooterLinks.Select(n => new LinkModel(n.Title, n.Url))],
            _sections, config.RepositoryUrl, today.Year, config.Extra);

        // Every source cited anywhere, with the pages citing it, for the references page.
        var citedBy = new Dictionary<string, List<LinkModel>>(StringComparer.Ordinal);
        foreach (var page in pages.OrderBy(p => p.Url, StringComparer.Ordinal))
            foreach (var source in page.Body.Sources)
                (citedBy.TryGetValue(source.Id, out var list) ? list : citedBy[source.Id] = []).Add(new LinkModel(page.Meta.Title, page.Url));
        _allSources = [.. content.References.Values.Where(r => citedBy.ContainsKey(r.Id)).OrderBy(r => r.Citation, StringComparer.OrdinalIgnoreCase)
            .Select((r, i) => ToModel(r, i + 1, citedBy[r.Id]))];
    }

    public SiteModel Site => _site;
    public SiteConfig Config => _content.Config;

    /// <summary>The assets' fingerprinted paths: what the <c>asset</c> function answers.</summary>
    public IEnumerable<string> AssetPaths() => _assets.All.Select(a => a.OutputPath).Order(StringComparer.Ordinal);

    /// <summary>The cards of a page's <c>related:</c> articles, as its layout shows them.</summary>
    public IReadOnlyList<ArticleCard> RelatedOf(Page page) => [.. page.Meta.Related.Where(r => _cards.ContainsKey(r.Id)).Select(r => _cards[r.Id])];

    /// <summary>Every article card with its section, in the order the catalog lists them: what <c>catalog</c> and <c>site.sections</c> show.</summary>
    public ValueList<(string Section, ArticleCard Card)> CatalogFacts() =>
        ValueList.Of(_sections.SelectMany(s => s.Articles.Select(card => (s.Id, card))));

    /// <summary>Every cited source with the title and URL of each page citing it: what <c>all_sources</c> shows.</summary>
    public ValueList<(SourceModel Source, string CitedBy)> SourcesFacts() =>
        ValueList.Of(_allSources.Select(s => (s with { CitedBy = [] }, string.Join('\n', s.CitedBy.Select(c => c.Title + "\t" + c.Url)))));

    /// <summary>
    /// What templates get as <c>page.body</c>: a mark where the page's Markdown HTML goes. The body is written to the
    /// file at the mark, straight from the Markdown stage, so it is neither copied through the template nor scanned
    /// with the theme's own HTML. Private-use characters, which no escaping changes and no content contains.
    /// </summary>
    public const string BodyMarker = "\uE000body\uE001";

    private static SourceModel ToModel(Reference r, int number, IReadOnlyList<LinkModel> citedBy) =>
        new(number, r.Id, r.Citation, r.Link, r.Doi, r.Pmid, r.Summary, citedBy);

    public static string Long(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date shown as "last updated": Git history first, then front matter.</summary>
    public DateOnly? UpdatedOf(Page page) =>
        page.FromMarkdown && _gitDates.TryGetValue(Path.GetFullPath(page.Source.FullPath), out var d) ? d : page.Meta.Updated ?? page.Meta.LastReviewed;

    public PageModel PageModelFor(Page page)
    {
        var config = _content.Config;
        var section = page.IsArticle ? _sections.FirstOrDefault(s => s.Id == page.Meta.Section) : null;
        var crumbs = new List<LinkModel> { new("Home", "/") };
        if (page.IsArticle)
        {
            crumbs.Add(new LinkModel("Articles", "/articles/"));
            if (section is not null) crumbs.Add(new LinkModel(section.Title, section.Url));
        }
        else if (page.Role == PageRole.Topic) crumbs.Add(new LinkModel("Articles", "/articles/"));
        if (page.Url != "/") crumbs.Add(new LinkModel(page.Meta.Title, page.Url));

        var repoPath = Path.GetRelativePath(_repositoryRoot, page.Source.FullPath).Replace('\\', '/');
        var hasSource = page.FromMarkdown;
        var updated = UpdatedOf(page);
        var model = new PageModel
        {
            Title = page.Meta.Title,
            Description = page.Meta.Description,
            Summary = page.Meta.Summary,
            Url = page.Url,
            Canonical = config.Absolute(page.Url),
            Layout = page.Layout,
            IsArticle = page.IsArticle,
            Section = section,
            LastReviewed = page.Meta.LastReviewed is { } lr ? Long(lr) : null,
            LastReviewedIso = page.Meta.LastReviewed is { } lr2 ? Iso(lr2) : null,
            NextReview = page.Meta.NextReview is { } nr ? Long(nr) : null,
            NextReviewIso = page.Meta.NextReview is { } nr2 ? Iso(nr2) : null,
            Updated = updated is { } u ? Long(u) : null,
            UpdatedIso = updated is { } u2 ? Iso(u2) : null,
            ClinicalReviewer = page.Meta.ClinicalReviewer,
            ReadingMinutes = page.Body.ReadingMinutes,
            Toc = page.Body.Toc,
            Body = page.Body.Utf8Html.Length > 0 ? BodyMarker : "",
            Sources = [.. page.Body.Sources.Select((r, i) => ToModel(r, i + 1, []))],
            Related = RelatedOf(page),
            Breadcrumbs = crumbs,
            SourceUrl = hasSource ? $"{config.RepositoryUrl}/blob/{config.RepositoryBranch}/{repoPath}" : null,
            EditUrl = hasSource ? $"{config.RepositoryUrl}/edit/{config.RepositoryBranch}/{repoPath}" : null,
            JsonLd = "",
            Noindex = page.Url == "/404.html" || page.Meta.Draft,
            Draft = page.Meta.Draft,
            OgType = page.IsArticle ? "article" : "website",
            Extra = page.Meta.Extra,
        };
        return model with { JsonLd = StructuredData.For(page, model, config) };
    }

        /// <summary>
    /// What every page's templates see alike: <c>site</c>, <c>catalog</c>, <c>all_sources</c> and the <c>asset</c>
    /// function. Made once per build and pushed once per template context, below each page's own scope.
    /// </summary>
    public ScriptObject SiteScope()
    {
        var scope = new ScriptObject
        {
            ["site"] = _site,
            ["catalog"] = _sections,
            ["all_sources"] = _allSources,
        };
        scope.Import("asset", new Func<string, string>(_assets.Url));
        return scope;
    }

    /// <summary>One page's own scope: <c>page</c>, <c>content</c> and, for some layouts, variables of their own.</summary>
    public static ScriptObject ScopeFor(PageModel page, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var scope = new ScriptObject
        {
            ["page"] = page,
            ["content"] = "",
        };
        if (extra is not null)
            foreach (var (k, v) in extra) scope[k] = v;
        return scope;
    }
}
