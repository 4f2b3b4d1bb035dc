using Site.Testing;
using Site.Tests.Support;

namespace Site.Tests.Reliability;

/// <summary>
/// Cross-site scripting payloads typed wherever an editor can type (see <see cref="HostileSite"/>): every page of the
/// output is parsed, and none may hold a script, an event handler or a script URL. Payloads written as text must build
/// (they are words to show, escaped); payloads written as Markdown links or raw HTML must be refused with a diagnostic
/// at their place, and even the pages rendered alongside the refusal must be safe.
/// </summary>
public sealed class HostileContentTests
{
    [Fact]
    public void Payloads_typed_as_text_anywhere_build_and_reach_no_page_as_markup()
    {
        using var site = TestSite.CopyOfReal();
        HostileSite.PlantAsText(site.Root);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Errors()));

        var pages = Directory.EnumerateFiles(site.PathOf("output"), "*.html", SearchOption.AllDirectories).ToList();
        Assert.Contains(pages, p => p.Contains($"{HostileSite.ArticlePrefix}00", StringComparison.Ordinal));
        var findings = pages.SelectMany(p => HostileSite.Findings(File.ReadAllText(p)).Select(f => Path.GetRelativePath(site.Root, p) + ": " + f)).ToList();
        Assert.True(findings.Count == 0, string.Join('\n', findings.Take(20)));

        // The payloads are there, as text: escaped, not dropped (a page that lost them would pass the check above too).
        var article = File.ReadAllText(site.PathOf($"output/articles/{HostileSite.ArticlePrefix}00/index.html"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Title 0", article, StringComparison.Ordinal);
        var candidate = File.ReadAllText(site.PathOf("output/candidate/index.html"));
        Assert.Contains("How old are you? &lt;script&gt;alert(1)&lt;/script&gt;", candidate, StringComparison.Ordinal);
        Assert.Contains("alert(1)</script>", string.Concat(Directory.GetFiles(site.PathOf("output/search"), "x-*.json").Select(File.ReadAllText)).Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal).Replace("\\/", "/", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Payloads_written_as_markdown_are_refused_at_their_place_and_render_nothing_executable()
    {
        using var site = TestSite.CopyOfReal();
        HostileSite.PlantAsMarkdown(site.Root);
        var result = site.Build(dryRun: true);

        var findings = result.Pages.SelectMany(p => HostileSite.Findings(p.Html).Select(f => p.Page.Url + ": " + f)).ToList();
        Assert.True(findings.Count == 0, string.Join('\n', findings.Take(20)));
        // Every payload is refused in its article, as raw HTML or a link with a disallowed scheme.
        for (var i = 0; i < HostileSite.MarkdownPayloads.Count; i++)
        {
            var file = $"input/articles/{HostileSite.ArticlePrefix}md-{i:00}.md";
            var refused = result.Diagnostics.Sorted().Where(d => d.Where.File == file && d.IsError && d.Id is "SITE050" or "SITE058").ToList();
            Assert.True(refused.Count > 0, $"{file} ({HostileSite.MarkdownPayloads[i]}) was not refused: {string.Join("; ", result.Diagnostics.Sorted().Where(d => d.Where.File == file))}");
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)", true)]
    [InlineData(" JaVa\tScRiPt:alert(1)", true)]
    [InlineData("vbscript:x", true)]
    [InlineData("data:text/html,x", true)]
    [InlineData("/articles/x/", false)]
    [InlineData("https://example.org/javascript:alert(1)", false)]
    public void The_check_itself_recognises_script_urls(string url, bool isScript) => Assert.Equal(isScript, HostileSite.IsScriptUrl(url));

    [Fact]
    public void The_check_itself_finds_what_it_looks_for()
    {
        Assert.NotEmpty(HostileSite.Findings("<p><img src=x onerror=alert(1)></p>"));
        Assert.NotEmpty(HostileSite.Findings("<script>alert(1)</script>"));
        Assert.NotEmpty(HostileSite.Findings("<a href=\"java&#x09;script:alert(1)\">x</a>"));
        Assert.NotEmpty(HostileSite.Findings("<script type=\"application/ld+json\">{\"a\":\"</script><script>alert(1)</script>"));
        Assert.Empty(HostileSite.Findings("<script src=\"/assets/site.js\" defer></script><script type=\"application/ld+json\">{\"a\":1}</script><p>&lt;script&gt;</p>"));
    }
}
