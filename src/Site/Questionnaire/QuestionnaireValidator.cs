using System.Text.RegularExpressions;
using Site.Diagnostics;
using SourceSpan = Site.Diagnostics.SourceSpan;
using D = Site.Questionnaire.QuestionnaireDiagnostics;

namespace Site.Questionnaire;

/// <summary>
/// Checks what a loaded questionnaire means: references between questions, answers of the right type, links,
/// and, by enumerating every answer combination, that each outcome is reachable, each combination reaches
/// an outcome, and "not sure" never gives a verdict.
/// </summary>
internal static partial class QuestionnaireValidator
{
    /// <summary>The issue asks for a short questionnaire; most readers see fewer thanks to skip logic.</summary>
    public const int MaxQuestions = 14;

    /// <summary>How many uncovered combinations are listed one by one before a summary line.</summary>
    private const int UncoveredListed = 5;

    /// <param name="linksOf">The links of a Markdown text of the questionnaire, placed in its file (see <see cref="QuestionnaireText"/>).</param>
    /// <param name="linkExists">True when a root-relative URL (with its #fragment, if any) names a page and id that exist.</param>
    public static void Validate(Questionnaire q, Func<SourceText, IReadOnlyList<Markdown.ContentLink>> linksOf, Func<string, bool> linkExists, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        CheckIds(q, local);
        CheckConditions(q, local);
        CheckTexts(q, linksOf, linkExists, local);
        if (!local.HasErrors) CheckPaths(q, local);
        if (q.Items.Count > MaxQuestions)
            local.Add(D.TooManyQuestions, q.Items[MaxQuestions].LinkIdSpan, q.Items.Count, MaxQuestions);
        diagnostics.AddRange(local.Sorted());
    }

    private static void CheckIds(Questionnaire q, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, Item>();
        foreach (var item in q.Items)
        {
            if (seen.TryGetValue(item.LinkId, out var first))
                diagnostics.Add(D.DuplicateLinkId, item.LinkIdSpan, item.LinkId, first.LinkIdSpan.Line);
            else
                seen[item.LinkId] = item;

            foreach (var dup in item.Options.GroupBy(o => o.Code).Where(g => g.Count() > 1))
                diagnostics.Add(D.DuplicateOptionCode, dup.Skip(1).First().Span, dup.Key, item.LinkId);
        }

        var outcomes = new Dictionary<string, Outcome>();
        foreach (var outcome in q.Outcomes)
        {
            if (outcomes.TryGetValue(outcome.Id, out var first))
                diagnostics.Add(D.DuplicateOutcomeId, outcome.IdSpan, outcome.Id, first.IdSpan.Line);
            else
                outcomes[outcome.Id] = outcome;
        }
    }

    private static void CheckConditions(Questionnaire q, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < q.Items.Count; i++)
        {
            var item = q.Items[i];
            foreach (var c in item.EnableWhen)
            {
                var target = q.Items.Take(i).FirstOrDefault(x => x.LinkId == c.Question);
                if (target is not null)
                    CheckAnswer(target, c, diagnostics);
                else if (q.FindItem(c.Question) is null)
                    diagnostics.Add(D.UnknownLinkId, c.QuestionSpan, c.Question);
                else
                    diagnostics.Add(D.ForwardReference, c.QuestionSpan, item.LinkId, c.Question);
            }
        }

