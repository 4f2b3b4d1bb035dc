using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Site.Tests.Support;

namespace Site.Tests.Cms;

/// <summary>
/// The CMS's file format (theme/admin/cms-format.js), run in node as Decap runs it: reading and writing back any file
/// of input/ gives the file itself, and changing one field changes only that field's lines, in the file's own style.
/// </summary>
public sealed class CmsFormatTests
{
    private static readonly string Theme = Path.Combine(TestSite.RepoRoot, "theme");

    private static IReadOnlyList<string> Run(IEnumerable<object> jobs, string? whenAbsent = null)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(TestSite.RepoRoot, "tests", "Site.Tests", "Cms", "cms-format-harness.js"));
        info.ArgumentList.Add(Theme);
        if (whenAbsent is not null) info.ArgumentList.Add(whenAbsent);
        using var node = Process.Start(info)!;
        node.StandardInput.Write(JsonSerializer.Serialize(jobs));
        node.StandardInput.Close();
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, stderr);
        return [.. JsonNode.Parse(stdout.Result)!.AsArray().Select(r => r!["out"]!.GetValue<string>())];
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static List<string> ChangedLines(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        Assert.Equal(a.Length, b.Length);
        return [.. a.Zip(b).Where(p => p.First != p.Second).Select(p => p.Second)];
    }

    public static IEnumerable<object[]> ContentFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestSite.RepoRoot, "input"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetRelativePath(TestSite.RepoRoot, f) });

    [Fact]
    public void Every_content_file_written_back_unchanged_is_the_file_itself()
    {
        var files = ContentFiles().Select(f => (string)f[0]).ToList();
        Assert.True(files.Count > 10);
        var texts = files.Select(f => File.ReadAllText(Path.Combine(TestSite.RepoRoot, f))).ToList();
        var outs = Run(texts.Select(t => new { text = t }));
        for (var i = 0; i < files.Count; i++) Assert.True(texts[i] == outs[i], $"{files[i]} changed on a save without changes:\n{outs[i]}");
    }

    private const string Sample = """
        ---
        title: Aftercare
        # Keep the description under 160 characters: search engines cut it there.
        description: "How to look after your scalp after hair mesotherapy: the first day and the first week."
        section: treatment
        order: 3
        last_reviewed: 2026-11-20
        sources: [plachouri-2019, singsing-2022]
        keywords:
          - after mesotherapy
          - sauna
        related: [side-effects, procedure-and-course]
        ---

        Good aftercare helps. [@plachouri-2019]

        """;

    [Fact]
    public void Changing_one_field_changes_only_its_line_and_keeps_comments_order_quotes_and_list_styles()
    {
        var outs = Run([
            new { text = Sample, change = new Dictionary<string, object> { ["title"] = "Aftercare: the first week" } },
            new { text = Sample, change = new Dictionary<string, object> { ["sources"] = new[] { "plachouri-2019", "singsing-2022", "tang-2022" } } },
            new { text = Sample, change = new Dictionary<string, object> { ["keywords"] = new[] { "after mesotherapy", "sauna", "hair dye" } } },
            new { text = Sample, change = new Dictionary<string, object> { ["body"] = "\nNew text.\n" } },
            new { text = Sample, change = new Dictionary<string, object> { ["last_reviewed"] = "2026-11-29", ["order"] = 4 } },
        ]);
        Assert.Equal(["title: \"Aftercare: the first week\""], ChangedLines(Sample, outs[0]));
        Assert.Equal(["sources: [plachouri-2019, singsing-2022, tang-2022]"], ChangedLines(Sample, outs[1]));
        Assert.Equal(Sample.Replace("  - sauna\n", "  - sauna\n  - hair dye\n", StringComparison.Ordinal), outs[2]);
        Assert.Equal(Sample[..(Sample.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)] + "\nNew text.\n", outs[3]);
        Assert.Equal(["order: 4", "last_reviewed: 2026-11-29"], ChangedLines(Sample, outs[4]));
    }

    [Fact]
    public void A_field_added_in_the_cms_goes_after_its_neighbour_in_the_schema_and_a_cleared_one_goes()
    {
        var order = new[] { "title", "description", "summary", "section", "order", "last_reviewed", "next_review", "sources", "keywords", "related" };
        var outs = Run([
            new { text = Sample, change = new Dictionary<string, object> { ["summary"] = "One sentence." }, order },
            new { text = Sample, change = new Dictionary<string, object> { ["related"] = Array.Empty<string>() }, order },
        ]);
        Assert.Equal(Sample.Replace("section: treatment\n", "summary: One sentence.\nsection: treatment\n", StringComparison.Ordinal), outs[0]);
        Assert.Equal(Sample.Replace("related: [side-effects, procedure-and-course]\n", "", StringComparison.Ordinal), outs[1]);
    }

    [Fact]
    public void A_new_entry_is_written_in_the_files_style_in_schema_order()
    {
        var outs = Run([new
        {
            text = (string?)null,
            change = new Dictionary<string, object>
            {
                ["related"] = new[] { "side-effects" }, ["title"] = "Café & scalp: a new article", ["order"] = 2,
                ["body"] = "Text [@tang-2022].", ["sources"] = new[] { "tang-2022" }, ["keywords"] = Array.Empty<string>(),
            },
            order = new[] { "title", "order", "sources", "keywords", "related", "body" },
        }]);
        Assert.Equal("---\ntitle: \"Café & scalp: a new article\"\norder: 2\nsources: [tang-2022]\nrelated: [side-effects]\n---\n\nText [@tang-2022].", outs[0]);
    }

    [Fact]
    public void A_switch_the_editor_never_set_is_not_written_and_one_set_away_from_its_meaning_is()
    {
        var whenAbsent = JsonSerializer.Serialize(Site.Cms.DecapConfig.WhenAbsent(Site.Content.FrontMatterSchema.Fields));
        var order = new[] { "title", "search", "draft", "body" };
        // What Decap hands a new entry's format when the editor touched no switch: the boolean's default (search on).
        var outs = Run([
            new { text = (string?)null, change = new Dictionary<string, object> { ["title"] = "New", ["search"] = true, ["draft"] = false, ["body"] = "Text." }, order },
            new { text = (string?)null, change = new Dictionary<string, object> { ["title"] = "New", ["search"] = false, ["body"] = "Text." }, order },
            new { text = (string?)"---\ntitle: Old\nsearch: true\n---\nText.\n", change = new Dictionary<string, object> { ["title"] = "Older" }, order },
            new { text = (string?)"---\ntitle: Old\n---\nText.\n", change = new Dictionary<string, object> { ["search"] = true }, order },
        ], whenAbsent);
        Assert.Equal("---\ntitle: New\n---\n\nText.", outs[0]);
        Assert.Equal("---\ntitle: New\nsearch: false\n---\n\nText.", outs[1]);
        Assert.Equal("---\ntitle: Older\nsearch: true\n---\nText.\n", outs[2]); // a key the file has stays
        Assert.Equal("---\ntitle: Old\n---\nText.\n", outs[3]);
    }
}
