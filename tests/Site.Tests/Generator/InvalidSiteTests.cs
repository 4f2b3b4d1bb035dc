using Site.Tests.Support;

namespace Site.Tests.Generator;

/// <summary>Tiny sites that break one thing each; the diagnostic's id and exact place are asserted.</summary>
public sealed class InvalidSiteTests
{
    private const string GoodArticle = """
---
title: A good article
description: A description that is long enough for search engines to show it well.
summary: In short, this is fine.
section: basics
last_reviewed: 2026-01-10
next_review: 2027-06-10
sources: [smith-2020, jones-2021]
---
Intro with a [link to the other page](/about/).

## First part

Text [@smith-2020].

""";

    private const string About = """
---
title: About
description: A description that is long enough for search engines to show it well.
---
About us. Back to [the article](/articles/good/#first-part).

""";

    private static string[] ErrorsOf(string files)
    {
        using var site = TestSite.FromText(MiniTheme.Files + files);
        return site.Build(dryRun: true).Errors();
    }

    [Fact]
    public void The_tiny_site_itself_builds_clean()
    {
        using var site = TestSite.FromText(MiniTheme.Files + "-- input/articles/good.md --\n" + GoodArticle + "-- input/pages/about.md --\n" + About);
        var result = site.Build();
        Assert.Empty(result.Lines());
        Assert.True(File.Exists(site.PathOf("output/articles/good/index.html")));
        Assert.Contains("<sup class=\"cite\"><a href=\"#ref-smith-2020\">", site.Read("output/articles/good/index.html"));
    }

    [Fact]
    public void Unknown_front_matter_key_is_reported_at_its_line_and_column()
    {
        var errors = ErrorsOf("-- input/articles/good.md --\n" + GoodArticle.Replace("section: basics", "section: basics\n  tittle: typo").Replace("  tittle", "tittle") + "-- input/pages/about.md --\n" + About);
        var error = Assert.Single(errors);
        Assert.StartsWith("input/articles/good.md(6,1): error SITE002: Unknown key 'tittle'.", error);
    }

    [Fact]
    public void Bad_yaml_is_reported_at_the_file_line()
    {
        var errors = ErrorsOf("-- input/articles/good.md --\n" + GoodArticle.Replace("summary: In short, this is fine.", "summary: in: short") + "-- input/pages/about.md --\n" + About);
        var error = Assert.Single(errors);
        Assert.Matches(@"^input/articles/good\.md\((4|5),\d+\): error SITE001: YAML syntax error", error);
    }

    [Fact]
    public void Broken_link_is_reported_where_it_was_written()
    {
        var errors = ErrorsOf("-- input/articles/good.md --\n" + GoodArticle.Replace("(/about/)", "(/abuot/)") + "-- input/pages/about.md --\n" + About);
        Assert.Equal(["input/articles/good.md(10,14): error SITE200: Broken link: '/abuot/' leads to no page or file of the site."], errors);
    }

    [Fact]
    public void Broken_fragment_is_reported_where_it_was_written()
    {
        var errors = ErrorsOf("-- input/articles/good.md --\n" + GoodArticle + "-- input/pages/about.md --\n" + About.Replace("#first-part", "#second-part"));
        Assert.Equal(["input/pages/about.md(5,19): error SITE201: Broken link: '/articles/good/#second-part' has no element with id 'second-part' on /articles/good/."], errors);
    }

