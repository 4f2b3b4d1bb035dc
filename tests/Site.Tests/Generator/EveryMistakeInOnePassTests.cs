using Site.Tests.Support;

namespace Site.Tests.Generator;

/// <summary>
/// One mistake never hides another: every mistake of a file is reported in one build, and a mistake in a shared file
/// hides only what depends on the broken part.
/// </summary>
public sealed class EveryMistakeInOnePassTests
{
    private static readonly string BaseSite = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "invalid", "_base.site"));

    [Fact]
    public void Four_mistakes_in_one_article_are_four_diagnostics_in_one_build()
    {
        using var site = TestSite.FromText(BaseSite);
        site.Edit("input/articles/good.md", "summary:", "sumary:");
        site.Edit("input/articles/good.md", "last_reviewed: 2026-01-10", "last_reviewed: 2026-02-30");
        site.Edit("input/articles/good.md", "section: basics", "section: basic");
        site.Edit("input/articles/good.md", "Text [@smith-2020].", "Text [@smith-2020] and [@nobody-2020].");
        Assert.Equal(
        [
            "input/articles/good.md(4,1): error SITE002: Unknown key 'sumary'. Did you mean 'summary'? Free-form data goes under 'extra:'.",
            "input/articles/good.md(5,10): error SITE012: Unknown section 'basic'. Did you mean 'basics'? Sections are defined in input/site.yml: basics.",
            "input/articles/good.md(6,16): error SITE014: Key 'last_reviewed' is not a date that exists (2026-02-30): February 2026 has 28 days.",
            "input/articles/good.md(14,24): error SITE054: Citation '@nobody-2020' is not in input/references.yml.",
        ], site.Build(dryRun: true).Errors());
    }

    /// <summary>Twelve mistakes in three articles, none of them about site.yml, and where each is reported.</summary>
    private static TestSite SiteWithTwelveArticleMistakes()
    {
        var site = TestSite.FromText(BaseSite);
        site.Write("input/media/no-alt.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        site.Write("input/articles/first.md", """
            ---
            title: First
            description: A description that is long enough for search engines to show it well.
            summary: In short.
            section: basics
            last_reviewed: 2026-01-10
            next_review: 2027-06-10
            sources: [smith-2020, jones-2021]
            titel: Typo
            ---
            Text [@smith-2020] and [@nobody-2020].

            A [broken link](/no-such-page/).

            ![](/media/no-alt.svg)
            """);
        site.Write("input/articles/second.md", """
            ---
            title: Second
            description: A description that is long enough for search engines to show it well.
            summary: In short.
            section: basics
            last_reviewed: 2026-01-10
            next_review: 2025-06-10
            sources: [smith-2020, jones-2021, smith-2021]
            related: [frist]
            ---
            Text <br> here.

            # A second h1

            [Run](javascript:alert(1))
            """);
        site.Write("input/articles/third.md", """
            ---
            title: Third
            description: A description that is long enough for search engines to show it well.
            summary: In short.
            section: basics
            last_reviewed: 2026-13-01
            next_review: 2027-06-10
            sources: [smith-2020, jones-2021]
            ---
            Text [@smith-2020].

            :::warn
            A card.
            :::
            """);
        return site;
    }

    private static readonly string[] TwelveArticleMistakes =
    [
        "input/articles/first.md(9,1): error SITE002: Unknown key 'titel'.",
        "input/articles/first.md(11,24): error SITE054:",
        "input/articles/first.md(13,3): error SITE200:",
        "input/articles/first.md(15,1): error SITE051:",
        "input/articles/second.md(7,14): error SITE006:",
        "input/articles/second.md(8,35): error SITE013: Unknown source 'smith-2021'.",
        "input/articles/second.md(9,11): error SITE016: Related article 'frist' does not exist.",
        "input/articles/second.md(11,6): error SITE050:",
        "input/articles/second.md(13,1): error SITE052:",
        "input/articles/second.md(15,1): error SITE058:",
        "input/articles/third.md(6,16): error SITE014:",
        "input/articles/third.md(12,1): error SITE060: Unknown card ':::warn'.",
    ];

    private static void AssertReported(string[] expected, string[] errors)
    {
        foreach (var line in expected)
            Assert.True(errors.Count(e => e.StartsWith(line, StringComparison.Ordinal)) == 1, $"not reported once: {line}\nbuild said:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void The_twelve_article_mistakes_are_reported_without_a_site_yml_mistake()
    {
        using var site = SiteWithTwelveArticleMistakes();
        var errors = site.Build(dryRun: true).Errors();
        AssertReported(TwelveArticleMistakes, errors);
        Assert.Equal(TwelveArticleMistakes.Length, errors.Length);
    }

    [Fact]
    public void A_tab_in_site_yml_navigation_is_reported_and_hides_none_of_the_twelve()
    {
        using var site = SiteWithTwelveArticleMistakes();
        site.Edit("input/site.yml", "sections:", "navigation:\n  - title: About\n\t  url: /about/\nsections:");
        var errors = site.Build(dryRun: true).Errors();
        Assert.Contains(errors, e => e.StartsWith("input/site.yml(9,1): error SITE001: YAML syntax error: a tab is used to indent this line", StringComparison.Ordinal));
        AssertReported(TwelveArticleMistakes, errors);
        Assert.Equal(TwelveArticleMistakes.Length + 1, errors.Length);
    }

    [Fact]
    public void A_tab_in_site_yml_sections_hides_only_what_needs_the_sections_and_the_built_site()
    {
        // Without its sections site.yml cannot be used: no page is rendered, so links cannot be checked against the
        // built site, and no section is called unknown. Every other mistake of each article is still reported.
        using var site = SiteWithTwelveArticleMistakes();
        site.Edit("input/site.yml", "  - id: basics", "\t- id: basics");
        var errors = site.Build(dryRun: true).Errors();
        Assert.Contains(errors, e => e.StartsWith("input/site.yml(8,1): error SITE001: YAML syntax error: a tab is used to indent this line", StringComparison.Ordinal));
        var needsTheSite = TwelveArticleMistakes.Where(m => m.Contains("SITE200", StringComparison.Ordinal)).ToArray();
        AssertReported([.. TwelveArticleMistakes.Except(needsTheSite)], errors);
        Assert.Equal(TwelveArticleMistakes.Length - needsTheSite.Length + 1, errors.Length);
    }
}
