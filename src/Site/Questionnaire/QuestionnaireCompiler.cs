using System.Text.Encodings.Web;
using System.Text.Json;

namespace Site.Questionnaire;

/// <summary>
/// Writes the questionnaire as JSON for candidate.js: the same questions, answers and rules the C# engine
/// runs, with Markdown already rendered to HTML. The default encoder escapes &lt;, &gt;, &amp; and quotes,
/// so the result is safe inside <c>&lt;script type="application/json"&gt;</c>.
/// </summary>
internal static class QuestionnaireCompiler
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    /// <param name="renderMarkdown">Markdown to a sanitized HTML fragment.</param>
    public static string ToJson(Questionnaire q, Func<SourceText, string> renderMarkdown)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("title", q.Title);
            w.WriteNumber("maxQuestions", q.MaxQuestions);

            w.WriteStartArray("items");
            foreach (var item in q.Items)
            {
                w.WriteStartObject();
                w.WriteString("linkId", item.LinkId);
                w.WriteString("text", item.Text);
                if (item.Help is not null) w.WriteString("helpHtml", renderMarkdown(item.Help));
                if (item.Error is not null) w.WriteString("error", item.Error);
                w.WriteString("type", item.TypeCode);
                w.WriteStartArray("options");
                foreach (var o in item.Options)
                {
                    w.WriteStartObject();
                    w.WriteString("code", o.Code);
                    w.WriteString("text", o.Text);
                    w.WriteBoolean("unsure", o.Unsure);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("enableBehavior", item.EnableBehavior == Behavior.All ? "all" : "any");
                w.WriteStartArray("enableWhen");
                foreach (var c in item.EnableWhen) WriteCondition(w, c);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("outcomes");
            foreach (var outcome in q.Outcomes)
            {
                w.WriteStartObject();
                w.WriteString("id", outcome.Id);
                w.WriteString("kind", outcome.KindCode);
                w.WriteString("kindLabel", outcome.KindLabel);
                w.WriteString("title", outcome.Title);
                w.WriteString("bodyHtml", renderMarkdown(outcome.Body));
                w.WriteString("behavior", outcome.Behavior == Behavior.All ? "all" : "any");
                WriteRuleConditions(w, "when", outcome.When);
                WriteRuleConditions(w, "notes", outcome.Notes);
                w.WriteStartArray("nextSteps");
                foreach (var step in outcome.NextSteps) w.WriteStringValue(step);
                w.WriteEndArray();
                w.WriteStartArray("links");
                foreach (var link in outcome.Links)
                {
                    w.WriteStartObject();
                    w.WriteString("url", link.Url);
                    w.WriteString("text", link.Text);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCondition(Utf8JsonWriter w, Condition c)
    {
        w.WriteStartObject();
        WriteTest(w, c);
        w.WriteEndObject();
    }

    private static void WriteTest(Utf8JsonWriter w, Condition c)
    {
        w.WriteString("question", c.Question);
        w.WriteString("operator", c.OperatorCode);
        w.WriteString("answer", c.Answer);
    }

    private static void WriteRuleConditions(Utf8JsonWriter w, string name, IReadOnlyList<RuleCondition> conditions)
    {
        w.WriteStartArray(name);
        foreach (var rc in conditions)
        {
            w.WriteStartObject();
            WriteTest(w, rc.Test);
            if (rc.Reason is not null) w.WriteString("reason", rc.Reason.Value);
            if (rc.LookAgain is not null) w.WriteString("lookAgain", rc.LookAgain.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
