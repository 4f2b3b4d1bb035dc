using System.Text.RegularExpressions;
using Site.Content;
using Site.Diagnostics;
using Site.Yaml;

namespace Site.Tests.Yaml;

/// <summary>
/// Advice that works when followed: each YAML explanation is applied to the file exactly as it says (add or remove
/// so many spaces before a key, quote a value as shown, close a quote or a list, delete a line), and the file is read
/// again: the syntax error is gone. And no explanation is YamlDotNet's own wording.
/// </summary>
public sealed partial class YamlAdviceTests
{
    private const string File = "input/references.yml";

    private const string GoodReferences = """
        - id: smith-2020
          citation: Smith A. A study. J Test. 2020.
          doi: 10.1000/test.1
        - id: jones-2021
          citation: Jones B. Another study. J Test. 2021.
          pmid: "123"

        """;

    public static TheoryData<string, string, string> BrokenReferences() => new()
    {
        { "a key indented 3 spaces instead of 2", "  doi: 10.1000/test.1", "   doi: 10.1000/test.1" },
        { "a key indented 1 space instead of 2", "  citation: Smith A.", " citation: Smith A." },
        { "a key indented 4 spaces instead of 2", "  pmid: \"123\"", "    pmid: \"123\"" },
        { "a key at the start of the line in a list item", "  doi: 10.1000/test.1", "doi: 10.1000/test.1" },
        { "a value with a colon and a space", "citation: Smith A. A study.", "citation: Smith A. Hair: a study." },
        { "a value starting with '@'", "citation: Smith A. A study. J Test. 2020.", "citation: @smith A study." },
        { "a value starting with '`'", "citation: Smith A. A study. J Test. 2020.", "citation: `Smith` A study." },
        { "an unclosed quote", "pmid: \"123\"", "pmid: \"123" },
        { "a colon with no key", "  pmid: \"123\"", "  pmid: \"123\"\n- :" },
    };

    [Theory]
    [MemberData(nameof(BrokenReferences))]
    public void Following_the_advice_for_references_yml_makes_it_readable(string mistake, string find, string replace)
    {
        Assert.Contains(find, GoodReferences, StringComparison.Ordinal);
        var text = GoodReferences.Replace(find, replace, StringComparison.Ordinal);
        var first = Read(text);
        var syntax = Assert.Single(first, d => d.Id == YamlDiagnostics.Syntax.Id);
        var fixedText = Apply(text, syntax);
        var second = Read(fixedText);
        Assert.True(second.Count == 0, $"{mistake}: after following '{syntax.Message}' the file still gives:\n{string.Join("\n", second)}\n---\n{fixedText}");
    }

    public static TheoryData<string> BrokenAnywhere() =>
    [
        "sources:\n  - smith-2020\n - jones-2021\n",
        "- words: [baldness]\n  means: [alopecia]\n - words: [hair fall]\n   means: [hair loss]\n",
        "- words: [baldness]\nmeans: [alopecia]\n",
        "title: A\n  description: B\n",
        "repository:\n  url: https://example.org\n   branch: main\n",
        "sections:\n  - id: a\n    title: B\n   description: C\n",
        "sections:\n  - id: a\n     title: B\n",
        "items:\n  - linkId: q1\n    options:\n      - code: a\n       text: A\n",
        "title: Hair loss: the basics\n",
        "keywords: [a, b\n",
        "title: \"A\n",
        "- \"@x\"\n- @y\n",
    ];

