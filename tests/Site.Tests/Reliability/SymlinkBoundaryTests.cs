using Site.Tests.Support;
using Xunit;

namespace Site.Tests.Reliability;

/// <summary>
/// A symbolic link in input/ or theme/ must never publish what it points to (issue 16, item 1): a link to a file
/// outside, to a folder outside, to a folder holding a dangling link, and a dangling link each stop the build with
/// SITE025 at the link's path, and nothing of the target reaches the output.
/// </summary>
public sealed class SymlinkBoundaryTests
{
    private static (BuildResult Result, TestSite Site) BuildWith(Action<TestSite, string> plant)
    {
        var site = TestSite.CopyOfReal();
        var outside = Directory.CreateTempSubdirectory("outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "TOKEN=do-not-publish");
        plant(site, outside);
        return (site.Build(), site);
    }

    [Fact]
    public void A_file_link_to_outside_is_refused_and_not_published()
    {
        var (result, site) = BuildWith((s, _) => File.CreateSymbolicLink(s.PathOf("input/media/passwd.svg"), "/etc/passwd"));
        using (site)
        {
            var error = Assert.Single(result.Errors());
            Assert.Contains("input/media/passwd.svg(1,1): error SITE025", error);
            Assert.Contains("'/etc/passwd'", error);
            Assert.False(File.Exists(Path.Combine(site.Options().OutputDirectory, "media", "passwd.svg")));
        }
    }

    [Fact]
    public void A_folder_link_to_outside_is_refused_and_not_entered()
    {
        var (result, site) = BuildWith((s, outside) => Directory.CreateSymbolicLink(s.PathOf("input/media/sec"), outside));
        using (site)
        {
            var error = Assert.Single(result.Errors());
            Assert.Contains("input/media/sec(1,1): error SITE025", error);
            Assert.False(Directory.Exists(Path.Combine(site.Options().OutputDirectory, "media", "sec")));
        }
    }

    [Fact]
    public void A_folder_link_to_a_folder_with_a_dangling_link_is_a_diagnostic_not_a_crash()
    {
        var (result, site) = BuildWith((s, outside) =>
        {
            File.CreateSymbolicLink(Path.Combine(outside, "gone"), Path.Combine(outside, "never-there"));
            Directory.CreateSymbolicLink(s.PathOf("theme/assets/etc"), outside);
        });
        using (site) Assert.Contains("theme/assets/etc(1,1): error SITE025", Assert.Single(result.Errors()));
    }

    [Fact]
    public void A_dangling_link_is_refused()
    {
        var (result, site) = BuildWith((s, _) => File.CreateSymbolicLink(s.PathOf("input/articles/ghost.md"), "/nonexistent/ghost.md"));
        using (site)
        {
            var error = Assert.Single(result.Errors());
            Assert.Contains("input/articles/ghost.md(1,1): error SITE025", error);
            Assert.Contains("which does not exist", error);
        }
    }

    [Fact]
    public void A_file_link_inside_its_folder_is_followed()
    {
        var (result, site) = BuildWith((s, _) => File.CreateSymbolicLink(s.PathOf("input/media/copy.svg"), s.PathOf("input/media/scalp-layers.svg")));
        using (site)
        {
            Assert.Empty(result.Errors());
            Assert.True(File.Exists(Path.Combine(site.Options().OutputDirectory, "media", "copy.svg")));
        }
    }
}
