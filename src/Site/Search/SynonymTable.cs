using Site.Diagnostics;
using Site.Search.Lunr;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

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
        var loader = new Loader(displayPath, diagnostics);
        var parser = new Parser(new StringReader(yamlText));
        try
        {
            loader.Read(parser);
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // YamlDotNet's scanner throws InvalidOperationException instead of a YamlException on some unclosed lists.
            var (message, line, column) = YamlErrors.Explain(yamlText, ex);
            diagnostics.Add(SearchDiagnostics.SynonymsYamlInvalid, new SourceSpan(displayPath, line, column), message);
            return Empty;
        }

        return Create(loader.Entries);
    }

    private sealed class Loader(string displayPath, DiagnosticBag diagnostics)
    {
        private readonly LunrAnalyzer _analyzer = new();
        private readonly Dictionary<string, int> _layWordLines = new(StringComparer.Ordinal);

        public List<SynonymEntry> Entries { get; } = [];

        public SourceSpan At(Mark mark) => new(displayPath, (int)mark.Line, (int)mark.Column);

        public void Read(IParser parser)
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _)) return; // an empty or comments-only file

            parser.Consume<DocumentStart>();
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                // "---" with nothing after it is an empty list too; any other scalar is a mistake.
                if (scalar.Value.Length > 0 || scalar.Style != ScalarStyle.Plain)
                {
                    diagnostics.Add(SearchDiagnostics.SynonymsNotAList, At(scalar.Start));
                }
            }
            else if (parser.TryConsume<SequenceStart>(out _))
            {
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    if (parser.TryConsume<MappingStart>(out var mapping)) ReadEntry(parser, mapping);
                    else Skip(parser, SearchDiagnostics.SynonymEntryNotAMapping);
                }
            }
            else
            {
                Skip(parser, SearchDiagnostics.SynonymsNotAList);
            }

            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var extra))
            {
                diagnostics.Add(SearchDiagnostics.SynonymsMultipleDocuments, At(extra.Start));
            }
        }

        private void Skip(IParser parser, DiagnosticDescriptor descriptor, params object?[] args)
        {
            diagnostics.Add(descriptor, At(parser.Current!.Start), args);
            parser.SkipThisAndNestedEvents();
        }

        private void ReadEntry(IParser parser, MappingStart mapping)
        {
            List<(string Text, Mark Start)>? words = null, means = null;
            var valid = true;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    Skip(parser, SearchDiagnostics.SynonymUnknownKey, "(not a plain key)");
                    parser.SkipThisAndNestedEvents();
                    valid = false;
                    continue;
                }

                switch (key.Value)
                {
                    case "words" or "means" when (key.Value == "words" ? words : means) is not null:
                        diagnostics.Add(SearchDiagnostics.SynonymDuplicateKey, At(key.Start), key.Value);
                        parser.SkipThisAndNestedEvents();
                        valid = false;
                        break;
                    case "words":
                        words = ReadList(parser, key.Value);
                        break;
                    case "means":
                        means = ReadList(parser, key.Value);
                        break;
                    default:
                        diagnostics.Add(SearchDiagnostics.SynonymUnknownKey, At(key.Start), key.Value);
                        parser.SkipThisAndNestedEvents();
                        valid = false;
                        break;
                }
            }

            foreach (var (name, list) in new[] { ("words", words), ("means", means) })
            {
                if (list is null)
                {
                    diagnostics.Add(SearchDiagnostics.SynonymMissingKey, At(mapping.Start), name);
                    valid = false;
                    continue;
                }

                foreach (var (text, start) in list)
                {
                    if (!HasSearchableTerm(text))
                    {
                        diagnostics.Add(SearchDiagnostics.SynonymNothingSearchable, At(start), text);
                        valid = false;
                    }
                }
            }

            foreach (var (text, start) in words ?? [])
            {
                // Words are the same when lunr would split them into the same tokens: "Blood-thinners" = "blood thinners".
                var key = string.Join(' ', LunrAnalyzer.Tokenize(text));
                if (key.Length == 0) continue;
                if (_layWordLines.TryGetValue(key, out var firstLine))
                {
                    diagnostics.Add(SearchDiagnostics.SynonymDuplicateWord, At(start), text, firstLine);
                    valid = false;
                }
                else
                {
                    _layWordLines.Add(key, (int)start.Line);
                }
            }

            if (valid && words is { Count: > 0 } && means is { Count: > 0 })
            {
                Entries.Add(new SynonymEntry([.. words.Select(w => w.Text)], [.. means.Select(m => m.Text)]));
            }
        }

        // Null when the value is not a usable list; the caller then reports nothing more about it.
        private List<(string Text, Mark Start)>? ReadList(IParser parser, string name)
        {
            if (parser.Accept<Scalar>(out var empty) && empty.Value.Length == 0 && empty.Style == ScalarStyle.Plain)
            {
                // "means:" with nothing after it.
                diagnostics.Add(SearchDiagnostics.SynonymEmptyList, At(empty.Start), name);
                parser.MoveNext();
                return [];
            }

            if (!parser.TryConsume<SequenceStart>(out var sequence))
            {
                Skip(parser, SearchDiagnostics.SynonymNotAList, name);
                return [];
            }

            var items = new List<(string, Mark)>();
            var valid = true;
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (parser.TryConsume<Scalar>(out var item))
                {
                    items.Add((item.Value, item.Start));
                }
                else
                {
                    Skip(parser, SearchDiagnostics.SynonymItemNotText, name);
                    valid = false;
                }
            }

            if (valid && items.Count == 0) diagnostics.Add(SearchDiagnostics.SynonymEmptyList, At(sequence.Start), name);
            return items;
        }

        private bool HasSearchableTerm(string text) => _analyzer.Terms(text).Exists(t => t.Length > 0);
    }
}