    /// <summary>Each piece of advice, followed, removes its mistake; where the file had more than one (a whole list item
    /// shifted by a space), the next is a new plain explanation, and following each in turn ends in a readable file.</summary>
    [Theory]
    [MemberData(nameof(BrokenAnywhere))]
    public void Following_the_advice_makes_any_yaml_file_readable(string text)
    {
        var advice = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var bag = new DiagnosticBag();
            YamlDocument.Parse(text, "f.yml", 0, bag);
            if (bag.Sorted().Count == 0) { Assert.NotEmpty(advice); return; }
            var syntax = Assert.Single(bag.Sorted(), d => d.Id == YamlDiagnostics.Syntax.Id);
            Assert.DoesNotContain(syntax.Message, advice);
            advice.Add(syntax.Message);
            text = Apply(text, syntax);
        }
        Assert.Fail($"still not readable after following:\n{string.Join("\n", advice)}\n---\n{text}");
    }

    [Fact]
    public void The_advice_for_a_key_indented_3_spaces_says_exactly_what_to_do()
    {
        var d = Assert.Single(Read(GoodReferences.Replace("  doi:", "   doi:", StringComparison.Ordinal)));
        Assert.Equal("input/references.yml(3,1): error SITE001: YAML syntax error: 'doi' is indented 3 spaces, but the keys beside it are indented 2 spaces (as 'citation' on line 2): remove 1 space before 'doi'.", d.ToString());
    }

    [Fact]
    public void The_advice_for_a_key_indented_1_space_says_exactly_what_to_do()
    {
        var d = Assert.Single(Read(GoodReferences.Replace("  citation: Smith", " citation: Smith", StringComparison.Ordinal)));
        Assert.Equal("input/references.yml(2,1): error SITE001: YAML syntax error: 'citation' is indented 1 space, but the keys beside it are indented 2 spaces (as 'id' on line 1): add 1 space before 'citation'.", d.ToString());
    }

    [Fact]
    public void Front_matter_advice_names_the_file_s_lines()
    {
        var bag = new DiagnosticBag();
        YamlDocument.Parse("title: A\n description: B\n", "input/articles/a.md", 1, bag);
        Assert.Equal("input/articles/a.md(3,1): error SITE001: YAML syntax error: 'description' is indented 1 space, but the keys beside it start at the beginning of the line (as 'title' on line 2): remove 1 space before 'description'.",
            Assert.Single(bag.Sorted()).ToString());
    }

    /// <summary>YamlDotNet's phrases: none of them may reach an editor.</summary>
    private static readonly string[] RawPhrases = ["while parsing", "while scanning", "did not find expected", "found character", "unexpected ", "Idx:", "could not find expected"];

    public static TheoryData<string> Broken() =>
    [
        "a: [b, c\nd: e\n", "a: {b: c\n", "- a\nb: c\n", "a:\n  - b\n c: d\n", "a: b\n  - c\n", "a: 'b\n", "a: b: c\n", "a: @b\n", "a: `b`\n",
        "a: !b c\n", "a: %b\n", "a: b\n?\n", "- [a, b]]\n", "a: }\n", "a: ]\n", "]\n", "a: b\nc\n", "- a: b\n - c: d\n", "a: |\n  b\n c: d\n",
        "a:\n  b: c\n d: e\n", "a: \"b\" c\n", "a: 'b' c\n", "---\na: b\n--- x\n", "a: b\n...\nc: d\n", "a: *b\n", "a: &b\n", "a: b # c\n  d: e\n",
        "a:\n- b\n- c\n d\n", ",\n", "a: [b: c: d]\n", "{a\n", "a: >\n b\n  c\nd\n", "- \"a\n- b\n", "a: b\n\u00a0c: d\n",
    ];

    [Theory]
    [MemberData(nameof(Broken))]
    public void No_explanation_is_the_parser_s_own_words(string text)
    {
        var bag = new DiagnosticBag();
        YamlDocument.Parse(text, "f.yml", 0, bag);
        foreach (var d in bag.Sorted())
        {
            Assert.Matches(@"^f\.yml\(\d+,\d+\): (error|warning) SITE0\d\d: [^\r\n]+$", d.ToString());
            foreach (var phrase in RawPhrases) Assert.DoesNotContain(phrase, d.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void No_expected_diagnostic_of_any_fixture_is_the_parser_s_own_words()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var files = Directory.EnumerateFiles(fixtures, "*.diagnostics", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
            foreach (var line in System.IO.File.ReadAllLines(file).Where(l => l.Contains(": error SITE001:", StringComparison.Ordinal)))
                foreach (var phrase in RawPhrases) Assert.False(line.Contains(phrase, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)}: {line}");
    }

    private static List<Diagnostic> Read(string text)
    {
        var bag = new DiagnosticBag();
        Reference.LoadAll(File, text, bag);
        return [.. bag.Sorted()];
    }

    /// <summary>Does what the message says, to the letter, at the diagnostic's line.</summary>
    private static string Apply(string text, Diagnostic d)
    {
        var lines = text.Split('\n').ToList();
        var i = d.Where.Line - 1;
        var m = d.Message;
        if (Spaces().Match(m) is { Success: true } s)
        {
            var n = int.Parse(s.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = s.Groups[1].Value == "add" ? new string(' ', n) + lines[i] : lines[i][n..];
            Assert.StartsWith(s.Groups[3].Value, lines[i].TrimStart(), StringComparison.Ordinal);
        }
        else if (Quote().Match(m) is { Success: true } q)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '-').Length;
            lines[i] = lines[i][..indent] + q.Groups[1].Value;
        }
        else if (CloseQuote().Match(m) is { Success: true } c) lines[i] += c.Groups[1].Value;
        else if (m.Contains("end it with ']' on the same line", StringComparison.Ordinal)) lines[i] += "]";
        else if (m.Contains("delete the line", StringComparison.Ordinal)) lines.RemoveAt(i);
        else Assert.Fail("advice that cannot be followed to the letter: " + m);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"(add|remove) (\d+) spaces? before '([^']+)'")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"put the whole value in double quotes, (.+?)$")]
    private static partial Regex Quote();

    [GeneratedRegex(@"add a closing (.) at the end of the value")]
    private static partial Regex CloseQuote();
}
