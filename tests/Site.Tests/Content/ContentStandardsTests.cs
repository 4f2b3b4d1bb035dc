using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Site.Markdown;
using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>The content's own standards: plain language, dates, sources, pictures, and no copied sentences.</summary>
public sealed partial class ContentStandardsTests : IClassFixture<ContentStandardsTests.RealBuild>
{
    public sealed class RealBuild : IDisposable
    {
        private readonly TestSite _site = TestSite.CopyOfReal();
        internal BuildResult Result { get; }
        public RealBuild() => Result = _site.Build(dryRun: true);
        public void Dispose() => _site.Dispose();
    }

    private readonly BuildResult _result;

    public ContentStandardsTests(RealBuild build) => _result = build.Result;

    private IEnumerable<BuiltPage> Articles => _result.Pages.Where(p => p.Page.IsArticle);

    public static readonly string[] RequiredArticles =
    [
        "what-is-hair-mesotherapy", "how-it-works", "what-is-injected", "who-it-may-help", "contraindications",
        "side-effects", "procedure-and-course", "aftercare", "compared-with-other-options", "what-the-evidence-says",
    ];

    [Fact]
    public void All_ten_articles_and_the_editorial_pages_exist()
    {
        var urls = _result.Pages.Select(p => p.Page.Url).ToHashSet();
        foreach (var slug in RequiredArticles) Assert.Contains($"/articles/{slug}/", urls);
        foreach (var page in new[] { "/", "/faq/", "/glossary/", "/about/", "/privacy/", "/disclaimer/", "/references/", "/candidate/", "/search/" })
            Assert.Contains(page, urls);
    }

    [Fact]
    public void Every_article_reads_at_grade_nine_or_below()
    {
        var over = Articles.Where(a => a.Body.Readability.Grade > Readability.TargetGrade)
            .Select(a => $"{a.Page.Slug}: {a.Body.Readability.Grade:0.0}").ToList();
        Assert.True(over.Count == 0, string.Join(", ", over));
        Assert.All(Articles, a => Assert.True(a.Body.Readability.Words > 300, $"{a.Page.Slug} has only {a.Body.Readability.Words} words"));
    }

    [Fact]
    public void Every_article_is_dated_reviewed_on_schedule_and_cites_two_sources()
    {
        foreach (var a in Articles)
        {
            var meta = a.Page.Meta;
            Assert.NotNull(meta.LastReviewed);
            Assert.NotNull(meta.NextReview);
            Assert.True(meta.NextReview <= meta.LastReviewed!.Value.AddYears(3), a.Page.Slug);
            Assert.True(a.Body.Sources.Count >= 2, $"{a.Page.Slug} cites {a.Body.Sources.Count}");
            Assert.Contains("class=\"cite\"", a.Html); // claims about studies are cited inline
            Assert.Contains("Checked against sources", a.Html);
            Assert.Contains("Next check due", a.Html);
        }
    }

    [Fact]
    public void No_invented_reviewers_and_the_page_says_so()
    {
        foreach (var a in Articles.Where(a => a.Page.Meta.ClinicalReviewer is null))
        {
            Assert.Contains("<dt>Clinical review</dt><dd>Not yet</dd>", a.Html);
            Assert.Contains("No doctor has reviewed it yet.", a.Html);
        }
    }

