namespace Site.Search.Lunr;

/// <summary>
/// lunr.js's indexing text path: <c>lunr.tokenizer</c>, then the builder pipeline
/// <c>trimmer → stopWordFilter → stemmer</c>. One instance per build: it memoises the pipeline per distinct
/// token, because a site repeats a few thousand words many times and the stemmer is the expensive part.
/// Not thread-safe.
/// </summary>
internal sealed class LunrAnalyzer
{
    // lunr.stopWordFilter's list, verbatim.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does",
        "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers",
        "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like",
        "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often",
        "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so",
        "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to", "too",
        "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "yet", "you", "your",
    };

    // Lower-cased token → its index term, or null when the stop-word filter drops it.
    private readonly Dictionary<string, string?> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _termsBySpan;

    public LunrAnalyzer() => _termsBySpan = _terms.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>
    /// Appends the index terms of <paramref name="text"/> to <paramref name="terms"/>, in token order.
    /// A null text yields nothing, as lunr's tokenizer does for null and undefined.
    /// </summary>
    public void AddTerms(string? text, List<string> terms)
    {
        if (text is null) return;
        var lowered = JsText.ToLower(text);
        var start = 0;
        for (var end = 0; end <= lowered.Length; end++)
        {
            // lunr tests each single code unit against /[\s\-]+/, so runs of separators simply yield no tokens.
            if (end < lowered.Length && !IsSeparator(lowered[end])) continue;
            if (end > start && TermOf(lowered.AsSpan(start, end - start)) is { } term) terms.Add(term);
            start = end + 1;
        }
    }

    /// <summary>The lower-cased tokens of <paramref name="text"/>, before the pipeline, as lunr.tokenizer returns them.</summary>
    public static List<string> Tokenize(string text)
    {
        var lowered = JsText.ToLower(text);
        var tokens = new List<string>();
        var start = 0;
        for (var end = 0; end <= lowered.Length; end++)
        {
            if (end < lowered.Length && !IsSeparator(lowered[end])) continue;
            if (end > start) tokens.Add(lowered[start..end]);
            start = end + 1;
        }

        return tokens;
    }

    /// <summary>The term the pipeline makes of one lower-cased token, or null when it is a stop word.</summary>
    public string? TermOf(ReadOnlySpan<char> token)
    {
        if (_termsBySpan.TryGetValue(token, out var term)) return term;
        var key = token.ToString();
        term = Pipeline(key);
        _terms[key] = term;
        return term;
    }

    private static bool IsSeparator(char c) => c == '-' || JsText.IsWhiteSpace(c);

    private static string? Pipeline(string token)
    {
        var trimmed = Trim(token);
        if (StopWords.Contains(trimmed)) return null;
        // A token that trims to "" is not dropped: lunr's trimmer returns the token object, not '', so the
        // pipeline keeps it and "" becomes a term of the index (e.g. from a lone em dash). Reproduced on purpose.
        return PorterStemmer.Stem(trimmed);
    }

    /// <summary>lunr.trimmer: <c>s.replace(/^\W+/, '').replace(/\W+$/, '')</c> with ASCII <c>\W</c>.</summary>
    public static string Trim(string s)
    {
        var start = 0;
        while (start < s.Length && !JsText.IsWordChar(s[start])) start++;
        var end = s.Length;
        while (end > start && !JsText.IsWordChar(s[end - 1])) end--;
        return start == 0 && end == s.Length ? s : s[start..end];
    }
}
