using Site.Content;
using Site.Diagnostics;
using Site.Questionnaire;
using Site.Search;
using Site.Yaml;

namespace Site.Tests.Yaml;

/// <summary>Nine levels of <c>&amp;a [*a, …]</c>: a billion nodes once expanded. Every YAML file must refuse it at the '&amp;' (SITE030).</summary>
public sealed class AliasBombTests
{
    private static string Bomb(string indent)
    {
        var lines = new List<string> { $"{indent}a0: &a0 [x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 9; i++)
            lines.Add($"{indent}a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]");
        return string.Join('\n', lines);
    }

    private static void AssertRefused(DiagnosticBag diagnostics, string file)
    {
        var refused = diagnostics.Sorted().Where(d => d.Id == YamlDiagnostics.AliasRefused.Id).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, d => Assert.Equal(file, d.Where.File));
    }

    [Fact]
    public void Front_matter_extra_is_refused_at_the_anchor()
    {
        var d = new DiagnosticBag();
        var read = YamlDocument.Parse("title: T\ndescription: D\nextra:\n" + Bomb("  "), "a.md", 1, d);
        AssertRefused(d, "a.md");
        var first = d.Sorted().First(x => x.Id == "SITE030");
        Assert.Equal((5, 7), (first.Where.Line, first.Where.Column)); // '&a0' on YAML line 4, file line 5
        FrontMatter.Read((YMapping)read.Root!, PageKind.Page, new DateOnly(2026, 1, 1), d); // no expansion, no OutOfMemory
    }

    [Fact]
    public void Site_yml_is_refused()
    {
        var d = new DiagnosticBag();
        Assert.Null(SiteConfig.Load("input/site.yml", "title: T\nextra:\n" + Bomb("  "), d));
        AssertRefused(d, "input/site.yml");
    }

    [Fact]
    public void References_yml_is_refused()
    {
        var d = new DiagnosticBag();
        Reference.LoadAll("input/references.yml", "- id: a\n  citation: C\n  extra:\n" + Bomb("    "), d);
        AssertRefused(d, "input/references.yml");
    }

    [Fact]
    public void Questionnaire_is_refused()
    {
        var d = new DiagnosticBag();
        Assert.Null(QuestionnaireLoader.Load("input/candidate/questionnaire.yml", "title: T\n" + Bomb(""), d));
        AssertRefused(d, "input/candidate/questionnaire.yml");
    }

    [Fact]
    public void Synonyms_are_refused()
    {
        var d = new DiagnosticBag();
        SynonymTable.Load("input/search/synonyms.yml", "- words: [a]\n  means: [b]\n" + Bomb("  "), d);
        AssertRefused(d, "input/search/synonyms.yml");
    }
}
