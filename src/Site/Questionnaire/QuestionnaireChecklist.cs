namespace Site.Questionnaire;

/// <summary>One question of the printable checklist, numbered as a reader would meet it on paper.</summary>
internal sealed record ChecklistQuestion(int Number, Item Item, string? AskOnlyIf, IReadOnlyList<ChecklistAnswer> Answers)
{
    public string LinkId => Item.LinkId;
    public string Text => Item.Text;
}

/// <summary>
/// An answer and the outcomes it leads to when it is the reason; none means "go on".
/// <see cref="EndsHere"/>: no question follows this answer on any path, so a reader on paper can stop.
/// </summary>
internal sealed record ChecklistAnswer(string Code, string Text, bool Unsure, IReadOnlyList<ChecklistLead> Leads, bool EndsHere)
{
    public bool GoesOn => Leads.Count == 0;
}

internal sealed record ChecklistLead(Outcome Outcome, string? LookAgain)
{
    public string Kind => Outcome.KindCode;
    public string KindLabel => Outcome.KindLabel;
    public string Title => Outcome.Title;
}

/// <summary>
/// Derives the no-JavaScript checklist from the same enumeration the build validates, so paper and browser
/// cannot disagree: an answer "leads to" an outcome when some path reaches that outcome listing the answer as a reason.
/// </summary>
internal static class QuestionnaireChecklist
{
    public static IReadOnlyList<ChecklistQuestion> Build(Questionnaire q)
    {
        var leads = new Dictionary<(string LinkId, string Code), List<ChecklistLead>>();
        var continued = new HashSet<(string LinkId, string Code)>();
        foreach (var path in QuestionnaireEngine.EnumeratePaths(q))
        {
            foreach (var a in path.Answers.Take(path.Answers.Count - 1)) continued.Add((a.LinkId, a.Code));
            if (path.Result is not { } result) continue;
            foreach (var reason in result.Reasons)
            {
                var key = (reason.LinkId, reason.Code);
                if (!leads.TryGetValue(key, out var list)) leads[key] = list = [];
                if (!list.Any(l => l.Outcome.Id == result.Outcome.Id && l.LookAgain == reason.LookAgain))
                    list.Add(new ChecklistLead(result.Outcome, reason.LookAgain));
            }
        }

        var numbers = q.Items.Select((item, i) => (item.LinkId, Number: i + 1)).ToDictionary(x => x.LinkId, x => x.Number);
        return [.. q.Items.Select((item, i) => new ChecklistQuestion(
            i + 1,
            item,
            AskOnlyIf(q, item, numbers),
            [.. item.Options.Select(o => new ChecklistAnswer(
                o.Code, o.Text, o.Unsure,
                leads.TryGetValue((item.LinkId, o.Code), out var l) ? [.. l.OrderBy(x => x.Outcome.Kind)] : [],
                !continued.Contains((item.LinkId, o.Code))))]))];
    }

    /// <summary>
    /// The question's enableWhen in plain words, one clause per earlier question:
    /// "Only if your answer to question 2 was neither “A” nor “B”." or "Only if your answer to question 4 was “No”,
    /// or your answer to question 9 was “No”." Conditions on the same question are read together the way the
    /// behaviour combines them (= with any: "was “A” or “B”"; != with all: "was neither … nor …").
    /// </summary>
    private static string? AskOnlyIf(Questionnaire q, Item item, Dictionary<string, int> numbers)
    {
        if (item.EnableWhen.Count == 0) return null;
        var any = item.EnableBehavior == Behavior.Any;
        var clauses = new List<string>();
        foreach (var group in item.EnableWhen.GroupBy(c => c.Question))
        {
            var target = q.FindItem(group.Key);
            var number = numbers.GetValueOrDefault(group.Key);
            string Text(Condition c) => $"\u201c{target?.FindOption(c.Answer)?.Text ?? c.Answer}\u201d";
            var conditions = group.ToList();
            var subject = $"your answer to question {number} was";
            if (conditions.All(c => c.Operator == Operator.Equal) && (any || conditions.Count == 1))
            {
                clauses.Add($"{subject} {string.Join(" or ", conditions.Select(Text))}");
            }
            else if (conditions.All(c => c.Operator == Operator.NotEqual) && (!any || conditions.Count == 1))
            {
                clauses.Add(conditions.Count == 1
                    ? $"{subject} not {Text(conditions[0])}"
                    : $"{subject} neither {string.Join(", ", conditions.Take(conditions.Count - 1).Select(Text))} nor {Text(conditions[^1])}");
            }
            else
            {
                clauses.AddRange(conditions.Select(c => $"{subject} {(c.Operator == Operator.NotEqual ? "not " : "")}{Text(c)}"));
            }
        }

        return "Only if " + string.Join(any ? ", or " : ", and ", clauses) + ".";
    }
}
