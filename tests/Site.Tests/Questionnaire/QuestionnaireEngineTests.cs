using Site.Questionnaire;
using static Site.Tests.Questionnaire.QuestionnaireTestSupport;

namespace Site.Tests.Questionnaire;

/// <summary>The rule engine's semantics, which candidate.js repeats: skip logic, re-applying it after a change, first match wins.</summary>
public sealed class QuestionnaireEngineTests
{
    [Fact]
    public void Changing_an_answer_keeps_the_others_and_reapplies_skip_logic()
    {
        var q = LoadReal();
        var answers = new Dictionary<string, string>
        {
            ["age"] = "adult", ["concern"] = "pattern", ["warning-signs"] = "no", ["long-term"] = "yes",
            ["cancer"] = "no", ["autoimmune"] = "no", ["epilepsy"] = "no", ["diabetes"] = "no", ["organ-disease"] = "no",
            ["bleeding"] = "none", ["allergy"] = "no", ["pregnancy"] = "none", ["scalp"] = "no", ["illness"] = "no",
        };
        Assert.Null(QuestionnaireEngine.Walk(q, answers).Next);

        // Change "long-term" to no: the five follow-up questions drop out, the rest is kept.
        answers["long-term"] = "no";
        var (kept, next) = QuestionnaireEngine.Walk(q, answers);
        Assert.Null(next);
        Assert.Equal(["age", "concern", "warning-signs", "long-term", "bleeding", "allergy", "pregnancy", "scalp", "illness"],
            kept.Select(a => a.LinkId));

        // Change it back to yes: the follow-ups are still remembered, as in the browser.
        answers["long-term"] = "yes";
        Assert.Equal(14, QuestionnaireEngine.Walk(q, answers).Kept.Count);

        // Under 18 ends the questionnaire at once.
        answers["age"] = "under-18";
        Assert.Equal(["age"], QuestionnaireEngine.Walk(q, answers).Kept.Select(a => a.LinkId));
    }

    [Fact]
    public void A_condition_on_a_question_not_asked_is_false_for_both_operators()
    {
        var q = LoadReal();
        var warning = q.FindItem("warning-signs")!;   // enabled when concern != patchy and != other
        Assert.False(QuestionnaireEngine.IsEnabled(warning, new Dictionary<string, string>()));
        Assert.True(QuestionnaireEngine.IsEnabled(warning, new Dictionary<string, string> { ["concern"] = "pattern" }));
        Assert.False(QuestionnaireEngine.IsEnabled(warning, new Dictionary<string, string> { ["concern"] = "patchy" }));
    }

    [Fact]
    public void The_first_matching_outcome_wins_and_lists_every_matched_reason()
    {
        var q = LoadReal();
        var result = QuestionnaireEngine.Evaluate(q, new Dictionary<string, string>
        {
            ["age"] = "adult", ["concern"] = "pattern", ["warning-signs"] = "no", ["long-term"] = "yes",
            ["cancer"] = "no", ["autoimmune"] = "no", ["epilepsy"] = "no", ["diabetes"] = "no", ["organ-disease"] = "no",
            ["bleeding"] = "medicine", ["allergy"] = "no", ["pregnancy"] = "breastfeeding", ["scalp"] = "yes", ["illness"] = "no",
        })!;
        Assert.Equal("wait", result.Outcome.Id);
        Assert.Equal(["bleeding", "pregnancy", "scalp"], result.Reasons.Select(r => r.LinkId));
        Assert.Equal("long-term", Assert.Single(result.Notes).LinkId);
    }
}
