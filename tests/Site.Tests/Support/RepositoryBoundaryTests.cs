using System.Text.RegularExpressions;

namespace Site.Tests.Support;

/// <summary>
/// A fresh clone passes its tests with nothing beside it: no test reads a file above the repository root (the seed
/// articles in ../shared once were; now their hashes are committed). Checked on the source of every test file.
/// </summary>
public sealed partial class RepositoryBoundaryTests
{
    /// <summary>What reaching above the root looks like in a test's source, each with why it is caught.</summary>
    private static readonly (Regex Pattern, string Why)[] Escapes =
    [
        (ParentStep(), "a parent-folder step (..) in a path string"),
        (SharedFolder(), "the shared folder beside the repository"),
        (MachinePath(), "an absolute path on one machine"),
    ];

    [GeneratedRegex("""["'`]\.\.(?=["'`/\\])|[/\\]\.\.(?=["'`/\\])""")]
    private static partial Regex ParentStep();

    [GeneratedRegex("""["'`/\\]shared["'`/\\]""")]
    private static partial Regex SharedFolder();

    [GeneratedRegex("""["'`](/work|/home|/root|~)/""")]
    private static partial Regex MachinePath();

    /// <summary>
    /// Files allowed to hold such strings: the script that turns ../shared's seeds into committed hashes, and the preview
    /// server's path-traversal test, whose "/../" strings are hostile HTTP request targets sent to the server, not files it reads,
    /// and the CMS entry check's test, whose "input/../" name is a hostile entry path it must refuse before reading anything.
    /// </summary>
    private static readonly string[] Allowed = ["Site.Tests/Content/seed-shingles.mjs", "Site.Tests/Reliability/PreviewServerSecurityTests.cs", "Site.Tests/Cms/EntryCheckTests.cs"];

    private static IEnumerable<string> Findings(string text) =>
        text.Split('\n').SelectMany((line, i) => Escapes.Where(e => e.Pattern.IsMatch(line)).Select(e => $"line {i + 1}: {e.Why}: {line.Trim()}"));

    [Fact]
    public void No_test_file_reads_above_the_repository_root()
    {
        var tests = Path.Combine(TestSite.RepoRoot, "tests");
        var self = Path.Combine("Site.Tests", "Support", $"{nameof(RepositoryBoundaryTests)}.cs"); // its patterns are data
        var files = Directory.EnumerateFiles(tests, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".mjs", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(tests, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Where(f => f != self && !Allowed.Contains(f.Replace(Path.DirectorySeparatorChar, '/')))
            .ToList();
        Assert.True(files.Count > 20, $"only {files.Count} test files found under {tests}");
        var found = files.SelectMany(f => Findings(File.ReadAllText(Path.Combine(tests, f))).Select(x => $"tests/{f}: {x}")).ToList();
        Assert.True(found.Count == 0, "Tests must read only files inside the repository:\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("""var seeds = Path.Combine(TestSite.RepoRoot, "..", "shared", "seeds");""")]
    [InlineData("""File.ReadAllText(Path.Combine(root, "../shared/references.md"));""")]
    [InlineData("""const lunr = require('../../../../shared/lunr.js');""")]
    [InlineData("""var seeds = "/work/shared/seeds";""")]
    [InlineData("""Path.Combine(RepoRoot, @"tests\..\..\notes.txt")""")]
    public void The_check_catches_a_path_above_the_root(string line) => Assert.NotEmpty(Findings(line));

    [Theory]
    [InlineData("""var lunr = Path.Combine(RepoRoot, "theme", "node_modules", "lunr", "lunr.js");""")]
    [InlineData("""yaml.Load(new StringReader(markdown[4..end]));""")]
    [InlineData("""Assert.Contains("Read more...", html);""")]
    [InlineData("""public const string ChromiumPath = "/usr/bin/chromium";""")]
    public void The_check_lets_paths_inside_the_repository_through(string line) => Assert.Empty(Findings(line));
}
