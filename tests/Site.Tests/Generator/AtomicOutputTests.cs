using Site.Tests.Support;

namespace Site.Tests.Generator;

public sealed class AtomicOutputTests
{
    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Fact]
    public void A_failed_build_leaves_the_previous_output_byte_for_byte_intact()
    {
        using var site = TestSite.CopyOfReal();
        var first = site.Build();
        Assert.True(first.Succeeded, string.Join('\n', first.Errors()));
        var before = Snapshot(site.PathOf("output"));
        Assert.NotEmpty(before);

        site.Edit("input/articles/aftercare.md", "title:", "titel:");
        var second = site.Build();
        Assert.False(second.Succeeded);

        var after = Snapshot(site.PathOf("output"));
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), path);
        // No staging folders are left behind beside the output.
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".output.*"));
    }

    [Fact]
    public void A_good_build_replaces_the_output_and_removes_stale_files()
    {
        using var site = TestSite.CopyOfReal();
        Directory.CreateDirectory(site.PathOf("output"));
        File.WriteAllText(site.PathOf("output/stale.html"), "old");
        Assert.True(site.Build().Succeeded);
        Assert.False(File.Exists(site.PathOf("output/stale.html")));
        Assert.True(File.Exists(site.PathOf("output/index.html")));
    }
}