    [Fact]
    public void The_check_against_sources_is_never_worded_as_a_review()
    {
        // Before: "Last reviewed 20 November 2026" above "This page has not yet been reviewed by a clinician".
        Assert.All(_result.Pages, p => Assert.DoesNotContain("Last reviewed", p.Html));
        Assert.All(_result.Pages, p => Assert.DoesNotContain("not verified", p.Html, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_page_says_it_is_education_not_medical_advice()
    {
        Assert.All(_result.Pages, p => Assert.Contains("Education, not medical advice.", p.Html));
    }

    [Fact]
    public void The_faq_has_at_least_twelve_questions_each_linking_deeper()
    {
        var faq = _result.Pages.Single(p => p.Page.Url == "/faq/");
        var questions = StructuredDataQuestions(faq);
        Assert.True(questions >= 12, $"{questions} questions");
        var sections = faq.SearchDocuments.Where(d => d.SectionTitle is not null).ToList();
        Assert.True(sections.Count >= 12);
        Assert.All(faq.Body.Links.Where(l => !l.IsImage), l => Assert.False(string.IsNullOrEmpty(l.Target)));
        Assert.True(faq.Body.Links.Count(l => l.Target.StartsWith("/articles/", StringComparison.Ordinal)) >= 12);
    }

    private static int StructuredDataQuestions(BuiltPage page) => Regex.Matches(page.Html, "\"@type\":\"Question\"").Count;

    [Fact]
    public void Two_original_figures_with_text_alternatives_and_captions()
    {
        var figures = Articles.SelectMany(a => Regex.Matches(a.Html, @"<figure[^>]*>\s*<p><img src=""(?<src>/media/[^""]+\.svg)"" alt=""(?<alt>[^""]{20,})""[^>]*></p>\s*<figcaption>[^<]{10,}")
            .Select(m => m.Groups["src"].Value)).Distinct().ToList();
        Assert.Contains("/media/scalp-layers.svg", figures);
        Assert.Contains("/media/treatment-timeline.svg", figures);
        foreach (var svg in Directory.EnumerateFiles(Path.Combine(TestSite.RepoRoot, "input", "media"), "*.svg"))
        {
            var text = File.ReadAllText(svg);
            Assert.Contains("<title", text);
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"(href|src)=""https?:", text);
        }
    }

    /// <summary>
    /// Hashed 8-word runs of the seed articles, committed so the check runs in any clone: seed-shingles.mjs beside this
    /// file regenerates them from the seeds (kept outside the repository), and tests read nothing outside it.
    /// </summary>
    public static readonly string SeedShinglesFile = Path.Combine(TestSite.RepoRoot, "tests", "Site.Tests", "Content", "seed-shingles.txt");

    private const int ShingleWords = 8;

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Word();

    /// <summary>Words as seed-shingles.mjs splits them: runs of ASCII letters and digits, lower-cased.</summary>
    private static List<string> Words(string text) => [.. Word().Matches(text).Select(m => m.Value.ToLowerInvariant())];

    /// <summary>The first 16 hex digits of the SHA-256 of the words joined by single spaces, as seed-shingles.mjs writes them.</summary>
    private static string ShingleHash(IEnumerable<string> words) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', words))))[..16];

    private static HashSet<string> SeedShingles() =>
        [.. File.ReadLines(SeedShinglesFile).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>Each run of 8 words in <paramref name="text"/> whose hash is in <paramref name="hashes"/>.</summary>
    private static IEnumerable<string> CopiedRuns(string text, IReadOnlySet<string> hashes)
    {
        var w = Words(text);
        for (var i = 0; i + ShingleWords <= w.Count; i++)
        {
            var run = w.GetRange(i, ShingleWords);
            if (hashes.Contains(ShingleHash(run))) yield return string.Join(' ', run);
        }
    }

    /// <summary>Facts carry over from the seed articles; sentences do not. Any run of 8 words in common fails.</summary>
    [Fact]
    public void Nothing_copies_a_seed_sentence()
    {
        var seeds = SeedShingles();
        Assert.True(seeds.Count > 1000, $"{SeedShinglesFile} holds only {seeds.Count} hashes");
        Assert.All(seeds, h => Assert.Matches("^[0-9a-f]{16}$", h));
        var copied = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSite.RepoRoot, "input"), "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".md") || f.EndsWith(".yml") || f.EndsWith(".svg")))
        {
            foreach (var run in CopiedRuns(File.ReadAllText(file), seeds))
                copied.Add($"{Path.GetRelativePath(TestSite.RepoRoot, file)}: \"{run}\"");
        }
        Assert.True(copied.Count == 0, "Copied from the seeds:\n" + string.Join('\n', copied.Take(20)));
    }

    [Fact]
    public void Shingles_are_hashed_as_the_regenerating_script_hashes_them()
    {
        // The value seed-shingles.mjs gives for the first 8 words of this sentence (node computed it): if the two
        // ever split words or hash differently, the committed hashes would silently stop matching anything.
        var words = Words("Café: Quokkas hop, at DUSK, over 3 low walls — twice.");
        Assert.Equal(["caf", "quokkas", "hop", "at", "dusk", "over", "3", "low", "walls", "twice"], words);
        Assert.Equal("7761e51f23fe2030", ShingleHash(words.Take(ShingleWords)));
    }

    [Fact]
    public void A_copied_run_of_eight_words_is_found_whatever_its_case_and_punctuation()
    {
        var hashes = new HashSet<string> { ShingleHash(Words("the quick brown fox jumps over the lazy")) };
        Assert.Equal(["the quick brown fox jumps over the lazy"], CopiedRuns("So: THE quick, brown fox jumps over the lazy dog.", hashes));
        Assert.Empty(CopiedRuns("The quick brown fox jumps over a lazy dog.", hashes));
        Assert.Empty(CopiedRuns("quick brown fox jumps over the lazy dog", hashes));
    }

    [Fact]
    public void The_references_page_lists_every_source_cited_anywhere()
    {
        var cited = _result.Pages.SelectMany(p => p.Body.Sources).Select(s => s.Id).Distinct().ToList();
        var references = _result.Pages.Single(p => p.Page.Url == "/references/");
        Assert.All(cited, id => Assert.Contains($"id=\"ref-{id}\"", references.Html));
    }
}
