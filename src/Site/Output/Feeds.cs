using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Site.Content;

namespace Site.Output;

/// <summary>sitemap.xml, robots.txt and the Atom feed of articles.</summary>
internal static class Feeds
{
    public sealed record Entry(string Url, string Title, string Summary, DateOnly Updated);

    /// <summary>sitemap.xml, robots.txt and feed.xml for the built pages.</summary>
    /// <param name="today">The build's date: a page with no date of its own is dated by it, as the rest of the build is.</param>
    public static IEnumerable<TextOutput> For(SiteConfig config, IReadOnlyList<BuiltPage> pages, Templates.ModelBuilder models, DateOnly today)
    {
        var entries = pages.Where(p => p.Page.Url != "/404.html")
            .Select(p => new Entry(p.Page.Url, p.Page.Meta.Title, p.Page.Meta.Summary ?? p.Page.Meta.Description, models.UpdatedOf(p.Page) ?? today))
            .ToList();
        yield return new TextOutput("sitemap.xml", Sitemap(config, entries));
        yield return new TextOutput("robots.txt", Robots(config));
        yield return new TextOutput("feed.xml", Atom(config, entries.Where(e => e.Url.StartsWith("/articles/", StringComparison.Ordinal) && e.Url != "/articles/"), today));
    }

    public static string Sitemap(SiteConfig config, IEnumerable<Entry> pages)
    {
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in pages.OrderBy(p => p.Url, StringComparer.Ordinal))
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", config.Absolute(page.Url));
                writer.WriteElementString("lastmod", page.Updated.ToString("yyyy-MM-dd"));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    public static string Robots(SiteConfig config) =>
        $"User-agent: *\nDisallow: /admin/\n\nSitemap: {config.Absolute("/sitemap.xml")}\n";

    public static string Atom(SiteConfig config, IEnumerable<Entry> articles, DateOnly today)
    {
        var items = articles.OrderByDescending(a => a.Updated).ThenBy(a => a.Url, StringComparer.Ordinal).ToList();
        var updated = items.Count > 0 ? items.Max(a => a.Updated) : today;
        var feed = new SyndicationFeed(config.Title, config.Description, new Uri(config.Absolute("/")))
        {
            Id = config.Absolute("/"),
            Language = config.Language,
            LastUpdatedTime = updated.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Items = items.Select(a => new SyndicationItem(a.Title, a.Summary, new Uri(config.Absolute(a.Url)), config.Absolute(a.Url),
                a.Updated.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(config.Absolute("/feed.xml")), "self", config.Title, "application/atom+xml", 0));
        feed.Authors.Add(new SyndicationPerson { Name = config.Title });
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }
}
