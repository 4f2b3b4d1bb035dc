using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Site.Bench;

/// <summary>What <see cref="CorpusWriter.Write"/> wrote: the input folder to build and the generated articles' slugs.</summary>
public sealed record Corpus(string Root, string InputDirectory, IReadOnlyList<string> Slugs);

/// <summary>
/// The benchmark corpus: a copy of the real <c>input/</c> and <c>netlify.toml</c> (the build reads
/// <c>&lt;parent of input&gt;/netlify.toml</c>) plus <c>count</c> generated articles in our front-matter schema, each
/// about 1,200 words: six h2 sections each with an h3, paragraphs, bullet lists, a pipe table in every third article,
/// links to other generated articles and to the article's own headings, and three <c>[@id]</c> citations of sources
/// from <c>input/references.yml</c>. The same seed and day give the same files; review dates are relative to
/// <c>today</c> so the corpus builds without a review warning whenever it is written.
/// </summary>
public static class CorpusWriter
{
    private const int Sections = 6;

    public static Corpus Write(string repoRoot, string outDir, int count, int seed) => Write(repoRoot, outDir, count, seed, null);

    public static Corpus Write(string repoRoot, string outDir, int count, int seed, DateOnly? today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var root = Path.GetFullPath(outDir);
        var input = Path.Combine(root, "input");
        // A corpus is written whole or not at all: mixing two runs' articles would make the figures meaningless.
        if (Directory.Exists(input)) throw new IOException($"{input} already exists: give an empty or new folder.");
        CopyTree(Path.Combine(repoRoot, "input"), input);
        File.Copy(Path.Combine(repoRoot, "netlify.toml"), Path.Combine(root, "netlify.toml"));

        var sections = IdsOf(LoadYaml(Path.Combine(repoRoot, "input", "site.yml")) is YamlMappingNode site
            && site.Children.TryGetValue(new YamlScalarNode("sections"), out var s) ? s : null);
        var sources = IdsOf(LoadYaml(Path.Combine(repoRoot, "input", "references.yml")));
        if (sections.Count == 0) throw new InvalidDataException("input/site.yml defines no sections.");
        if (sources.Count < 3) throw new InvalidDataException("input/references.yml needs at least three sources.");

        var random = new Random(seed);
        var slugs = Enumerable.Range(0, count)
            .Select(i => $"{Pick(random, Words.Adjectives)}-{Pick(random, Words.Nouns)}-notes-{i + 1}")
            .ToArray();
        var day = today ?? DateOnly.FromDateTime(DateTime.Now);
        var articles = Path.Combine(input, "articles");
        for (var i = 0; i < count; i++)
        {
            // One generator per article, seeded from the corpus's seed (HashCode is randomised per process, so plain
            // arithmetic): article i's text is the same whatever the count.
            var article = new ArticleText(new Random(unchecked(seed * 1_000_003 + i)), slugs, i, sections, sources, day);
            File.WriteAllText(Path.Combine(articles, slugs[i] + ".md"), article.Markdown());
        }
        File.WriteAllLines(Path.Combine(root, "generated.txt"), slugs);
        return new Corpus(root, input, slugs);
    }

