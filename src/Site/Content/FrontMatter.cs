using Site.Diagnostics;
using Site.Yaml;

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

    /// <summary>
    /// Reads and checks front matter against the schema, straight into the record, reporting every mistake in it: a key
    /// with an error is left at its default and the others are still read and checked. <paramref name="diagnostics"/>
    /// is this file's own: whether the page failed is decided by its errors alone.
    /// </summary>
    public static FrontMatter Read(YMapping map, PageKind kind, DateOnly today, DiagnosticBag diagnostics)
    {
        var f = new YamlFields(map, diagnostics, freeForm: true);
        var meta = new FrontMatter { Title = "", Description = "" };
        string? description = null;
        foreach (var field in FrontMatterSchema.Fields)
        {
            if ((field.AppliesTo & kind) == 0) continue;
            var required = (field.RequiredFor & kind) != 0;
            meta = field.Name switch
            {
                "title" => meta with { Title = f.String(field.Name, required) ?? "" },
                "description" => meta with { Description = (description = f.String(field.Name, required)) ?? "" },
                "summary" => meta with { Summary = f.String(field.Name, required) },
                "section" => meta with { Section = f.String(field.Name, required) },
                "order" => meta with { Order = f.Int(field.Name) ?? 0 },
                "layout" => meta with { Layout = f.String(field.Name, required) },
                "last_reviewed" => meta with { LastReviewed = f.Date(field.Name, required) },
                "next_review" => meta with { NextReview = f.Date(field.Name, required) },
                "updated" => meta with { Updated = f.Date(field.Name, required) },
                "sources" => meta with { Sources = [.. f.StringList(field.Name, required).Select(x => new SourceRef(x.Value, x.Span))] },
                "clinical_reviewer" => meta with { ClinicalReviewer = f.String(field.Name, required) },
                "keywords" => meta with { Keywords = [.. f.StringList(field.Name, required).Select(x => x.Value)] },
                "related" => meta with { Related = [.. f.StringList(field.Name, required).Select(x => new SourceRef(x.Value, x.Span))] },
                "search" => meta with { Search = f.Bool(field.Name) ?? true },
                "draft" => meta with { Draft = f.Bool(field.Name) ?? false },
                "extra" => meta with { Extra = f.Extra() },
                _ => throw new InvalidOperationException($"The schema's field '{field.Name}' has no property in FrontMatter."),
            };
        }
        f.RejectUnknownKeys();

        if (meta is { LastReviewed: { } l, NextReview: { } n })
        {
            if (n <= l) diagnostics.Add(ContentDiagnostics.ReviewOrder, f.SpanOf("next_review"), n.ToString("yyyy-MM-dd"), l.ToString("yyyy-MM-dd"));
            else if (n > l.AddYears(3)) diagnostics.Add(ContentDiagnostics.ReviewTooFar, f.SpanOf("next_review"), n.ToString("yyyy-MM-dd"), l.ToString("yyyy-MM-dd"));
        }
        if (meta.LastReviewed is { } lr && lr > today)
            diagnostics.Add(ContentDiagnostics.ReviewedInFuture, f.SpanOf("last_reviewed"), lr.ToString("yyyy-MM-dd"));
        if (kind == PageKind.Article && meta.NextReview is { } due && !(meta.LastReviewed is { } l2 && due <= l2))
        {
            if (due < today) diagnostics.Add(ContentDiagnostics.ReviewDue, f.SpanOf("next_review"), due.ToString("yyyy-MM-dd"), "has passed");
            else if (due <= today.AddDays(60)) diagnostics.Add(ContentDiagnostics.ReviewDue, f.SpanOf("next_review"), due.ToString("yyyy-MM-dd"), "falls within 60 days");
        }
        if (description is { } d && d.Length is < 50 or > 170)
            diagnostics.Add(ContentDiagnostics.DescriptionLength, f.SpanOf("description"), d.Length);

        return meta;
    }
}
