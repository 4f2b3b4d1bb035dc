namespace Site.Search.Lunr;

/// <summary>
/// lunr.js 2.3.9's Porter stemmer, quirks included. lunr implements Porter's algorithm with regular
/// expressions over UTF-16 code units in which every character that is not a, e, i, o or u counts as a
/// consonant (digits, accented letters, apostrophes too), and 'y' is both a consonant and a vowel
/// depending on the expression. The suffix rules are reproduced as string tests; the measure
/// expressions (m &gt; 0, m = 1, m &gt; 1, "contains a vowel") run on a small NFA built from the same
/// character classes as lunr's regexes, so their meaning is the regexes' meaning rather than our reading of Porter.
/// </summary>
internal static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step4 =
    [
        ("al", ""), ("ance", ""), ("ence", ""), ("er", ""), ("ic", ""), ("able", ""), ("ible", ""), ("ant", ""),
        ("ement", ""), ("ment", ""), ("ent", ""), ("ou", ""), ("ism", ""), ("ate", ""), ("iti", ""), ("ous", ""),
        ("ive", ""), ("ize", ""),
    ];

    public static string Stem(string word)
    {
        if (word.Length < 3) return word;

        var w = word;
        var initialY = w[0] == 'y';
        // lunr upper-cases an initial y so that it is a consonant for every class below, and restores it at the end.
        if (initialY) w = "Y" + w[1..];

        // Step 1a: /^(.+?)(ss|i)es$/ → $1$2, else /^(.+?)([^s])s$/ → $1$2
        if ((w.EndsWith("sses", StringComparison.Ordinal) && w.Length >= 5)
            || (w.EndsWith("ies", StringComparison.Ordinal) && w.Length >= 4))
        {
            w = w[..^2];
        }
        else if (w.Length >= 3 && w[^1] == 's' && w[^2] != 's')
        {
            w = w[..^1];
        }

        // Step 1b: /^(.+?)eed$/ takes precedence over /^(.+?)(ed|ing)$/ even when its measure test fails.
        if (w.Length >= 4 && w.EndsWith("eed", StringComparison.Ordinal))
        {
            if (Measure.GreaterThanZero(w.AsSpan(0, w.Length - 3))) w = w[..^1];
        }
        else
        {
            string? stem = null;
            if (w.Length >= 3 && w.EndsWith("ed", StringComparison.Ordinal)) stem = w[..^2];
            else if (w.Length >= 4 && w.EndsWith("ing", StringComparison.Ordinal)) stem = w[..^3];

            if (stem is not null && Measure.ContainsVowel(stem))
            {
                w = stem;
                if (w.EndsWith("at", StringComparison.Ordinal) || w.EndsWith("bl", StringComparison.Ordinal)
                    || w.EndsWith("iz", StringComparison.Ordinal))
                {
                    w += "e";
                }
                else if (EndsWithDoubleConsonant(w))
                {
                    w = w[..^1];
                }
                else if (IsShortCvc(w))
                {
                    w += "e";
                }
            }
        }

        // Step 1c: /^(.+?[^aeiou])y$/ → $1i
        if (w.Length >= 3 && w[^1] == 'y' && !Measure.IsVowel(w[^2])) w = w[..^1] + "i";

        // Steps 2 and 3: /^(.+?)(suffixes)$/ with m > 0 on the stem.
        w = ReplaceSuffix(w, Step2);
        w = ReplaceSuffix(w, Step3);

        // Step 4: /^(.+?)(suffixes)$/, else /^(.+?)(s|t)(ion)$/, with m > 1 on the stem.
        if (LongestSuffix(w, Step4) is { } step4)
        {
            var stem = w.AsSpan(0, w.Length - Step4[step4].Suffix.Length);
            if (Measure.GreaterThanOne(stem)) w = stem.ToString();
        }
        else if (w.Length >= 5 && (w.EndsWith("sion", StringComparison.Ordinal) || w.EndsWith("tion", StringComparison.Ordinal)))
        {
            var stem = w.AsSpan(0, w.Length - 3);
            if (Measure.GreaterThanOne(stem)) w = stem.ToString();
        }

        // Step 5: /^(.+?)e$/ with m > 1, or m = 1 and not *o; then -ll with m > 1 loses an l.
        if (w.Length >= 2 && w[^1] == 'e')
        {
            var stem = w.AsSpan(0, w.Length - 1);
            if (Measure.GreaterThanOne(stem) || (Measure.EqualsOne(stem) && !IsShortCvc(stem))) w = stem.ToString();
        }

        if (w.EndsWith("ll", StringComparison.Ordinal) && Measure.GreaterThanOne(w)) w = w[..^1];

        if (initialY) w = "y" + w[1..];
        return w;
    }

    private static string ReplaceSuffix(string w, (string Suffix, string Replacement)[] rules)
    {
        if (LongestSuffix(w, rules) is not { } rule) return w;
        var stem = w.AsSpan(0, w.Length - rules[rule].Suffix.Length);
        return Measure.GreaterThanZero(stem) ? string.Concat(stem, rules[rule].Replacement) : w;
    }

    // /^(.+?)(a|b|c)$/: the lazy group makes the stem as short as possible, which picks the longest
    // alternative that ends the word while leaving at least one character in front of it.
    private static int? LongestSuffix(string w, (string Suffix, string Replacement)[] rules)
    {
        int? best = null;
        for (var i = 0; i < rules.Length; i++)
        {
            var suffix = rules[i].Suffix;
            if (suffix.Length < w.Length && w.EndsWith(suffix, StringComparison.Ordinal)
                && (best is null || suffix.Length > rules[best.Value].Suffix.Length))
            {
                best = i;
            }
        }

        return best;
    }

    // /([^aeiouylsz])\1$/
    private static bool EndsWithDoubleConsonant(string w) =>
        w.Length >= 2 && w[^1] == w[^2] && w[^1] is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'l' or 's' or 'z');

    // /^C v [^aeiouwxy]$/ where C = [^aeiou][^aeiouy]*: the whole word is consonant(s), one vowel, one consonant.
    private static bool IsShortCvc(ReadOnlySpan<char> w)
    {
        if (w.Length < 3) return false;
        if (Measure.IsVowel(w[0])) return false;
        for (var i = 1; i < w.Length - 2; i++)
        {
            if (Measure.IsVowelOrY(w[i])) return false;
        }

        return Measure.IsVowelOrY(w[^2]) && w[^1] is not ('a' or 'e' or 'i' or 'o' or 'u' or 'w' or 'x' or 'y');
    }

    /// <summary>lunr's measure expressions, matched by an NFA over their character classes.</summary>
    internal static class Measure
    {
        private enum CharClass : byte { Vowel, NotVowel, VowelOrY, NotVowelOrY }

        private readonly record struct Atom(CharClass Class, bool Star);

        // c = [^aeiou], v = [aeiouy], C = c[^aeiouy]*, V = v[aeiou]*; "(C)?" is written out as two alternatives.
        private static readonly Atom[] ConsonantSeq = [new(CharClass.NotVowel, false), new(CharClass.NotVowelOrY, true)];
        private static readonly Atom[] VowelSeq = [new(CharClass.VowelOrY, false), new(CharClass.Vowel, true)];

        private static readonly Atom[][] Mgr0 = WithOptionalLeadingC([.. VowelSeq, .. ConsonantSeq]);
        private static readonly Atom[][] Mgr1 = WithOptionalLeadingC([.. VowelSeq, .. ConsonantSeq, .. VowelSeq, .. ConsonantSeq]);
        private static readonly Atom[][] Meq1 =
        [
            .. WithOptionalLeadingC([.. VowelSeq, .. ConsonantSeq]),
            .. WithOptionalLeadingC([.. VowelSeq, .. ConsonantSeq, .. VowelSeq]),
        ];
        private static readonly Atom[][] SV = WithOptionalLeadingC([new(CharClass.VowelOrY, false)]);

        private static Atom[][] WithOptionalLeadingC(Atom[] rest) => [[.. ConsonantSeq, .. rest], rest];

        public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

        public static bool IsVowelOrY(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        /// <summary>mgr0 = ^(C)?VC</summary>
        public static bool GreaterThanZero(ReadOnlySpan<char> s) => Any(s, Mgr0, anchorEnd: false);

        /// <summary>mgr1 = ^(C)?VCVC</summary>
        public static bool GreaterThanOne(ReadOnlySpan<char> s) => Any(s, Mgr1, anchorEnd: false);

        /// <summary>meq1 = ^(C)?VC(V)?$</summary>
        public static bool EqualsOne(ReadOnlySpan<char> s) => Any(s, Meq1, anchorEnd: true);

        /// <summary>s_v = ^(C)?v</summary>
        public static bool ContainsVowel(ReadOnlySpan<char> s) => Any(s, SV, anchorEnd: false);

        private static bool Any(ReadOnlySpan<char> s, Atom[][] alternatives, bool anchorEnd)
        {
            foreach (var atoms in alternatives)
            {
                if (Matches(s, atoms, anchorEnd)) return true;
            }

            return false;
        }

        // Anchored at the start; a set of NFA states as a bit mask, state i = "next atom to match is i".
        private static bool Matches(ReadOnlySpan<char> s, Atom[] atoms, bool anchorEnd)
        {
            var accept = 1UL << atoms.Length;
            var states = Closure(1UL, atoms);
            if (!anchorEnd && (states & accept) != 0) return true;

            foreach (var c in s)
            {
                var next = 0UL;
                for (var i = 0; i < atoms.Length; i++)
                {
                    if ((states & (1UL << i)) == 0 || !Accepts(atoms[i].Class, c)) continue;
                    next |= atoms[i].Star ? 1UL << i : 1UL << (i + 1);
                }

                states = Closure(next, atoms);
                if (states == 0) return false;
                if (!anchorEnd && (states & accept) != 0) return true;
            }

            return (states & accept) != 0;
        }

        // A starred atom may match nothing, so its state also stands for the state after it.
        private static ulong Closure(ulong states, Atom[] atoms)
        {
            for (var i = 0; i < atoms.Length; i++)
            {
                if (atoms[i].Star && (states & (1UL << i)) != 0) states |= 1UL << (i + 1);
            }

            return states;
        }

        private static bool Accepts(CharClass cls, char c) => cls switch
        {
            CharClass.Vowel => IsVowel(c),
            CharClass.NotVowel => !IsVowel(c),
            CharClass.VowelOrY => IsVowelOrY(c),
            _ => !IsVowelOrY(c),
        };
    }
}
