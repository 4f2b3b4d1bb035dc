using Site.Cms;
using Site.Content;
using Site.Diagnostics;
using Site.Output;
using Site.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Site.Tests.Cms;

/// <summary>
/// The CMS's config.yml is generated from <see cref="FrontMatterSchema"/>; these tests read it back as YAML and hold it
/// against the schema, so the CMS and the validator cannot drift apart.
/// </summary>
public sealed class DecapConfigTests
{
    /// <summary>The widget each kind of front-matter value gets in the CMS.</summary>
    private static readonly IReadOnlyDictionary<FieldKind, string> Widgets = new Dictionary<FieldKind, string>
    {
        [FieldKind.Text] = "string",
        [FieldKind.LongText] = "text",
        [FieldKind.Int] = "number",
        [FieldKind.Bool] = "boolean",
        [FieldKind.Date] = "datetime",
        [FieldKind.TextList] = "list",
        [FieldKind.Sources] = "select",
        [FieldKind.Section] = "select",
        [FieldKind.Articles] = "relation",
        [FieldKind.Layout] = "hidden",
        [FieldKind.Extra] = "hidden",
    };

    private static Lazy<BuildResult> RealBuild => TestSite.RealDryRun;

    private static Site.Yaml.YMapping Matter(string yaml) => (Site.Yaml.YMapping)Site.Yaml.YamlDocument.Parse(yaml, "x.md", 0, new DiagnosticBag()).Root!;

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode RealConfig()
    {
        var result = RealBuild.Value;
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics.Sorted()));
        return Parse(result.Files.OfType<TextOutput>().Single(f => f.Path == "admin/config.yml").Text);
    }

    private static YamlNode Get(YamlNode node, string key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
    private static string? Text(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
    private static IEnumerable<YamlMappingNode> Items(YamlNode node, string key) => ((YamlSequenceNode)Get(node, key)).Children.Cast<YamlMappingNode>();
    private static YamlMappingNode Collection(YamlNode config, string name) => Items(config, "collections").Single(c => Text(c, "name") == name);

    /// <summary>Name, widget and required of every field as Decap reads them: a field without <c>required</c> is required.</summary>
    private static List<(string Name, string? Widget, bool Required)> Declared(YamlNode fieldsOwner) =>
        [.. Items(fieldsOwner, "fields").Select(f => (Text(f, "name")!, Text(f, "widget"), Text(f, "required") != "false"))];

    /// <summary>What the schema says the CMS must declare for a kind of page, in schema order, then the Markdown body.</summary>
    private static List<(string Name, string? Widget, bool Required)> Expected(IReadOnlyList<FieldSpec> schema, PageKind kind) =>
    [
        .. schema.Where(f => (f.AppliesTo & kind) != 0).Select(f => (f.Name, (string?)Widgets[f.Kind], (f.RequiredFor & kind) != 0)),
        (DecapConfig.BodyField, "markdown", false),
    ];

    [Fact]
    public void Every_collection_has_exactly_the_fields_of_the_schema_with_their_widgets_and_required_flags()
    {
        var config = RealConfig();

        var articles = Collection(config, DecapConfig.ArticlesCollection);
        Assert.Equal("input/articles", Text(articles, "folder"));
        Assert.Equal("true", Text(articles, "create"));
        Assert.Equal("{{slug}}", Text(articles, "slug"));
        Assert.Equal(Expected(FrontMatterSchema.Fields, PageKind.Article), Declared(articles));

        var pageFiles = Directory.EnumerateFiles(Path.Combine(TestSite.RepoRoot, "input", "pages"), "*.md")
            .Select(f => "input/pages/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var pages = Items(Collection(config, DecapConfig.PagesCollection), "files").ToList();
        var faq = Items(Collection(config, DecapConfig.FaqCollection), "files").Single();
        Assert.Equal("input/pages/faq.md", Text(faq, "file"));
        // Each page file is offered exactly once: the FAQ in its own collection, every other page under Pages.
        Assert.Equal(pageFiles, pages.Append(faq).Select(p => Text(p, "file")!).Order(StringComparer.Ordinal));
        foreach (var file in pages.Append(faq))
            Assert.Equal(Expected(FrontMatterSchema.Fields, PageKind.Page), Declared(file));
    }

    [Fact]
    public void Choices_come_from_site_yml_and_references_yml()
    {
        var config = RealConfig();
        var site = SiteConfig.Load("site.yml", File.ReadAllText(Path.Combine(TestSite.RepoRoot, "input", "site.yml")), new DiagnosticBag())!;
        var references = Reference.LoadAll("references.yml", File.ReadAllText(Path.Combine(TestSite.RepoRoot, "input", "references.yml")), new DiagnosticBag());
        var fields = Items(Collection(config, DecapConfig.ArticlesCollection), "fields").ToDictionary(f => Text(f, "name")!);

        Assert.Equal(site.Sections.Select(s => s.Id), Items(fields["section"], "options").Select(o => Text(o, "value")));
        Assert.Equal(references.Keys.Order(StringComparer.Ordinal), Items(fields["sources"], "options").Select(o => Text(o, "value")));
        Assert.Equal("true", Text(fields["sources"], "multiple"));
        Assert.Equal(DecapConfig.ArticlesCollection, Text(fields["related"], "collection"));
        Assert.Equal("{{slug}}", Text(fields["related"], "value_field"));
        Assert.Equal("YYYY-MM-DD", Text(fields["last_reviewed"], "format"));
        Assert.Equal("false", Text(fields["last_reviewed"], "time_format"));

        Assert.Equal("github", Text(Get(config, "backend"), "name"));
        Assert.Equal("hair-mesotherapy-explained/site", Text(Get(config, "backend"), "repo"));
        Assert.Equal(site.RepositoryBranch, Text(Get(config, "backend"), "branch"));
        // The built config names no local backend: only the preview's copy of it does, at the preview's own /api/v1.
        Assert.False(((YamlMappingNode)config).Children.ContainsKey(new YamlScalarNode("local_backend")));
        Assert.Equal("input/media", Text(config, "media_folder"));
        Assert.Equal("/media", Text(config, "public_folder"));
    }

    [Fact]
    public void A_field_added_to_the_schema_appears_in_the_cms()
    {
        using var site = TestSite.FromText(MiniTheme.Files + """
            -- input/articles/good.md --
            ---
            title: Good
            description: A description that is long enough for search engines to show it well.
            summary: Fine.
            section: basics
            last_reviewed: 2026-01-10
            next_review: 2027-06-10
            sources: [smith-2020, jones-2021]
            ---
            Text.
            -- input/pages/faq.md --
            ---
            title: Questions
            description: A description that is long enough for search engines to show it well.
            ---
            ## Why?
            Because.

            """);
        var diagnostics = new DiagnosticBag();
        var paths = ProjectPaths.ForInput(site.PathOf("input"));
        var (siteConfig, references) = ContentLoader.LoadSiteFiles(SiteFileInputs.Read(site.PathOf("input"), paths, null, FileBytes.Read), diagnostics);
        var context = new LoadContext(site.PathOf("input"), paths, siteConfig, references, new HashSet<string> { "page", "article" }, new DateOnly(2026, 11, 23));
        var content = ContentLoader.Load(context, siteConfig!, false, diagnostics);
        var cmsSite = CmsSite.From(content with { Config = content.Config with { RepositoryUrl = "https://github.com/owner/name" } }, paths, diagnostics)!;
        Assert.Empty(diagnostics.Sorted());
        FieldSpec[] schema =
        [
            .. FrontMatterSchema.Fields,
            new("audience", FieldKind.Text, "Audience", "Who the article is written for.", PageKind.Article, PageKind.Article),
            new("banner", FieldKind.Bool, "Banner", "Show a banner.", PageKind.Any, 0),
        ];

        var config = Parse(DecapConfig.Generate(cmsSite, schema));

        var articles = Declared(Collection(config, DecapConfig.ArticlesCollection));
        Assert.Equal(Expected(schema, PageKind.Article), articles);
        Assert.Contains(("audience", "string", true), articles);
        Assert.Contains(("banner", "boolean", false), articles);
        var faq = Declared(Items(Collection(config, DecapConfig.FaqCollection), "files").Single());
        Assert.Equal(Expected(schema, PageKind.Page), faq);
        Assert.DoesNotContain(faq, f => f.Name == "audience");
        Assert.Contains(("banner", "boolean", false), faq);
        // The FAQ is the only page here, so there is no Pages collection.
        Assert.DoesNotContain(Items(config, "collections"), c => Text(c, "name") == DecapConfig.PagesCollection);
    }

    [Fact]
    public void A_switch_the_cms_shows_on_is_on_when_front_matter_leaves_it_out()
    {
        var map = (Site.Yaml.YMapping)Site.Yaml.YamlDocument.Parse("title: T\ndescription: D", "x.md", 0, new DiagnosticBag()).Root!;
        var meta = FrontMatter.Read(map, PageKind.Page, new DateOnly(2026, 1, 1), new DiagnosticBag());
        var absent = new Dictionary<string, bool> { ["search"] = meta.Search, ["draft"] = meta.Draft };
        foreach (var field in FrontMatterSchema.Fields.Where(f => f.Kind == FieldKind.Bool))
            Assert.Equal(absent[field.Name], DecapConfig.OnWhenAbsent.GetValueOrDefault(field.Name));
    }

    /// <summary>A field's setting as Decap reads it: a scalar's text, or a sequence's items.</summary>
    private static YamlNode? Setting(YamlMappingNode field, string key) => field.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
    private static YamlMappingNode FieldOf(YamlNode owner, string name) => Items(owner, "fields").Single(f => Text(f, "name") == name);

    [Fact]
    public void The_form_refuses_what_the_build_warns_about_with_a_plain_message()
    {
        var config = RealConfig();
        var articles = Collection(config, DecapConfig.ArticlesCollection);
        var description = FieldOf(articles, "description");
        var pattern = (YamlSequenceNode)Setting(description, "pattern")!;
        Assert.Equal([DecapConfig.DescriptionPattern, DecapConfig.DescriptionMessage], pattern.Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.StartsWith("Write 50 to 170 characters", DecapConfig.DescriptionMessage);
        foreach (var date in new[] { "last_reviewed", "next_review", "updated" })
            Assert.Equal(DecapConfig.DatePattern, ((YamlScalarNode)((YamlSequenceNode)Setting(FieldOf(articles, date), "pattern")!).Children[0]).Value);
        Assert.Equal("2", Text(FieldOf(articles, "sources"), "min"));
        // Pages cite sources when they like: the build asks two only of articles.
        if (Items(config, "collections").Any(c => Text(c, "name") == DecapConfig.FaqCollection))
            Assert.Null(Text(FieldOf(Items(Collection(config, DecapConfig.FaqCollection), "files").Single(), "sources"), "min"));
        // Decap's max_file_size applies only to a field's own uploads, not to the Media tab: the pane script refuses instead.
        Assert.False(config.Children.ContainsKey(new YamlScalarNode("media_library")));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(49)]
    [InlineData(50)]
    [InlineData(120)]
    [InlineData(170)]
    [InlineData(171)]
    public void The_description_pattern_refuses_exactly_the_lengths_the_build_warns_about(int length)
    {
        var description = string.Concat(Enumerable.Repeat("word ", 40))[..length].TrimEnd() is var d && d.Length == length ? d : new string('a', length);
        var diagnostics = new DiagnosticBag();
        FrontMatter.Read(Matter($"title: T\ndescription: {description}"), PageKind.Page, new DateOnly(2026, 1, 1), diagnostics);
        var warned = diagnostics.Sorted().Any(x => x.Id == "SITE042");
        // Decap tests the pattern with JavaScript's RegExp: ECMAScript rules here.
        var accepted = System.Text.RegularExpressions.Regex.IsMatch(description, DecapConfig.DescriptionPattern, System.Text.RegularExpressions.RegexOptions.ECMAScript);
        Assert.Equal(!warned, accepted);
    }

    [Theory]
    [InlineData("2026-01-05", true)]
    [InlineData("2026-1-5", false)]
    [InlineData("05/01/2026", false)]
    public void The_date_pattern_accepts_what_the_build_reads_as_a_date(string date, bool valid)
    {
        var diagnostics = new DiagnosticBag();
        FrontMatter.Read(Matter($"title: T\ndescription: {new string('a', 80)}\nupdated: {date}"), PageKind.Page, new DateOnly(2026, 6, 1), diagnostics);
        Assert.Equal(valid, !diagnostics.Sorted().Any(x => x.IsError));
        Assert.Equal(valid, System.Text.RegularExpressions.Regex.IsMatch(date, DecapConfig.DatePattern, System.Text.RegularExpressions.RegexOptions.ECMAScript));
    }

    [Fact]
    public void The_format_is_told_what_each_switch_means_when_a_file_leaves_it_out()
    {
        var html = RealBuild.Value.Files.OfType<TextOutput>().Single(f => f.Path == "admin/index.html").Text;
        Assert.Contains("<script src=\"cms-format.js\" data-when-absent=\"{&quot;search&quot;:true,&quot;draft&quot;:false}\"></script>", html);
        Assert.Contains("data-max-upload-kilobytes=\"200\" data-large-image=\"The image is {0} KB; keep images under 200 KB (simplify the SVG or compress the picture).\"", html);
    }

    [Fact]
    public void Admin_page_loads_only_the_bundle_and_the_themes_cms_scripts_and_stays_out_of_the_sitemap_and_search()
    {
        var result = RealBuild.Value;
        var text = result.Files.OfType<TextOutput>().ToDictionary(f => f.Path, f => f.Text);
        var html = text["admin/index.html"];
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", html);
        Assert.Equal(["decap-cms.js", "js-yaml.min.js", "cms-format.js", "cms-preview.js"],
            System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>([^<]*)</script>").Select(m => System.Text.RegularExpressions.Regex.Match(m.Value, "src=\"([^\"]+)\"").Groups[1].Value + m.Groups[1].Value));
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotContain("/admin/", text["sitemap.xml"]);
        Assert.DoesNotContain("/admin/", string.Concat(text.Where(f => f.Key.StartsWith("search/m-", StringComparison.Ordinal)).Select(f => f.Value))); // the store's URLs
        Assert.DoesNotContain(result.Pages, p => p.Page.Url.StartsWith("/admin/", StringComparison.Ordinal));

        var dist = Path.Combine(TestSite.RepoRoot, "theme", "node_modules", "decap-cms", "dist");
        var copied = result.Files.OfType<CopyOutput>().Where(f => f.Path.StartsWith("admin/", StringComparison.Ordinal)).Select(f => f.Path[6..]).ToHashSet();
        var needed = Directory.EnumerateFiles(dist).Select(Path.GetFileName).OfType<string>()
            .Where(n => n == "decap-cms.js" || n.EndsWith(".decap-cms.js", StringComparison.Ordinal) || n.EndsWith(".wasm", StringComparison.Ordinal)).ToList();
        Assert.True(needed.Count > 10, "decap-cms dist looks empty");
        Assert.Subset(copied, needed.ToHashSet());
        Assert.DoesNotContain(copied, n => n.EndsWith(".map", StringComparison.Ordinal));
    }

    [Fact]
    public void Admin_is_served_with_the_admin_csp_only()
    {
        var netlify = NetlifyConfig.Load(Path.Combine(TestSite.RepoRoot, "netlify.toml"));
        var csp = Assert.Single(netlify.Headers, r => r.Matches("/admin/") && r.Values.ContainsKey("Content-Security-Policy"));
        Assert.Equal("/admin/*", csp.For);
        Assert.Equal("noindex", netlify.HeadersFor("/admin/")["X-Robots-Tag"]);
        // preview --cms serves decap-server as its own /api/v1: production's policy names no localhost port.
        Assert.DoesNotContain("127.0.0.1", csp.Values["Content-Security-Policy"]);
        Assert.DoesNotContain("localhost", csp.Values["Content-Security-Policy"]);
    }

    [Fact]
    public void A_theme_that_ships_the_cms_without_its_npm_packages_is_an_error_that_says_what_to_run()
    {
        using var site = TestSite.FromText(MiniTheme.Files + "-- theme/package.json --\n{ \"dependencies\": { \"decap-cms\": \"3.16.3\" } }\n");
        Assert.Equal(
            ["theme/package.json(1,1): error SITE260: The theme ships Decap CMS but theme/node_modules/decap-cms/dist/decap-cms.js is missing: run npm ci --prefix theme"],
            site.Build(dryRun: true).Errors());
    }

    [Fact]
    public void A_theme_without_the_cms_builds_no_admin()
    {
        using var site = TestSite.FromText(MiniTheme.Files);
        var result = site.Build(dryRun: true);
        Assert.Empty(result.Errors());
        Assert.DoesNotContain(result.Files, f => f.Path.StartsWith("admin/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repository_that_is_not_on_github_is_an_error_at_site_yml()
    {
        using var site = TestSite.FromText(MiniTheme.Files + "-- theme/package.json --\n{ \"dependencies\": { \"decap-cms\": \"3.16.3\" } }\n");
        Directory.CreateSymbolicLink(site.PathOf("theme/node_modules"), Path.Combine(TestSite.RepoRoot, "theme", "node_modules"));
        Assert.Equal(
            ["input/site.yml(1,1): error SITE261: repository.url 'https://example.org/repo' is not a GitHub repository (https://github.com/owner/name): the CMS at /admin/ commits through Decap's github backend."],
            site.Build(dryRun: true).Errors());
    }

    [Theory]
    [InlineData("https://github.com/owner/name", "owner/name")]
    [InlineData("https://github.com/owner/name.git", "owner/name")]
    [InlineData("https://github.com/owner/name/", "owner/name")]
    [InlineData("https://GitHub.com/Owner/Name", "Owner/Name")]
    [InlineData("https://github.com/owner", null)]
    [InlineData("https://github.com/owner/name/tree/main", null)]
    [InlineData("http://github.com/owner/name", null)]
    [InlineData("https://gitlab.com/owner/name", null)]
    [InlineData("git@github.com:owner/name.git", null)]
    public void GitHub_repository_urls_become_owner_and_name(string url, string? expected) =>
        Assert.Equal(expected, CmsSite.GitHubRepository(url));
}
