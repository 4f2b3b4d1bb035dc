using System.Diagnostics;
using System.Text.RegularExpressions;
using Site.Tests.Support;

namespace Site.Tests.Generator;

/// <summary>The real <c>input/</c> and <c>theme/</c>, built in-process and through the command line.</summary>
public sealed class RealSiteTests
{
    [Fact]
    public void The_real_site_builds_with_zero_diagnostics()
    {
        using var site = TestSite.CopyOfReal();
        var result = site.Build();
        Assert.Empty(result.Lines());
        foreach (var page in new[] { "index.html", "articles/index.html", "articles/contraindications/index.html", "faq/index.html", "glossary/index.html",
                     "404.html", "sitemap.xml", "robots.txt", "feed.xml", "search/index.html", "references/index.html", "about/index.html",
                     "privacy/index.html", "disclaimer/index.html", "topics/understanding/index.html" })
            Assert.True(File.Exists(site.PathOf("output/" + page)), page);
    }

    [Fact]
    public void No_page_has_inline_script_style_or_event_handlers()
    {
        using var site = TestSite.CopyOfReal();
        var result = site.Build(dryRun: true);
        Assert.True(result.Succeeded);
        foreach (var page in result.Pages)
        {
            var html = page.Html;
            Assert.DoesNotMatch(new Regex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/(ld\+)?json"")", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex(@"<style\b", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex(@"\sstyle\s*=", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
        }
    }

    [Fact]
    public void Articles_carry_seo_and_structured_data()
    {
        using var site = TestSite.CopyOfReal();
        var result = site.Build(dryRun: true);
        var page = result.Pages.Single(p => p.Page.Url == "/articles/side-effects/");
        Assert.Contains("<link rel=\"canonical\" href=\"https://", page.Html);
        Assert.Contains("<meta name=\"description\"", page.Html);
        Assert.Contains("<meta property=\"og:title\"", page.Html);
        Assert.Contains("\"@type\":\"MedicalWebPage\"", page.Html);
        Assert.Contains("\"lastReviewed\":\"", page.Html);
        Assert.Contains("Checked against sources", page.Html);
        Assert.Contains("Next check due", page.Html);
        var home = result.Pages.Single(p => p.Page.Url == "/");
        Assert.Contains("\"@type\":\"WebSite\"", home.Html);
        var faq = result.Pages.Single(p => p.Page.Url == "/faq/");
        Assert.Contains("\"@type\":\"FAQPage\"", faq.Html);
        Assert.Contains("\"@type\":\"Question\"", faq.Html);
    }

    [Fact]
    public void Theme_assets_are_fingerprinted()
    {
        using var site = TestSite.CopyOfReal();
        var result = site.Build(dryRun: true);
        Assert.Contains(result.Files, f => Regex.IsMatch(f.Path, @"^assets/css/site\.[0-9a-f]{10}\.css$"));
        Assert.Contains(result.Files, f => Regex.IsMatch(f.Path, @"^assets/vendor/lunr\.[0-9a-f]{10}\.js$"));
        Assert.Matches(@"<link rel=""stylesheet"" href=""/assets/css/site\.[0-9a-f]{10}\.css"">", result.Pages[0].Html);
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

    [Fact]
    public void Check_on_a_copy_with_three_mistakes_exits_1_with_three_diagnostics()
    {
        using var site = TestSite.CopyOfReal();
        site.Edit("input/articles/aftercare.md", "](/articles/side-effects/", "](/articles/side-effect/");
        site.Edit("input/articles/side-effects.md", "section:", "colour: blue\nsection:");
        site.Edit("input/pages/privacy.md", "title:", "title: [unclosed");
        var (exit, output) = RunCli(site.Root, "check");
        Assert.Equal(1, exit);
        var errors = output.Split('\n').Where(l => l.Contains(": error SITE", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => Regex.IsMatch(e, @"^input/articles/aftercare\.md\(\d+,\d+\): error SITE200: Broken link: '/articles/side-effect/"));
        Assert.Contains(errors, e => Regex.IsMatch(e, @"^input/articles/side-effects\.md\(\d+,1\): error SITE002: Unknown key 'colour'"));
        Assert.Contains(errors, e => Regex.IsMatch(e, @"^input/pages/privacy\.md\(\d+,\d+\): error SITE001: YAML syntax error"));
        Assert.False(Directory.Exists(site.PathOf("output")), "check must write nothing");
    }

    [Fact]
    public void Check_prints_an_editors_summary_and_stage_timings_only_when_verbose()
    {
        using var site = TestSite.CopyOfReal();
        var (exit, output) = RunCli(site.Root, "check");
        Assert.Equal(0, exit);
        Assert.Matches(@"Reading grades of \d+ articles: \d+\.\d to \d+\.\d \(target 9 or lower\); none above the target\.", output);
        Assert.DoesNotContain("input/articles/aftercare.md: reading grade", output);
        Assert.DoesNotContain("layouts ", output);
        var (_, verbose) = RunCli(site.Root, "check", "--verbose");
        Assert.Contains("input/articles/aftercare.md: reading grade", verbose);
        Assert.Matches(@"\(boundary \d+ ms, theme \d+ ms, pages \d+ ms", verbose);
    }

    [Fact]
    public void An_unreadable_questionnaire_is_one_diagnostic_not_a_crash_or_a_cascade()
    {
        using var site = TestSite.CopyOfReal();
        // The rest of the file is still read (an unknown key after the bracket would be reported too); nothing in it is
        // reported because the title could not be read.
        site.Edit("input/candidate/questionnaire.yml", "\ntitle:", "\ntitle: [unclosed");
        var errors = site.Build(dryRun: true).Errors();
        var error = Assert.Single(errors);
        Assert.Matches(@"^input/candidate/questionnaire\.yml\(\d+,8\): error SITE001: YAML syntax error: the list that starts with '\[' here is not closed: end it with '\]' on the same line", error);
    }

    [Fact]
    public void Bad_usage_exits_2_and_success_exits_0()
    {
        using var site = TestSite.CopyOfReal();
        Assert.Equal(2, RunCli(site.Root, "build", "--no-such-option").Exit);
        Assert.Equal(0, RunCli(site.Root, "build").Exit);
        Assert.True(File.Exists(site.PathOf("output/index.html")));
    }
}
