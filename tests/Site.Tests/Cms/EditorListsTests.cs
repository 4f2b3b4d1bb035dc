using System.Diagnostics;
using Site.Cms;
using Site.Tests.Support;
using Xunit;

namespace Site.Tests.Cms;

/// <summary>
/// The lists an editor asks <c>check</c> for: articles due for review (<c>--due</c>) at the place of their next_review,
/// and what links to a page (<c>--links-to</c>) at the place of each link.
/// </summary>
public sealed class EditorListsTests
{
    private static readonly DateOnly Today = new(2026, 11, 29); // TestSite's build date

    [Fact]
    public void Articles_due_are_listed_soonest_first_at_their_next_review()
    {
        using var site = TestSite.CopyOfReal();
        site.Edit("input/articles/aftercare.md", "last_reviewed: 2026-11-20\nnext_review: 2027-11-20", "last_reviewed: 2024-01-10\nnext_review: 2026-11-01");
        site.Edit("input/articles/side-effects.md", "next_review: 2027-11-20", "next_review: 2026-12-20");
        var result = site.Build(dryRun: true);
        Assert.Empty(result.Errors());
        var pages = result.Pages.Select(p => p.Page).ToList();
        string Read(Site.Content.Page p) => File.ReadAllText(p.Source.FullPath);

        var due = EditorLists.Due(pages, Today, 30, Read);
        Assert.Equal(
            [("input/articles/aftercare.md(8,14)", -28), ("input/articles/side-effects.md(8,14)", 21)],
            due.Select(d => (d.Where, d.DaysLeft)));
        // The place is where the value is written, as the build's SITE041 for the same article says.
        var warning = result.Diagnostics.Sorted().Single(d => d.Id == "SITE041" && d.Where.File == "input/articles/aftercare.md");
        Assert.Equal(warning.Where, due[0].At);
        Assert.Equal(["input/articles/aftercare.md(8,14)"], EditorLists.Due(pages, Today, 0, Read).Select(d => d.Where));
        Assert.Equal(11, EditorLists.Due(pages, Today, 3 * 366, Read).Count);
    }

    [Fact]
    public void What_links_here_lists_each_markdown_link_and_related_entry_at_its_place()
    {
        using var site = TestSite.CopyOfReal();
        var privacy = site.Read("input/pages/privacy.md");
        site.Write("input/pages/privacy.md", privacy + "\nRead [the aftercare page](/articles/aftercare/#the-first-few-days), or [this one](https://example.org/articles/aftercare/).\n");
        var line = privacy.Split('\n').Length + 1;
        var result = site.Build(dryRun: true);
        Assert.Empty(result.Errors());
        var pages = result.Pages.Select(p => p.Page).ToList();
        var aftercare = EditorLists.Find(pages, "aftercare")!;

        var places = EditorLists.LinksTo(aftercare, pages, "example.org"); // the site's own host: an absolute link to it counts
        var planted = places.Where(p => p.At.File == "input/pages/privacy.md").ToList();
        Assert.Equal([(line, 6, "/articles/aftercare/#the-first-few-days"), (line, 72, "https://example.org/articles/aftercare/")],
            planted.Select(p => (p.At.Line, p.At.Column, p.Written)));
        Assert.Equal('[', site.Read("input/pages/privacy.md").Split('\n')[line - 1][planted[1].At.Column - 1]);
        // Every article that lists it under related: is there, at the entry.
        var relating = pages.Where(p => p.Meta.Related.Any(r => r.Id == "aftercare")).Select(p => p.Source.DisplayPath).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(relating);
        Assert.Equal(relating, places.Where(p => p.Related).Select(p => p.At.File).ToList());
        Assert.DoesNotContain(places, p => p.At.File == "input/articles/aftercare.md");
    }

    [Theory]
    [InlineData("aftercare", "/articles/aftercare/")]
    [InlineData("input/articles/aftercare.md", "/articles/aftercare/")]
    [InlineData("/articles/aftercare/", "/articles/aftercare/")]
    [InlineData("/articles/aftercare", "/articles/aftercare/")]
    [InlineData("/glossary/", "/glossary/")]
    [InlineData("glossary", "/glossary/")]
    public void A_page_is_found_by_file_name_path_or_address(string name, string url) =>
        Assert.Equal(url, EditorLists.Find([.. TestSite.RealDryRun.Value.Pages.Select(p => p.Page)], name)?.Url);

    [Fact]
    public void Check_prints_both_lists_and_a_name_that_is_no_page_is_bad_usage_with_a_suggestion()
    {
        using var site = TestSite.CopyOfReal();
        var (exit, output) = RunCli(site.Root, "check", "--due", "--links-to", "side-effects");
        Assert.Equal(0, exit);
        Assert.Matches(@"Articles due for review by \d{4}-\d\d-\d\d \(today \d{4}-\d\d-\d\d \+ 60 days\), soonest first: ", output);
        Assert.Matches(@"What links to /articles/side-effects/ \(input/articles/side-effects\.md\): \d+ place\(s\) in \d+ file\(s\)", output);
        Assert.Matches(@"(?m)^input/articles/aftercare\.md\(\d+,\d+\): (link|related)", output);

        var (bad, message) = RunCli(site.Root, "check", "--links-to", "side-efects");
        Assert.Equal(2, bad);
        Assert.Contains("error: --links-to: no page is called 'side-efects'. Did you mean 'side-effects'?", message);
    }

    [Fact]
    public void An_image_over_the_media_limit_is_a_warning_of_the_build_and_an_error_only_with_strict()
    {
        using var site = TestSite.CopyOfReal();
        File.WriteAllBytes(site.PathOf("input/media/too-big.png"), new byte[250 * 1024]);
        var result = site.Build(dryRun: true);
        Assert.True(result.Succeeded);
        Assert.Equal(["input/media/too-big.png(1,1): warning SITE043: The image is 250 KB; keep images under 200 KB (simplify the SVG or compress the picture)."],
            result.Lines().Where(l => l.Contains("SITE043", StringComparison.Ordinal)));
        Assert.Equal(0, RunCli(site.Root, "check").Exit);
        var (strict, output) = RunCli(site.Root, "check", "--strict");
        Assert.Equal(1, strict);
        Assert.Contains("input/media/too-big.png(1,1): error SITE043", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Out) RunCli(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Site.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
