namespace Site.Tests.Search;

/// <summary>
/// What a worried reader gets from the real site's search: search.js's engine under node over the pieces the build
/// wrote, ranked as the /search/ page shows them (grouped by page, coverage and headings weighed on top of lunr's
/// score). Each expectation names the page that answers the question; where the FAQ answers it in short and an
/// article in full, either counts.
/// </summary>
public sealed class SearchRelevanceTests
{
    private const string Faq = "/faq/";
    private const string SideEffects = "/articles/side-effects/";
    private const string Contraindications = "/articles/contraindications/";
    private const string Aftercare = "/articles/aftercare/";
    private const string Procedure = "/articles/procedure-and-course/";
    private const string Safely = "/articles/getting-treated-safely/";
    private const string Evidence = "/articles/what-the-evidence-says/";
    private const string Injected = "/articles/what-is-injected/";
    private const string Compared = "/articles/compared-with-other-options/";
    private const string WhoItMayHelp = "/articles/who-it-may-help/";

    internal sealed record Question(string Query, params string[] AnsweredBy);

    /// <summary>Twenty questions as a worried reader types them, each with the page(s) that answer it.</summary>
    internal static readonly Question[] WorryQuestions =
    [
        new("does it work", Faq, Evidence),
        new("does it hurt", Faq),
        new("is it painful", Faq, Procedure),
        new("who is allowed to inject me", Safely),
        new("my scalp is red and swollen after treatment", SideEffects, Aftercare),
        new("I have a headache after the injections", SideEffects),
        new("what are the signs of infection", Aftercare, SideEffects),
        new("what if I have a bad reaction", SideEffects),
        new("can I take ibuprofen for the pain afterwards", SideEffects),
        new("I take warfarin", Contraindications),
        new("can I have it while pregnant", Faq, Contraindications),
        new("can it make my hair loss worse", Faq, SideEffects),
        new("will my hair fall out", Faq, SideEffects),
        new("how many sessions will I need", Faq, Procedure),
        new("when will I see results", Faq, Procedure),
        new("how much does it cost", Faq, Procedure),
        new("can I wash my hair afterwards", Faq, Aftercare),
        new("can I go to the gym after", Aftercare, Faq),
        new("what do they inject into my scalp", Injected),
        new("is it better than minoxidil", Compared, Faq),
        new("does it work for women", Faq, WhoItMayHelp),
        new("how do I complain about a clinic", Safely),
    ];

    private static SearchEngine Engine => SearchEngine.Real.Value.Engine;

    [Fact]
    public void Every_worried_question_reaches_a_page_that_answers_it_within_the_first_three_results()
    {
        Assert.True(WorryQuestions.Length >= 20);
        var answers = Engine.Pages([.. WorryQuestions.Select(q => q.Query)]);
        var failures = WorryQuestions.Zip(answers)
            .Where(qa => !qa.Second.Pages.Take(3).Intersect(qa.First.AnsweredBy).Any())
            .Select(qa => $"  {LunrReference.Quote(qa.First.Query)}: expected one of {string.Join(' ', qa.First.AnsweredBy)} in {string.Join(' ', qa.Second.Pages.Take(5))}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {WorryQuestions.Length} questions miss their page:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Results_are_grouped_by_page_each_page_once_with_its_own_sections()
    {
        var answers = Engine.Pages([.. WorryQuestions.Select(q => q.Query), "mesotherapy", "hair"]);
        foreach (var answer in answers)
        {
            Assert.Equal(answer.Pages.Length, answer.Pages.Distinct().Count());
            Assert.Equal(answer.Pages.Length, answer.Sections.Length);
            for (var i = 0; i < answer.Pages.Length; i++)
            {
                Assert.NotEmpty(answer.Sections[i]);
                Assert.All(answer.Sections[i], url => Assert.Equal(answer.Pages[i], url.Split('#')[0]));
            }
        }

        // The query that once filled the first screen with one page's sections: now one result per page.
        var mesotherapy = answers[^2];
        Assert.True(mesotherapy.Pages.Length >= 5);
        Assert.Contains(mesotherapy.Sections, s => s.Length > 3);
    }

    [Fact]
    public void Is_it_safe_puts_the_faqs_question_and_the_side_effects_page_in_the_first_results()
    {
        var answer = Engine.Pages(["is it safe"])[0];
        var top = answer.Pages.Take(3).ToList();
        Assert.Contains(Faq, top);
        Assert.Contains(SideEffects, top);
        Assert.Equal("/faq/#is-it-safe", answer.Sections[answer.Pages.ToList().IndexOf(Faq)][0]);
    }

    [Fact]
    public void The_aspirin_question_reaches_the_blood_thinners_content_in_the_top_three()
    {
        var answer = Engine.Pages(["can I have it if I take aspirin"])[0];
        var top = answer.Pages.Take(3).ToList();
        Assert.Contains(Contraindications, top); // its "Blood thinners" section names aspirin
        var faq = top.IndexOf(Faq);
        if (faq >= 0) Assert.Equal("/faq/#who-should-not-have-it", answer.Sections[faq][0]); // "… blood thinners …"
    }

    [Fact]
    public void A_misspelling_gets_a_did_you_mean_from_the_index_and_a_known_short_word_does_not()
    {
        var answers = Engine.Pages(["mesotherpy", "mesotherapy", "what if I have a bad reaction", "side efects", "aspirin"]);
        Assert.Equal("mesotherapy", answers[0].Suggestion);
        Assert.NotEmpty(answers[0].Pages); // near spellings still find pages
        Assert.Null(answers[1].Suggestion);
        Assert.Null(answers[2].Suggestion); // "bad" is in the index: not "bald"
        Assert.Equal("side effect", answers[3].Suggestion); // the shortest word of the term "effect"
        Assert.Null(answers[4].Suggestion);
    }

    [Theory]
    [InlineData("does it hurt", "/faq/#does-it-hurt")]
    [InlineData("how much does it cost", "/faq/#how-much-does-it-cost")]
    [InlineData("can I wash my hair afterwards", "/faq/#can-i-wash-my-hair-afterwards")]
    [InlineData("when will I see results", "/faq/#when-will-i-see-results")]
    [InlineData("how do I complain", "/articles/getting-treated-safely/#how-to-complain")]
    public void A_question_in_a_heading_ranks_above_the_same_words_in_body_text(string query, string heading)
    {
        var answer = Engine.Pages([query])[0];
        Assert.Equal(heading, answer.Sections[0][0]);
    }
}
