using Site.Diagnostics;

namespace Site.Questionnaire;

/// <summary>
/// The "Am I a candidate?" questionnaire as editors define it in <c>input/candidate/questionnaire.yml</c>:
/// questions in the order they are asked, and outcomes as an ordered rule list (the first that matches wins).
/// Shaped after HL7 FHIR Questionnaire (linkId, enableWhen, enableBehavior).
/// </summary>
internal sealed class Questionnaire
{
    public required string DisplayPath { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<Item> Items { get; init; }
    public required IReadOnlyList<Outcome> Outcomes { get; init; }
    /// <summary>Where the <c>outcomes:</c> key is: the place to add a rule for answers no outcome covers.</summary>
    public required SourceSpan OutcomesSpan { get; init; }

    public Item? FindItem(string linkId) => Items.FirstOrDefault(i => i.LinkId == linkId);

    private IReadOnlyList<ChecklistQuestion>? _checklist;

    /// <summary>The printable, no-JavaScript form of the questionnaire: every question and what each answer leads to.</summary>
    public IReadOnlyList<ChecklistQuestion> Checklist => _checklist ??= QuestionnaireChecklist.Build(this);

    private int? _maxQuestions;

    /// <summary>The most questions any reader can be asked, for "Question 3 of up to 12".</summary>
    public int MaxQuestions => _maxQuestions ??= QuestionnaireEngine.EnumeratePaths(this).Select(p => p.Answers.Count).DefaultIfEmpty(0).Max();
}

internal enum QuestionType { YesNoUnsure, Choice }

internal enum Behavior { All, Any }

internal enum Operator { Equal, NotEqual }

internal enum OutcomeKind { NotSuitable, NotNow, SeeDoctorFirst, MayBeSuitable }

/// <summary>A piece of text from the file with the place its content starts, so links inside Markdown can be reported at their own line.</summary>
internal sealed record SourceText(string Value, SourceSpan Span, bool IsBlock, int ContentLine, int ContentColumn)
{
    /// <summary>Maps a 0-based line and column inside <see cref="Value"/> to the file.</summary>
    public SourceSpan Locate(int line, int column) => IsBlock
        ? Span with { Line = ContentLine + line, Column = ContentColumn + column }
        : Span with { Line = ContentLine + line, Column = line == 0 ? ContentColumn + column : 1 + column };

    public override string ToString() => Value;
}

/// <summary>One question. Every question is single-answer; a yes-no-unsure question gets the answers yes, no and unsure.</summary>
internal sealed record Item
{
    public required string LinkId { get; init; }
    public required string Text { get; init; }
    /// <summary>"Why we ask", Markdown.</summary>
    public SourceText? Help { get; init; }
    /// <summary>What the reader is told when they continue without an answer, specific to the question (GOV.UK style: "Select if you are 18 or older").</summary>
    public string? Error { get; init; }
    public required QuestionType Type { get; init; }
    public required IReadOnlyList<AnswerOption> Options { get; init; }
    public required IReadOnlyList<Condition> EnableWhen { get; init; }
    public required Behavior EnableBehavior { get; init; }
    public required SourceSpan Span { get; init; }
    public required SourceSpan LinkIdSpan { get; init; }

    public string TypeCode => Type == QuestionType.Choice ? "choice" : "yes-no-unsure";
    public AnswerOption? FindOption(string code) => Options.FirstOrDefault(o => o.Code == code);
}

/// <summary>An answer a reader can pick. <see cref="Unsure"/> marks "not sure", which never leads to a verdict.</summary>
internal sealed record AnswerOption(string Code, string Text, bool Unsure, SourceSpan Span);

/// <summary>A test of one earlier answer, as in FHIR enableWhen. A question that was not asked matches neither = nor !=.</summary>
internal sealed record Condition
{
    public required string Question { get; init; }
    public required Operator Operator { get; init; }
    public required string Answer { get; init; }
    public required SourceSpan Span { get; init; }
    public required SourceSpan QuestionSpan { get; init; }
    public required SourceSpan AnswerSpan { get; init; }

    public string OperatorCode => Operator == Operator.Equal ? "=" : "!=";
}

/// <summary>A condition of an outcome rule, with the reason it gives the reader when it matched.</summary>
internal sealed record RuleCondition
{
    public required Condition Test { get; init; }
    /// <summary>Plain words; <c>{answer}</c> is replaced by the text of the reader's answer. Null: matches silently.</summary>
    public SourceText? Reason { get; init; }
    /// <summary>For not-now outcomes: when to look again.</summary>
    public SourceText? LookAgain { get; init; }
    /// <summary>
    /// The short name of the reason ("Epilepsy") as the contraindications article lists it under the outcome's kind;
    /// a test holds the article and the questionnaire to each other through it.
    /// </summary>
    public string? Label { get; init; }
}

internal sealed record OutcomeLink(string Url, string Text, SourceSpan UrlSpan);

internal sealed record Outcome
{
    public required string Id { get; init; }
    public required OutcomeKind Kind { get; init; }
    public required string Title { get; init; }
    /// <summary>Markdown.</summary>
    public required SourceText Body { get; init; }
    public required Behavior Behavior { get; init; }
    public required IReadOnlyList<RuleCondition> When { get; init; }
    /// <summary>Conditions that do not decide the outcome but add a line when they match ("tell the doctor about ...").</summary>
    public required IReadOnlyList<RuleCondition> Notes { get; init; }
    public required IReadOnlyList<string> NextSteps { get; init; }
    public required IReadOnlyList<OutcomeLink> Links { get; init; }
    public required SourceSpan Span { get; init; }
    public required SourceSpan IdSpan { get; init; }

    public string KindCode => OutcomeKinds.ToCode(Kind);
    public string KindLabel => OutcomeKinds.Label(Kind);
}

internal static class OutcomeKinds
{
    public static string ToCode(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotSuitable => "not-suitable",
        OutcomeKind.NotNow => "not-now",
        OutcomeKind.SeeDoctorFirst => "see-doctor-first",
        _ => "may-be-suitable",
    };

    public static OutcomeKind? FromCode(string code) => code switch
    {
        "not-suitable" => OutcomeKind.NotSuitable,
        "not-now" => OutcomeKind.NotNow,
        "see-doctor-first" => OutcomeKind.SeeDoctorFirst,
        "may-be-suitable" => OutcomeKind.MayBeSuitable,
        _ => null,
    };

    /// <summary>The name a reader sees for a kind; the checklist and the browser both use it.</summary>
    public static string Label(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotSuitable => "Not suitable",
        OutcomeKind.NotNow => "Not now",
        OutcomeKind.SeeDoctorFirst => "See a doctor first",
        _ => "May be suitable",
    };
}
