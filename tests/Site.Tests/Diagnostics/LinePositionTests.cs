using System.Text;
using Site.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Diagnostics;

/// <summary>
/// Every diagnostic's line and column come from one line map: the same article saved with LF, with CRLF, with a BOM
/// and CRLF gives the same places, for front matter and body alike, after a table and a tab.
/// </summary>
public sealed class LinePositionTests
{
    private static readonly string BaseSite = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "invalid", "_base.site"));

    // Line 6: an unknown key; line 7: an impossible date at column 16; line 15: a broken link in a table cell at
    // column 7; line 17: a broken link after a tab at column 6 (a tab is one column); line 21: an unknown citation at
    // column 6. The article has errors, so it is not published, and its links are still checked.
    private const string Article = """
        ---
        title: A good article
        description: A description that is long enough for search engines to show it well.
        summary: In short, this is fine.
        section: basics
        colour: blue
        last_reviewed: 2026-02-30
        next_review: 2027-06-10
        sources: [smith-2020, jones-2021]
        ---
        Intro [@smith-2020] and [@jones-2021].

        | a | b |
        | - | - |
        | x | [one](/nowhere/) |

        Tab:	[two](/nowhere-2/) here.

        ## First part

        Text [@nobody-2020].

        """;

    private static readonly string[] Expected =
    [
        "input/articles/good.md(6,1): error SITE002: Unknown key 'colour'.",
        "input/articles/good.md(7,16): error SITE014:",
        "input/articles/good.md(15,7): error SITE200: Broken link: '/nowhere/'",
        "input/articles/good.md(17,6): error SITE200: Broken link: '/nowhere-2/'",
        "input/articles/good.md(21,6): error SITE054: Citation '@nobody-2020'",
    ];

    [Theory]
    [InlineData("LF", false, false)]
    [InlineData("CRLF", true, false)]
    [InlineData("BOM and CRLF", true, true)]
    [InlineData("BOM and LF", false, true)]
    public void The_same_mistakes_are_at_the_same_places_whatever_the_line_endings(string name, bool crlf, bool bom)
    {
        using var site = TestSite.FromText(BaseSite);
        var text = Article.ReplaceLineEndings(crlf ? "\r\n" : "\n");
        byte[] bytes = [.. (bom ? "\uFEFF"u8.ToArray() : []), .. Encoding.UTF8.GetBytes(text)];
        File.WriteAllBytes(site.PathOf("input/articles/good.md"), bytes);
        var lines = site.Build(dryRun: true).Errors();
        Assert.True(Expected.Length == lines.Length, $"{name}: {string.Join("\n", lines)}");
        for (var i = 0; i < Expected.Length; i++)
            Assert.StartsWith(Expected[i], lines[i], StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_after_crlf_lines_is_at_its_line_and_column()
    {
        using var site = TestSite.FromText(BaseSite);
        var text = Article.Replace("Text [@nobody-2020].", "Text\u0007 here.").ReplaceLineEndings("\r\n");
        File.WriteAllBytes(site.PathOf("input/articles/good.md"), [.. "\uFEFF"u8.ToArray(), .. Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(["input/articles/good.md(21,5): error SITE022:"], site.Build(dryRun: true).Errors().Select(l => l[..l.IndexOf("SITE022:", StringComparison.Ordinal)] + "SITE022:"));
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_at_its_line_and_column_counted_in_characters()
    {
        using var site = TestSite.FromText(BaseSite);
        var text = Article.Replace("Text [@nobody-2020].", "Café\tX").ReplaceLineEndings("\r\n");
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        bytes.Insert(Encoding.UTF8.GetByteCount(text[..(text.IndexOf('X'))]), 0xE9); // a Windows-1252 'é' before the X
        File.WriteAllBytes(site.PathOf("input/articles/good.md"), [.. bytes]);
        var error = Assert.Single(site.Build(dryRun: true).Errors());
        Assert.StartsWith("input/articles/good.md(21,6): error SITE021:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\nb", 2, 2, 1)]
    [InlineData("a\r\nb", 3, 2, 1)]
    [InlineData("a\r\nb", 1, 1, 2)]
    [InlineData("\tx", 1, 1, 2)]
    [InlineData("ab\n\ncd", 5, 3, 2)]
    [InlineData("ab", 99, 1, 3)]
    public void The_line_map_counts_lines_at_lf_and_columns_in_characters(string text, int offset, int line, int column)
    {
        Assert.Equal((line, column), new LineMap(text).Position(offset));
    }
}
