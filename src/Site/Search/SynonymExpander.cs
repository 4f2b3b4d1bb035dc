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
    private readonly List<string> _terms = [];
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);
    private readonly HashSet<string> _appended = new(StringComparer.Ordinal);

    /// <param name="Means">Each <c>means</c> phrase as its sequence of index terms.</param>
    /// <param name="Lay">The lay words' tokens to append, one per distinct index term.</param>
    private sealed record Rule(string[][] Means, (string Token, string Term)[] Lay);

    public SynonymExpander(SynonymTable table, LunrAnalyzer analyzer)
    {
        _analyzer = analyzer;
        foreach (var entry in table.Entries)
        {
            var means = entry.Means.Select(Terms).Where(t => t.Length > 0).ToArray();
            var lay = new List<(string, string)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in entry.Words)
            {
                foreach (var token in LunrAnalyzer.Tokenize(word))
                {
                    if (_analyzer.TermOf(token) is { Length: > 0 } term && seen.Add(term)) lay.Add((token, term));
                }
            }

            if (means.Length > 0 && lay.Count > 0) _rules.Add(new Rule(means, [.. lay]));
        }
    }

    public bool IsEmpty => _rules.Count == 0;

    private string[] Terms(string text)
    {
        var terms = new List<string>();
        _analyzer.AddTerms(text, terms);
        return [.. terms];
    }

    /// <summary>The field text with the lay words of every matching entry appended, or the text itself.</summary>
    public string? Expand(string? text)
    {
        if (text is null || _rules.Count == 0) return text;

        _terms.Clear();
        _analyzer.AddTerms(text, _terms);
        _present.Clear();
        _present.UnionWith(_terms);
        _appended.Clear();
        List<string>? additions = null;

        foreach (var rule in _rules)
        {
            if (!rule.Means.Any(ContainsPhrase)) continue;
            foreach (var (token, term) in rule.Lay)
            {
                if (!_present.Contains(term) && _appended.Add(term)) (additions ??= []).Add(token);
            }
        }

        // A space always separates tokens, so the appended tokens reach lunr exactly as they are here.
        return additions is null ? text : text + " " + string.Join(' ', additions);
    }

    private bool ContainsPhrase(string[] phrase)
    {
        if (!_present.Contains(phrase[0])) return false;
        if (phrase.Length == 1) return true;
        for (var i = 0; i + phrase.Length <= _terms.Count; i++)
        {
            var match = true;
            for (var j = 0; j < phrase.Length && match; j++) match = _terms[i + j] == phrase[j];
            if (match) return true;
        }

        return false;
    }
}
