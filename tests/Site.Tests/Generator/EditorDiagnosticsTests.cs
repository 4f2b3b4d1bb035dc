using Site.Tests.Support;

namespace Site.Tests.Generator;

/// <summary>
/// What an editor reads (issue 11): the cause first and only once, in plain words, at the place to fix, with the likely
/// right word. Each case breaks one thing in a tiny site and asserts the whole output.
/// </summary>
public sealed class EditorDiagnosticsTests
{
    private const string Article = """
---
title: Aftercare
description: A description that is long enough for search engines to show it well.
summary: In short, this is fine.
section: basics
last_reviewed: 2026-01-10
next_review: 2027-06-10
sources: [smith-2020, jones-2021]
related: [side-effects]
---
Intro [@smith-2020]. See [side effects](/articles/side-effects/#pain).

""";

    private const string SideEffects = """
---
title: Side effects
description: A description that is long enough for search engines to show it well.
summary: In short, this is fine.
section: basics
last_reviewed: 2026-01-10
next_review: 2027-06-10
sources: [smith-2020, jones-2021]
---
## Pain

Text [@jones-2021].

""";

    private static string[] Output(string aftercare, string? sideEffects = null, string? references = null, bool drafts = false)
    {
        var files = MiniTheme.Files + "-- input/articles/aftercare.md --\n" + aftercare + "-- input/articles/side-effects.md --\n" + (sideEffects ?? SideEffects);
        if (references is not null)
        {
            // The references file runs to the next file's marker (the aftercare article follows it).
            var start = files.IndexOf("-- input/references.yml --", StringComparison.Ordinal);
            var end = files.IndexOf("\n-- ", start, StringComparison.Ordinal) + 1;
            files = files[..start] + "-- input/references.yml --\n" + references + files[end..];
        }
        using var site = TestSite.FromText(files);
        return TestSite.InMemory(site.Options() with { IncludeDrafts = drafts }).Lines();
    }

    [Fact]
    public void The_tiny_site_builds_clean() => Assert.Empty(Output(Article));

    [Fact]
    public void A_broken_references_file_is_one_diagnostic_not_one_per_citation()
    {
        var broken = "- id: smith-2020\n  citation: \"Smith A. A study. J Test. 2020.\n- id: jones-2021\n  citation: Jones B. Another study. J Test. 2021.\n";
        Assert.Equal(["input/references.yml(2,13): error SITE001: YAML syntax error: the quote (\") that opens this value is never closed: add a closing \" at the end of the value, on the same line."],
            Output(Article, references: broken));
    }

    [Fact]
    public void A_mistyped_citation_is_one_diagnostic_with_the_likely_id()
    {
        Assert.Equal(["input/articles/aftercare.md(11,7): error SITE054: Citation '@smith-2002' is not in input/references.yml. Did you mean 'smith-2020'?"],
            Output(Article.Replace("[@smith-2020]", "[@smith-2002]")));
    }

    [Theory]
    [InlineData("title: \"Aftercare", "input/articles/aftercare.md(2,8): error SITE001: YAML syntax error: the quote (\") that opens this value is never closed: add a closing \" at the end of the value, on the same line.")]
    [InlineData("title: Aftercare: the first week", "input/articles/aftercare.md(2,17): error SITE001: YAML syntax error: the value of 'title' contains a colon followed by a space, which YAML reads as the start of another key: put the whole value in double quotes, title: \"Aftercare: the first week\"")]
    [InlineData("title: Aftercare\n\tsection2: x", "input/articles/aftercare.md(3,1): error SITE001: YAML syntax error: a tab is used to indent this line, and YAML allows only spaces: replace the tab with spaces (or remove it, if the key should start the line).")]
    [InlineData("title: Aftercare\n  section2: x", "input/articles/aftercare.md(3,1): error SITE001: YAML syntax error: 'section2' is indented 2 spaces, but the keys beside it start at the beginning of the line (as 'title' on line 2): remove 2 spaces before 'section2'.")]
    public void Common_yaml_mistakes_are_explained_in_plain_words_at_their_line(string titleLine, string expected)
    {
        Assert.Equal([expected], Output(Article.Replace("title: Aftercare", titleLine)));
    }

    [Fact]
    public void An_unclosed_list_is_reported_at_its_bracket()
    {
        Assert.Equal(["input/articles/aftercare.md(8,10): error SITE001: YAML syntax error: the list that starts with '[' here is not closed: end it with ']' on the same line, as in [first, second]."],
            Output(Article.Replace("sources: [smith-2020, jones-2021]", "sources: [smith-2020, jones-2021")));
    }

    [Fact]
    public void A_misspelt_required_key_is_one_diagnostic_at_the_misspelling_with_the_right_key()
    {
        Assert.Equal(["input/articles/aftercare.md(4,1): error SITE002: Unknown key 'sumary'. Did you mean 'summary'? Free-form data goes under 'extra:'."],
            Output(Article.Replace("summary:", "sumary:")));
    }

    [Fact]
    public void A_related_article_typo_and_a_section_in_the_wrong_case_get_the_right_name()
    {
        Assert.Equal(["input/articles/aftercare.md(9,11): error SITE016: Related article 'side-efects' does not exist. Did you mean 'side-effects'? Use the file name of an article in input/articles/ without '.md'."],
            Output(Article.Replace("related: [side-effects]", "related: [side-efects]")));
        Assert.Equal(["input/articles/aftercare.md(5,10): error SITE012: Unknown section 'Basics'. Did you mean 'basics'? Sections are defined in input/site.yml: basics."],
            Output(Article.Replace("section: basics", "section: Basics")));
    }

    [Fact]
    public void A_link_typo_gets_the_closest_page_and_a_fragment_typo_the_closest_id()
    {
        Assert.Equal(["input/articles/aftercare.md(11,26): error SITE200: Broken link: '/articles/side-efects/' leads to no page or file of the site. Did you mean '/articles/side-effects/'?"],
            Output(Article.Replace("/articles/side-effects/#pain", "/articles/side-efects/")));
        Assert.Equal(["input/articles/aftercare.md(11,26): error SITE201: Broken link: '/articles/side-effects/#pian' has no element with id 'pian' on /articles/side-effects/. Did you mean 'pain'?"],
            Output(Article.Replace("#pain", "#pian")));
    }

    [Theory]
    [InlineData("2026-11-31", "November 2026 has 30 days")]
    [InlineData("2026-13-01", "there is no month 13")]
    [InlineData("2026-02-29", "2026 is not a leap year, so February has 28 days")]
    public void A_date_that_does_not_exist_says_why(string date, string why)
    {
        Assert.Equal([$"input/articles/aftercare.md(6,16): error SITE014: Key 'last_reviewed' is not a date that exists ({date}): {why}."],
            Output(Article.Replace("last_reviewed: 2026-01-10", $"last_reviewed: {date}")));
    }

    [Fact]
    public void A_link_to_a_draft_says_draft_and_the_preview_shows_the_draft()
    {
        var draft = SideEffects.Replace("sources:", "draft: true\nsources:");
        Assert.Equal(
        [
            "input/articles/aftercare.md(9,11): error SITE024: Related article 'side-effects' is a draft (draft: true in input/articles/side-effects.md), so it is not published: remove it from related, or publish the article.",
            "input/articles/aftercare.md(11,26): error SITE204: Link '/articles/side-effects/#pain' leads to a draft (draft: true in input/articles/side-effects.md), which is not published: remove the link, or publish the page. (The preview shows drafts.)",
        ], Output(Article, sideEffects: draft));
        Assert.Empty(Output(Article, sideEffects: draft, drafts: true));
    }
}
