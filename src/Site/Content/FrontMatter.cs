using Site.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Site.Content;

/// <summary>A citation of a source in front matter, with where it was written.</summary>
internal sealed record SourceRef(string Id, SourceSpan At);

/// <summary>The typed front matter of a page or article (see <see cref="FrontMatterSchema"/>).</summary>
internal sealed record FrontMatter
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public string? Summary { get; init; }
    public string? Section { get; init; }
    public int Order { get; init; }
    public string? Layout { get; init; }
    public DateOnly? LastReviewed { get; init; }
    public DateOnly? NextReview { get; init; }
    public DateOnly? Updated { get; init; }
    public IReadOnlyList<SourceRef> Sources { get; init; } = [];
    public string? ClinicalReviewer { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<SourceRef> Related { get; init; } = [];
    public bool Search { get; init; } = true;
    public bool Draft { get; init; }
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads and checks front matter against the schema; null when a required key is missing or mistyped.</summary>
    public static FrontMatter? Read(YamlMappingNode map, PageKind kind, string file, int lineOffset, DateOnly today, DiagnosticBag diagnostics)
    {
        var f = new YamlFields(map, file, lineOffset, diagnostics);
        var before = diagnostics.ErrorCount;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in FrontMatterSchema.Fields)
        {
            if ((field.AppliesTo & kind) == 0) continue;
            var required = (field.RequiredFor & kind) != 0;
            values[field.Name] = field.Kind switch
            {
                FieldKind.Text or FieldKind.LongText or FieldKind.Section or FieldKind.Layout => f.String(field.Name, required),
                FieldKind.Int => f.Int(field.Name),
                FieldKind.Bool => f.Bool(field.Name),
                FieldKind.Date => f.Date(field.Name, required),
                FieldKind.TextList => f.StringList(field.Name, required).Select(x => x.Value).ToList(),
                FieldKind.Sources or FieldKind.Articles => f.StringList(field.Name, required).Select(x => new SourceRef(x.Value, x.Span)).ToList(),
                FieldKind.Extra => f.Extra(),
                _ => throw new InvalidOperationException(field.Kind.ToString()),
            };
        }
        f.RejectUnknownKeys();

        var last = values.GetValueOrDefault("last_reviewed") as DateOnly?;
        var next = values.GetValueOrDefault("next_review") as DateOnly?;
        if (last is { } l && next is { } n)
        {
            if (n <= l) diagnostics.Add(ContentDiagnostics.ReviewOrder, f.SpanOf("next_review"), n.ToString("yyyy-MM-dd"), l.ToString("yyyy-MM-dd"));
            else if (n > l.AddYears(3)) diagnostics.Add(ContentDiagnostics.ReviewTooFar, f.SpanOf("next_review"), n.ToString("yyyy-MM-dd"), l.ToString("yyyy-MM-dd"));
        }
        if (last is { } lr && lr > today)
            diagnostics.Add(ContentDiagnostics.ReviewedInFuture, f.SpanOf("last_reviewed"), lr.ToString("yyyy-MM-dd"));
        if (kind == PageKind.Article && next is { } due && !(last is { } l2 && due <= l2))
        {
            if (due < today) diagnostics.Add(ContentDiagnostics.ReviewDue, f.SpanOf("next_review"), due.ToString("yyyy-MM-dd"), "has passed");
            else if (due <= today.AddDays(60)) diagnostics.Add(ContentDiagnostics.ReviewDue, f.SpanOf("next_review"), due.ToString("yyyy-MM-dd"), "falls within 60 days");
        }
        if (values.GetValueOrDefault("description") is string d && d.Length is < 50 or > 170)
            diagnostics.Add(ContentDiagnostics.DescriptionLength, f.SpanOf("description"), d.Length);

        if (diagnostics.ErrorCount > before || values["title"] is not string title || values["description"] is not string description)
            return null;
        return new FrontMatter
        {
            Title = title,
            Description = description,
            Summary = values.GetValueOrDefault("summary") as string,
            Section = values.GetValueOrDefault("section") as string,
            Order = values.GetValueOrDefault("order") as int? ?? 0,
            Layout = values.GetValueOrDefault("layout") as string,
            LastReviewed = last,
            NextReview = next,
            Updated = values.GetValueOrDefault("updated") as DateOnly?,
            Sources = values.GetValueOrDefault("sources") as List<SourceRef> ?? [],
            ClinicalReviewer = values.GetValueOrDefault("clinical_reviewer") as string,
            Keywords = values.GetValueOrDefault("keywords") as List<string> ?? [],
            Related = values.GetValueOrDefault("related") as List<SourceRef> ?? [],
            Search = values.GetValueOrDefault("search") as bool? ?? true,
            Draft = values.GetValueOrDefault("draft") as bool? ?? false,
            Extra = values.GetValueOrDefault("extra") as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>(),
        };
    }
}
