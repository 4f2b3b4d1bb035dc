using System.Text.RegularExpressions;
using Site.Questionnaire;
using Site.Tests.Questionnaire;

namespace Site.Tests.Content;

/// <summary>
/// The contraindications article and the questionnaire tell the reader the same thing: every not-suitable and
/// not-now reason of input/candidate/questionnaire.yml (by its <c>label</c>) is listed in the article under the
/// heading of the same kind ("Not suitable: …", "Not now: …"), and those two lists hold nothing else.
/// </summary>
public sealed partial class ContraindicationsAgreementTests
{
    private static readonly string ArticlePath = Path.Combine(Site.Testing.Repository.Root, "input", "articles", "contraindications.md");

    [Fact]
    public void Every_not_suitable_and_not_now_reason_is_listed_under_the_same_kind()
    {
        var q = QuestionnaireTestSupport.LoadReal();
        var lists = ListsByKind(File.ReadAllText(ArticlePath));
        var kinds = new[] { OutcomeKind.NotSuitable, OutcomeKind.NotNow };

        var expected = kinds.ToDictionary(k => k, _ => new HashSet<string>());
        foreach (var outcome in q.Outcomes.Where(o => kinds.Contains(o.Kind)))
        {
            foreach (var condition in outcome.When)
            {
                Assert.False(condition.Label is null,
                    $"outcome '{outcome.Id}': the condition on '{condition.Test.Question}' = '{condition.Test.Answer}' has no label: to list it in the article");
                expected[outcome.Kind].Add(condition.Label!);
            }
        }

        foreach (var kind in kinds)
        {
            var label = OutcomeKinds.Label(kind);
            Assert.True(lists.ContainsKey(label), $"the article has no '## {label}: …' heading with a list");
            var listed = lists[label];
            Assert.All(expected[kind], l => Assert.True(listed.Contains(l), $"'{l}' ({label} in the questionnaire) is not listed under '{label}' in the article"));
            Assert.All(listed, l => Assert.True(expected[kind].Contains(l), $"the article lists '{l}' under '{label}', but the questionnaire does not"));
        }
    }

    [Fact]
    public void The_reader_finds_the_kinds_by_the_labels_the_questionnaire_uses()
    {
        // A list that would match under the old headings ("Permanent reasons", "Temporary reasons") fails here.
        var lists = ListsByKind("## Permanent reasons\n\n- **Epilepsy.** Why.\n\n## Temporary reasons\n\n- **Breastfeeding.** Why.\n");
        Assert.Empty(lists);
        var good = ListsByKind("## Not now: a reason to wait\n\n- **Breastfeeding.** Why.\n- **Being under 18.** Why.\n\n## Other\n\n- **Not this.**\n");
        Assert.Equal(["Breastfeeding", "Being under 18"], good["Not now"]);
    }

    /// <summary>For each h2 starting with a kind label and a colon, the bold lead-ins of its list items (without the final full stop).</summary>
    private static Dictionary<string, List<string>> ListsByKind(string markdown)
    {
        var labels = Enum.GetValues<OutcomeKind>().Select(OutcomeKinds.Label).ToList();
        var result = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var title = line[3..].Trim();
                var kind = labels.FirstOrDefault(l => title.StartsWith(l + ":", StringComparison.Ordinal));
                current = kind is null ? null : result[kind] = [];
                continue;
            }

            if (current is not null && LeadIn().Match(line) is { Success: true } m)
                current.Add(StripLinks(m.Groups[1].Value).TrimEnd('.'));
        }

        return result;
    }

    /// <summary>"[autoimmune disease](/glossary/#…)" reads as "autoimmune disease".</summary>
    private static string StripLinks(string text) => MarkdownLink().Replace(text, "$1");

    [GeneratedRegex(@"^- \*\*(.+?)\*\*")]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();
}
