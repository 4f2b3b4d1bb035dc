namespace Site.Content;

internal enum FieldKind { Text, LongText, Int, Bool, Date, TextList, Sources, Section, Articles, Layout, Extra }

[Flags]
internal enum PageKind { Article = 1, Page = 2, Any = Article | Page }

/// <summary>One front-matter key: how it is read, whom it is for, and how editors are told about it.</summary>
internal sealed record FieldSpec(string Name, FieldKind Kind, string Label, string Hint, PageKind AppliesTo, PageKind RequiredFor);

/// <summary>
/// The single definition of front matter. The reader validates against it and the Decap CMS config is generated
/// from it, so the validator and the CMS cannot disagree: add a field here and both see it.
/// </summary>
internal static class FrontMatterSchema
{
    public static readonly IReadOnlyList<FieldSpec> Fields =
    [
        new("title", FieldKind.Text, "Title", "The page's heading, in plain words.", PageKind.Any, PageKind.Any),
        new("description", FieldKind.LongText, "Description", "70–160 characters for search engines and link previews.", PageKind.Any, PageKind.Any),
        new("summary", FieldKind.LongText, "In short", "One to three plain sentences shown at the top of the article.", PageKind.Any, PageKind.Article),
        new("section", FieldKind.Section, "Section", "The topic the article belongs to (sections are defined in site.yml).", PageKind.Article, PageKind.Article),
        new("order", FieldKind.Int, "Order", "Position within its section or list; lower comes first.", PageKind.Any, 0),
        new("layout", FieldKind.Layout, "Layout", "Template from theme/layouts; leave empty for the default.", PageKind.Page, 0),
        new("last_reviewed", FieldKind.Date, "Last reviewed", "The date the content was last checked against the sources (YYYY-MM-DD).", PageKind.Any, PageKind.Article),
        new("next_review", FieldKind.Date, "Next review due", "At most 3 years after the last review (YYYY-MM-DD).", PageKind.Any, PageKind.Article),
        new("updated", FieldKind.Date, "Last updated", "Used only when Git history is not available; otherwise the date comes from Git.", PageKind.Any, 0),
        new("sources", FieldKind.Sources, "Sources", "Ids from input/references.yml; cite at least two.", PageKind.Any, PageKind.Article),
        new("clinical_reviewer", FieldKind.Text, "Clinical reviewer", "Name and role of a real clinician who reviewed the page. Leave empty until one has.", PageKind.Any, 0),
        new("keywords", FieldKind.TextList, "Search keywords", "Lay words readers might search for.", PageKind.Any, 0),
        new("related", FieldKind.Articles, "Related articles", "File names of related articles, without .md.", PageKind.Any, 0),
        new("search", FieldKind.Bool, "Include in search", "Set to false to leave the page out of site search.", PageKind.Any, 0),
        new("draft", FieldKind.Bool, "Draft", "Drafts are built only with --drafts.", PageKind.Any, 0),
        new("extra", FieldKind.Extra, "Extra", "Free-form data for templates.", PageKind.Any, 0),
    ];
}
