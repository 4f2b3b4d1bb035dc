using System.Text.RegularExpressions;

namespace Site.Tests.Support;

/// <summary>
/// Whole sites for tests. A site is written as one string with <c>-- path --</c> markers before each file (as Hugo's
/// tests do), or copied from the real repository, then built with the generator in-process.
/// </summary>
internal sealed partial class TestSite : IDisposable
{
    public string Root { get; }

    private TestSite(string root) => Root = root;

    public static string RepoRoot => Site.Testing.Repository.Root;

    /// <summary>The real site checked once (nothing written, every file's text kept), shared by the tests that only read it.</summary>
    public static readonly Lazy<BuildResult> RealDryRun = new(() => InMemory(new BuildOptions
    {
        InputDirectory = Path.Combine(RepoRoot, "input"),
        ThemeDirectory = Path.Combine(RepoRoot, "theme"),
        OutputDirectory = Path.Combine(Path.GetTempPath(), "unused-dry-run"),
    }));

    /// <summary>Builds with nothing written: every file's text is kept in the result.</summary>
    public static BuildResult InMemory(BuildOptions options)
    {
        using var sink = new Site.Output.MemorySink(keepContent: true);
        return SiteBuilder.Build(options, sink, BuildStages.OneShot);
    }

    [GeneratedRegex(@"^-- (?<path>\S+) --$", RegexOptions.Multiline)]
    private static partial Regex FileMarker();

    /// <summary>A site from one string of <c>-- path --</c> sections.</summary>
    public static TestSite FromText(string text)
    {
        var site = new TestSite(Directory.CreateTempSubdirectory("site-test-").FullName);
        var markers = FileMarker().Matches(text);
        for (var i = 0; i < markers.Count; i++)
        {
            var start = markers[i].Index + markers[i].Length + 1;
            var end = i + 1 < markers.Count ? markers[i + 1].Index : text.Length;
            site.Write(markers[i].Groups["path"].Value, start <= end ? text[start..end] : "");
        }
        return site;
    }

    /// <summary>A copy of the real <c>input/</c>, <c>theme/</c> (node_modules linked) and netlify.toml.</summary>
    public static TestSite CopyOfReal()
    {
        var site = new TestSite(Directory.CreateTempSubdirectory("site-real-").FullName);
        Site.Testing.Repository.CopySiteInto(site.Root);
        return site;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Replaces the first occurrence of <paramref name="find"/> in a file; fails if it is not there.</summary>
    public void Edit(string relative, string find, string replace)
    {
        var text = Read(relative);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not found in {relative}");
        Write(relative, text[..at] + replace + text[(at + find.Length)..]);
    }

    public BuildOptions Options() => new()
    {
        InputDirectory = PathOf("input"),
        ThemeDirectory = Directory.Exists(PathOf("theme")) ? PathOf("theme") : Path.Combine(RepoRoot, "theme"),
        OutputDirectory = PathOf("output"),
        Today = new DateOnly(2026, 11, 29),
    };

    /// <param name="dryRun">Write nothing and keep every file's text in the result (as <c>check</c> does, plus the text); otherwise build into output/.</param>
    public BuildResult Build(bool dryRun = false) => dryRun ? InMemory(Options()) : SiteBuilder.Build(Options());

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

internal static class BuildResultExtensions
{
    public static string[] Lines(this BuildResult result) => [.. result.Diagnostics.Sorted().Select(d => d.ToString())];

    public static string[] Errors(this BuildResult result) => [.. result.Diagnostics.Sorted().Where(d => d.IsError).Select(d => d.ToString())];
}
