using System.Text.RegularExpressions;
using Site.Diagnostics;
using Site.Yaml;
using YamlDotNet.Core;
using D = Site.Questionnaire.QuestionnaireDiagnostics;

namespace Site.Questionnaire;

/// <summary>
/// Reads <c>questionnaire.yml</c> strictly: unknown keys, missing keys, wrong kinds of node and unknown words
/// (types, kinds, operators) are errors at their line. Meaning (references, reachability, links) is checked
/// by <see cref="QuestionnaireValidator"/>.
/// </summary>
internal static partial class QuestionnaireLoader
{
    private static readonly string[] RootKeys = ["title", "items", "outcomes"];
    private static readonly string[] ItemKeys = ["linkId", "text", "help", "error", "type", "options", "enableWhen", "enableBehavior"];
    private static readonly string[] OptionKeys = ["code", "text", "unsure"];
    private static readonly string[] EnableWhenKeys = ["question", "operator", "answer"];
    private static readonly string[] RuleConditionKeys = ["question", "operator", "answer", "reason", "look_again", "label"];
    private static readonly string[] OutcomeKeys = ["id", "kind", "title", "body", "behavior", "when", "notes", "next_steps", "links"];
    private static readonly string[] LinkKeys = ["url", "text"];

    /// <summary>Parses the questionnaire; returns null when the file has errors, which are then in <paramref name="diagnostics"/>.</summary>
    public static Questionnaire? Load(string displayPath, string yamlText, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var reader = new Reader(displayPath, yamlText.Replace("\r\n", "\n").Split('\n'), local);
        var root = YamlDocument.Parse(yamlText, displayPath, 0, local).Root;
        Questionnaire? result = null;
        if (root is null && !local.HasErrors)
            local.Add(D.WrongNodeKind, SourceSpan.FileOnly(displayPath), "the questionnaire", "a mapping with title, items and outcomes");
        else if (root is not null)
            result = reader.ReadRoot(root);

        diagnostics.AddRange(local.Sorted());
        return local.HasErrors ? null : result;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    internal static partial Regex IdPattern();

    private sealed class Reader(string path, string[] lines, DiagnosticBag diagnostics)
    {
        public Questionnaire? ReadRoot(YNode node)
        {
            if (Fields(node, "the questionnaire", RootKeys) is not { } f) return null;
            var title = RequiredString(f, node, "the questionnaire", "title");
            var items = List(f, node, "the questionnaire", "items", ReadItem, required: true);
            var outcomes = List(f, node, "the questionnaire", "outcomes", ReadOutcome, required: true);
            if (title is null || items is null || outcomes is null) return null;
            return new Questionnaire
            {
                DisplayPath = path,
                Title = title,
                Items = items,
                Outcomes = outcomes,
                OutcomesSpan = f["outcomes"].Key.Span,
            };
        }

        private Item? ReadItem(YNode node)
        {
            const string what = "question";
            if (Fields(node, what, ItemKeys) is not { } f) return null;
            var linkId = RequiredId(f, node, what, "linkId");
            var text = RequiredString(f, node, what, "text");
            var help = OptionalText(f, "help");
            var error = OptionalText(f, "error");
            var typeCode = RequiredString(f, node, what, "type");
            QuestionType? type = typeCode switch
            {
                "yes-no-unsure" => QuestionType.YesNoUnsure,
                "choice" => QuestionType.Choice,
                null => null,
                _ => Report<QuestionType?>(D.UnknownType, f["type"].Value.Span, typeCode),
            };

            IReadOnlyList<AnswerOption>? options = null;
            if (type == QuestionType.YesNoUnsure)
            {
                if (f.TryGetValue("options", out var o)) diagnostics.Add(D.OptionsNotAllowed, o.Key.Span);
                var at = f.TryGetValue("type", out var t) ? t.Value.Span : node.Span;
                options = [new("yes", "Yes", false, at), new("no", "No", false, at), new("unsure", "I'm not sure", true, at)];
            }
            else if (type == QuestionType.Choice)
            {
                options = List(f, node, what, "options", ReadOption, required: true);
            }

            var enableWhen = List(f, node, what, "enableWhen", ReadEnableWhen, required: false) ?? [];
            var behavior = OptionalBehavior(f, "enableBehavior");
            if (behavior is null && enableWhen.Count > 1)
                diagnostics.Add(D.BehaviorRequired, f["enableWhen"].Key.Span, "enableBehavior");

            if (linkId is null || text is null || type is null || options is null) return null;
            return new Item
            {
                LinkId = linkId,
                Text = text,
                Help = help,
                Error = error?.Value.Trim(),
                Type = type.Value,
                Options = options,
                EnableWhen = enableWhen,
                EnableBehavior = behavior ?? Behavior.All,
                Span = node.Span,
                LinkIdSpan = f["linkId"].Value.Span,
            };
        }

        private AnswerOption? ReadOption(YNode node)
        {
            const string what = "answer option";
            if (Fields(node, what, OptionKeys) is not { } f) return null;
            var code = RequiredId(f, node, what, "code");
            var text = RequiredString(f, node, what, "text");
            var unsure = OptionalBool(f, "unsure") ?? false;
            return code is null || text is null ? null : new AnswerOption(code, text, unsure, node.Span);
        }

        private Condition? ReadCondition(YNode node, Dictionary<string, YEntry> f, string what)
        {
            var question = RequiredString(f, node, what, "question");
            var op = RequiredString(f, node, what, "operator");
            var answer = RequiredString(f, node, what, "answer");
            Operator? parsed = op switch
            {
                "=" => Operator.Equal,
                "!=" => Operator.NotEqual,
                null => null,
                _ => Report<Operator?>(D.UnknownOperator, f["operator"].Value.Span, op),
            };
            if (question is null || parsed is null || answer is null) return null;
            return new Condition
            {
                Question = question,
                Operator = parsed.Value,
                Answer = answer,
                Span = node.Span,
                QuestionSpan = f["question"].Value.Span,
                AnswerSpan = f["answer"].Value.Span,
            };
        }

        private Condition? ReadEnableWhen(YNode node) =>
            Fields(node, "enableWhen condition", EnableWhenKeys) is { } f ? ReadCondition(node, f, "enableWhen condition") : null;

        private RuleCondition? ReadRuleCondition(YNode node)
        {
            const string what = "outcome condition";
            if (Fields(node, what, RuleConditionKeys) is not { } f) return null;
            var test = ReadCondition(node, f, what);
            var reason = OptionalText(f, "reason");
            var lookAgain = OptionalText(f, "look_again");
            var label = OptionalText(f, "label");
            return test is null ? null : new RuleCondition { Test = test, Reason = reason, LookAgain = lookAgain, Label = label?.Value.Trim() };
        }

        private Outcome? ReadOutcome(YNode node)
        {
            const string what = "outcome";
            if (Fields(node, what, OutcomeKeys) is not { } f) return null;
            var id = RequiredId(f, node, what, "id");
            var kindCode = RequiredString(f, node, what, "kind");
            OutcomeKind? kind = kindCode is null ? null : OutcomeKinds.FromCode(kindCode);
            if (kindCode is not null && kind is null) diagnostics.Add(D.UnknownKind, f["kind"].Value.Span, kindCode);
            var title = RequiredString(f, node, what, "title");
            var body = f.ContainsKey("body") ? OptionalText(f, "body") : Missing<SourceText>(node, what, "body");
            var when = List(f, node, what, "when", ReadRuleCondition, required: true);
            var behavior = OptionalBehavior(f, "behavior");
            if (behavior is null && when is { Count: > 1 })
                diagnostics.Add(D.BehaviorRequired, f["when"].Key.Span, "behavior");
            var notes = List(f, node, what, "notes", ReadRuleCondition, required: false) ?? [];
            var nextSteps = List(f, node, what, "next_steps", n => ScalarString(n, "next step"), required: false) ?? [];
            var links = List(f, node, what, "links", ReadLink, required: false) ?? [];

            if (id is null || kind is null || title is null || body is null || when is null) return null;
            return new Outcome
            {
                Id = id,
                Kind = kind.Value,
                Title = title,
                Body = body,
                Behavior = behavior ?? Behavior.All,
                When = when,
                Notes = notes,
                NextSteps = nextSteps,
                Links = links,
                Span = node.Span,
                IdSpan = f["id"].Value.Span,
            };
        }

        private OutcomeLink? ReadLink(YNode node)
        {
            const string what = "link";
            if (Fields(node, what, LinkKeys) is not { } f) return null;
            var url = RequiredString(f, node, what, "url");
            var text = RequiredString(f, node, what, "text");
            return url is null || text is null ? null : new OutcomeLink(url, text, f["url"].Value.Span);
        }

        // ---- strict field access ----

        private Dictionary<string, YEntry>? Fields(YNode node, string what, string[] allowed)
        {
            if (node is not YMapping map)
            {
                diagnostics.Add(D.WrongNodeKind, node.Span, what, "a mapping (key: value lines)");
                return null;
            }
            var fields = new Dictionary<string, YEntry>(StringComparer.Ordinal);
            foreach (var entry in map.Entries)
            {
                if (Array.IndexOf(allowed, entry.Key.Value) < 0)
                    diagnostics.Add(YamlDiagnostics.UnknownKey, entry.Key.Span, entry.Key.Value,
                        (Suggestions.Closest(entry.Key.Value, allowed) is { } closest ? $"Did you mean '{closest}'? " : "") + $"Keys of {Article(what)}: {string.Join(", ", allowed)}.");
                else
                    fields[entry.Key.Value] = entry;
            }
            return fields;
        }

        private static string Article(string what) => what[0] is 'a' or 'e' or 'o' or 'u' or 'i' ? "an " + what : what.StartsWith("the ", StringComparison.Ordinal) ? what : "a " + what;

        private IReadOnlyList<T>? List<T>(Dictionary<string, YEntry> f, YNode owner, string what, string key, Func<YNode, T?> read, bool required)
            where T : class
        {
            if (!f.TryGetValue(key, out var entry))
                return required ? Missing<IReadOnlyList<T>>(owner, what, key) : null;
            if (entry.Value is not YSequence seq)
            {
                diagnostics.Add(D.WrongNodeKind, entry.Value.Span, key, "a list (lines starting with -)");
                return null;
            }
            if (seq.Items.Count == 0)
            {
                diagnostics.Add(D.EmptyList, entry.Key.Span, key);
                return null;
            }
            var result = new List<T>();
            var failed = false;
            foreach (var item in seq.Items)
            {
                if (read(item) is { } value) result.Add(value);
                else failed = true;
            }
            return failed ? null : result;
        }

        private T? Missing<T>(YNode owner, string what, string key) where T : class
        {
            // A key set aside by a mistake in it (an alias, a syntax error) is reported already, not missing too.
            if (owner is not YMapping m || !m.IsSetAside(key)) diagnostics.Add(D.MissingKey, owner.Span, what, key);
            return null;
        }

        private string? RequiredString(Dictionary<string, YEntry> f, YNode owner, string what, string key) =>
            f.TryGetValue(key, out var entry) ? ScalarString(entry.Value, key) : Missing<string>(owner, what, key);

        private string? RequiredId(Dictionary<string, YEntry> f, YNode owner, string what, string key)
        {
            var value = RequiredString(f, owner, what, key);
            if (value is not null && !IdPattern().IsMatch(value))
            {
                diagnostics.Add(D.InvalidId, f[key].Value.Span, value);
                return null;
            }
            return value;
        }

        private string? ScalarString(YNode node, string key)
        {
            if (node is YScalar { Value.Length: > 0 } s) return s.Value.Trim();
            diagnostics.Add(D.WrongNodeKind, node.Span, key, "a non-empty text");
            return null;
        }

        private SourceText? OptionalText(Dictionary<string, YEntry> f, string key)
        {
            if (!f.TryGetValue(key, out var entry)) return null;
            if (ScalarString(entry.Value, key) is null) return null;
            var s = (YScalar)entry.Value;
            if (s.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            {
                // The scalar's mark is its | or > indicator; the content starts on the next line at the block's indent.
                var contentLine = s.Span.Line + 1;
                while (contentLine <= lines.Length && lines[contentLine - 1].Trim().Length == 0) contentLine++;
                var indent = contentLine <= lines.Length ? lines[contentLine - 1].Length - lines[contentLine - 1].TrimStart(' ').Length : 0;
                return new SourceText(s.Value.TrimEnd(), s.Span, true, contentLine, indent + 1);
            }
            var quoted = s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
            return new SourceText(s.Value.Trim(), s.Span, false, s.Span.Line, s.Span.Column + (quoted ? 1 : 0));
        }

        private bool? OptionalBool(Dictionary<string, YEntry> f, string key)
        {
            if (!f.TryGetValue(key, out var entry)) return null;
            if (entry.Value is YScalar { Value: "true" or "false" } s) return s.Value == "true";
            diagnostics.Add(D.NotABoolean, entry.Value.Span, key, entry.Value is YScalar other ? other.Value : "(not a scalar)");
            return null;
        }

        private Behavior? OptionalBehavior(Dictionary<string, YEntry> f, string key)
        {
            if (!f.TryGetValue(key, out var entry)) return null;
            return ScalarString(entry.Value, key) switch
            {
                "all" => Behavior.All,
                "any" => Behavior.Any,
                null => null,
                var other => Report<Behavior?>(D.UnknownBehavior, entry.Value.Span, other),
            };
        }

        private T? Report<T>(DiagnosticDescriptor descriptor, SourceSpan at, params object?[] args)
        {
            diagnostics.Add(descriptor, at, args);
            return default;
        }
    }
}
