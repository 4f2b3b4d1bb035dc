using Site.Search.Lunr;

namespace Site.Search;

/// <summary>
/// Applies a <see cref="SynonymTable"/> to the text of a field before lunr indexes it.
/// <para>
/// Design: when a field of a document contains one of an entry's <c>means</c> phrases, the entry's lay
/// <c>words</c> are appended to that same field's text. A reader's query "blood thinners" (which lunr.js
/// turns into the terms <c>blood</c>, <c>thinner</c>) then matches every document that says "anticoagulants",
/// with the weight of that field (a title mention ranks like a title mention), and the browser needs nothing
/// beyond lunr.js's own query code.
/// </para>
/// <para>
/// Why text rather than terms: the expansion produces ordinary strings, so the reference test hands lunr.js
/// the very same expanded documents and byte-identity stays provable; the index format does not change
/// (no extra field, so no extra key in every posting).
/// </para>
/// <para>
/// Details: phrases match on index terms, so "anticoagulant", "Anticoagulants" and "anti-coagulants" all
/// match their forms, and a multi-word <c>means</c> must appear as consecutive terms. Each lay term is
/// appended at most once per field, and not at all when the field already has it, so term frequencies
/// stay close to what the author wrote. Stop words of lay phrases are left out (lunr would drop them anyway).
/// </para>
/// </summary>
internal sealed class SynonymExpander
{
    private readonly LunrAnalyzer _analyzer;
    private readonly List<Rule> _rules = [];
    private readonly HashSet<int> _present = [];
    private readonly HashSet<int> _appended = [];
    private readonly List<string> _additions = [];
    private readonly List<int> _addedTerms = [];

    /// <param name="Means">Each <c>means</c> phrase as its sequence of term ids.</param>
    /// <param name="Lay">The lay words' tokens to append, one per distinct term.</param>
    private sealed record Rule(int[][] Means, (string Token, int Term)[] Lay);

    public SynonymExpander(SynonymTable table, LunrAnalyzer analyzer)
    {
        _analyzer = analyzer;
        foreach (var entry in table.Entries)
        {
            var means = entry.Means.Select(TermIds).Where(t => t.Length > 0).ToArray();
            var lay = new List<(string, int)>();
            var seen = new HashSet<int>();
            foreach (var word in entry.Words)
            {
                foreach (var token in LunrAnalyzer.Tokenize(word))
                {
                    var term = _analyzer.TermIdOf(token);
                    if (term >= 0 && _analyzer.Term(term).Length > 0 && seen.Add(term)) lay.Add((token, term));
                }
            }

            if (means.Length > 0 && lay.Count > 0) _rules.Add(new Rule(means, [.. lay]));
        }
    }

    public bool IsEmpty => _rules.Count == 0;

    private int[] TermIds(string text)
    {
        var ids = new List<int>();
        _analyzer.AddTerms(text, ids);
        return [.. ids];
    }

    /// <summary>
    /// Analyzes <paramref name="text"/> into <paramref name="termIds"/>, appends the terms of the lay words of every
    /// entry whose <c>means</c> the text contains, and returns the text with those lay words appended: the text
    /// that, given to lunr.js, yields exactly these terms.
    /// </summary>
    public string? Expand(string? text, List<int> termIds)
    {
        var start = termIds.Count;
        _analyzer.AddTerms(text, termIds);
        if (text is null || _rules.Count == 0) return text;

        var fieldTerms = termIds.Count == start ? [] : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(termIds)[start..];
        _present.Clear();
        foreach (var id in fieldTerms) _present.Add(id);
        _appended.Clear();
        _additions.Clear();
        _addedTerms.Clear();

        foreach (var rule in _rules)
        {
            var matches = false;
            foreach (var phrase in rule.Means)
            {
                if (matches = ContainsPhrase(fieldTerms, phrase)) break;
            }

            if (!matches) continue;
            foreach (var (token, term) in rule.Lay)
            {
                if (_present.Contains(term) || !_appended.Add(term)) continue;
                _additions.Add(token);
                _addedTerms.Add(term);
            }
        }

        // Only now: adding to termIds earlier could move the list's storage under fieldTerms.
        termIds.AddRange(_addedTerms);

        // A space always separates tokens, so the appended tokens reach lunr exactly as they are here.
        return _additions.Count == 0 ? text : text + " " + string.Join(' ', _additions);
    }

    private bool ContainsPhrase(ReadOnlySpan<int> terms, int[] phrase)
    {
        if (!_present.Contains(phrase[0])) return false;
        return phrase.Length == 1 || terms.IndexOf(phrase) >= 0;
    }
}
