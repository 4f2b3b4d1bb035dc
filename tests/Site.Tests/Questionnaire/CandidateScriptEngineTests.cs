using System.Text.Json;
using Jint;
using Site.Questionnaire;
using Xunit.Abstractions;
using static Site.Tests.Questionnaire.QuestionnaireTestSupport;

namespace Site.Tests.Questionnaire;

/// <summary>
/// One rule engine, two languages: runs the engine inside theme/assets/js/candidate.js (no DOM, under Jint) on every
/// path the C# engine enumerates and asserts the same questions asked, the same outcome and the same reasons.
/// The browser tests replay the same paths through the real UI; this is the fast check that runs with every build.
/// </summary>
public sealed class CandidateScriptEngineTests(ITestOutputHelper output)
{
    private static readonly string ScriptPath = Path.Combine(RepoRoot, "theme", "assets", "js", "candidate.js");

    [Fact]
    public void Script_engine_agrees_with_the_csharp_engine_on_every_enumerated_path()
    {
        var q = LoadReal();
        var json = QuestionnaireCompiler.ToJson(q, md => md.Value);
        var paths = QuestionnaireEngine.EnumeratePaths(q);

        var js = new Engine(o => o.Strict());
        js.Execute(File.ReadAllText(ScriptPath));
        js.SetValue("questionnaireJson", json);
        js.Execute("var q = JSON.parse(questionnaireJson);");

        var mismatches = new List<string>();
        foreach (var path in paths)
        {
            var steps = JsonSerializer.Serialize(path.Answers.Select(a => new { linkId = a.LinkId, code = a.Code }));
            var result = js.Evaluate($"JSON.stringify(CandidateEngine.run(q, {steps}))").AsString();
            using var doc = JsonDocument.Parse(result);
            var r = doc.RootElement;
            var asked = r.GetProperty("asked").EnumerateArray().Select(e => e.GetString()).ToList();
            var reasons = r.GetProperty("reasons").EnumerateArray().Select(e => e.GetString()).ToList();
            if (r.GetProperty("outcomeId").GetString() != path.Outcome!.Id
                || r.GetProperty("kind").GetString() != path.Outcome.KindCode
                || !asked.SequenceEqual(path.Answers.Select(a => a.LinkId))
                || r.GetProperty("next").ValueKind != JsonValueKind.Null
                || !reasons.SequenceEqual(path.Result!.Reasons.Select(x => x.Text)))
                mismatches.Add($"{path} => C# {path.Outcome.Id}, JS {result}");
        }
        output.WriteLine($"{paths.Count} paths compared");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(10)));
    }

    [Fact]
    public void Script_engine_counts_questions_up_to_the_longest_remaining_path()
    {
        var q = LoadReal();
        var js = new Engine(o => o.Strict());
        js.Execute(File.ReadAllText(ScriptPath));
        js.SetValue("questionnaireJson", QuestionnaireCompiler.ToJson(q, md => md.Value));
        js.Execute("var q = JSON.parse(questionnaireJson);");

        // First question: up to the longest path in the whole questionnaire.
        Assert.Equal($"1/{q.MaxQuestions}", js.Evaluate("var p = CandidateEngine.progress(q, [], q.items[0]); p.number + '/' + p.upTo").AsString());
        // After "long-term: no" the five follow-ups cannot come: 4 asked, then bleeding, allergy, pregnancy, scalp, illness.
        var after = js.Evaluate("""
            var kept = ['age:adult', 'concern:pattern', 'warning-signs:no', 'long-term:no'].map(function (s) {
              var parts = s.split(':');
              return { item: q.items.filter(function (i) { return i.linkId === parts[0]; })[0], code: parts[1] };
            });
            var p = CandidateEngine.progress(q, kept, q.items.filter(function (i) { return i.linkId === 'bleeding'; })[0]);
            p.number + '/' + p.upTo
            """).AsString();
        Assert.Equal("5/9", after);
    }
}
