using Site.Diagnostics;
using Site.Search.Lunr;
using YamlDotNet.Core;
using Site.Yaml;

namespace Site.Search;

/// <summary>One entry of <c>input/search/synonyms.yml</c>: lay <see cref="Words"/> readers type, and the words the articles use.</summary>
internal sealed record SynonymEntry(IReadOnlyList<string> Words, IReadOnlyList<string> Means);

/// <summary>
/// Lay words → article words, loaded from <c>input/search/synonyms.yml</c>:
/// <code>
/// - words: [blood thinners, blood thinner]
///   means: [anticoagulants]
/// </code>
/// Applied at index time by <see cref="SearchIndexWriter"/> (see <see cref="SynonymExpander"/>), so the browser
/// runs lunr.js's own query code unchanged.
/// </summary>
internal sealed class SynonymTable
{
    private SynonymTable(IReadOnlyList<SynonymEntry> entries) => Entries = entries;

    public static SynonymTable Empty { get; } = new([]);

    public IReadOnlyList<SynonymEntry> Entries { get; }

    public static SynonymTable Create(IReadOnlyList<SynonymEntry> entries) => entries.Count == 0 ? Empty : new(entries);

    /// <summary>
    /// Parses and validates the synonyms file. Every problem is reported at its <c>file(line,col)</c>;
    /// entries with a problem are left out, so the build can go on and report everything at once.
    /// </summary>
    public static SynonymTable Load(string displayPath, string yamlText, DiagnosticBag diagnostics)
    {
        var loader = new Loader(diagnostics);
        loader.Read(YamlDocument.Parse(yamlText, displayPath, 0, diagnostics).Root);
        return Create(loader.Entries);
    }

    private sealed class Loader(DiagnosticBag diagnostics)
    {
        private static readonly string[] Keys = ["words", "means"];
        private readonly LunrAnalyzer _analyzer = new();
        private readonly Dictionary<string, int> _layWordLines = new(StringComparer.Ordinal);

        public List<SynonymEntry> Entries { get; } = [];

        public void Read(YNode? root)
        {
            switch (root)
            {
                case null: return; // an empty or comments-only file
                case YScalar { Value.Length: 0, Style: ScalarStyle.Plain }: return; // "---" with nothing after it is an empty list too
                case YSequence list:
                    foreach (var item in list.Items)
                    {
                        if (item is YMapping entry) ReadEntry(entry);
                        else diagnostics.Add(SearchDiagnostics.SynonymEntryNotAMapping, item.Span);
                    }
                    return;
                default:
                    diagnostics.Add(SearchDiagnostics.SynonymsNotAList, root.Span);
                    return;
            }
        }

        private void ReadEntry(YMapping mapping)
        {
            var valid = true;
            foreach (var entry in mapping.Entries)
            {
                if (Array.IndexOf(Keys, entry.Key.Value) >= 0) continue;
                diagnostics.Add(YamlDiagnostics.UnknownKey, entry.Key.Span, entry.Key.Value,
                    (Suggestions.Closest(entry.Key.Value, Keys) is { } closest ? $"Did you mean '{closest}'? " : "") + "Keys of a synonym entry: words, means.");
                valid = false;
            }
            var words = mapping.Entry("words") is { } w ? ReadList(w) : null;
            var means = mapping.Entry("means") is { } m ? ReadList(m) : null;

            foreach (var (name, list) in new[] { ("words", words), ("means", means) })
            {
                if (list is null)
                {
                    if (!mapping.IsSetAside(name)) diagnostics.Add(SearchDiagnostics.SynonymMissingKey, mapping.Span, name);
                    valid = false;
                    continue;
                }

                foreach (var item in list)
                {
                    if (!HasSearchableTerm(item.Value))
                    {
                        diagnostics.Add(SearchDiagnostics.SynonymNothingSearchable, item.Span, item.Value);
                        valid = false;
                    }
                }
            }

            foreach (var item in words ?? [])
            {
                // Words are the same when lunr would split them into the same tokens: "Blood-thinners" = "blood thinners".
                var key = string.Join(' ', LunrAnalyzer.Tokenize(item.Value));
                if (key.Length == 0) continue;
                if (_layWordLines.TryGetValue(key, out var firstLine))
                {
                    diagnostics.Add(SearchDiagnostics.SynonymDuplicateWord, item.Span, item.Value, firstLine);
                    valid = false;
                }
                else
                {
                    _layWordLines.Add(key, item.Span.Line);
                }
            }

            if (valid && words is { Count: > 0 } && means is { Count: > 0 })
            {
                Entries.Add(new SynonymEntry([.. words.Select(x => x.Value)], [.. means.Select(x => x.Value)]));
            }
        }

        // Empty when the value is not a usable list; the caller then reports nothing more about it.
        private List<YScalar> ReadList(YEntry entry)
        {
            var name = entry.Key.Value;
            switch (entry.Value)
            {
                case YScalar { Value.Length: 0, Style: ScalarStyle.Plain } empty:
                    // "means:" with nothing after it.
                    diagnostics.Add(SearchDiagnostics.SynonymEmptyList, empty.Span, name);
                    return [];
                case YSequence sequence:
                    var items = new List<YScalar>();
                    var valid = true;
                    foreach (var item in sequence.Items)
                    {
                        if (item is YScalar text) items.Add(text);
                        else
                        {
                            diagnostics.Add(SearchDiagnostics.SynonymItemNotText, item.Span, name);
                            valid = false;
                        }
                    }
                    if (valid && items.Count == 0) diagnostics.Add(SearchDiagnostics.SynonymEmptyList, sequence.Span, name);
                    return items;
                default:
                    diagnostics.Add(SearchDiagnostics.SynonymNotAList, entry.Value.Span, name);
                    return [];
            }
        }

        private bool HasSearchableTerm(string text) => _analyzer.Terms(text).Exists(t => t.Length > 0);
    }
}
