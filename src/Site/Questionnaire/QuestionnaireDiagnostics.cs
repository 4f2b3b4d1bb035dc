using Site.Diagnostics;

namespace Site.Questionnaire;

/// <summary>
/// Diagnostics of the "Am I a candidate?" questionnaire, ids SITE400–SITE449.
/// Message texts are constants that the fixture tests assert word for word.
/// </summary>
internal static class QuestionnaireDiagnostics
{
    // Shape of the file: what the loader reports.
    public static readonly DiagnosticDescriptor MissingKey = new("SITE410", Severity.Error, "{0} is missing the required key '{1}'");
    public static readonly DiagnosticDescriptor WrongNodeKind = new("SITE412", Severity.Error, "'{0}' must be {1}");
    public static readonly DiagnosticDescriptor UnknownKind = new("SITE409", Severity.Error, "unknown outcome kind '{0}' (expected not-suitable, not-now, see-doctor-first or may-be-suitable)");
    public static readonly DiagnosticDescriptor UnknownType = new("SITE411", Severity.Error, "unknown question type '{0}' (expected yes-no-unsure or choice)");
    public static readonly DiagnosticDescriptor UnknownOperator = new("SITE414", Severity.Error, "unknown operator '{0}' (expected = or !=)");
    public static readonly DiagnosticDescriptor UnknownBehavior = new("SITE415", Severity.Error, "unknown behavior '{0}' (expected all or any)");
    public static readonly DiagnosticDescriptor NotABoolean = new("SITE433", Severity.Error, "'{0}' must be true or false, not '{1}'");
    public static readonly DiagnosticDescriptor EmptyList = new("SITE425", Severity.Error, "'{0}' must list at least one entry");
    public static readonly DiagnosticDescriptor OptionsNotAllowed = new("SITE426", Severity.Error, "a yes-no-unsure question has fixed answers (yes, no, unsure); remove 'options' or use type: choice");

    // Meaning of the definition: what the validator reports.
    public static readonly DiagnosticDescriptor UnknownLinkId = new("SITE401", Severity.Error, "'{0}' is not the linkId of any question");
    public static readonly DiagnosticDescriptor DuplicateLinkId = new("SITE402", Severity.Error, "duplicate linkId '{0}' (first defined at line {1})");
    public static readonly DiagnosticDescriptor ForwardReference = new("SITE403", Severity.Error, "enableWhen of '{0}' refers to '{1}', which is not asked before it");
    public static readonly DiagnosticDescriptor WrongAnswer = new("SITE404", Severity.Error, "'{0}' is not an answer to question '{1}' (expected {2})");
    public static readonly DiagnosticDescriptor UnreachableOutcome = new("SITE405", Severity.Error, "outcome '{0}' is reached by no answer combination");
    public static readonly DiagnosticDescriptor UncoveredAnswers = new("SITE406", Severity.Error, "no outcome matches the answers {0}");
    public static readonly DiagnosticDescriptor BrokenLink = new("SITE407", Severity.Error, "link '{0}' points to a page or heading that does not exist");
    public static readonly DiagnosticDescriptor UnsureGivesVerdict = new("SITE416", Severity.Error, "answering '{0}' to '{1}' leads to outcome '{2}' ({3}); 'not sure' must lead to see-doctor-first with that answer among the reasons");
    public static readonly DiagnosticDescriptor NoReason = new("SITE417", Severity.Error, "outcome '{0}' is reached with no reason to list, by the answers {1}");
    public static readonly DiagnosticDescriptor LookAgainMissing = new("SITE418", Severity.Error, "a not-now outcome must say when to look again: add 'look_again' to this condition");
    public static readonly DiagnosticDescriptor LookAgainNotAllowed = new("SITE419", Severity.Error, "'look_again' belongs only to conditions of a not-now outcome, not of '{0}' ({1})");
    public static readonly DiagnosticDescriptor DuplicateOutcomeId = new("SITE420", Severity.Error, "duplicate outcome id '{0}' (first defined at line {1})");
    public static readonly DiagnosticDescriptor DuplicateOptionCode = new("SITE421", Severity.Error, "duplicate answer code '{0}' in question '{1}'");
    public static readonly DiagnosticDescriptor TooManyQuestions = new("SITE422", Severity.Warning, "{0} questions; keep the questionnaire to at most {1}");
    public static readonly DiagnosticDescriptor UnknownPlaceholder = new("SITE423", Severity.Error, "unknown placeholder '{0}' (only {{answer}} is allowed)");
    public static readonly DiagnosticDescriptor NotRootRelative = new("SITE424", Severity.Error, "link '{0}' must be root-relative (start with /) or an http(s) address");
    public static readonly DiagnosticDescriptor TooManyPaths = new("SITE428", Severity.Error, "more than {0} answer combinations; simplify the skip logic");
    public static readonly DiagnosticDescriptor NeverAsked = new("SITE429", Severity.Error, "question '{0}' is never asked: no answers before it satisfy its enableWhen");
    public static readonly DiagnosticDescriptor InvalidId = new("SITE431", Severity.Error, "'{0}' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter");
    public static readonly DiagnosticDescriptor BehaviorRequired = new("SITE432", Severity.Error, "'{0}' is required when there is more than one condition");
    public static readonly DiagnosticDescriptor UncoveredSummary = new("SITE435", Severity.Error, "{0} more answer combinations match no outcome");
}
