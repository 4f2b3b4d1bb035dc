using Site.Search.Lunr;

namespace Site.Tests.Search;

/// <summary>Our Porter stemmer against lunr.stemmer, with the expectations computed by lunr.js in node.</summary>
public sealed class PorterStemmerTests
{
    private static readonly string[] RuleSuffixes =
    [
        "sses", "ies", "ss", "s", "eed", "ed", "ing", "at", "bl", "iz", "y",
        "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation",
        "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi",
        "icate", "ative", "alize", "iciti", "ical", "ful", "ness",
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti",
        "ous", "ive", "ize", "sion", "tion", "e", "ll",
    ];

    [Fact]
    public void Stems_the_fixture_words_as_lunr_does()
    {
        var words = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "search", "stemmer-words.txt"))
            .Where(line => !line.StartsWith('#'))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct()
            .ToList();
        Assert.True(words.Count > 350, $"only {words.Count} words in the fixture");

        AssertStemsLikeLunr(words);
    }

    [Fact]
    public void Stems_every_short_string_over_the_letters_the_rules_distinguish_as_lunr_does()
    {
        // Every class the stemmer's regexes tell apart: vowels, y, the consonants named by a rule
        // (s, l, z, w, x, t, d, n, g, c), any other consonant (b), a non-ASCII letter and a digit.
        const string alphabet = "aeiouybslzwxtdngcé1";
        var words = new List<string>();
        var current = new List<string> { "" };
        for (var length = 1; length <= 4; length++)
        {
            current = [.. current.SelectMany(prefix => alphabet.Select(c => prefix + c))];
            words.AddRange(current);
        }

        AssertStemsLikeLunr(words);
    }

    [Fact]
    public void Stems_random_stems_with_rule_suffixes_as_lunr_does()
    {
        const string alphabet = "aeiouybcdlmnrstvwxzé'";
        var random = new Random(20260223);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < 60_000)
        {
            var stem = new string([.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var word = stem + RuleSuffixes[random.Next(RuleSuffixes.Length)];
            // Second suffixes exercise one step feeding the next (e.g. -ational → -ate → -e).
            if (random.Next(3) == 0) word += RuleSuffixes[random.Next(RuleSuffixes.Length)];
            if (random.Next(10) == 0) word = "y" + word;
            words.Add(word);
        }

        AssertStemsLikeLunr([.. words]);
    }

    private static void AssertStemsLikeLunr(IReadOnlyList<string> words)
    {
        var expected = LunrReference.RunLines("stem", LunrReference.QuoteArray(words), words.Count);
        var actual = words.Select(w => LunrReference.Quote(PorterStemmer.Stem(w))).ToList();
        LunrReference.AssertSameLines(words, expected, actual);
    }
}
