using System.Diagnostics;
using System.Text.Json;
using Site.Questionnaire;
using Xunit.Abstractions;
using static Site.Tests.Questionnaire.QuestionnaireTestSupport;

namespace Site.Tests.Questionnaire;

/// <summary>The real input/candidate/questionnaire.yml: it loads clean and does what the issue asks of it.</summary>
public sealed class RealQuestionnaireTests(ITestOutputHelper output)
{
    [Fact]
    public void Loads_and_validates_with_zero_diagnostics()
    {
        var (q, diagnostics) = LoadAndValidate(RealDisplayPath, RealYaml);
        Assert.Empty(diagnostics);
        Assert.NotNull(q);
    }

    [Fact]
    public void Every_outcome_kind_is_reachable()
    {
        var q = LoadReal();
        var kinds = QuestionnaireEngine.EnumeratePaths(q).Select(p => p.Outcome!.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<OutcomeKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void Every_answer_combination_reaches_an_outcome_and_every_outcome_is_reached()
    {
        var q = LoadReal();
        var sw = Stopwatch.StartNew();
        var paths = QuestionnaireEngine.EnumeratePaths(q);
        sw.Stop();
        output.WriteLine($"{paths.Count} paths enumerated in {sw.Elapsed.TotalMilliseconds:F1} ms (first run, includes JIT)");
        sw.Restart();
        for (var i = 0; i < 20; i++) QuestionnaireEngine.EnumeratePaths(q);
        output.WriteLine($"warm: {sw.Elapsed.TotalMilliseconds / 20:F2} ms per enumeration");
        foreach (var group in paths.GroupBy(p => p.Outcome!.Id))
            output.WriteLine($"  {group.Key}: {group.Count()} paths");

        Assert.All(paths, p => Assert.NotNull(p.Result));
        Assert.Equal(q.Outcomes.Select(o => o.Id).ToHashSet(), paths.Select(p => p.Outcome!.Id).ToHashSet());
    }

    [Fact]
    public void Not_sure_always_leads_to_see_doctor_first_with_the_reason()
    {
        var q = LoadReal();
        var unsurePaths = QuestionnaireEngine.EnumeratePaths(q)
            .Where(p => p.Answers.Any(a => q.FindItem(a.LinkId)!.FindOption(a.Code)!.Unsure))
            .ToList();
        Assert.NotEmpty(unsurePaths);
        Assert.All(unsurePaths, p =>
        {
            Assert.Equal(OutcomeKind.SeeDoctorFirst, p.Outcome!.Kind);
            var unsure = p.Answers.Where(a => q.FindItem(a.LinkId)!.FindOption(a.Code)!.Unsure);
            Assert.All(unsure, a => Assert.Contains(p.Result!.Reasons, r => r.LinkId == a.LinkId && r.Code == a.Code));
        });
    }

    [Fact]
    public void Questionnaire_is_short_and_most_readers_see_fewer_questions()
    {
        var q = LoadReal();
        Assert.True(q.Items.Count <= QuestionnaireValidator.MaxQuestions);
        Assert.Equal(q.Items.Count, q.MaxQuestions);
        // A reader with no health conditions, no warning signs and nothing to wait for.
        var typical = QuestionnaireEngine.EnumeratePaths(q).Single(p =>
            p.Answers.Select(a => $"{a.LinkId}={a.Code}").SequenceEqual(
            [
                "age=adult", "concern=pattern", "warning-signs=no", "long-term=no", "bleeding=none",
                "allergy=no", "pregnancy=none", "scalp=no", "illness=no",
            ]));
        Assert.Equal("maybe-pattern", typical.Outcome!.Id);
        Assert.True(typical.Answers.Count < q.Items.Count);
    }

    [Fact]
    public void Not_now_results_say_when_to_look_again()
    {
        var q = LoadReal();
        var notNow = QuestionnaireEngine.EnumeratePaths(q).Where(p => p.Outcome!.Kind == OutcomeKind.NotNow).ToList();
        Assert.NotEmpty(notNow);
        Assert.All(notNow, p => Assert.All(p.Result!.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.LookAgain))));
    }

