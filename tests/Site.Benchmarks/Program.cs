using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Site;
using Site.Search;

// Figures for the issue notes: build times of the real site (cold, warm, incremental), search index sizes, and a
// synthetic site of N pages built by us and, when hugo is installed, by Hugo. Run in Release:
//   dotnet run -c Release --project tests/Site.Benchmarks -- [pages=10000]
var root = Site.Testing.Repository.Root;
var pages = args.Length > 0 ? int.Parse(args[0]) : 10_000;

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
RealSite(root);
await PreviewLatency(root);
SearchBudget(root, 1_000);
Synthetic(root, pages);

static long Gzip(string text)
{
    using var buffer = new MemoryStream();
    using (var gz = new GZipStream(buffer, CompressionLevel.SmallestSize)) gz.Write(Encoding.UTF8.GetBytes(text));
    return buffer.ToArray().LongLength;
}

static void RealSite(string root)
{
    var output = Directory.CreateTempSubdirectory("bench-real-").FullName;
    var options = new BuildOptions { InputDirectory = Path.Combine(root, "input"), ThemeDirectory = Path.Combine(root, "theme"), OutputDirectory = output };
    var clock = Stopwatch.StartNew();
    var cold = SiteBuilder.Build(options);
    Console.WriteLine($"real site: cold build {clock.ElapsedMilliseconds} ms, {cold.Pages.Count} pages, {cold.Diagnostics.ErrorCount} errors");
    var times = new List<double>();
    for (var i = 0; i < 10; i++) { clock.Restart(); SiteBuilder.Build(options); times.Add(clock.Elapsed.TotalMilliseconds); }
    Console.WriteLine($"real site: warm build median {times.Order().ElementAt(5):0} ms (one-shot, 10 runs)");
    var cached = options with { Cache = new BuildCache() };
    SiteBuilder.Build(cached);
    times.Clear();
    BuildResult? last = null;
    for (var i = 0; i < 10; i++)
    {
        File.SetLastWriteTimeUtc(Path.Combine(root, "input", "articles", "aftercare.md"), DateTime.UtcNow);
        clock.Restart();
        last = SiteBuilder.Build(cached);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"real site: preview rebuild after one edit, median {times.Order().ElementAt(5):0} ms ({string.Join(", ", last!.Timings.Select(t => $"{t.Stage} {t.Took.TotalMilliseconds:0}"))})");
    var index = File.ReadAllText(Path.Combine(output, "search", "index.json"));
    var store = File.ReadAllText(Path.Combine(output, "search", "store.json"));
    Console.WriteLine($"real site search: {last.Pages.Sum(p => p.SearchDocuments.Count)} documents; index {index.Length / 1024} KB ({Gzip(index) / 1024} KB gzip), store {store.Length / 1024} KB ({Gzip(store) / 1024} KB gzip), total {(Gzip(index) + Gzip(store)) / 1024} KB gzip");
    Console.WriteLine("real site search, node 20 (V8, as in chromium): " + QueryTime(root, Path.Combine(output, "search", "index.json")));
    Directory.Delete(output, true);
}

// Save a file → the preview's "reload" event reaches a connected page, measured on the event stream itself.
static async Task PreviewLatency(string root)
{
    var copy = Directory.CreateTempSubdirectory("bench-preview-").FullName;
    Site.Testing.Repository.CopySiteInto(copy);
    var options = new BuildOptions { InputDirectory = Path.Combine(copy, "input"), ThemeDirectory = Path.Combine(copy, "theme"), OutputDirectory = Path.Combine(copy, "output") };
    await using var session = await Site.Preview.PreviewSession.StartAsync(options, 0, cms: false, TextWriter.Null);
    using var http = new HttpClient { BaseAddress = session.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
    using var stream = await http.GetStreamAsync("/__preview/events");
    using var reader = new StreamReader(stream);
    await reader.ReadLineAsync(); // the current state
    await reader.ReadLineAsync();
    var article = Path.Combine(copy, "input", "articles", "aftercare.md");
    var times = new List<double>();
    for (var i = 0; i < 15; i++)
    {
        var clock = Stopwatch.StartNew();
        File.AppendAllText(article, $"\nEdit {i}.\n");
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null && !line.Contains("\"reload\"")) { }
        times.Add(clock.Elapsed.TotalMilliseconds);
        await Task.Delay(100);
    }
    times.Sort();
    Console.WriteLine($"preview: file saved → reload event at the page, median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms ({times.Count} edits; the page then reloads from 127.0.0.1)");
    Directory.Delete(copy, true);
}

