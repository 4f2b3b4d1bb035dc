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

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();

    public sealed record Score(int Words, int Sentences, int Syllables)
    {
        public double Grade => Words == 0 ? 0 : 0.39 * Words / Sentences + 11.8 * Syllables / Words - 15.59;
    }

    public static Score Measure(IEnumerable<string> units)
    {
        int words = 0, sentences = 0, syllables = 0;
        foreach (var unit in units)
        {
            var w = WordPattern().Matches(unit);
            if (w.Count == 0) continue;
            words += w.Count;
            foreach (Match m in w) syllables += Syllables(m.Value);
            var ends = SentenceEnd().Matches(unit.TrimEnd());
            var trimmed = unit.TrimEnd();
            var endsWithStop = trimmed.Length > 0 && ".!?".Contains(trimmed[^1]);
            sentences += Math.Max(1, ends.Count + (endsWithStop ? 0 : 1));
        }
        return new Score(words, Math.Max(1, sentences), syllables);
    }

    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant().Replace("’", "").Replace("'", "");
        if (w.All(char.IsDigit)) return 1;
        if (w.Length <= 3) return 1;
        if (w.EndsWith("es") || w.EndsWith("ed")) { if (!w.EndsWith("ted") && !w.EndsWith("ded")) w = w[..^2]; }
        else if (w.EndsWith('e') && !w.EndsWith("le")) w = w[..^1];
        if (w.StartsWith('y')) w = w[1..];
        return Math.Max(1, VowelGroup().Matches(w).Count);
    }
}
