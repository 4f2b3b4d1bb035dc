using System.Text;
using Site.Tests.Support;

namespace Site.Tests.Generator;

/// <summary>The two-phase pipeline: deterministic, each file judged by its own errors, and a preview cache that hands out nothing a stage changes.</summary>
public sealed class PipelineTests
{
    private static string Article(int i, string extra = "") => $"""
---
title: Article {i}
description: A description that is long enough for search engines to show it well.
summary: In short, this is article {i}.
section: basics
last_reviewed: 2026-01-10
next_review: 2027-06-10
sources: [smith-2020, jones-2021]
{extra}---
Intro of article {i} [@smith-2020].

## Part {i}

Text.

""";

    /// <summary>Forty valid articles and forty broken in four ways, interleaved, so errors and good pages load side by side.</summary>
    private static TestSite ManyBrokenFiles()
    {
        var text = new StringBuilder(MiniTheme.Files);
        for (var i = 0; i < 80; i++)
        {
            var body = (i % 8) switch
            {
                1 => Article(i, "colour: blue\n"),                    // unknown key
                3 => Article(i).Replace("2026-01-10", "2026-02-30"),  // a date that does not exist
                5 => Article(i).Replace("section: basics", "section: nowhere"),
                7 => Article(i).Replace("Text.", "[a link](/articles/missing/)"),
                _ => Article(i),
            };
            text.Append($"-- input/articles/a{i:00}.md --\n").Append(body);
        }
        return TestSite.FromText(text.ToString());
    }

    [Fact]
    public void Check_of_a_site_with_many_broken_files_prints_the_same_every_time_and_keeps_every_valid_page()
    {
        using var site = ManyBrokenFiles();
        var first = site.Build(dryRun: true);
        Assert.Equal(40, first.Errors().Length);
        for (var run = 0; run < 8; run++)
        {
            var again = site.Build(dryRun: true);
            Assert.Equal(first.Lines(), again.Lines());
            // Every valid page is built whatever other files fail at the same moment (10 of every 16 are valid or only broken in their links).
            Assert.Equal(50, again.Pages.Count(p => p.Page.Url.StartsWith("/articles/a", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void An_unsafe_link_stays_reported_on_every_preview_rebuild()
    {
        using var site = TestSite.FromText(MiniTheme.Files + "-- input/articles/a.md --\n" + Article(1).Replace("Text.", "[click](javascript:alert(1))"));
        using var preview = new Site.Tests.Preview.PreviewBuilds(site);
        const string expected = "input/articles/a.md(14,1): error SITE058: Link target 'javascript:alert(1)' uses a scheme that is not allowed; use https:, mailto:, tel: or a path on this site.";
        for (var rebuild = 0; rebuild < 3; rebuild++)
            Assert.Equal([expected], preview.Build("input/articles/a.md").Errors());
    }

    [Fact]
    public void A_preview_rebuild_renders_again_only_the_edited_page_and_serves_its_new_text()
    {
        using var site = TestSite.FromText(MiniTheme.Files + "-- input/articles/a.md --\n" + Article(1) + "-- input/articles/b.md --\n" + Article(2));
        using var preview = new Site.Tests.Preview.PreviewBuilds(site);
        Assert.True(preview.Build().Succeeded);
        var untouched = File.GetLastWriteTimeUtc(site.PathOf("output/articles/b/index.html"));

        site.Edit("input/articles/a.md", "Text.", "Edited text.");
        File.SetLastWriteTimeUtc(site.PathOf("input/articles/a.md"), DateTime.UtcNow.AddSeconds(5)); // a save, even within the clock's resolution
        var result = preview.Build("input/articles/a.md");
        Assert.True(result.Succeeded);
        Assert.Equal(["/articles/a/"], preview.Rendered);
        Assert.Contains("Edited text.", site.Read("output/articles/a/index.html"));
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(site.PathOf("output/articles/b/index.html")));
    }

    [Fact]
    public void A_page_body_is_written_once_between_the_layouts_html()
    {
        using var site = TestSite.FromText(MiniTheme.Files + "-- input/articles/a.md --\n" + Article(1));
        Assert.True(site.Build().Succeeded);
        var html = site.Read("output/articles/a/index.html");
        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\"><head><title>Article 1</title></head><body><main><h1>Article 1</h1><div data-prose><p>Intro of article 1", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Intro of article 1"));
        Assert.DoesNotContain('\uE000', html);
    }

    [Fact]
    public void Extra_front_matter_and_site_extra_reach_the_templates()
    {
        using var site = TestSite.FromText(MiniTheme.Files.Replace("<div data-prose>{{ page.body }}</div>", "<div data-prose>{{ page.body }}</div><p>{{ page.extra.mood }}/{{ site.extra.owner }}</p>")
            .Replace("sections:\n", "extra:\n  owner: Zqxowner\nsections:\n")
            + "-- input/articles/a.md --\n" + Article(1, "extra:\n  mood: Zqxmood\n"));
        var result = site.Build(dryRun: true);
        Assert.Empty(result.Errors());
        Assert.Contains("<p>Zqxmood/Zqxowner</p>", result.Pages.Single(p => p.Page.Url == "/articles/a/").Html);
    }
}
