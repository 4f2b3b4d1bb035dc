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

    // Lower-cased token → id of its index term, or -1 when the stop-word filter drops it.
    private readonly Dictionary<string, int> _tokenTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenTermsBySpan;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];

    public LunrAnalyzer() => _tokenTermsBySpan = _tokenTerms.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>How many distinct terms this analyzer has produced; ids run from 0 to this minus one.</summary>
    public int TermCount => _terms.Count;

    /// <summary>The text of a term id. Ids are this analyzer's own, not lunr's <c>_index</c>.</summary>
    public string Term(int id) => _terms[id];

    /// <summary>
    /// Appends the term ids of <paramref name="text"/> to <paramref name="termIds"/>, in token order.
    /// A null text yields nothing, as lunr's tokenizer does for null and undefined.
    /// </summary>
    public void AddTerms(string? text, List<int> termIds)
    {
        if (text is null) return;
        var lowered = JsText.ToLower(text);
        var start = 0;
        for (var end = 0; end <= lowered.Length; end++)
        {
            // lunr tests each single code unit against /[\s\-]+/, so runs of separators simply yield no tokens.
            if (end < lowered.Length && !IsSeparator(lowered[end])) continue;
            if (end > start && TermIdOf(lowered.AsSpan(start, end - start)) is var id and >= 0) termIds.Add(id);
            start = end + 1;
        }
    }

    /// <summary>The index terms of <paramref name="text"/> as strings, in token order.</summary>
    public List<string> Terms(string? text)
    {
        var ids = new List<int>();
        AddTerms(text, ids);
        return ids.ConvertAll(Term);
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

    /// <summary>The id of the term the pipeline makes of one lower-cased token, or -1 when it is a stop word.</summary>
    public int TermIdOf(ReadOnlySpan<char> token)
    {
        if (_tokenTermsBySpan.TryGetValue(token, out var id)) return id;
        var key = token.ToString();
        var term = Pipeline(key);
        if (term is null)
        {
            id = -1;
        }
        else if (!_termIds.TryGetValue(term, out id))
        {
            id = _terms.Count;
            _terms.Add(term);
            _termIds.Add(term, id);
        }

        _tokenTerms[key] = id;
        return id;
    }

    /// <summary>
    /// For each term id, a word of the text that became it, to show readers: the stem "mesotherapi" reads badly in
    /// "did you mean…". The shortest trimmed token wins (then the ordinal first), so "safe" rather than "safely".
    /// </summary>
    public string[] Words()
    {
        var words = new string?[_terms.Count];
        foreach (var (token, id) in _tokenTerms)
        {
            if (id < 0) continue;
            var word = Trim(token);
            if (words[id] is not { } best || word.Length < best.Length || (word.Length == best.Length && string.CompareOrdinal(word, best) < 0))
                words[id] = word;
        }

        return [.. words.Select((w, i) => w ?? _terms[i])];
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
