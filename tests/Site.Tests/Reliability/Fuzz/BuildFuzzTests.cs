using System.Diagnostics;
using AngleSharp.Html.Parser;
using CsCheck;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.Reliability.Fuzz;

/// <summary>
/// Generated and mutated articles, built (dry run) beside the real content with the real theme. Whatever arrives, the
/// build answers with pages whose HTML parses, or with diagnostics that each name a place in an existing file; never
/// an unhandled exception, never a hang. Cases are batched into builds of <see cref="BatchSize"/> articles, each case
/// from its own seed. <c>FUZZ_CASES</c> sets the number (tests/fuzz runs 100,000), <c>FUZZ_SEED</c> the first seed,
/// <c>FUZZ_CASE</c> replays one printed case seed alone.
/// </summary>
public sealed class BuildFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 3000;
    private const int BatchSize = 50;
    private static readonly TimeSpan BuildTimeBox = TimeSpan.FromSeconds(60);

    [Fact]
    public void Generated_and_mutated_articles_never_crash_or_hang_the_build()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) ? n : DefaultCases;
        var firstSeed = ulong.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261129UL;
        var replay = Environment.GetEnvironmentVariable("FUZZ_CASE");

        using var site = TestSite.CopyOfReal();
        var articles = Directory.EnumerateFiles(site.PathOf("input/articles"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var gen = FuzzInputs.Article(articles);
        var seeds = replay is not null ? [replay] : Enumerable.Range(0, cases).Select(i => new PCG(1, firstSeed + (ulong)i).ToString()).ToList();

        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var stats = new Stats();
        var processed = 0;
        foreach (var batch in seeds.Chunk(BatchSize))
        {
            processed += batch.Length;
            foreach (var old in Directory.EnumerateFiles(site.PathOf("input/articles"), "fuzz-*.md")) File.Delete(old);
            var files = new Dictionary<string, string>(StringComparer.Ordinal); // display path → case seed
            for (var i = 0; i < batch.Length; i++)
            {
                var bytes = gen.Generate(PCG.Parse(batch[i]), null, out _);
                var relative = $"input/articles/fuzz-{i:00}.md";
                File.WriteAllBytes(site.PathOf(relative), bytes);
                files[relative] = batch[i];
            }
            var problem = Check(site, files, stats);
            // Long runs report as they go (the test's own output appears only at its end): FUZZ_PROGRESS names a file.
            if (Environment.GetEnvironmentVariable("FUZZ_PROGRESS") is { Length: > 0 } progress && (processed / BatchSize) % 20 == 0)
                File.AppendAllText(progress, $"{DateTime.UtcNow:HH:mm:ss} {processed} cases, {clock.Elapsed.TotalSeconds:0} s, {failures.Count + (problem is null ? 0 : 1)} failing batch(es)\n");
            if (problem is not null)
            {
                failures.Add(Isolate(site, gen, batch) ?? problem);
                if (failures.Count >= 5) break;
            }
        }
        var summary = $"fuzz: {processed} of {seeds.Count} cases in {clock.Elapsed.TotalSeconds:0.0} s ({processed / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0} cases/s), first seed {firstSeed}, {failures.Count} failing batch(es); "
            + $"{stats.Builds} builds ({stats.CleanBuilds} without errors), {stats.Pages} pages parsed, {stats.Diagnostics} diagnostics placed ({stats.Ids.Count} ids: {string.Join(" ", stats.Ids.OrderBy(i => i, StringComparer.Ordinal))})";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Rebuilds each case of a failed batch alone, to name the seed that fails (and keep its input in /tmp).</summary>
    private static string? Isolate(TestSite site, Gen<byte[]> gen, string[] batch)
    {
        foreach (var seed in batch)
        {
            foreach (var old in Directory.EnumerateFiles(site.PathOf("input/articles"), "fuzz-*.md")) File.Delete(old);
            var bytes = gen.Generate(PCG.Parse(seed), null, out _);
            File.WriteAllBytes(site.PathOf("input/articles/fuzz-00.md"), bytes);
            if (Check(site, new() { ["input/articles/fuzz-00.md"] = seed }, new Stats()) is { } problem)
            {
                var kept = Path.Combine(Path.GetTempPath(), $"fuzz-failure-{seed}.md");
                File.WriteAllBytes(kept, bytes);
                return $"FAILING SEED {seed} (input kept in {kept}): {problem}";
            }
        }
        return null;
    }

    /// <summary>Null when the build behaved; otherwise what went wrong and the seeds to replay.</summary>
    private sealed class Stats
    {
        public int Builds, CleanBuilds, Pages, Diagnostics;
        public HashSet<string> Ids { get; } = [];
    }

    private static string? Check(TestSite site, Dictionary<string, string> files, Stats stats)
    {
        var seeds = string.Join(", ", files.Select(f => $"{Path.GetFileName(f.Key)}={f.Value}"));
        var build = Task.Run(() => site.Build(dryRun: true));
        try
        {
            if (!build.Wait(BuildTimeBox)) return $"build did not finish within {BuildTimeBox.TotalSeconds} s; seeds: {seeds}";
        }
        catch (AggregateException e)
        {
            return $"unhandled {e.InnerException}\nseeds: {seeds}";
        }
        var result = build.Result;
        stats.Builds++;
        if (result.Succeeded) stats.CleanBuilds++;
        foreach (var d in result.Diagnostics.Sorted())
        {
            var path = site.PathOf(d.Where.File);
            if (!File.Exists(path)) return $"diagnostic names no file of the site: {d}\nseeds: {seeds}";
            var lines = File.ReadAllBytes(path).Count(b => b == (byte)'\n') + 1;
            if (d.Where.Line < 1 || d.Where.Line > lines || d.Where.Column < 1)
                return $"diagnostic outside its file ({lines} lines): {d}\nseed: {files.GetValueOrDefault(d.Where.File, seeds)}";
            stats.Diagnostics++;
            stats.Ids.Add(d.Id);
        }
        foreach (var page in result.Pages)
        {
            var errors = new List<string>();
            var parser = new HtmlParser();
            parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message);
            var document = parser.ParseDocument(page.Html);
            if (errors.Count > 0 || document.QuerySelector("main") is null)
                return $"{page.Page.Url}: HTML does not parse cleanly ({string.Join("; ", errors.Take(3))})\nseed: {files.GetValueOrDefault(page.Page.Source.DisplayPath, seeds)}";
            stats.Pages++;
        }
        return null;
    }
}
