namespace Site.Questionnaire;

/// <summary>One answer a reader gave: the question's linkId and the answer's code.</summary>
internal readonly record struct Answer(string LinkId, string Code);

/// <summary>A reason listed on the result: which answer led there, in plain words, and for not-now when to look again.</summary>
internal sealed record ResultReason(string LinkId, string Code, string Text, string? LookAgain);

/// <summary>The outcome that a set of answers reaches, with its reasons and notes filled in from those answers.</summary>
internal sealed record OutcomeResult(Outcome Outcome, IReadOnlyList<ResultReason> Reasons, IReadOnlyList<ResultReason> Notes);

/// <summary>
/// One way through the questionnaire: the questions asked in order with the answer given to each,
/// and the outcome they reach (null when no rule matches, which the validator reports).
/// </summary>
internal sealed record AnswerPath(IReadOnlyList<Answer> Answers, OutcomeResult? Result)
{
    public Outcome? Outcome => Result?.Outcome;

    public override string ToString() => string.Join(", ", Answers.Select(a => $"{a.LinkId}={a.Code}"));
}

/// <summary>
/// The rule engine. candidate.js implements the same semantics for the browser, and a test replays every
/// enumerated path there; change both together.
/// <list type="bullet">
/// <item>Questions are asked in file order; a question is asked when its enableWhen holds (all or any).</item>
/// <item>A condition on a question that was not asked is false, for = and for != alike.</item>
/// <item>The first outcome whose rule holds wins; its matched conditions with a reason become the reasons.</item>
/// </list>
/// </summary>
internal static class QuestionnaireEngine
{
    /// <summary>More paths than this means the skip logic has run away; enumeration stops.</summary>
    public const int MaxPaths = 100_000;

    public static bool Holds(Condition condition, IReadOnlyDictionary<string, string> answers) =>
        answers.TryGetValue(condition.Question, out var given) &&
        (condition.Operator == Operator.Equal ? given == condition.Answer : given != condition.Answer);

    public static bool IsEnabled(Item item, IReadOnlyDictionary<string, string> answers) =>
        item.EnableWhen.Count == 0 ||
        (item.EnableBehavior == Behavior.All
            ? item.EnableWhen.All(c => Holds(c, answers))
            : item.EnableWhen.Any(c => Holds(c, answers)));

    /// <summary>
    /// Re-applies skip logic to a set of answers (as after a Change): walks the questions in order and keeps the
    /// answers of questions that are still asked. Returns the kept answers and the first question still unanswered.
    /// </summary>
    public static (IReadOnlyList<Answer> Kept, Item? Next) Walk(Questionnaire q, IReadOnlyDictionary<string, string> answers)
    {
        var kept = new Dictionary<string, string>();
        var order = new List<Answer>();
        foreach (var item in q.Items)
        {
            if (!IsEnabled(item, kept)) continue;
            if (!answers.TryGetValue(item.LinkId, out var code)) return (order, item);
            kept[item.LinkId] = code;
            order.Add(new Answer(item.LinkId, code));
        }
        return (order, null);
    }

    /// <summary>The first outcome whose rule holds for these answers, or null.</summary>
    public static OutcomeResult? Evaluate(Questionnaire q, IReadOnlyDictionary<string, string> answers)
    {
        foreach (var outcome in q.Outcomes)
        {
            var matched = outcome.When.Where(c => Holds(c.Test, answers)).ToList();
            var holds = outcome.Behavior == Behavior.All ? matched.Count == outcome.When.Count : matched.Count > 0;
            if (!holds) continue;
            var notes = outcome.Notes.Where(c => Holds(c.Test, answers));
            return new OutcomeResult(outcome, Describe(q, matched, answers), Describe(q, notes, answers));
        }
        return null;
    }

    private static List<ResultReason> Describe(Questionnaire q, IEnumerable<RuleCondition> conditions, IReadOnlyDictionary<string, string> answers) =>
        [.. conditions.Where(c => c.Reason is not null).Select(c =>
        {
            var code = answers[c.Test.Question];
            var answerText = q.FindItem(c.Test.Question)?.FindOption(code)?.Text ?? code;
            return new ResultReason(c.Test.Question, code, Fill(c.Reason!.Value, answerText), c.LookAgain?.Value);
        })];

    /// <summary>Fills a reason template; <c>{answer}</c> is the text of the reader's answer.</summary>
    public static string Fill(string template, string answerText) => template.Replace("{answer}", answerText, StringComparison.Ordinal);

    /// <summary>
    /// Every reachable answer combination, depth first in file order, with its outcome. The tree is small
    /// (a few hundred leaves), so this runs on every build; it stops after <see cref="MaxPaths"/>.
    /// </summary>
    public static IReadOnlyList<AnswerPath> EnumeratePaths(Questionnaire q)
    {
        var paths = new List<AnswerPath>();
        var answers = new Dictionary<string, string>();
        var order = new List<Answer>();
        Visit(0);
        return paths;

        void Visit(int index)
        {
            if (paths.Count >= MaxPaths) return;
            while (index < q.Items.Count && !IsEnabled(q.Items[index], answers)) index++;
            if (index == q.Items.Count)
            {
                paths.Add(new AnswerPath([.. order], Evaluate(q, answers)));
                return;
            }
            var item = q.Items[index];
            foreach (var option in item.Options)
            {
                answers[item.LinkId] = option.Code;
                order.Add(new Answer(item.LinkId, option.Code));
                Visit(index + 1);
                order.RemoveAt(order.Count - 1);
                answers.Remove(item.LinkId);
            }
        }
    }
}
