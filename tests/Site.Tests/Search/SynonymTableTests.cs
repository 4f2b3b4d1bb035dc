using Site.Diagnostics;
using Site.Search;

namespace Site.Tests.Search;

/// <summary>synonyms.yml: its diagnostics (fixture files) and its effect, judged by lunr.js's own query code.</summary>
public sealed class SynonymTableTests
{
    private const string DisplayPath = "input/search/synonyms.yml";
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "search", "synonyms");

    public static TheoryData<string> Fixtures =>
        [.. Directory.GetFiles(FixtureDir, "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Each <c>NNN-name.yml</c> has the expected diagnostics beside it in <c>NNN-name.diagnostics</c>, one per line
    /// in the MSBuild shape. <c>UPDATE_GOLDEN=1</c> rewrites them in the source tree.
    /// </summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reports_the_diagnostics_the_fixture_expects(string fixture)
    {
        var diagnostics = new DiagnosticBag();
        SynonymTable.Load(DisplayPath, File.ReadAllText(Path.Combine(FixtureDir, fixture)), diagnostics);
        var actual = string.Concat(diagnostics.Sorted().Select(d => d + "\n"));

        var expectedName = Path.ChangeExtension(fixture, ".diagnostics");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(LunrReference.RepoRoot, "tests", "Site.Tests", "Fixtures", "search", "synonyms", expectedName);
            File.WriteAllText(source, actual);
            return;
        }

        var expectedPath = Path.Combine(FixtureDir, expectedName);
        Assert.True(File.Exists(expectedPath), $"{expectedName} is missing; run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void Valid_file_loads_every_entry()
    {
        var table = LoadValid();
        Assert.Equal(3, table.Entries.Count);
        Assert.Equal(["blood thinners", "blood thinner"], table.Entries[0].Words);
        Assert.Equal(["hair loss", "telogen effluvium"], table.Entries[2].Means);
    }

    [Fact]
    public void Entries_with_errors_are_left_out_and_the_rest_kept()
    {
        var diagnostics = new DiagnosticBag();
        var table = SynonymTable.Load(DisplayPath, File.ReadAllText(Path.Combine(FixtureDir, "001-unknown-key.yml")), diagnostics);
        Assert.Empty(table.Entries);
        Assert.Equal(3, diagnostics.ErrorCount);
    }

    [Fact]
    public void Unknown_key_is_reported_at_its_line_and_column()
    {
        var diagnostics = new DiagnosticBag();
        SynonymTable.Load(DisplayPath, "- words: [a lay word]\n  means: [alopecia]\n  mean: [x]\n", diagnostics);
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal("SITE002", d.Id);
        Assert.Equal(new SourceSpan(DisplayPath, 3, 3), d.Where);
        Assert.Equal("Unknown key 'mean'. Did you mean 'means'? Keys of a synonym entry: words, means.", d.Message);
    }

    private static readonly SearchDocument[] SynonymCorpus =
    [
        SearchIndexWriterTests.Doc("articles/anticoagulants", "Anticoagulants and mesotherapy", null,
            "Patients on anticoagulants bruise more easily after injections.", "safety"),
        SearchIndexWriterTests.Doc("articles/alopecia", "Alopecia areata", "What it is",
            "Alopecia areata is an autoimmune condition."),
        SearchIndexWriterTests.Doc("articles/after-illness", "After an illness", "Hair loss after a fever",
            "Hair loss three months after a high fever is common: the follicles rest, then regrow."),
        SearchIndexWriterTests.Doc("articles/blood-tests", "Blood tests before a session", null,
            "Some clinics ask for blood tests; none of them involve anticoagulant drugs being stopped by you."),
        SearchIndexWriterTests.Doc("articles/unrelated", "Vitamins", null, "Biotin and zinc in the mesotherapy cocktail."),
    ];

    [Fact]
    public void Lay_words_find_the_documents_that_use_the_article_words_through_lunr_js()
    {
        var index = SearchIndexWriter.Write(SynonymCorpus, LoadValid()).IndexJson;
        var hits = LunrReference.Search(index, "blood thinners", "Blood-Thinner", "baldness", "shedding", "hair fall", "thinners");

        // "blood" alone also matches the blood-tests page; the anticoagulant pages match both terms.
        Assert.Equal("articles/anticoagulants", hits[0][0]);
        Assert.Equal(["articles/anticoagulants", "articles/blood-tests"], hits[0].Order(StringComparer.Ordinal));
        Assert.Equal("articles/anticoagulants", hits[1][0]);
        Assert.Equal(["articles/alopecia"], hits[2]);
        Assert.Equal(["articles/after-illness"], hits[3]);
        Assert.Equal("articles/after-illness", hits[4][0]);
        Assert.Equal(["articles/anticoagulants", "articles/blood-tests"], hits[5].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_synonyms_the_lay_words_find_nothing()
    {
        var index = SearchIndexWriter.Write(SynonymCorpus, SynonymTable.Empty).IndexJson;
        var hits = LunrReference.Search(index, "thinners", "baldness", "shedding");
        Assert.All(hits, Assert.Empty);
    }

    [Fact]
    public void Expanded_index_is_byte_identical_to_lunr_js_over_the_expanded_documents()
    {
        SearchIndexWriterTests.AssertSameAsLunr(SynonymCorpus, LoadValid());
        var random = RandomCorpus.Create(11, 150);
        var table = SynonymTable.Create(
        [
            new(["locks", "mane"], ["hair"]),
            new(["cuppa joe", "the coffee"], ["café"]),
            new(["dose form"], ["mg/ml"]),
            new(["phrase match"], ["hair loss"]),
        ]);
        var expanded = SearchIndexWriter.ToLunrDocuments(random, table).Count(d => d.FieldTexts.Any(t => t?.Contains("locks") == true));
        Assert.True(expanded > 10, "the random corpus should exercise the expansion");
        SearchIndexWriterTests.AssertSameAsLunr(random, table);
    }

    [Fact]
    public void Lay_words_are_appended_once_to_the_field_that_has_the_article_word()
    {
        var table = LoadValid();
        var document = SearchIndexWriterTests.Doc("d", "Anticoagulants", null,
            "Anticoagulants, anticoagulant; hair-loss and the blood.", "Alopecia");
        var lunr = Assert.Single(SearchIndexWriter.ToLunrDocuments([document], table));

        Assert.Equal("Anticoagulants blood thinners", lunr.FieldTexts[0]);
        Assert.Null(lunr.FieldTexts[1]);
        // "blood" is already in the body, so only "thinners" is added; "hair-loss" is the phrase "hair loss".
        Assert.Equal("Anticoagulants, anticoagulant; hair-loss and the blood. thinners fall shedding", lunr.FieldTexts[2]);
        Assert.Equal("Alopecia baldness", lunr.FieldTexts[3]);
    }

    private static SynonymTable LoadValid()
    {
        var diagnostics = new DiagnosticBag();
        var table = SynonymTable.Load(DisplayPath, File.ReadAllText(Path.Combine(FixtureDir, "000-valid.yml")), diagnostics);
        Assert.Empty(diagnostics.Sorted());
        return table;
    }
}