    [Theory]
    [InlineData("last_reviewed: 2026-01-10", "last_reviewed: 10/01/2026", "input/articles/good.md(6,16): error SITE005")]
    [InlineData("next_review: 2027-06-10", "next_review: 2025-01-10", "input/articles/good.md(7,14): error SITE006")]
    [InlineData("next_review: 2027-06-10", "next_review: 2030-01-10", "input/articles/good.md(7,14): error SITE007")]
    [InlineData("section: basics", "section: nowhere", "input/articles/good.md(5,10): error SITE012")]
    [InlineData("sources: [smith-2020, jones-2021]", "sources: [smith-2020, nobody-1999]", "input/articles/good.md(8,23): error SITE013")]
    [InlineData("Text [@smith-2020].", "Text [@nobody-1999].", "input/articles/good.md(14,6): error SITE054")]
    [InlineData("title: A good article\n", "", "input/articles/good.md(2,1): error SITE003: Required key 'title' is missing.")]
    [InlineData("Intro with", "<div>raw</div>\n\nIntro with", "input/articles/good.md(10,1): error SITE050")]
    [InlineData("Text [@smith-2020].", "![](/media/missing.png)", "input/articles/good.md(14,1): error SITE051")]
    [InlineData("Text [@smith-2020].", "[click](javascript:alert(1))", "input/articles/good.md(14,1): error SITE058")]
    [InlineData("## First part", "# First part", "input/articles/good.md(12,1): error SITE052")]
    public void Each_front_matter_and_markdown_rule_names_its_place(string find, string replace, string expectedStart)
    {
        var article = GoodArticle.Replace(find, replace);
        var about = replace.StartsWith('#') ? About.Replace("#first-part", "") : About;
        var errors = ErrorsOf("-- input/articles/good.md --\n" + article + "-- input/pages/about.md --\n" + about);
        Assert.Contains(errors, e => e.StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Fact]
    public void A_cleared_optional_field_as_decap_writes_it_is_absent_not_an_error()
    {
        using var site = TestSite.FromText(MiniTheme.Files + "-- input/articles/good.md --\n" + GoodArticle.Replace("section: basics", "section: basics\nupdated: \"\"\norder: \"\"") + "-- input/pages/about.md --\n" + About);
        Assert.Empty(site.Build(dryRun: true).Lines());
    }

    [Fact]
    public void A_link_to_a_netlify_redirect_is_a_warning_at_its_line()
    {
        const string netlify = "-- netlify.toml --\n[[headers]]\n  for = \"/*\"\n  [headers.values]\n    Content-Security-Policy = \"default-src 'none'\"\n[[redirects]]\n  from = \"/old-about/\"\n  to = \"/about/\"\n  status = 301\n";
        using var site = TestSite.FromText(MiniTheme.Files + netlify + "-- input/articles/good.md --\n" + GoodArticle.Replace("(/about/)", "(/old-about/)") + "-- input/pages/about.md --\n" + About);
        Assert.Equal(["input/articles/good.md(10,14): warning SITE202: Link '/old-about/' is answered by a redirect to '/about/'; link to '/about/' directly."], site.Build(dryRun: true).Lines());
    }

    [Fact]
    public void A_page_without_a_content_security_policy_fails_the_build()
    {
        const string netlify = "-- netlify.toml --\n[[headers]]\n  for = \"/articles/*\"\n  [headers.values]\n    Content-Security-Policy = \"default-src 'none'\"\n";
        using var site = TestSite.FromText(MiniTheme.Files + netlify + "-- input/articles/good.md --\n" + GoodArticle + "-- input/pages/about.md --\n" + About);
        Assert.Equal(["netlify.toml(1,1): error SITE250: netlify.toml gives /about/ no Content-Security-Policy: add a [[headers]] rule for its path."], site.Build(dryRun: true).Errors());
    }

    [Fact]
    public void Missing_image_is_a_broken_link_at_its_line()
    {
        var errors = ErrorsOf("-- input/articles/good.md --\n" + GoodArticle.Replace("Text [@smith-2020].", "![A chart](/media/missing.png)") + "-- input/pages/about.md --\n" + About);
        Assert.Equal(["input/articles/good.md(14,1): error SITE200: Broken link: '/media/missing.png' leads to no page or file of the site."], errors);
    }

    [Fact]
    public void Duplicate_urls_are_errors()
    {
        var errors = ErrorsOf("-- input/pages/about.md --\n" + About.Replace("Back to [the article](/articles/good/#first-part).", "") + "-- input/pages/About.md --\n" + About.Replace("Back to [the article](/articles/good/#first-part).", ""));
        // 'About.md' publishes at /about/ too (file names are slugged), so the second file is the duplicate.
        Assert.Equal(["input/pages/about.md(1,1): error SITE010: The URL /about/ is already used by input/pages/About.md."], errors);
    }

    [Fact]
    public void A_page_colliding_with_a_generated_page_is_an_error()
    {
        using var site = TestSite.FromText(MiniTheme.Files + "-- theme/layouts/search.sbn --\nsearch\n-- input/pages/search.md --\n" + About.Replace("Back to [the article](/articles/good/#first-part).", ""));
        var errors = site.Build(dryRun: true).Errors();
        Assert.Contains(errors, e => e.Contains("error SITE010: The URL /search/ is already used by", StringComparison.Ordinal));
    }

    [Fact]
    public void A_typo_in_a_template_fails_the_build_at_the_template_line()
    {
        using var site = TestSite.FromText(MiniTheme.Files.Replace("<h1>{{ page.title | html.escape }}</h1><div data-prose>{{ page.body }}</div>\n-- theme/layouts/article.sbn", "<h1>{{ page.titel }}</h1>\n-- theme/layouts/article.sbn")
            + "-- input/pages/about.md --\n" + About.Replace("Back to [the article](/articles/good/#first-part).", ""));
        var errors = site.Build(dryRun: true).Errors();
        var error = Assert.Single(errors);
        Assert.StartsWith("theme/layouts/page.sbn(1,13): error SITE101: Template error while rendering input/pages/about.md:", error);
    }

    [Fact]
    public void A_broken_link_in_the_theme_is_reported_once_per_layout_not_per_page()
    {
        using var site = TestSite.FromText(MiniTheme.Files.Replace("<main>{{ content }}</main>", "<a href=\"/nowhere/\">x</a><main>{{ content }}</main>")
            + "-- input/articles/good.md --\n" + GoodArticle + "-- input/articles/second.md --\n" + GoodArticle.Replace("(/about/)", "(/articles/good/)")
            + "-- input/pages/about.md --\n" + About);
        var errors = site.Build(dryRun: true).Errors();
        Assert.Equal(2, errors.Length); // layouts 'article' and 'page'
        Assert.All(errors, e => Assert.Contains("error SITE203: Broken link in the theme's output for layout", e));
    }

    [Fact]
    public void Failed_page_does_not_cascade_into_broken_links()
    {
        var errors = ErrorsOf("-- input/articles/good.md --\n" + GoodArticle.Replace("title: A good article", "title: [broken") + "-- input/pages/about.md --\n" + About);
        Assert.Single(errors);
    }
}
