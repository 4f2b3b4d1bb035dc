using System.Diagnostics;
using System.Text.Json;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.Validity;

/// <summary>
/// The Nu HTML Checker (vnu.jar, from npm's vnu-jar in tests/tools/vnu, run by Debian's default-jre-headless; both
/// installed by tests/run) over every page of the real site as built: zero errors.
/// </summary>
public sealed class NuHtmlCheckerTests(ITestOutputHelper output)
{
    private static string Jar => Path.Combine(Site.Testing.Repository.Root, "tests", "tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public void Every_built_page_is_valid_html()
    {
        using var site = TestSite.CopyOfReal();
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics.Sorted()));
        var pages = Directory.GetFiles(site.PathOf("output"), "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length >= 20, $"only {pages.Length} pages built");

        var errors = Check(site.PathOf("output"));
        output.WriteLine($"{pages.Length} pages checked, {errors.Count} error(s)");
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void The_checker_finds_a_skipped_heading_level()
    {
        // The check that must fail: the /topics/ pages had an h3 right after the h1 (4 errors before the fix).
        var dir = Directory.CreateTempSubdirectory("vnu-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "index.html"),
                "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>A</h1><ul><li><h3>B</h3></li></ul></main></body></html>");
            var errors = Check(dir);
            Assert.Contains(errors, e => e.Contains("skipping 1 heading level", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The checker's errors for every .html file under <paramref name="directory"/>, as "file:line: message".</summary>
    private static List<string> Check(string directory)
    {
        if (!File.Exists(Jar))
            throw new InvalidOperationException($"{Jar} is missing: run tests/run, which installs it (npm ci --prefix tests/tools/vnu).");
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-Xss4m", "-jar", Jar, "--errors-only", "--format", "json", "--skip-non-html", directory })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start: run tests/run, which installs default-jre-headless");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;

        // vnu writes its JSON report to standard error.
        using var report = JsonDocument.Parse(stderr);
        return [.. report.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"{Relative(m, directory)}:{(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")];
    }

    private static string Relative(JsonElement message, string directory)
    {
        var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
        // vnu names files "file:/tmp/…" (one slash), which Uri does not take.
        var path = url.StartsWith("file:", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["file:".Length..]) : url;
        return Path.GetRelativePath(directory, path);
    }
}