    [Fact]
    public void Reasons_are_filled_from_the_answers_given()
    {
        var q = LoadReal();
        var answers = new Dictionary<string, string>
        {
            ["age"] = "adult", ["concern"] = "greying", ["warning-signs"] = "no", ["long-term"] = "no",
            ["bleeding"] = "none", ["allergy"] = "no", ["pregnancy"] = "none", ["scalp"] = "no", ["illness"] = "no",
        };
        var result = QuestionnaireEngine.Evaluate(q, answers)!;
        Assert.Equal("maybe-scalp-and-hair", result.Outcome.Id);
        Assert.Equal("You chose: My hair is turning grey early.", result.Reasons[0].Text);
    }

    [Fact]
    public void Compiled_json_carries_every_question_and_outcome()
    {
        var q = LoadReal();
        var json = QuestionnaireCompiler.ToJson(q, md => "<p>" + System.Net.WebUtility.HtmlEncode(md.Value) + "</p>");
        Assert.DoesNotContain("<", json);          // safe inside a <script> element
        Assert.DoesNotContain("</script", json, StringComparison.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(q.Items.Count, root.GetProperty("items").GetArrayLength());
        Assert.Equal(q.Outcomes.Count, root.GetProperty("outcomes").GetArrayLength());
        Assert.Equal(q.MaxQuestions, root.GetProperty("maxQuestions").GetInt32());
        Assert.Equal(3, root.GetProperty("items")[3].GetProperty("options").GetArrayLength()); // yes, no, unsure spelled out
        output.WriteLine($"compiled JSON: {json.Length} characters");
    }

    [Fact]
    public void Checklist_lists_every_question_and_what_each_answer_leads_to()
    {
        var q = LoadReal();
        var checklist = q.Checklist;
        Assert.Equal(q.Items.Count, checklist.Count);
        var cancerYes = checklist.Single(c => c.LinkId == "cancer").Answers.Single(a => a.Code == "yes");
        Assert.Equal("not-suitable", Assert.Single(cancerYes.Leads).Kind);
        var pregnant = checklist.Single(c => c.LinkId == "pregnancy").Answers.Single(a => a.Code == "pregnant");
        Assert.Contains(pregnant.Leads, l => l.Kind == "not-now" && l.LookAgain is not null);
        Assert.All(checklist.SelectMany(c => c.Answers).Where(a => a.Unsure),
            a => Assert.All(a.Leads, l => Assert.Equal("see-doctor-first", l.Kind)));
        Assert.Null(checklist[0].AskOnlyIf);
        Assert.Equal("Only if your answer to question 1 was \u201c18 or older\u201d.", checklist[1].AskOnlyIf);
    }

    [Fact]
    public void Checklist_conditions_read_as_plain_words()
    {
        // Before: "Answer this only if you answered question 2 with anything but “…” and you answered question 2 with anything but “…”."
        var checklist = LoadReal().Checklist;
        Assert.Equal(
            "Only if your answer to question 2 was neither \u201cI have round or patchy bald spots\u201d nor \u201cSomething else, or I'm not sure\u201d.",
            checklist.Single(c => c.LinkId == "warning-signs").AskOnlyIf);
        Assert.Equal(
            "Only if your answer to question 4 was \u201cNo\u201d, or your answer to question 9 was \u201cNo\u201d.",
            checklist.Single(c => c.LinkId == "bleeding").AskOnlyIf);
        Assert.Equal(
            "Only if your answer to question 13 was \u201cNo\u201d or \u201cYes\u201d.",
            checklist.Single(c => c.LinkId == "illness").AskOnlyIf);
        Assert.All(checklist, c => Assert.DoesNotContain("anything but", c.AskOnlyIf ?? ""));
    }

    [Fact]
    public void Every_question_has_its_own_error_message()
    {
        // GOV.UK: "Select if you are 18 or older", not one "Select an answer to continue" for every question.
        var q = LoadReal();
        Assert.All(q.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Error), $"question '{i.LinkId}' has no error:"));
        Assert.Equal(q.Items.Count, q.Items.Select(i => i.Error).Distinct().Count());
        Assert.All(q.Items, i => Assert.StartsWith("Select ", i.Error));
        var json = QuestionnaireCompiler.ToJson(q, md => md.Value);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(q.Items[0].Error, doc.RootElement.GetProperty("items")[0].GetProperty("error").GetString());
    }
}
