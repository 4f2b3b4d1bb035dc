using System.Text.Json;
using System.Text.Json.Nodes;
using Site.Content;

namespace Site.Templates;

/// <summary>
/// schema.org JSON-LD: WebSite on the home page, MedicalWebPage (with lastReviewed) on articles, FAQPage on the FAQ,
/// and a BreadcrumbList. Serialized with System.Text.Json's default encoder, which escapes &lt; and &gt;, so the
/// block cannot close its own script element.
/// </summary>
internal static class StructuredData
{
    public static string For(Page page, PageModel model, SiteConfig config)
    {
        var graph = new JsonArray();
        var publisher = new JsonObject { ["@type"] = "Organization", ["name"] = config.Title, ["url"] = config.Absolute("/") };
        if (page.Url == "/")
        {
            graph.Add(new JsonObject
            {
                ["@type"] = "WebSite", ["name"] = config.Title, ["url"] = config.Absolute("/"), ["inLanguage"] = config.Language,
                ["description"] = config.Description,
                ["potentialAction"] = new JsonObject
                {
                    ["@type"] = "SearchAction", ["target"] = config.Absolute("/search/?q={search_term_string}"),
                    ["query-input"] = "required name=search_term_string",
                },
            });
        }
        var webPage = new JsonObject
        {
            ["@type"] = page.IsArticle ? "MedicalWebPage" : page.Role == Content.PageRole.Faq ? "FAQPage" : "WebPage",
            ["name"] = model.Title, ["description"] = model.Description, ["url"] = model.Canonical, ["inLanguage"] = config.Language,
            ["isPartOf"] = new JsonObject { ["@type"] = "WebSite", ["name"] = config.Title, ["url"] = config.Absolute("/") },
            ["publisher"] = publisher,
        };
        if (model.LastReviewedIso is { } reviewed) webPage["lastReviewed"] = reviewed;
        if (model.UpdatedIso is { } updated) webPage["dateModified"] = updated;
        if (page.IsArticle)
        {
            webPage["medicalAudience"] = new JsonObject { ["@type"] = "MedicalAudience", ["audienceType"] = "Patient" };
            webPage["about"] = new JsonObject { ["@type"] = "MedicalTherapy", ["name"] = "Hair mesotherapy" };
        }
        if (page.Meta.ClinicalReviewer is { } reviewer) webPage["reviewedBy"] = new JsonObject { ["@type"] = "Person", ["name"] = reviewer };
        if (model.Sources.Count > 0)
            webPage["citation"] = new JsonArray([.. model.Sources.Select(s => (JsonNode)new JsonObject
            {
                ["@type"] = "CreativeWork", ["name"] = s.Citation, ["url"] = s.Link,
            })]);
        if (page.Role == Content.PageRole.Faq)
            webPage["mainEntity"] = new JsonArray([.. page.Body.Faq.Select(q => (JsonNode)new JsonObject
            {
                ["@type"] = "Question", ["name"] = q.Question,
                ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = q.Answer },
            })]);
        graph.Add(webPage);
        if (model.Breadcrumbs.Count > 1)
        {
            graph.Add(new JsonObject
            {
                ["@type"] = "BreadcrumbList",
                ["itemListElement"] = new JsonArray([.. model.Breadcrumbs.Select((b, i) => (JsonNode)new JsonObject
                {
                    ["@type"] = "ListItem", ["position"] = i + 1, ["name"] = b.Title, ["item"] = config.Absolute(b.Url),
                })]),
            });
        }
        var root = new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = graph };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
