using System.Diagnostics;
using System.Text;
using Site.Tests.Support;

namespace Site.Tests.Reliability;

/// <summary>
/// Hostile YAML in each of the site's five YAML files, through a whole build: an alias bomb (nine levels of
/// <c>&amp;a [*a, …]</c>, a billion nodes once expanded) and lists or mappings nested thousands deep (which overflowed
/// the stack and ended the process). Each is refused with a diagnostic at its file; the build finishes quickly.
/// </summary>
public sealed class HostileYamlTests
{
    private static readonly string BaseSite = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "invalid", "_base.site"));

    private static string Bomb(string indent)
    {
        var lines = new List<string> { $"{indent}a0: &a0 [x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 9; i++) lines.Add($"{indent}a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]");
        return string.Join('\n', lines) + "\n";
    }

    private static string DeepFlow(string indent) => $"{indent}deep: {new string('[', 20_000)}{new string(']', 20_000)}\n";

    private static string DeepBlock(string indent)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 3_000; i++) text.Append(indent).Append(' ', i).Append('k').Append(i).Append(":\n");
        return text.Append(indent).Append(' ', 3_000).Append("v: 1\n").ToString();
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "front matter", "site.yml", "references.yml", "questionnaire.yml", "synonyms.yml" })
            foreach (var payload in new[] { "alias bomb", "lists 20,000 deep", "mappings 3,000 deep" })
                data.Add(file, payload);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hostile_yaml_is_refused_at_its_file_and_the_build_finishes(string file, string payload)
    {
        Func<string, string> make = payload switch { "alias bomb" => Bomb, "lists 20,000 deep" => DeepFlow, _ => DeepBlock };
        using var site = TestSite.FromText(BaseSite);
        var id = payload == "alias bomb" ? "SITE030" : "SITE034";
        string display;
        switch (file)
        {
            case "front matter":
                site.Edit("input/articles/good.md", "title: A good article\n", "title: A good article\nextra:\n" + make("  "));
                display = "input/articles/good.md";
                break;
            case "site.yml":
                File.AppendAllText(site.PathOf("input/site.yml"), "extra:\n" + make("  "));
                display = "input/site.yml";
                break;
            case "references.yml":
                File.AppendAllText(site.PathOf("input/references.yml"), "- id: hostile\n  citation: C\n  extra:\n" + make("    "));
                display = "input/references.yml";
                break;
            case "questionnaire.yml":
                File.AppendAllText(site.PathOf("input/candidate/questionnaire.yml"), "extra:\n" + make("  "));
                display = "input/candidate/questionnaire.yml";
                break;
            default:
                File.AppendAllText(site.PathOf("input/search/synonyms.yml"), "- words: [x]\n  means: [y]\n  extra:\n" + make("    "));
                display = "input/search/synonyms.yml";
                break;
        }
        var clock = Stopwatch.StartNew();
        var errors = site.Build(dryRun: true).Errors();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{file}, {payload}: {clock.Elapsed}");
        Assert.Contains(errors, e => e.StartsWith(display + "(", StringComparison.Ordinal) && e.Contains($"): error {id}: ", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Matches(@"^[\w./-]+\(\d+,\d+\): error SITE\d{3}: [^\r\n]+$", e));
    }
}
