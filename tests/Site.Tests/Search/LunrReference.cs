using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Site.Search;
using Site.Search.Lunr;

namespace Site.Tests.Search;

/// <summary>
/// Runs lunr.js 2.3.9 under node (<c>lunr-reference.js</c>) so tests compare with the reference implementation
/// instead of our idea of it. Missing node or a missing <c>theme/node_modules/lunr</c> fails the test: a skipped
/// reference test would prove nothing.
/// </summary>
internal static class LunrReference
{
    private static readonly Lazy<(string Script, string Lunr)> Paths = new(FindPaths);

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No Site.sln above {AppContext.BaseDirectory}; cannot find the repository root.");
    }

    private static (string, string) FindPaths()
    {
        var script = Path.Combine(RepoRoot, "tests", "Site.Tests", "Search", "lunr-reference.js");
        var lunr = Path.Combine(RepoRoot, "theme", "node_modules", "lunr", "lunr.js");
        Assert.True(File.Exists(script), $"Reference script missing: {script}");
        Assert.True(File.Exists(lunr),
            $"lunr.js not found at {lunr}. Run `npm ci` in {Path.Combine(RepoRoot, "theme")} (lunr 2.3.9 is in theme/package.json); "
            + "the search index tests compare with lunr.js itself and cannot run without it.");
        var version = File.ReadAllText(Path.Combine(RepoRoot, "theme", "node_modules", "lunr", "package.json"));
        Assert.Contains("\"version\": \"2.3.9\"", version);
        return (script, lunr);
    }

    /// <summary>Runs one mode of the reference script with <paramref name="inputJson"/> on stdin and returns stdout.</summary>
    public static string Run(string mode, string inputJson)
    {
        var (script, lunr) = Paths.Value;
        return Node(script, [lunr, mode], inputJson);
    }

    /// <summary>lunr.js's own file, for scripts that load it themselves.</summary>
    public static string LunrPath => Paths.Value.Lunr;

    /// <summary>Runs <c>node script args…</c> with <paramref name="inputJson"/> on stdin and returns stdout.</summary>
    public static string Node(string script, IReadOnlyList<string> args, string inputJson)
    {
        var mode = Path.GetFileName(script) + " " + args[^1];
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"`node` could not be started ({ex.Message}). Node 20 must be on PATH: the search index tests compare with lunr.js.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(inputJson);
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill();
                Assert.Fail($"node {mode} did not finish within 2 minutes");
            }

            Assert.True(process.ExitCode == 0, $"node {mode} failed ({process.ExitCode}):\n{stderr.Result}");
            return stdout.Result;
        }
    }

    /// <summary><c>JSON.stringify</c> of the lunr index lunr.js builds from the same documents and fields.</summary>
    public static string BuildIndex(IEnumerable<LunrDocument> documents, IReadOnlyList<LunrField> fields)
    {
        var sb = new StringBuilder();
        sb.Append("{\"ref\":\"ref\",\"fields\":[");
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append("{\"name\":");
            JsJson.WriteString(sb, fields[i].Name);
            sb.Append(",\"boost\":");
            JsJson.WriteNumber(sb, fields[i].Boost);
            sb.Append('}');
        }

        sb.Append("],\"documents\":[");
        var first = true;
        foreach (var d in documents)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append("{\"ref\":");
            JsJson.WriteString(sb, d.Ref);
            for (var i = 0; i < fields.Count; i++)
            {
                sb.Append(',');
                JsJson.WriteString(sb, fields[i].Name);
                sb.Append(':');
                JsJson.WriteString(sb, d.FieldTexts[i]);
            }

            sb.Append('}');
        }

        sb.Append("]}");
        return Run("build", sb.ToString());
    }

    /// <summary>The reference for documents as <see cref="SearchIndexWriter"/> indexes them.</summary>
    public static string BuildIndex(IReadOnlyList<SearchDocument> documents, SynonymTable synonyms) =>
        BuildIndex(SearchIndexWriter.ToLunrDocuments(documents, synonyms), SearchIndexWriter.Fields);

    /// <summary>Runs a per-item mode: one line of JSON (as JSON.stringify wrote it) per input item.</summary>
    public static string[] RunLines(string mode, string inputJson, int expectedCount)
    {
        var output = Run(mode, inputJson);
        var lines = expectedCount == 0 ? [] : output.Split('\n');
        Assert.Equal(expectedCount, lines.Length);
        return lines;
    }

    /// <summary>
    /// Asserts that our JSON for each item equals lunr.js's, listing the first differences with their inputs.
    /// </summary>
    public static void AssertSameLines(IReadOnlyList<string> inputs, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var failures = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] != actual[i]) failures.Add($"  input {Quote(inputs[i])}: lunr.js {expected[i]}, ours {actual[i]}");
        }

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {expected.Count} differ from lunr.js:\n{string.Join('\n', failures.Take(25))}");
    }

    public static string Quote(string s)
    {
        var sb = new StringBuilder();
        JsJson.WriteString(sb, s);
        return sb.ToString();
    }

    public static string QuoteArray(IEnumerable<string> items) => "[" + string.Join(',', items.Select(Quote)) + "]";

    /// <summary>Refs lunr.js's <c>idx.search(query)</c> returns for each query, best first, against a serialized index.</summary>
    public static string[][] Search(string indexJson, params string[] queries)
    {
        var sb = new StringBuilder();
        sb.Append("{\"index\":").Append(indexJson).Append(",\"queries\":[");
        for (var i = 0; i < queries.Length; i++)
        {
            if (i > 0) sb.Append(',');
            JsJson.WriteString(sb, queries[i]);
        }

        sb.Append("]}");
        return [.. RunLines("search", sb.ToString(), queries.Length).Select(line => JsonSerializer.Deserialize<string[]>(line)!)];
    }

    /// <summary>JSON for strings and numbers written with our JSON.stringify twin, so lone surrogates and doubles survive exactly.</summary>
    public static string ToJson(object input)
    {
        var sb = new StringBuilder();
        switch (input)
        {
            case IEnumerable<string> strings:
                sb.Append('[');
                var first = true;
                foreach (var s in strings)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    JsJson.WriteString(sb, s);
                }

                sb.Append(']');
                break;
            case IEnumerable<double> numbers:
                sb.Append('[').AppendJoin(',', numbers.Select(JsJson.NumberToString)).Append(']');
                break;
            default:
                throw new ArgumentException($"Unsupported input {input.GetType()}");
        }

        return sb.ToString();
    }
}
