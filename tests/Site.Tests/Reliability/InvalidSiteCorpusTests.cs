using System.Text;
using Site.Tests.Support;

namespace Site.Tests.Reliability;

/// <summary>
/// The malformed-input corpus: <c>Fixtures/invalid/NNN-name/</c> holds the files that replace or add to the small
/// good site in <c>_base.site</c>, and <c>NNN-name.diagnostics</c> beside it every diagnostic the build must print,
/// in full (an empty file: the site must build cleanly). Inputs too large to keep in Git (a 10 MB article, a list
/// nested 1,500 deep) are written by <see cref="Generated"/> instead of a folder. <c>UPDATE_GOLDEN=1</c> rewrites the
/// expectations; read the diff before committing it.
/// </summary>
public sealed class InvalidSiteCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "invalid");
    private static string SourceFolder => Path.Combine(TestSite.RepoRoot, "tests", "Site.Tests", "Fixtures", "invalid");

    /// <summary>Fixtures whose input is written here: too big for Git, or easier to read as the loop that makes it.</summary>
    private static readonly Dictionary<string, Action<TestSite>> Generated = new()
    {
        ["060-quotes-5000-deep"] = site => Append(site, "input/articles/good.md", "\n" + new string('>', 5000) + " Too deep.\n"),
        ["061-quotes-1000-deep-spaced"] = site => Append(site, "input/articles/good.md", "\n" + string.Concat(Enumerable.Repeat("> ", 1000)) + "Too deep.\n"),
        ["062-list-1000-deep"] = site => Append(site, "input/articles/good.md", "\n" + NestedList(1000)),
        ["063-list-1500-deep"] = site => Append(site, "input/articles/good.md", "\n" + NestedList(1500)),
        ["064-ordered-list-1000-deep"] = site => Append(site, "input/articles/good.md", "\n" + string.Concat(Enumerable.Repeat("1. ", 1000)) + "Too deep.\n"),
        ["065-emphasis-400-deep"] = site => Append(site, "input/articles/good.md", "\n" + new string('*', 400) + "x" + new string('*', 400) + "\n"),
        ["066-quotes-32-deep-allowed"] = site => Append(site, "input/articles/good.md", "\n" + new string('>', NestingLimit) + " Deep but allowed.\n"),
        ["067-quotes-33-deep"] = site => Append(site, "input/articles/good.md", "\n" + new string('>', NestingLimit + 1) + " One too deep.\n"),
    };

    private const int NestingLimit = 32;

    private static List<string> Names() =>
        [.. Directory.EnumerateFiles(Folder, "*.diagnostics").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> Fixtures() => [.. Names()];

    [Fact]
    public void The_corpus_has_at_least_forty_invalid_sites_and_every_fixture_has_an_input()
    {
        var names = Names();
        var invalid = names.Count(n => new FileInfo(Path.Combine(Folder, n + ".diagnostics")).Length > 0);
        Assert.True(invalid >= 40, $"{invalid} invalid fixtures");
        Assert.All(names, n => Assert.True(Directory.Exists(Path.Combine(Folder, n)) || Generated.ContainsKey(n), n + " has neither a folder nor a generator"));
        Assert.All(Generated.Keys, n => Assert.Contains(n, names));
    }

    [Fact]
    public void The_base_site_builds_without_a_diagnostic()
    {
        using var site = TestSite.FromText(File.ReadAllText(Path.Combine(Folder, "_base.site")));
        Assert.Empty(site.Build(dryRun: true).Lines());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_fixture_gives_exactly_its_diagnostics(string name)
    {
        using var site = Site(name);
        var actual = Build(site);
        var expectedPath = Path.Combine(Folder, name + ".diagnostics");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFolder, name + ".diagnostics"), actual.Length == 0 ? "" : string.Join('\n', actual) + "\n");
            return;
        }
        var expected = File.ReadAllLines(expectedPath).Where(l => l.Length > 0).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_file_name_with_spaces_and_accents_publishes_at_its_clean_url()
    {
        using var site = Site("100-clean-file-name-with-spaces-and-accents");
        var result = site.Build();
        Assert.Empty(result.Lines());
        Assert.True(File.Exists(site.PathOf("output/articles/uber-die-kopfhaut/index.html")));
        Assert.Contains("Über die Kopfhaut", site.Read("output/articles/uber-die-kopfhaut/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bom_is_not_part_of_the_text_and_crlf_line_endings_do_not_change_the_page()
    {
        using var plain = TestSite.FromText(File.ReadAllText(Path.Combine(Folder, "_base.site")));
        using var bom = Site("101-clean-utf8-bom");
        using var crlf = Site("102-clean-crlf-line-endings");
        Assert.True(plain.Build().Succeeded && bom.Build().Succeeded && crlf.Build().Succeeded);
        var expected = plain.Read("output/articles/good/index.html");
        Assert.Equal(expected, bom.Read("output/articles/good/index.html"));
        Assert.Equal(expected, crlf.Read("output/articles/good/index.html").Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_ten_megabyte_article_is_published_whole()
    {
        // Not a corpus row: one 10 MB build is slow enough (the post-process is quadratic in a page's size today).
        using var site = TestSite.FromText(File.ReadAllText(Path.Combine(Folder, "_base.site")));
        Append(site, "input/articles/good.md", TenMegabytes());
        Assert.Empty(site.Build().Lines());
        var html = site.Read("output/articles/good/index.html");
        var lastPart = File.ReadLines(site.PathOf("input/articles/good.md")).Last(l => l.StartsWith("## Part ", StringComparison.Ordinal))[3..];
        // Assert.True, not Assert.Contains: a failure message quoting 10 MB takes minutes to build.
        Assert.True(html.Contains($"id=\"{lastPart.ToLowerInvariant().Replace(' ', '-')}\"", StringComparison.Ordinal), "the last section is missing");
        Assert.True(html.Contains("<li id=\"ref-jones-2021\">", StringComparison.Ordinal), "the reference list is missing");
        Assert.True(html.TrimEnd().EndsWith("</html>", StringComparison.Ordinal), "the page is cut short");
    }

    private static TestSite Site(string name)
    {
        var site = TestSite.FromText(File.ReadAllText(Path.Combine(Folder, "_base.site")));
        var folder = Path.Combine(Folder, name);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(folder, file);
                if (relative == "DELETE")
                {
                    // Files of the base site this fixture goes without, one path a line.
                    foreach (var gone in File.ReadAllLines(file).Where(l => l.Length > 0)) File.Delete(site.PathOf(gone));
                    continue;
                }
                var target = site.PathOf(relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
        if (Generated.TryGetValue(name, out var generate)) generate(site);
        return site;
    }

    /// <summary>The diagnostics of a dry run, with the unhandled exception (if any) as a line, so a crash fails on the diff.</summary>
    private static string[] Build(TestSite site)
    {
        try
        {
            return site.Build(dryRun: true).Lines();
        }
        catch (Exception e)
        {
            return ["unhandled " + e.GetType().Name + ": " + e.Message];
        }
    }

    private static void Append(TestSite site, string relative, string text) => File.AppendAllText(site.PathOf(relative), text);

    private static string NestedList(int depth)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++) sb.Append(' ', 2 * i).Append("- level\n");
        return sb.ToString();
    }

    /// <summary>About 10 MB of ordinary paragraphs under h2 sections: big, but nothing wrong with it.</summary>
    private static string TenMegabytes()
    {
        var sb = new StringBuilder();
        var section = 0;
        while (sb.Length < 10 * 1024 * 1024)
        {
            sb.Append("\n## Part ").Append(++section).Append("\n\n");
            for (var p = 0; p < 20; p++)
                sb.Append("Short words help. The scalp heals in a few days. Ask your doctor when you are not sure.\n\n");
        }
        return sb.ToString();
    }
}
