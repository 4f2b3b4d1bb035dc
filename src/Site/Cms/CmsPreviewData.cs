using System.Text.Json;
using Site.Content;
using Site.Markdown.Extensions.Cards;

namespace Site.Cms;

/// <summary>
/// <c>admin/preview-data.json</c>: what the CMS preview pane needs to render an entry as the site does but cannot read
/// from the entry itself: each source's citation and link (for the numbered Sources list), each article's title and
/// summary (for the "Where to next" cards) and the care-card kinds with their labels.
/// </summary>
internal static class CmsPreviewData
{
    public static string Json(SiteContent content) => JsonSerializer.Serialize(new
    {
        sources = content.References.Values.OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToDictionary(r => r.Id, r => new { citation = r.Citation, doi = r.Doi, link = r.Link, summary = r.Summary }),
        articles = content.Pages.Where(p => p.IsArticle).OrderBy(p => p.Slug, StringComparer.Ordinal)
            .ToDictionary(p => p.Slug, p => new { title = p.Meta.Title, summary = p.Meta.Summary ?? p.Meta.Description, url = p.Url }),
        sections = content.Config.Sections.ToDictionary(s => s.Id, s => s.Title),
        // Decap looks a files collection's preview template up by file name.
        pages = content.Pages.Where(p => p.Kind == PageKind.Page && p.FromMarkdown).Select(p => Path.GetFileNameWithoutExtension(p.Source.FullPath)).Order(StringComparer.Ordinal),
        cards = CardKind.All.ToDictionary(k => k.Name, k => new { label = k.Label, icon = k.IconPath }),
    }, JsonSerializerOptions.Web);
}
