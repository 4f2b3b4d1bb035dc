using Site.Diagnostics;
using Site.Questionnaire;

namespace Site.Tests.Questionnaire;

using Questionnaire = Site.Questionnaire.Questionnaire;

/// <summary>Shared by the questionnaire tests: where the repository is, and which pages exist.</summary>
internal static class QuestionnaireTestSupport
{
    public const string RealDisplayPath = "input/candidate/questionnaire.yml";

    /// <summary>The pages the content issue creates; until the generator passes the real set, tests use this one.</summary>
    public static readonly HashSet<string> KnownPages =
    [
        "/", "/candidate/", "/faq/", "/glossary/", "/about/", "/privacy/",
        "/articles/what-is-hair-mesotherapy/", "/articles/how-it-works/", "/articles/what-is-injected/",
        "/articles/who-it-may-help/", "/articles/contraindications/", "/articles/side-effects/",
        "/articles/procedure-and-course/", "/articles/aftercare/", "/articles/compared-with-other-options/",
        "/articles/what-the-evidence-says/",
    ];

    public static readonly HashSet<string> KnownFragments = ["/articles/contraindications/#not-now-a-reason-to-wait", "/articles/contraindications/#not-suitable-usually-ruled-out"];

    public static bool LinkExists(string url) =>
        url.Contains('#') ? KnownFragments.Contains(url) : KnownPages.Contains(url);

    public static string RepoRoot => Site.Testing.Repository.Root;

    public static string RealYaml => File.ReadAllText(Path.Combine(RepoRoot, "input", "candidate", "questionnaire.yml"));

    /// <summary>Loads and validates, returning the questionnaire (null on load errors) and every diagnostic as printed.</summary>
    public static (Questionnaire? Questionnaire, List<string> Diagnostics) LoadAndValidate(string displayPath, string yaml)
    {
        var bag = new DiagnosticBag();
        var q = QuestionnaireLoader.Load(displayPath, yaml, bag);
        if (q is not null)
        {
            var text = QuestionnaireText.Render(q, bag); // as the build does: its Markdown once, then the checks
            QuestionnaireValidator.Validate(q, t => text[t].Links, LinkExists, bag);
        }
        return (q, bag.Sorted().Select(d => d.ToString()).ToList());
    }

    public static Questionnaire LoadReal()
    {
        var (q, diagnostics) = LoadAndValidate(RealDisplayPath, RealYaml);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        return q!;
    }
}