        foreach (var outcome in q.Outcomes)
        {
            foreach (var rc in outcome.When.Concat(outcome.Notes))
            {
                var target = q.FindItem(rc.Test.Question);
                if (target is null) diagnostics.Add(D.UnknownLinkId, rc.Test.QuestionSpan, rc.Test.Question);
                else CheckAnswer(target, rc.Test, diagnostics);
            }
            foreach (var rc in outcome.When)
            {
                if (outcome.Kind == OutcomeKind.NotNow && rc.Reason is not null && rc.LookAgain is null)
                    diagnostics.Add(D.LookAgainMissing, rc.Test.Span);
            }
            foreach (var rc in outcome.When.Concat(outcome.Notes))
            {
                if (rc.LookAgain is not null && (outcome.Kind != OutcomeKind.NotNow || outcome.Notes.Contains(rc)))
                    diagnostics.Add(D.LookAgainNotAllowed, rc.LookAgain.Span, outcome.Id, outcome.KindCode);
            }
        }
    }

    private static void CheckAnswer(Item target, Condition c, DiagnosticBag diagnostics)
    {
        if (target.FindOption(c.Answer) is not null) return;
        var expected = target.Options.Select(o => o.Code).ToList();
        var list = expected.Count == 1 ? expected[0] : string.Join(", ", expected.Take(expected.Count - 1)) + " or " + expected[^1];
        diagnostics.Add(D.WrongAnswer, c.AnswerSpan, c.Answer, target.LinkId, list);
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    private static void CheckTexts(Questionnaire q, Func<SourceText, IReadOnlyList<Markdown.ContentLink>> linksOf, Func<string, bool> linkExists, DiagnosticBag diagnostics)
    {
        foreach (var item in q.Items)
            if (item.Help is not null) CheckMarkdownLinks(linksOf(item.Help), linkExists, diagnostics);

        foreach (var outcome in q.Outcomes)
        {
            CheckMarkdownLinks(linksOf(outcome.Body), linkExists, diagnostics);
            foreach (var link in outcome.Links)
                CheckUrl(link.Url, link.UrlSpan, linkExists, diagnostics);
            foreach (var rc in outcome.When.Concat(outcome.Notes))
            {
                if (rc.Reason is null) continue;
                foreach (Match m in Placeholder().Matches(rc.Reason.Value))
                    if (m.Groups[1].Value != "answer")
                        diagnostics.Add(D.UnknownPlaceholder, rc.Reason.Locate(0, m.Index), m.Value);
            }
        }
    }

    private static void CheckMarkdownLinks(IReadOnlyList<Markdown.ContentLink> links, Func<string, bool> linkExists, DiagnosticBag diagnostics)
    {
        foreach (var link in links) CheckUrl(link.Target, link.At, linkExists, diagnostics);
    }

    private static void CheckUrl(string url, SourceSpan at, Func<string, bool> linkExists, DiagnosticBag diagnostics)
    {
        if (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal) ||
            url.StartsWith("mailto:", StringComparison.Ordinal))
            return;
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal))
            diagnostics.Add(D.NotRootRelative, at, url);
        else if (!linkExists(url))
            diagnostics.Add(D.BrokenLink, at, url);
    }

    private static void CheckPaths(Questionnaire q, DiagnosticBag diagnostics)
    {
        var paths = QuestionnaireEngine.EnumeratePaths(q);
        if (paths.Count >= QuestionnaireEngine.MaxPaths)
        {
            diagnostics.Add(D.TooManyPaths, q.OutcomesSpan, QuestionnaireEngine.MaxPaths);
            return;
        }

        var asked = paths.SelectMany(p => p.Answers).Select(a => a.LinkId).ToHashSet();
        foreach (var item in q.Items.Where(i => !asked.Contains(i.LinkId)))
            diagnostics.Add(D.NeverAsked, item.LinkIdSpan, item.LinkId);

        var reached = paths.Where(p => p.Outcome is not null).Select(p => p.Outcome!.Id).ToHashSet();
        foreach (var outcome in q.Outcomes.Where(o => !reached.Contains(o.Id)))
            diagnostics.Add(D.UnreachableOutcome, outcome.IdSpan, outcome.Id);

        var uncovered = paths.Where(p => p.Result is null).ToList();
        foreach (var path in uncovered.Take(UncoveredListed))
            diagnostics.Add(D.UncoveredAnswers, q.OutcomesSpan, path.ToString());
        if (uncovered.Count > UncoveredListed)
            diagnostics.Add(D.UncoveredSummary, q.OutcomesSpan, uncovered.Count - UncoveredListed);

        // "Not sure" never gives a verdict: any path with an unsure answer must end at see-doctor-first,
        // listing that answer as a reason. One diagnostic per question and outcome, not per path.
        var reported = new HashSet<(string, string)>();
        foreach (var path in paths)
        {
            if (path.Result is not { } result) continue;
            foreach (var answer in path.Answers)
            {
                var item = q.FindItem(answer.LinkId)!;
                if (item.FindOption(answer.Code) is not { Unsure: true } option) continue;
                var listed = result.Reasons.Any(r => r.LinkId == answer.LinkId);
                if ((result.Outcome.Kind == OutcomeKind.SeeDoctorFirst && listed) || !reported.Add((item.LinkId, result.Outcome.Id))) continue;
                diagnostics.Add(D.UnsureGivesVerdict, item.LinkIdSpan, option.Code, item.LinkId, result.Outcome.Id, result.Outcome.KindCode);
            }
        }

        foreach (var path in paths.Where(p => p.Result is { Reasons.Count: 0 }).DistinctBy(p => p.Outcome!.Id))
            diagnostics.Add(D.NoReason, path.Outcome!.IdSpan, path.Outcome.Id, path.ToString());
    }
}
