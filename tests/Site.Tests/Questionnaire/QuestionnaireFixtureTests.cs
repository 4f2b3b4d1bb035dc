using System.Text.RegularExpressions;
using static Site.Tests.Questionnaire.QuestionnaireTestSupport;

namespace Site.Tests.Questionnaire;

/// <summary>
/// Broken definitions as files: each <c>Fixtures/questionnaire/NNN-name.yml</c> has the exact diagnostics it must
/// produce in <c>NNN-name.diagnostics</c> beside it, one <c>file(line,col): error ID: message</c> per line.
/// Run with UPDATE_GOLDEN=1 to rewrite the expectations on purpose (then read the diff).
/// </summary>
public sealed class QuestionnaireFixtureTests
{
    private const string Folder = "questionnaire";

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", Folder), "*.yml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_exactly_the_expected_diagnostics(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", Folder);
        var yaml = File.ReadAllText(Path.Combine(dir, name + ".yml"));
        var (_, actual) = LoadAndValidate($"{Folder}/{name}.yml", yaml);

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(RepoRoot, "tests", "Site.Tests", "Fixtures", Folder, name + ".diagnostics");
            File.WriteAllText(source, actual.Count == 0 ? "" : string.Join("\n", actual) + "\n");
            return;
        }

        var expectedPath = Path.Combine(dir, name + ".diagnostics");
        Assert.True(File.Exists(expectedPath), $"missing {name}.diagnostics; run with UPDATE_GOLDEN=1 and review it");
        var expected = File.ReadAllLines(expectedPath).Where(l => l.Length > 0).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_broken_fixture_fails_and_the_valid_one_passes()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", Folder);
        foreach (var file in Directory.GetFiles(dir, "*.yml"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var (_, diagnostics) = LoadAndValidate(name, File.ReadAllText(file));
            if (name.EndsWith("-valid", StringComparison.Ordinal)) Assert.Empty(diagnostics);
            // YAML mistakes have the ids every YAML file shares (SITE001-SITE004, SITE030-SITE039); the rest are the questionnaire's.
            else Assert.Contains(diagnostics, d => Regex.IsMatch(d, @": error SITE(4\d\d|00[1-4]|03\d):"));
        }
    }
}
