using Site.Search;
using Site.Search.Lunr;

namespace Site.Tests.Search;

/// <summary>The index we write against <c>JSON.stringify(idx)</c> of lunr.js 2.3.9 over the same documents.</summary>
public sealed class SearchIndexWriterTests
{
    internal static SearchDocument Doc(string @ref, string title, string? section, string body, params string[] keywords) =>
        new(@ref, "/" + @ref.Trim('/') + "/", title, section, body, keywords);

    internal static readonly SearchDocument[] EdgeCorpus =
    [
        Doc("articles/contraindications", "Contraindications of Mesotherapy", null,
            "Mesotherapy is not for everyone. Anticoagulants, pregnancy and active infections are contraindications; " +
            "so are allergies to the injected substances. Don't book a session if you're unsure — ask your doctor.",
            "contraindications", "safety", "blood thinners"),
        Doc("articles/contraindications#temporary", "Contraindications of Mesotherapy", "Temporary reasons",
            "A cold, a sunburn or a recent vaccination: wait 1.5 weeks, or 2 weeks in 2026's guidance. RE-SCHEDULE!"),
        Doc("faq", "FAQ", null, "", "questions"),
        Doc("faq#empty", "FAQ", "", "   "),
        Doc("glossary", "Glossary — A to Z", "Café-au-lait & naïve façades",
            "Café café CAFÉ cafés naïve naïvely Über — – … ¿qué? ¡sí! «guillemets» ångström straße İstanbul ΟΔΟΣ"),
        Doc("1", "Numbered ref one", null, "1 1.5 2026 3rd 10% 50/50 v2.0 covid-19 x-ray mg/ml e.g. i.e."),
        Doc("10", "Numbered ref ten", null, "the the the and of a to in it is you that this"),
        Doc("2", "Numbered ref two", "Repeated terms", "hair hair hair hair hair loss loss thinning thinning hairs"),
        Doc("4294967295", "Not an array index", null, "hair and scalp"),
        Doc("4294967294", "The largest array index", null, "hair and scalp"),
        Doc("01", "Leading zero", null, "hair"),
        Doc("-1", "Negative", null, "hair"),
        Doc("articles/long", "Long words", null,
            "pneumonoultramicroscopicsilicovolcanoconiosis antidisestablishmentarianism " + new string('x', 300) +
            " electroencephalographically internationalization's"),
        Doc("articles/apostrophes", "Patients' questions", "It's the patient's choice",
            "don't won't can't o'clock rock'n'roll patients' 'quoted' \"double\" (parenthesised) [bracketed]"),
        Doc("articles/whitespace", "Tabs\tand\nnewlines", null, "nbsp\u00A0separated em\u2003space ideographic\u3000space zero\u200Bwidth"),
        Doc("articles/emoji", "Emoji 😀 and astral 𝐀𝐁", null, "🚀 rocket 𐐀 deseret \uD800 lone surrogate"),
        Doc("articles/upper", "UPPERCASE TITLE", "SHOUTING SECTION", "ALL CAPS BODY WITH HAIR LOSS AND ALOPECIA", "KEYWORD"),
        Doc("articles/yy", "Yes yellow young", null, "yield yearly youth y yy yyy saying played toys"),
        Doc("articles/json", "Quotes \" and backslashes \\ in titles", null, "control\u0001chars and \\ backslash \"quotes\" </script>"),
        Doc("articles/keywords", "Keywords only", null, "", "alopecia areata", "hair-loss", "Minoxidil 5%", ""),
    ];

    [Fact]
    public void Edge_case_corpus_is_byte_identical_to_lunr_js()
    {
        AssertSameAsLunr(EdgeCorpus, SynonymTable.Empty);
    }

    [Fact]
    public void Empty_corpus_is_byte_identical_to_lunr_js()
    {
        AssertSameAsLunr([], SynonymTable.Empty);
    }

    [Fact]
    public void Single_document_is_byte_identical_to_lunr_js()
    {
        AssertSameAsLunr([Doc("only", "Only", null, "one document one term")], SynonymTable.Empty);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 200)]
    [InlineData(3, 500)]
    [InlineData(4, 5)]
    public void Random_corpus_is_byte_identical_to_lunr_js(int seed, int documentCount)
    {
        AssertSameAsLunr(RandomCorpus.Create(seed, documentCount), SynonymTable.Empty);
    }

    [Fact]
    public void Duplicate_refs_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            SearchIndexWriter.Write([Doc("same", "A", null, "a"), Doc("same", "B", null, "b")], SynonymTable.Empty));
        Assert.Contains("'same'", ex.Message);
    }

    [Fact]
    public void Pipeline_is_the_search_pipeline_lunr_serializes()
    {
        var json = SearchIndexWriter.Write([Doc("a", "A", null, "text")], SynonymTable.Empty).IndexJson;
        Assert.StartsWith("{\"version\":\"2.3.9\",\"fields\":[\"title\",\"section\",\"body\",\"keywords\"],\"fieldVectors\":[", json);
        Assert.EndsWith("],\"pipeline\":[\"stemmer\"]}", json);
    }

    [Fact]
    public void Marker_word_finds_exactly_its_document_through_lunr_js()
    {
        var corpus = RandomCorpus.Create(9, 60).ToList();
        corpus[17] = corpus[17] with { Body = corpus[17].Body + " zanzibarquux" };
        var index = SearchIndexWriter.Write(corpus, SynonymTable.Empty).IndexJson;
        var hits = LunrReference.Search(index, "zanzibarquux", "Zanzibarquux", "title:zanzibarquux");
        Assert.Equal([corpus[17].Ref], hits[0]);
        Assert.Equal([corpus[17].Ref], hits[1]);
        Assert.Empty(hits[2]);
    }

    [Fact]
    public void The_real_sites_documents_numbered_as_the_build_numbers_them_index_as_lunr_js_does()
    {
        using var site = Support.TestSite.CopyOfReal();
        var result = site.Build(dryRun: true);
        var documents = SearchIndexWriter.Numbered(result.Pages.SelectMany(p => p.SearchDocuments));
        Assert.True(documents.Count > 50);
        Assert.Equal("0", documents[0].Ref);
        AssertSameAsLunr(documents, SynonymTable.Empty);
    }

    internal static void AssertSameAsLunr(IReadOnlyList<SearchDocument> documents, SynonymTable synonyms)
    {
        var ours = SearchIndexWriter.Write(documents, synonyms).IndexJson;
        var reference = LunrReference.BuildIndex(documents, synonyms);
        if (ours == reference) return;

        var at = 0;
        while (at < ours.Length && at < reference.Length && ours[at] == reference[at]) at++;
        var from = Math.Max(0, at - 120);
        Assert.Fail(
            $"Index differs from lunr.js at character {at} (ours {ours.Length} chars, lunr.js {reference.Length}).\n" +
            $"lunr.js: …{reference[from..Math.Min(reference.Length, at + 120)]}…\n" +
            $"ours:    …{ours[from..Math.Min(ours.Length, at + 120)]}…");
    }
}