static void SearchBudget(string root, int pageCount)
{
    var words = File.ReadAllText(Path.Combine(root, "input", "articles", "side-effects.md")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    var random = new Random(7);
    string Text(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
    var docs = new List<SearchDocument>();
    for (var p = 0; p < pageCount; p++)
    {
        docs.Add(new SearchDocument($"/p{p}/", $"/p{p}/", $"Page {p} {Text(3)}", null, Text(600), ["keyword"]));
        for (var s = 0; s < 6; s++) docs.Add(new SearchDocument($"/p{p}/#s{s}", $"/p{p}/#s{s}", $"Page {p}", Text(3), Text(100), ["keyword"]));
    }
    var clock = Stopwatch.StartNew();
    var output = SearchIndexWriter.Write(docs, SynonymTable.Empty);
    Console.WriteLine($"synthetic search ({pageCount} pages, {docs.Count} documents): written in {clock.ElapsedMilliseconds} ms; index {Gzip(output.IndexJson) / 1024} KB gzip, store {Gzip(output.StoreJson) / 1024} KB gzip");
    var file = Path.GetTempFileName();
    File.WriteAllText(file, output.IndexJson);
    Console.WriteLine($"synthetic search ({pageCount} pages), node 20: " + QueryTime(root, file));
    File.Delete(file);
}

static string QueryTime(string root, string indexFile)
{
    var info = new ProcessStartInfo("node", [Path.Combine(root, "tests", "Site.Benchmarks", "query-time.js"), Path.Combine(root, "theme", "node_modules", "lunr", "lunr.js"), indexFile])
        { RedirectStandardOutput = true, RedirectStandardError = true };
    using var process = Process.Start(info)!;
    var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
    process.WaitForExit();
    return text.Trim();
}

static void Synthetic(string root, int pageCount)
{
    var dir = Directory.CreateTempSubdirectory("bench-synthetic-").FullName;
    var input = Path.Combine(dir, "input");
    Directory.CreateDirectory(Path.Combine(input, "pages"));
    File.WriteAllText(Path.Combine(input, "site.yml"), "title: Bench\ndescription: A synthetic site for benchmarks.\nbase_url: https://example.org\nlanguage: en\nrepository:\n  url: https://example.org/r\nsections:\n  - id: s\n    title: S\n");
    var theme = Path.Combine(dir, "theme", "layouts");
    Directory.CreateDirectory(theme);
    File.WriteAllText(Path.Combine(theme, "_base.sbn"), "<!DOCTYPE html><html lang=\"en\"><head><title>{{ page.title | html.escape }}</title></head><body><main>{{ content }}</main></body></html>");
    File.WriteAllText(Path.Combine(theme, "page.sbn"), "<h1>{{ page.title | html.escape }}</h1><div data-prose>{{ page.body }}</div>");
    var hugo = Path.Combine(dir, "hugo");
    Directory.CreateDirectory(Path.Combine(hugo, "content"));
    Directory.CreateDirectory(Path.Combine(hugo, "layouts", "_default"));
    File.WriteAllText(Path.Combine(hugo, "hugo.toml"), "baseURL = 'https://example.org/'\ntitle = 'Bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n");
    File.WriteAllText(Path.Combine(hugo, "layouts", "_default", "single.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>");
    File.WriteAllText(Path.Combine(hugo, "layouts", "_default", "list.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body></body></html>");
    for (var i = 0; i < pageCount; i++)
    {
        var body = new StringBuilder();
        for (var s = 0; s < 4; s++)
            body.Append($"## Part {s}\n\nSome *text* with a [link](/page-{(i + 1) % pageCount}/) and more words about hair and scalp care, sessions and results.\n\n- one\n- two\n\n");
        var md = $"---\ntitle: Page {i}\ndescription: A synthetic page number {i} for the benchmark of the site generator.\n---\n{body}";
        File.WriteAllText(Path.Combine(input, "pages", $"page-{i}.md"), md);
        File.WriteAllText(Path.Combine(hugo, "content", $"page-{i}.md"), md);
    }
    var options = new BuildOptions { InputDirectory = input, ThemeDirectory = Path.Combine(dir, "theme"), OutputDirectory = Path.Combine(dir, "output") };
    SiteBuilder.Build(options with { OutputDirectory = Path.Combine(dir, "warmup") });
    var clock = Stopwatch.StartNew();
    var result = SiteBuilder.Build(options);
    Console.WriteLine($"synthetic {pageCount} pages: ours {clock.ElapsedMilliseconds} ms, {result.Diagnostics.ErrorCount} errors ({string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Took.TotalMilliseconds:0}"))})");
    try
    {
        var info = new ProcessStartInfo("hugo", ["--quiet", "--source", hugo]) { RedirectStandardOutput = true, RedirectStandardError = true };
        clock.Restart();
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Console.WriteLine($"synthetic {pageCount} pages: hugo {clock.ElapsedMilliseconds} ms (exit {process.ExitCode})");
    }
    catch (System.ComponentModel.Win32Exception)
    {
        Console.WriteLine("hugo is not installed (apt-get install hugo) : no comparison");
    }
    Directory.Delete(dir, true);
}
