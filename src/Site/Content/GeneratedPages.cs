namespace Site.Content;

/// <summary>
/// Pages the site makes from data rather than from a Markdown file: the article index, one page per topic,
/// the search page and the 404 page. Each names the layout that renders it as its source, for diagnostics.
/// </summary>
internal static class GeneratedPages
{
    public static IEnumerable<Page> For(SiteConfig config, string themeDirectory)
    {
        Page Make(string url, string layout, string title, string description, string slug) =>
            new(new SourceFile(Path.Combine(themeDirectory, "layouts", layout + ".sbn"), ContentLoader.Display(Path.Combine(themeDirectory, "layouts", layout + ".sbn")), ""),
                PageKind.Page, slug, url, new FrontMatter { Title = title, Description = description, Search = false }, layout, null);

        yield return Make("/articles/", "articles", "All articles",
            $"Every article on {config.Title}, grouped by topic: what hair mesotherapy is, who it may suit, the treatment, and the evidence.", "articles");
        foreach (var section in config.Sections)
            yield return Make(section.Url, "topic", section.Title, section.Description.Length > 0 ? section.Description : section.Title, section.Id);
        yield return Make("/search/", "search", "Search", $"Search every page of {config.Title}.", "search");
        yield return Make("/404.html", "404", "Page not found", "The page you asked for does not exist. Try searching or start from the home page.", "404");
    }
}
