using System.Globalization;
using Site.Bench;

// tests/bench/corpus --count N --out DIR [--seed S] [--today YYYY-MM-DD] [--repo ROOT]
// Exit codes as the generator's: 0 written, 1 when it cannot be written, 2 on bad usage.
int? count = null;
string? output = null;
var seed = 1;
DateOnly? today = null;
string? repo = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    try
    {
        switch (args[i])
        {
            case "--count": count = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--out": output = Value(); break;
            case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--today": today = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
            case "--repo": repo = Value(); break;
            default: throw new ArgumentException($"unknown option {args[i]}");
        }
    }
    catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
    {
        return Usage(ex.Message);
    }
}
if (count is not { } n || n < 0 || output is null) return Usage("--count N (0 or more) and --out DIR are required");
repo ??= FindRepository();
if (repo is null) return Usage("no Site.sln above the current folder or the program: pass --repo");

Corpus corpus;
try
{
    corpus = CorpusWriter.Write(repo, output, n, seed, today);
}
catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
Console.WriteLine($"corpus: {corpus.Slugs.Count} generated articles (seed {seed}) plus the real input/ in {corpus.InputDirectory}");
return 0;

static int Usage(string message)
{
    Console.Error.WriteLine($"error: {message}");
    Console.Error.WriteLine("usage: corpus --count N --out DIR [--seed S] [--today YYYY-MM-DD] [--repo ROOT]");
    return 2;
}

static string? FindRepository()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln"))) return dir.FullName;
    return null;
}
