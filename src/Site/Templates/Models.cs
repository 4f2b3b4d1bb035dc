namespace Site.Templates;

// The records templates see. Scriban exposes members in snake_case: ReadingMinutes → reading_minutes.

internal sealed record LinkModel(string Title, string Url);

internal sealed record ArticleCard(string Title, string Url, string Summary, string Description, int ReadingMinutes, string SectionTitle);

internal sealed record SectionModel(string Id, string Title, string Description, string Url, IReadOnlyList<ArticleCard> Articles);

internal sealed record SourceModel(int Number, string Id, string Citation, string? Link, string? Doi, string? Pmid, string? Summary, IReadOnlyList<LinkModel> CitedBy);

internal sealed record SiteModel(
    string Title, string Tagline, string Description, string BaseUrl, string Language,
    IReadOnlyList<LinkModel> Navigation, IReadOnlyList<LinkModel> FooterLinks, IReadOnlyList<SectionModel> Sections,
    string RepositoryUrl, int Year, IReadOnlyDictionary<string, string> Extra);

internal sealed record PageModel
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public string? Summary { get; init; }
    public required string Url { get; init; }
    public required string Canonical { get; init; }
    public required string Layout { get; init; }
    public required bool IsArticle { get; init; }
    public SectionModel? Section { get; init; }
    public string? LastReviewed { get; init; }
    public string? LastReviewedIso { get; init; }
    public string? NextReview { get; init; }
    public string? NextReviewIso { get; init; }
    public string? Updated { get; init; }
    public string? UpdatedIso { get; init; }
    public string? ClinicalReviewer { get; init; }
    public int ReadingMinutes { get; init; }
    public IReadOnlyList<Markdown.TocEntry> Toc { get; init; } = [];
    public string Body { get; init; } = "";
    public IReadOnlyList<SourceModel> Sources { get; init; } = [];
    public IReadOnlyList<ArticleCard> Related { get; init; } = [];
    public IReadOnlyList<LinkModel> Breadcrumbs { get; init; } = [];
    public string? SourceUrl { get; init; }
    public string? EditUrl { get; init; }
    public required string JsonLd { get; init; }
    public bool Noindex { get; init; }
    /// <summary>A draft, shown only by the preview: the theme marks it on the page.</summary>
    public bool Draft { get; init; }
    public required string OgType { get; init; }
    /// <summary>The page's free-form <c>extra:</c> front matter, for the theme (<c>page.extra.name</c>).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
