using System.Text.Json;
using Site.Search;

namespace Site.Tests.Search;

public sealed class SearchStoreTests
{
    [Fact]
    public void Store_maps_each_ref_to_title_section_url_and_excerpt()
    {
        var json = SearchStore.ToJson(
        [
            new SearchDocument("side-effects", "/articles/side-effects/", "Side effects", null, "Pain and \"redness\".", []),
            new SearchDocument("side-effects#common", "/articles/side-effects/#common", "Side effects", "Common <and> expected",
                "Most people have at least one of these.", []),
        ]);

        Assert.Equal(
            """{"side-effects":{"t":"Side effects","s":null,"u":"/articles/side-effects/","x":"Pain and \"redness\"."},"side-effects#common":{"t":"Side effects","s":"Common <and> expected","u":"/articles/side-effects/#common","x":"Most people have at least one of these."}}""",
            json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, parsed.RootElement.GetProperty("side-effects").GetProperty("s").ValueKind);
    }

    [Fact]
    public void Short_body_is_the_excerpt_as_it_is() => Assert.Equal("Short text.", SearchStore.Excerpt("  Short text. "));

    [Fact]
    public void Long_body_is_cut_after_a_whole_word_with_an_ellipsis()
    {
        var body = string.Join(' ', Enumerable.Repeat("mesotherapy", SearchStore.ExcerptLength / 10));
        var excerpt = SearchStore.Excerpt(body);
        Assert.EndsWith("mesotherapy…", excerpt);
        Assert.True(excerpt.Length <= SearchStore.ExcerptLength + 1, $"{excerpt.Length} characters");
        Assert.True(excerpt.Length > SearchStore.ExcerptLength - 15, $"{excerpt.Length} characters");
    }

    [Fact]
    public void Punctuation_that_leads_on_is_not_left_before_the_ellipsis()
    {
        var body = new string('a', 150) + " word, — more text that goes on well past the limit of the excerpt";
        Assert.Equal(new string('a', 150) + " word…", SearchStore.Excerpt(body, 160));
    }

    [Fact]
    public void Units_stay_separated_and_whole()
    {
        // A table row as the body gives it: one cell per line. Before, the excerpt ran them together ("Reason Why it matters Pregnancy").
        var excerpt = SearchStore.Excerpt("Reason\nWhy it matters\n  Pregnancy \n\nDrugs in the mix could harm the baby");
        Assert.Equal("Reason\nWhy it matters\nPregnancy\nDrugs in the mix could harm the baby", excerpt);
    }

    [Fact]
    public void Only_whole_units_that_fit_are_kept()
    {
        var first = new string('a', SearchStore.ExcerptLength / 2);
        var second = new string('b', SearchStore.ExcerptLength / 3);
        var third = new string('c', SearchStore.ExcerptLength / 4);
        var excerpt = SearchStore.Excerpt($"{first}\n{second}\n{third}");
        Assert.Equal($"{first}\n{second}", excerpt);
        Assert.DoesNotContain('…', excerpt);
    }

    [Fact]
    public void The_store_ships_more_than_the_first_160_characters_so_a_snippet_can_centre_on_a_later_match()
    {
        var body = "Most side effects are mild and pass in a day or two.\n" +
                   "Redness and small bruises are common where the needle went in, and usually fade within a week.\n" +
                   "Infection is rare: look for growing pain, heat, swelling or pus.";
        var json = SearchStore.ToJson([new SearchDocument("p#s", "/p/#s", "Page", "Section", body, [])]);
        using var parsed = JsonDocument.Parse(json);
        var x = parsed.RootElement.GetProperty("p#s").GetProperty("x").GetString()!;
        Assert.Contains("Infection is rare", x);
        Assert.Equal(3, x.Split('\n').Length);
    }

    [Fact]
    public void A_single_long_word_is_cut_inside_but_never_inside_a_surrogate_pair()
    {
        var body = new string('x', 158) + "😀😀😀 tail";
        var excerpt = SearchStore.Excerpt(body, 160);
        Assert.Equal(new string('x', 158) + "…", excerpt);

        var plain = SearchStore.Excerpt(new string('y', SearchStore.ExcerptLength + 100));
        Assert.Equal(new string('y', SearchStore.ExcerptLength - 1) + "…", plain);
    }
}
