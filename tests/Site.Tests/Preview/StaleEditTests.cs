using Site.Tests.Support;

namespace Site.Tests.Preview;

/// <summary>
/// An edit in the preview reaches every page that shows what changed: each case here is one fact that a page reads
/// from another file (site.yml, a partial, references.yml, another article's front matter).
/// </summary>
public sealed class StaleEditTests
{
    /// <summary>Saves a file as an editor would; <paramref name="keepTime"/> keeps its old modification time, as `cp -p`, rsync -t or an unpacked archive do.</summary>
    private static void Save(TestSite site, string relative, string find, string replace, bool keepTime = false)
    {
        var path = site.PathOf(relative);
        var before = File.GetLastWriteTimeUtc(path);
        site.Edit(relative, find, replace);
        File.SetLastWriteTimeUtc(path, keepTime ? before : DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public void A_site_yml_branch_edit_reaches_every_pages_source_links()
    {
        using var site = TestSite.CopyOfReal();
        using var preview = new PreviewBuilds(site);
        Assert.True(preview.Build().Succeeded);
        Assert.Contains("/blob/main/input/articles/aftercare.md", site.Read("output/articles/aftercare/index.html"));

        Save(site, "input/site.yml", "branch: main", "branch: review");
        Assert.True(preview.Build("input/site.yml").Succeeded);
        var html = site.Read("output/articles/aftercare/index.html");
        Assert.Contains("/blob/review/input/articles/aftercare.md", html);
        Assert.Contains("/edit/review/input/articles/aftercare.md", html);
        Assert.DoesNotContain("/blob/main/", site.Read("output/faq/index.html"));
    }

    [Fact]
    public void A_partial_edit_reaches_every_page_even_with_the_same_size_and_time()
    {
        using var site = TestSite.CopyOfReal();
        using var preview = new PreviewBuilds(site);
        Assert.True(preview.Build().Succeeded);

        Save(site, "theme/partials/footer.sbn", "No tracking, no cookies", "No trackers, no cookies", keepTime: true);
        Assert.True(preview.Build("theme/partials/footer.sbn").Succeeded);
        foreach (var page in new[] { "output/articles/aftercare/index.html", "output/index.html", "output/articles/index.html", "output/references/index.html" })
            Assert.Contains("No trackers, no cookies", site.Read(page));
    }

    [Fact]
    public void A_references_yml_edit_reaches_the_articles_citing_it_and_the_references_page()
    {
        using var site = TestSite.CopyOfReal();
        var cited = site.Read("input/articles/aftercare.md").Split("sources: [")[1].Split(',', ']')[0].Trim();
        var references = site.Read("input/references.yml");
        var citationLine = references.Split('\n').SkipWhile(l => !l.Contains($"id: {cited}")).First(l => l.TrimStart().StartsWith("citation:"));
        using var preview = new PreviewBuilds(site);
        Assert.True(preview.Build().Succeeded);

        Save(site, "input/references.yml", citationLine, citationLine.Contains("citation: \"") ? citationLine.Replace("citation: \"", "citation: \"Zqxmarker ") : citationLine.Replace("citation: ", "citation: Zqxmarker "));
        Assert.True(preview.Build("input/references.yml").Succeeded);
        Assert.Contains("Zqxmarker", site.Read("output/articles/aftercare/index.html"));
        Assert.Contains("Zqxmarker", site.Read("output/references/index.html"));
    }

    [Fact]
    public void A_related_articles_title_edit_reaches_the_articles_that_list_it()
    {
        using var site = TestSite.CopyOfReal();
        using var preview = new PreviewBuilds(site);
        Assert.True(preview.Build().Succeeded);
        var title = site.Read("input/articles/side-effects.md").Split('\n').First(l => l.StartsWith("title:"));

        Save(site, "input/articles/side-effects.md", title, "title: Zqx side effects renamed");
        Assert.True(preview.Build("input/articles/side-effects.md").Succeeded);
        Assert.Contains("Zqx side effects renamed", site.Read("output/articles/aftercare/index.html")); // related: [side-effects, …]
        Assert.Contains("Zqx side effects renamed", site.Read("output/articles/index.html"));
        Assert.Contains("Zqx side effects renamed", site.Read("output/articles/side-effects/index.html"));
    }

    [Fact]
    public void A_body_edit_renders_only_its_own_page()
    {
        using var site = TestSite.CopyOfReal();
        using var preview = new PreviewBuilds(site);
        Assert.True(preview.Build().Succeeded);
        var line = site.Read("input/articles/aftercare.md").Split('\n').SkipWhile(l => l != "---").Skip(1).SkipWhile(l => l != "---").First(l => l.Length > 0 && char.IsLetter(l[0]));
        var word = line.Split(' ')[0];

        Save(site, "input/articles/aftercare.md", line, "Zqxword" + line[word.Length..]); // one word for another: the reading time stays
        Assert.True(preview.Build("input/articles/aftercare.md").Succeeded);
        Assert.Equal(["/articles/aftercare/"], preview.Rendered);
        Assert.Contains("Zqxword", site.Read("output/articles/aftercare/index.html"));
    }

    [Fact]
    public void A_title_edit_renders_the_article_the_articles_listing_it_and_the_pages_of_cards_and_sources()
    {
        using var site = TestSite.CopyOfReal();
        using var preview = new PreviewBuilds(site);
        var first = preview.Build();
        Assert.True(first.Succeeded);
        var title = site.Read("input/articles/side-effects.md").Split('\n').First(l => l.StartsWith("title:"));

        Save(site, "input/articles/side-effects.md", title, "title: Zqx side effects renamed");
        var result = preview.Build("input/articles/side-effects.md");
        Assert.True(result.Succeeded);
        // The real theme's layouts that show every article's card (catalog) or the pages citing each source (all_sources).
        string[] listings = ["home", "articles", "topic", "search", "references"];
        var relating = Directory.EnumerateFiles(site.PathOf("input/articles"), "*.md")
            .Where(f => File.ReadAllLines(f).Any(l => l.StartsWith("related:") && l.Contains("side-effects")))
            .Select(f => $"/articles/{Path.GetFileNameWithoutExtension(f)}/");
        var expected = result.Pages.Where(p => listings.Contains(p.Page.Layout)).Select(p => p.Page.Url)
            .Concat(relating).Append("/articles/side-effects/").ToHashSet();
        Assert.True(relating.Any());
        Assert.Equal(expected.Order(StringComparer.Ordinal), preview.Rendered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_site_yml_edit_renders_every_page_and_nothing_when_saved_unchanged()
    {
        using var site = TestSite.CopyOfReal();
        using var preview = new PreviewBuilds(site);
        Assert.True(preview.Build().Succeeded);

        Save(site, "input/site.yml", "branch: main", "branch: main"); // saved, not changed
        var same = preview.Build("input/site.yml");
        Assert.Empty(preview.Rendered);
        Save(site, "input/site.yml", "branch: main", "branch: review");
        var changed = preview.Build("input/site.yml");
        Assert.Equal(changed.Pages.Select(p => p.Page.Url).Order(StringComparer.Ordinal), preview.Rendered.Order(StringComparer.Ordinal));
        Assert.Equal(same.Pages.Count, changed.Pages.Count);
    }

    [Fact]
    public void The_search_index_follows_an_edit_after_the_page()
    {
        using var site = TestSite.CopyOfReal();
        var preview = new PreviewBuilds(site);
        Assert.True(preview.Build().Succeeded);
        // The index is in pieces (Search/SearchShards): the word's term is in one shard, its text in one store chunk.
        string SearchFiles() => string.Concat(Directory.GetFiles(site.PathOf("output/search"), "*.json").Select(File.ReadAllText));
        Assert.DoesNotContain("zqxsearchword", SearchFiles());

        Save(site, "input/articles/aftercare.md", "## ", "Zqxsearchword here.\n\n## ");
        Assert.True(preview.Build("input/articles/aftercare.md").Succeeded);
        Assert.Contains("Zqxsearchword", site.Read("output/articles/aftercare/index.html")); // served before the index
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!SearchFiles().Contains("\"zqxsearchword\",", StringComparison.Ordinal) && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.Contains("\"zqxsearchword\",", SearchFiles(), StringComparison.Ordinal); // the term, in a shard
        Assert.Contains("Zqxsearchword here.", SearchFiles(), StringComparison.Ordinal); // the excerpt, in a store chunk

        preview.Dispose();
    }
}
