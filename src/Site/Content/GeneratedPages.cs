namespace Site.Content;

/// <summary>
/// Pages the site makes from data rather than from a Markdown file: the article index, one page per topic,
/// the search page and the 404 page. Each names the layout that renders it as its source, for diagnostics.
/// </summary>
internal static class GeneratedPages
{
    private static Page Make(ProjectPaths paths, string themeDirectory, string url, string layout, string title, string description, string slug,
        PageRole role = PageRole.Page)
    {
        var file = Path.Combine(themeDirectory, "layouts", layout + ".sbn");
        return new Page(new SourceFile(file, paths.Display(file)), PageKind.Page, slug, url,
            new FrontMatter { Title = title, Description = description, Search = false }, layout, Markdown.RenderedBody.Empty, fromMarkdown: false, role);
    }

    public const string CandidateUrl = "/candidate/";

    /// <summary>The "Am I a candidate?" page; its source for diagnostics is the questionnaire definition.</summary>
    public static Page Candidate(Questionnaire.Questionnaire questionnaire, string questionnairePath) =>
        new(new SourceFile(Path.GetFullPath(questionnairePath), questionnaire.DisplayPath), PageKind.Page, "candidate", CandidateUrl,
            new FrontMatter
            {
                Title = questionnaire.Title,
                Description = "A short private questionnaire: could hair mesotherapy be worth discussing with a doctor? Your answers never leave your device.",
                Search = true,
            }, "candidate", Markdown.RenderedBody.Empty, fromMarkdown: false);

    public static IEnumerable<Page> For(SiteConfig config, ProjectPaths paths, string themeDirectory, IReadOnlySet<string> layouts) =>
        All(config, paths, themeDirectory).Where(p => layouts.Contains(p.Layout));

    private static IEnumerable<Page> All(SiteConfig config, ProjectPaths paths, string themeDirectory)
    {
        Page Make(string url, string layout, string title, string description, string slug, PageRole role = PageRole.Page) =>
            GeneratedPages.Make(paths, themeDirectory, url, layout, title, description, slug, role);

        yield return Make("/articles/", "articles", "All articles",
            $"Every article on {config.Title}, grouped by topic: what hair mesotherapy is, who it may suit, the treatment, and the evidence.", "articles");
        foreach (var section in config.Sections)
            yield return Make(section.Url, "topic", section.Title, section.Description.Length > 0 ? section.Description : section.Title, section.Id, PageRole.Topic);
        yield return Make("/search/", "search", "Search", $"Search every page of {config.Title}.", "search");
        yield return Make("/404.html", "404", "Page not found", "The page you asked for does not exist. Try searching or start from the home page.", "404");
    }
}
