using System.Diagnostics;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.Reliability;

/// <summary>
/// The command-line build, killed (SIGKILL, no chance to clean up) at random moments again and again: the previous
/// <c>output/</c> stays byte for byte as it was, and the next build finishes, publishes the new site and leaves no
/// staging folder behind.
/// </summary>
public sealed class KilledBuildTests(ITestOutputHelper log)
{
    private const int Kills = 8;

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    private static bool Same(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var bytes) && e.Value.AsSpan().SequenceEqual(bytes));

    private static void AssertSame(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual, string when)
    {
        Assert.True(expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)), when + ": the files differ");
        foreach (var (path, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{when}: {path} changed");
    }

    private static Process StartBuild(TestSite site, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = site.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Site.dll"));
        info.ArgumentList.Add("build");
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = Process.Start(info)!;
        process.BeginOutputReadLine(); // drained, so a full pipe never stalls the build
        process.BeginErrorReadLine();
        return process;
    }

    private static int RunBuild(TestSite site, params string[] arguments)
    {
        using var process = StartBuild(site, arguments);
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the build did not finish");
        return process.ExitCode;
    }

    [Fact]
    public void A_build_killed_at_random_moments_leaves_the_previous_output_intact_and_the_next_build_clean()
    {
        using var site = TestSite.CopyOfReal();
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RunBuild(site));
        var fullBuild = clock.Elapsed;
        var before = Snapshot(site.PathOf("output"));

        // The next builds would publish a different site: a kill that let part of it through would show. The whole new
        // site, built once elsewhere, is the only other state output/ may be in (a kill after the swap's last rename).
        site.Edit("input/articles/aftercare.md", "Good aftercare helps", "Careful aftercare helps");
        Assert.Equal(0, RunBuild(site, "--output", "expected-output"));
        var after = Snapshot(site.PathOf("expected-output"));
        Directory.Delete(site.PathOf("expected-output"), recursive: true);
        var random = new Random(20261129);
        int killedMidway = 0, finished = 0, inTheSwap = 0, swappedBeforeKill = 0;
        for (var i = 0; i < Kills; i++)
        {
            using var process = StartBuild(site);
            // Every other kill anywhere from start-up to the end; the others while the output is being written (the
            // staging folder exists), the moment that matters most and lasts only a few hundred milliseconds.
            var delay = TimeSpan.FromMilliseconds(fullBuild.TotalMilliseconds * (0.1 + 1.0 * random.NextDouble()));
            if (i % 2 == 1)
            {
                var watch = Stopwatch.StartNew();
                while (!process.HasExited && !Directory.EnumerateDirectories(site.Root, ".output.new-*").Any() && watch.Elapsed < TimeSpan.FromMinutes(1))
                    Thread.Sleep(1);
                delay = TimeSpan.FromMilliseconds(random.Next(0, 40));
            }
            if (process.WaitForExit(delay))
            {
                finished++;
                log.WriteLine($"kill {i + 1}: the build finished within {delay.TotalMilliseconds:0} ms; putting the old output back");
                Directory.Delete(site.PathOf("output"), recursive: true);
                Restore(site.PathOf("output"), before);
                continue;
            }
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            killedMidway++;
            // A kill after the last rename left only the old site's folder to delete: output/ is whole either way.
            if (!Directory.Exists(site.PathOf("output")))
            {
                // Killed between the two renames of the swap: the old site waits under .output.old-*, for the next build.
                inTheSwap++;
                var old = Assert.Single(Directory.EnumerateDirectories(site.Root, ".output.old-*"));
                AssertSame(before, Snapshot(old), $"kill {i + 1} (in the swap)");
                continue;
            }
            var now = Snapshot(site.PathOf("output"));
            if (Same(after, now))
            {
                swappedBeforeKill++;
                log.WriteLine($"kill {i + 1}: landed after the swap, output/ is the whole new site; putting the old output back");
                Directory.Delete(site.PathOf("output"), recursive: true);
                Restore(site.PathOf("output"), before);
                continue;
            }
            AssertSame(before, now, $"kill {i + 1} after {delay.TotalMilliseconds:0} ms");
        }
        var staging = Directory.EnumerateDirectories(site.Root, ".output.*").Count();
        log.WriteLine($"{killedMidway} builds killed midway ({inTheSwap} in the swap, {swappedBeforeKill} just after it), {finished} finished first; {staging} staging folder(s) left by the kills; a full build takes {fullBuild.TotalMilliseconds:0} ms");
        Assert.True(killedMidway >= Kills / 2, $"only {killedMidway} of {Kills} kills landed during a build");

        // The next build is not tripped up by what the dead ones left, publishes the new site, and cleans up.
        Assert.Equal(0, RunBuild(site));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".output.*"));
        Assert.Contains("Careful aftercare helps", site.Read("output/articles/aftercare/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_left_by_a_dead_build_are_removed_and_a_site_caught_in_the_swap_is_put_back()
    {
        using var site = TestSite.CopyOfReal();
        var output = site.PathOf("output");
        // A dead build's staging folder (no such process), and the previous site moved aside by a build killed in the swap.
        var deadPid = int.MaxValue - 7;
        Directory.CreateDirectory(site.PathOf($".output.new-{deadPid}-0123456789abcdef/articles"));
        Directory.CreateDirectory(site.PathOf($".output.old-{deadPid}-0123456789abcdef"));
        File.WriteAllText(site.PathOf($".output.old-{deadPid}-0123456789abcdef/index.html"), "the previous site");

        Site.Output.StagingSink.RecoverFromInterruptedBuilds(output);

        Assert.Equal("the previous site", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".output.*"));
    }

    private static void Restore(string folder, Dictionary<string, byte[]> files)
    {
        foreach (var (path, bytes) in files)
        {
            var target = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
    }
}
