using Site.Bench;
using Site.Tests.Support;

namespace Site.Tests.Bench;

/// <summary>
/// The benchmark's corpus (tests/bench/corpus) must build cleanly, or the benchmark would time error paths, and must
/// be the same for the same seed, or two runs would not be comparable.
/// </summary>
public sealed class CorpusTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 29); // the day of the newest review in input/
    private readonly string _root = Directory.CreateTempSubdirectory("bench-corpus-").FullName;

    [Fact]
    public void A_corpus_of_twenty_articles_builds_with_zero_diagnostics()
    {
        var corpus = CorpusWriter.Write(TestSite.RepoRoot, Path.Combine(_root, "a"), 20, seed: 1, Today);

        var result = SiteBuilder.Build(new BuildOptions
        {
            InputDirectory = corpus.InputDirectory,
            ThemeDirectory = Path.Combine(TestSite.RepoRoot, "theme"),
            OutputDirectory = Path.Combine(_root, "a", "output"),
            Today = Today,
        });

        Assert.Empty(result.Lines());
        Assert.Equal(20, corpus.Slugs.Count);
        foreach (var slug in corpus.Slugs)
        {
            // The shape the benchmark promises: six h2 sections each with an h3, three citations, a link to another
            // article; every heading reaches the page with the GitHub-style id the corpus's own links use.
            var lines = Article(corpus, slug).Split('\n');
            var headings = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal)).ToList();
            Assert.Equal(6, headings.Count(h => h.StartsWith("## ", StringComparison.Ordinal)));
            Assert.Equal(6, headings.Count(h => h.StartsWith("### ", StringComparison.Ordinal)));
            Assert.Equal(3, CountOf(string.Join('\n', lines), "[@"));
            var html = File.ReadAllText(Path.Combine(_root, "a", "output", "articles", slug, "index.html"));
            foreach (var heading in headings)
                Assert.Contains($"id=\"{heading.TrimStart('#', ' ').ToLowerInvariant().Replace(' ', '-')}\"", html);
            Assert.Contains("href=\"/articles/", html);
        }
    }

    [Fact]
    public void The_same_seed_writes_the_same_files_and_another_seed_does_not()
    {
        var first = CorpusWriter.Write(TestSite.RepoRoot, Path.Combine(_root, "a"), 5, seed: 3, Today);
        var second = CorpusWriter.Write(TestSite.RepoRoot, Path.Combine(_root, "b"), 5, seed: 3, Today);
        var other = CorpusWriter.Write(TestSite.RepoRoot, Path.Combine(_root, "c"), 5, seed: 4, Today);

        Assert.Equal(first.Slugs, second.Slugs);
        foreach (var slug in first.Slugs)
            Assert.Equal(Article(first, slug), Article(second, slug));
        Assert.NotEqual(Article(first, first.Slugs[0]), Article(other, other.Slugs[0]));
    }

    private static string Article(Corpus corpus, string slug) => File.ReadAllText(Path.Combine(corpus.InputDirectory, "articles", slug + ".md"));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