    internal static string Pick(Random random, IReadOnlyList<string> words) => words[random.Next(words.Count)];

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static YamlNode? LoadYaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
    }

    /// <summary>The <c>id</c> of each mapping in a sequence (site.yml's sections, references.yml's entries).</summary>
    private static List<string> IdsOf(YamlNode? node) =>
        node is YamlSequenceNode sequence
            ? [.. sequence.Children.OfType<YamlMappingNode>()
                .Select(m => m.Children.TryGetValue(new YamlScalarNode("id"), out var id) ? (id as YamlScalarNode)?.Value : null)
                .OfType<string>()]
            : [];

    /// <summary>One generated article. Plain short sentences from <see cref="Words"/>; nothing from the real articles.</summary>
    private sealed class ArticleText(Random random, string[] slugs, int index, List<string> sections, List<string> sources, DateOnly today)
    {
        private readonly StringBuilder _text = new();
        private readonly List<(string Text, string Id)> _h2 = [];
        private readonly List<(string Text, string Id)> _h3 = [];

        public string Markdown()
        {
            var cited = sources.OrderBy(_ => random.Next()).Take(3).ToList();
            var listed = cited.Concat(sources.Except(cited).OrderBy(_ => random.Next()).Take(random.Next(0, 3))).ToList();
            var others = Enumerable.Range(1, 3).Select(k => (index + k * 37) % slugs.Length).Where(j => j != index).Distinct().Select(j => slugs[j]).ToList();
            PlanHeadings();

            var words = slugs[index].Split('-');
            var reviewed = today.AddDays(-random.Next(7, 300));
            _text.Append("---\n")
                .Append($"title: \"{Capital(words[0])} {words[1]} notes {index + 1}\"\n")
                .Append($"description: \"Plain notes on the {words[1]}, the {Pick(Words.Nouns)} and the {Pick(Words.Nouns)}: what to expect, what to ask, and where to read more.\"\n")
                .Append($"summary: \"{Sentence()} {Sentence()}\"\n")
                .Append($"section: {sections[index % sections.Count]}\n")
                // After every real article's order, and one of its own: the build warns about an order a section already uses.
                .Append($"order: {1000 + index + 1}\n")
                .Append($"last_reviewed: {Date(reviewed)}\n")
                // Two years on: past today by more than the 60-day warning, within the 3-year limit.
                .Append($"next_review: {Date(reviewed.AddYears(2))}\n")
                .Append($"sources: [{string.Join(", ", listed)}]\n")
                .Append($"keywords: [{Pick(Words.Adjectives)} {Pick(Words.Nouns)}, {Pick(Words.Nouns)} care, {Pick(Words.Nouns)}]\n");
            if (others.Count > 0) _text.Append($"related: [{string.Join(", ", others)}]\n");
            _text.Append("---\n\n");

            Paragraph(3);
            for (var s = 0; s < Sections; s++)
            {
                _text.Append($"## {_h2[s].Text}\n\n");
                // Sections 0, 2 and 4 cite one source each: three citations, all listed under sources.
                Paragraph(5, cite: s % 2 == 0 ? cited[s / 2] : null);
                Paragraph(4, link: s is 1 or 3 && others.Count > 0 ? others[s / 2 % others.Count] : null);
                _text.Append($"### {_h3[s].Text}\n\n");
                Paragraph(4);
                for (var b = 4 + random.Next(2); b > 0; b--) _text.Append("- ").Append(Sentence()).Append(random.Next(3) == 0 ? " " + Sentence() : "").Append('\n');
                _text.Append('\n');
                if (s == 3 && index % 3 == 0) Table();
                // A link back to an earlier heading of this article, as "see above" links do.
                Paragraph(4, anchor: s is 2 or 5 ? (s == 2 ? _h2[0] : _h3[2]) : null);
            }
            return _text.ToString();
        }

        /// <summary>Twelve headings with distinct GitHub-style ids (lower case, spaces to hyphens).</summary>
        private void PlanHeadings()
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (_h2.Count < Sections)
            {
                var text = $"{Capital(Pick(Words.Adjectives))} {Pick(Words.Nouns)}";
                if (ids.Add(Id(text))) _h2.Add((text, Id(text)));
            }
            while (_h3.Count < Sections)
            {
                var text = $"{Capital(Pick(Words.Nouns))} and {Pick(Words.Nouns)}";
                if (ids.Add(Id(text))) _h3.Add((text, Id(text)));
            }
        }

        private void Paragraph(int sentences, string? cite = null, string? link = null, (string Text, string Id)? anchor = null)
        {
            var count = sentences + random.Next(-1, 2);
            for (var k = 0; k < count; k++)
            {
                if (k > 0) _text.Append(' ');
                var sentence = Sentence();
                if (k == 1 && cite is not null) sentence = sentence[..^1] + $" [@{cite}].";
                _text.Append(sentence);
            }
            if (link is not null)
                _text.Append($" There is more in [the {link.Split('-')[1]} notes](/articles/{link}/).");
            if (anchor is { } a)
                _text.Append($" See [{a.Text.ToLowerInvariant()}](#{a.Id}) above.");
            _text.Append("\n\n");
        }

        private void Table()
        {
            _text.Append("| Step | What to expect | How long |\n| --- | --- | --- |\n");
            for (var r = 0; r < 4; r++)
                _text.Append($"| {Capital(Pick(Words.Nouns))} | A {Pick(Words.Adjectives)} {Pick(Words.Nouns)} | {random.Next(1, 15)} days |\n");
            _text.Append('\n');
        }

        private string Sentence() => random.Next(6) switch
        {
            0 => $"Ask your {Pick(Words.People)} about the {Pick(Words.Nouns)} {Pick(Words.Endings)}.",
            1 => $"This {Pick(Words.Nouns)} is {Pick(Words.Adjectives)} {Pick(Words.Endings)}.",
            2 => $"A {Pick(Words.Adjectives)} {Pick(Words.Nouns)} {Pick(Words.Verbs)} the {Pick(Words.Nouns)}.",
            3 => $"Most people find the {Pick(Words.Nouns)} {Pick(Words.Adjectives)} {Pick(Words.Endings)}.",
            _ => $"The {Pick(Words.Adjectives)} {Pick(Words.Nouns)} {Pick(Words.Verbs)} the {Pick(Words.Nouns)} {Pick(Words.Endings)}.",
        };

        private string Pick(IReadOnlyList<string> words) => CorpusWriter.Pick(random, words);

        private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

        private static string Id(string heading) => heading.ToLowerInvariant().Replace(' ', '-');

        private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
