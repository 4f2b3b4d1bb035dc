using System.Text.RegularExpressions;

namespace Site.Markdown;

/// <summary>
/// Flesch–Kincaid grade: 0.39 × words/sentence + 11.8 × syllables/word − 15.59.
/// Each prose unit (paragraph, list item, heading) ends a sentence even without a full stop,
/// because a reader takes it as one.
/// </summary>
internal static partial class Readability
{
    public const double TargetGrade = 9.0;

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?]+(?=\s|$|[""”’)])")]
    private static partial Regex SentenceEnd();

    public sealed record Score(int Words, int Sentences, int Syllables)
    {
        public double Grade => Words == 0 ? 0 : 0.39 * Words / Sentences + 11.8 * Syllables / Words - 15.59;
    }

    public static Score Measure(IEnumerable<string> units)
    {
        int words = 0, sentences = 0, syllables = 0;
        // Spans and counts, not Match objects: this runs over every paragraph of every article.
        foreach (var unit in units)
        {
            var found = 0;
            foreach (var m in WordPattern().EnumerateMatches(unit))
            {
                found++;
                syllables += Syllables(unit.AsSpan(m.Index, m.Length));
            }
            if (found == 0) continue;
            words += found;
            var trimmed = unit.AsSpan().TrimEnd();
            var ends = SentenceEnd().Count(trimmed);
            var endsWithStop = trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?';
            sentences += Math.Max(1, ends + (endsWithStop ? 0 : 1));
        }
        return new Score(words, Math.Max(1, sentences), syllables);
    }

    public static int Syllables(string word) => Syllables(word.AsSpan());

    private static int Syllables(ReadOnlySpan<char> word)
    {
        // Lower case, without apostrophes.
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var n = 0;
        foreach (var c in word)
            if (c is not ('\'' or '’')) buffer[n++] = char.ToLowerInvariant(c);
        var w = buffer[..n];
        var allDigits = true;
        foreach (var c in w) allDigits &= char.IsDigit(c);
        if (allDigits) return 1;
        if (w.Length <= 3) return 1;
        if (w.EndsWith("es") || w.EndsWith("ed")) { if (!w.EndsWith("ted") && !w.EndsWith("ded")) w = w[..^2]; }
        else if (w[^1] == 'e' && !w.EndsWith("le")) w = w[..^1];
        if (w.Length > 0 && w[0] == 'y') w = w[1..];
        // Groups of vowels, as the pattern [aeiouy]+ would count them.
        var groups = 0;
        var inGroup = false;
        foreach (var c in w)
        {
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !inGroup) groups++;
            inGroup = vowel;
        }
        return Math.Max(1, groups);
    }
}
