
using Site.Content;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Tests.Generator;

/// <summary>
/// Markdown → HTML fixtures read from files (as Markdig's spec tests are): <c>Fixtures/markdown/NNN-name.md</c> with the
/// expected body HTML in <c>.html</c> beside it and any diagnostics in <c>.diagnostics</c>. Run with UPDATE_GOLDEN=1
/// to rewrite the expectations on purpose, then read the diff.
/// </summary>
public sealed class MarkdownFixtureTests
{
    private static readonly string Folder = Path.Combine(Support.TestSite.RepoRoot, "tests", "Site.Tests", "Fixtures", "markdown");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.md").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    private static readonly Dictionary<string, Reference> References = new()
    {
        ["smith-2020"] = new("smith-2020", "Smith A. A study. 2020.", "10.1000/test.1", null, null, null, SourceSpan.FileOnly("refs")),
        ["jones-2021"] = new("jones-2021", "Jones B. Another. 2021.", null, "123", null, null, SourceSpan.FileOnly("refs")),
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_as_expected(string name)
    {
        var path = Path.Combine(Folder, name);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var display = "fixtures/" + name;
        var diagnostics = new DiagnosticBag();
        var context = new LoadContext(Folder, new ProjectPaths(Folder), null, References, new HashSet<string> { "page" }, new DateOnly(2026, 11, 23));
        var page = ContentLoader.Parse(text, new SourceFile(path, display), PageKind.Page, "/x/", context, diagnostics)!;
        var body = page.Body;

        var html = body.Html;
        var found = string.Join("\n", diagnostics.Sorted().Select(d => d.ToString()));
        var htmlFile = Path.ChangeExtension(path, ".html");
        var diagnosticsFile = Path.ChangeExtension(path, ".diagnostics");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(htmlFile, html);
            if (found.Length > 0) File.WriteAllText(diagnosticsFile, found + "\n");
            else File.Delete(diagnosticsFile);
        }
        Assert.True(File.Exists(htmlFile), $"{htmlFile} is missing: run the tests with UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(htmlFile), html);
        Assert.Equal(File.Exists(diagnosticsFile) ? File.ReadAllText(diagnosticsFile).TrimEnd('\n') : "", found);
    }
}
