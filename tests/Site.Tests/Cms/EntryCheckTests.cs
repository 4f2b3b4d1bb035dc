using System.Text;
using Site.Cms;
using Site.Tests.Support;
using Xunit;

namespace Site.Tests.Cms;

/// <summary>
/// The CMS's check of one entry's text, in memory, against the real site as a build left it; and the README's example
/// article, copied as it is, building with warnings that say what to change.
/// </summary>
public sealed class EntryCheckTests
{
    [Fact]
    public void The_readme_example_copied_as_it_is_builds_with_warnings_that_say_what_to_change()
    {
        using var site = TestSite.CopyOfReal();
        site.Write("input/articles/my-topic.md", ReadmeExample());
        var result = site.Build(dryRun: true);
        Assert.Empty(result.Errors());
        var mine = result.Lines().Where(l => l.StartsWith("input/articles/my-topic.md", StringComparison.Ordinal)).ToList();
        Assert.Contains(mine, l => l.Contains("warning SITE045: input/articles/aftercare.md already has the title 'Aftercare'", StringComparison.Ordinal));
        Assert.Contains(mine, l => l.Contains("warning SITE046: order 3 is already used by input/articles/aftercare.md", StringComparison.Ordinal));
        foreach (var (phrase, _) in Site.Content.EditorChecks.ExamplePhrases)
            Assert.Contains(mine, l => l.Contains($"warning SITE044: '{phrase}' is the README's example text", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entrys_text_is_checked_against_the_site_with_the_builds_ids_and_places()
    {
        using var site = TestSite.CopyOfReal();
        var options = site.Options();
        var built = SiteBuilder.Build(options);
        Assert.True(built.Succeeded, string.Join('\n', built.Lines()));
        var entrySite = EntrySite.Load(options, built.Pages, options.OutputDirectory);
        Assert.NotNull(entrySite);

        var text = site.Read("input/articles/aftercare.md");
        var clean = EntryCheck.Check(entrySite, "input/articles/aftercare.md", Encoding.UTF8.GetBytes(text))!;
        Assert.DoesNotContain(clean.Diagnostics, d => d.IsError);
        Assert.True(clean.Words > 100 && clean.Grade > 0);

        // Mistakes only the whole site can see: an unknown citation, a broken link, a next_review too far out.
        var broken = System.Text.RegularExpressions.Regex.Replace(text, "^next_review: .*$", "next_review: 2034-01-01", System.Text.RegularExpressions.RegexOptions.Multiline)
            + "\nA claim [@doesnotexist]. See [this](/articles/no-such-page/).\n";
        var report = EntryCheck.Check(entrySite, "input/articles/aftercare.md", Encoding.UTF8.GetBytes(broken))!;
        var ids = report.Diagnostics.Select(d => d.Id).ToList();
        Assert.Contains("SITE007", ids);
        Assert.Equal(File.ReadAllText(site.PathOf("input/articles/aftercare.md")), text); // nothing written
        // The body is checked although the front matter has an error: the unknown citation and the broken link show now.
        Assert.Contains("SITE054", ids);
        Assert.Contains("SITE200", ids);
        // The same text as a file: every diagnostic the build gives is the pane's, word for word and place for place.
        site.Write("input/articles/aftercare.md", broken);
        var fromBuild = Lines(site.Build(dryRun: true), "input/articles/aftercare.md");
        var fromPane = report.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Subset(fromPane.ToHashSet(), fromBuild.ToHashSet());
        // What the pane shows beyond it is what the build says once the front matter is fixed: nothing made up.
        var fixedText = broken.Replace("next_review: 2034-01-01", "next_review: " + text.Split('\n').Single(l => l.StartsWith("next_review: ", StringComparison.Ordinal))[13..], StringComparison.Ordinal);
        site.Write("input/articles/aftercare.md", fixedText);
        var afterFix = Lines(site.Build(dryRun: true), "input/articles/aftercare.md");
        Assert.Equal(fromPane.Except(fromBuild).ToList(), afterFix.Except(fromBuild).ToList());
        Assert.NotEmpty(fromPane.Except(fromBuild));
        var fixedReport = EntryCheck.Check(entrySite, "input/articles/aftercare.md", Encoding.UTF8.GetBytes(fixedText))!;
        Assert.Equal(afterFix, fixedReport.Diagnostics.Select(d => d.ToString()).ToList());

        Assert.Null(EntryCheck.Check(entrySite, "input/../netlify.toml", Encoding.UTF8.GetBytes(text)));
        Assert.Null(EntryCheck.Check(entrySite, "theme/layouts/x.md", Encoding.UTF8.GetBytes(text)));
    }

    private static List<string> Lines(BuildResult result, string file) =>
        [.. result.Diagnostics.Sorted().Where(d => d.Where.File == file).Select(d => d.ToString())];

    private static string ReadmeExample()
    {
        var readme = File.ReadAllText(Path.Combine(TestSite.RepoRoot, "README.md"));
        var at = readme.IndexOf("Create `input/articles/my-topic.md`", StringComparison.Ordinal);
        var start = readme.IndexOf("```markdown\n", at, StringComparison.Ordinal) + "```markdown\n".Length;
        return readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)] + "\n";
    }
}
