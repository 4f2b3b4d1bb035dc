using System.Text;
using Site.Search;

namespace Site.Tests.Search;

/// <summary>Seeded synthetic sites: words with stemming and tokenizing edge cases, or a Zipf-like "realistic" text.</summary>
internal static class RandomCorpus
{
    // Stemmer edge cases, stop words, numbers, punctuation, Unicode and case: everything the pipeline treats specially.
    private static readonly string[] EdgeWords =
    [
        "hair", "hairs", "loss", "thinning", "thinner", "thinners", "alopecia", "mesotherapy", "mesotherapies",
        "injection", "injections", "injected", "anticoagulants", "anticoagulant", "contraindication", "treatment",
        "treatments", "session", "sessions", "scalp", "follicle", "vitamins", "biotin", "minoxidil", "effective",
        "effectiveness", "relational", "conditional", "generalizations", "hopping", "hoping", "falling", "happy",
        "sky", "agreed", "feed", "bled", "ponies", "caresses", "cats", "yes", "yellow", "youth", "y", "yy", "saying",
        "national", "nationalize", "rationality", "controlling", "roll", "electrical", "hopeful", "goodness",
        "the", "and", "of", "a", "to", "in", "is", "it", "you", "that", "this", "with", "for", "not", "but", "what",
        "1", "1.5", "2026", "10%", "50/50", "3rd", "v2.0", "covid-19", "x-ray", "mg/ml", "e.g.",
        "café", "naïve", "façade", "über", "ångström", "straße", "résumé", "ΟΔΟΣ", "İstanbul", "😀", "𝐀",
        "—", "–", "…", "-", "--", "(", ")", "\"", "'", "don't", "it's", "patients'", "o'clock", "__init__",
        "Hair", "HAIR", "Alopecia", "MESOTHERAPY", "Café", "CAFÉ", "Yes", "YELLOW",
        "pneumonoultramicroscopicsilicovolcanoconiosis", "antidisestablishmentarianism",
    ];

    private static readonly string[] Punctuation = ["", "", "", "", "", ",", ".", ";", ":", "!", "?", ")", "'s", "—"];

    public static IReadOnlyList<SearchDocument> Create(int seed, int documentCount)
    {
        var random = new Random(seed);
        var documents = new List<SearchDocument>();
        var page = 0;
        while (documents.Count < documentCount)
        {
            page++;
            var title = Words(random, random.Next(1, 6));
            var slug = $"page-{page}";
            documents.Add(new SearchDocument(
                random.Next(8) == 0 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{slug}",
                $"/{slug}/", title, null, Words(random, random.Next(0, 120)), Keywords(random)));

            var sections = random.Next(0, 5);
            for (var s = 0; s < sections && documents.Count < documentCount; s++)
            {
                documents.Add(new SearchDocument($"{slug}#s{s}", $"/{slug}/#s{s}", title,
                    random.Next(10) == 0 ? "" : Words(random, random.Next(1, 5)), Words(random, random.Next(0, 60)), []));
            }
        }

        return documents;
    }

    private static string[] Keywords(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Words(random, random.Next(1, 3)))];

    private static string Words(Random random, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(random.Next(12) == 0 ? "-" : random.Next(30) == 0 ? "  " : " ");
            sb.Append(EdgeWords[random.Next(EdgeWords.Length)]).Append(Punctuation[random.Next(Punctuation.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// A site shaped like the real one for size and speed measurements: pages of an intro and h2 sections of
    /// about 85 words, text drawn Zipf-like from a vocabulary calibrated on the site's own articles (17 pages,
    /// 137 sections, 11,600 words, 1,078 distinct index terms; 1,200 words give about as many; the synthetic
    /// index comes out some 15% larger than the real one). Each page gives a whole-page document and one per
    /// section; <paramref name="pageBodyIsWholeText"/> says whether the whole-page document repeats the
    /// sections' text or holds the intro only.
    /// </summary>
    public static IReadOnlyList<SearchDocument> Realistic(int pages, int sectionsPerPage, bool pageBodyIsWholeText = true,
        int seed = 1, int vocabularySize = 1200)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(random, vocabularySize);
        var documents = new List<SearchDocument>();
        for (var p = 0; p < pages; p++)
        {
            var slug = $"articles/page-{p}";
            var title = Capitalise(Sentence(random, vocabulary, random.Next(2, 7)));
            var intro = Paragraph(random, vocabulary, 2, 5);
            var sectionBodies = new List<string>();
            var sectionTitles = new List<string>();
            for (var s = 0; s < sectionsPerPage; s++)
            {
                sectionTitles.Add(Capitalise(Sentence(random, vocabulary, random.Next(2, 6))));
                sectionBodies.Add(Paragraph(random, vocabulary, 4, 10));
            }

            var keywords = Enumerable.Range(0, random.Next(2, 7)).Select(_ => Sentence(random, vocabulary, random.Next(1, 4))).ToArray();
            var pageBody = pageBodyIsWholeText ? string.Join(' ', [intro, .. sectionBodies]) : intro;
            documents.Add(new SearchDocument(slug, $"/{slug}/", title, null, pageBody, keywords));
            for (var s = 0; s < sectionsPerPage; s++)
            {
                var id = $"section-{s}";
                documents.Add(new SearchDocument($"{slug}#{id}", $"/{slug}/#{id}", title, sectionTitles[s], sectionBodies[s], []));
            }
        }

        return documents;
    }

    private static string Paragraph(Random random, string[] vocabulary, int minSentences, int maxSentences) =>
        string.Join(' ', Enumerable.Range(0, random.Next(minSentences, maxSentences))
            .Select(_ => Capitalise(Sentence(random, vocabulary, random.Next(8, 19))) + "."));

    private static string[] Vocabulary(Random random, int size)
    {
        string[] syllables = ["me", "so", "the", "ra", "py", "in", "jec", "tion", "al", "o", "pe", "ci", "a", "hair", "scal",
            "fol", "li", "cle", "vi", "ta", "min", "der", "ma", "to", "lo", "gy", "an", "ti", "co", "ag", "u", "lant", "ness",
            "ing", "ed", "ous", "ive", "ment", "ful", "less", "er", "est", "ly", "ize", "ate", "ic", "ist", "ism"];
        var words = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "and", "of", "to", "a", "in", "is", "it", "you", "that", "for", "with", "are", "on", "as", "be", "this",
            "or", "by", "can", "your", "not", "may", "after", "some", "most", "treatment", "hair", "scalp", "session",
        };
        while (words.Count < size)
        {
            words.Add(string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => syllables[random.Next(syllables.Length)])));
        }

        return [.. words];
    }

    // Rank r is drawn with probability ∝ 1/r, as word frequencies in prose roughly are.
    private static int Zipf(Random random, int n) => Math.Min(n - 1, (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(n + 1)) - 1));

    private static string Sentence(Random random, string[] vocabulary, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[Zipf(random, vocabulary.Length)]
            + (random.Next(15) == 0 ? "," : "")));

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
