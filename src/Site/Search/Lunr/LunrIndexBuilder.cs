using System.Text;

namespace Site.Search.Lunr;

/// <summary>A field of the index and its build-time boost, as <c>this.field(name, { boost })</c> declares it.</summary>
internal sealed record LunrField(string Name, double Boost);

/// <summary>
/// A document as lunr.js sees it: its ref and one text (or null) per field, in the builder's field order.
/// This is exactly what the reference test hands to lunr.js, so both sides index the same strings.
/// </summary>
internal sealed record LunrDocument(string Ref, IReadOnlyList<string?> FieldTexts);

/// <summary>
/// lunr.js 2.3.9's <c>lunr.Builder</c> with the default pipelines, ending in <c>JSON.stringify(builder.build())</c>.
/// BM25 with b = 0.75 and k1 = 1.2, per-field vectors, no metadata whitelist, no per-document boosts.
/// </summary>
internal sealed class LunrIndexBuilder
{
    private const double B = 0.75;
    private const double K1 = 1.2;

    private readonly IReadOnlyList<LunrField> _fields;
    private readonly LunrAnalyzer _analyzer;
    private readonly List<string> _refs = [];
    private readonly HashSet<string> _refSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _termIndex = new(StringComparer.Ordinal);
    private readonly List<Term> _terms = [];
    private readonly List<FieldEntry> _fieldEntries = [];

    // Scratch for counting term frequencies in one field, reused across fields.
    private readonly List<string> _fieldTerms = [];
    private int[] _counts = new int[1024];
    private readonly List<int> _touched = [];

    public LunrIndexBuilder(IReadOnlyList<LunrField> fields, LunrAnalyzer analyzer)
    {
        foreach (var field in fields)
        {
            if (field.Name.Contains('/')) throw new ArgumentException($"Field '{field.Name}' contains illegal character '/'");
        }

        _fields = fields;
        _analyzer = analyzer;
    }

    /// <summary>A term of the inverted index: its <c>_index</c> and, per field, the ordinals of documents containing it.</summary>
    private sealed class Term(string text, int fieldCount)
    {
        public string Text { get; } = text;
        public List<int>[] Postings { get; } = CreatePostings(fieldCount);

        private static List<int>[] CreatePostings(int n)
        {
            var postings = new List<int>[n];
            for (var i = 0; i < n; i++) postings[i] = [];
            return postings;
        }
    }

    /// <summary>One "field/ref" of lunr: its length in terms and its (term index, frequency) pairs.</summary>
    private readonly record struct FieldEntry(int Document, int Field, int Length, (int Term, int Frequency)[] Frequencies);

    public void Add(LunrDocument document)
    {
        if (document.FieldTexts.Count != _fields.Count)
        {
            throw new ArgumentException($"Document '{document.Ref}' has {document.FieldTexts.Count} field texts; expected {_fields.Count}.");
        }

        // lunr would silently overwrite the earlier document's field data and still count both; refuse instead.
        if (!_refSet.Add(document.Ref)) throw new ArgumentException($"Duplicate search document ref '{document.Ref}'.");

        var docOrdinal = _refs.Count;
        _refs.Add(document.Ref);

        for (var f = 0; f < _fields.Count; f++)
        {
            _fieldTerms.Clear();
            _analyzer.AddTerms(document.FieldTexts[f], _fieldTerms);
            _touched.Clear();

            foreach (var text in _fieldTerms)
            {
                if (!_termIndex.TryGetValue(text, out var id))
                {
                    id = _terms.Count;
                    _termIndex.Add(text, id);
                    _terms.Add(new Term(text, _fields.Count));
                    if (id >= _counts.Length) Array.Resize(ref _counts, _counts.Length * 2);
                }

                if (_counts[id]++ == 0)
                {
                    _touched.Add(id);
                    // Tokens of one field of one document are consecutive, so one check keeps postings unique.
                    _terms[id].Postings[f].Add(docOrdinal);
                }
            }

            var frequencies = new (int Term, int Frequency)[_touched.Count];
            for (var i = 0; i < _touched.Count; i++)
            {
                var id = _touched[i];
                frequencies[i] = (id, _counts[id]);
                _counts[id] = 0;
            }

            _fieldEntries.Add(new FieldEntry(docOrdinal, f, _fieldTerms.Count, frequencies));
        }
    }

    /// <summary><c>JSON.stringify(builder.build())</c>.</summary>
    public string ToJson()
    {
        var documentCount = _refs.Count;
        var averageLength = new double[_fields.Count];
        var lengthSums = new long[_fields.Count];
        foreach (var entry in _fieldEntries) lengthSums[entry.Field] += entry.Length;
        for (var f = 0; f < _fields.Count; f++) averageLength[f] = (double)lengthSums[f] / documentCount;

        var idf = new double[_terms.Count];
        for (var t = 0; t < _terms.Count; t++)
        {
            // lunr.idf sums the postings of every field: a document with the term in two fields counts twice.
            var documentsWithTerm = 0;
            foreach (var posting in _terms[t].Postings) documentsWithTerm += posting.Count;
            var x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
            idf[t] = JsMath.Log(1 + Math.Abs(x));
        }

        var sb = new StringBuilder(64 * 1024);
        sb.Append("{\"version\":\"2.3.9\",\"fields\":[");
        for (var f = 0; f < _fields.Count; f++)
        {
            if (f > 0) sb.Append(',');
            JsJson.WriteString(sb, _fields[f].Name);
        }

        sb.Append("],\"fieldVectors\":[");
        var first = true;
        foreach (var entry in _fieldEntries)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append('[');
            JsJson.WriteString(sb, _fields[entry.Field].Name + "/" + _refs[entry.Document]);
            sb.Append(",[");
            WriteVector(sb, entry, idf, averageLength[entry.Field], _fields[entry.Field].Boost);
            sb.Append("]]");
        }

        sb.Append("],\"invertedIndex\":[");
        var sorted = new int[_terms.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = i;
        // Array.prototype.sort compares UTF-16 code units, as ordinal comparison does.
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(_terms[a].Text, _terms[b].Text));
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0) sb.Append(',');
            WritePosting(sb, sorted[i]);
        }

        sb.Append("],\"pipeline\":[\"stemmer\"]}");
        return sb.ToString();
    }

    private static void WriteVector(StringBuilder sb, FieldEntry entry, double[] idf, double averageLength, double boost)
    {
        // lunr.Vector keeps its elements sorted by term index whatever the insertion order.
        var pairs = entry.Frequencies;
        Array.Sort(pairs, static (a, b) => a.Term.CompareTo(b.Term));
        double fieldLength = entry.Length;
        for (var i = 0; i < pairs.Length; i++)
        {
            var (term, tf) = pairs[i];
            // Same operations in the same order as lunr.Builder#createFieldVectors, so the doubles are identical.
            var score = idf[term] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (fieldLength / averageLength)) + tf);
            score *= boost;
            var rounded = JsMath.Round(score * 1000) / 1000;
            if (i > 0) sb.Append(',');
            JsJson.WriteNumber(sb, term);
            sb.Append(',');
            JsJson.WriteNumber(sb, rounded);
        }
    }

    private void WritePosting(StringBuilder sb, int termId)
    {
        var term = _terms[termId];
        sb.Append('[');
        JsJson.WriteString(sb, term.Text);
        sb.Append(",{\"_index\":");
        JsJson.WriteNumber(sb, termId);
        for (var f = 0; f < _fields.Count; f++)
        {
            sb.Append(',');
            JsJson.WriteString(sb, _fields[f].Name);
            sb.Append(":{");
            var firstRef = true;
            foreach (var docOrdinal in JsObjectKeyOrder(term.Postings[f]))
            {
                if (!firstRef) sb.Append(',');
                firstRef = false;
                JsJson.WriteString(sb, _refs[docOrdinal]);
                sb.Append(":{}");
            }

            sb.Append('}');
        }

        sb.Append("}]");
    }

    // The postings are plain objects keyed by ref, so JSON.stringify lists refs that are array indices
    // ("0" … "4294967294") first, in numeric order, and the rest in insertion (document) order.
    private IEnumerable<int> JsObjectKeyOrder(List<int> docOrdinals)
    {
        List<(uint Index, int Doc)>? indices = null;
        foreach (var doc in docOrdinals)
        {
            if (TryArrayIndex(_refs[doc], out var index)) (indices ??= []).Add((index, doc));
        }

        if (indices is null) return docOrdinals;
        indices.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var indexed = indices.Select(i => i.Doc).ToHashSet();
        return [.. indices.Select(i => i.Doc), .. docOrdinals.Where(d => !indexed.Contains(d))];
    }

    private static bool TryArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0')) return false;
        ulong value = 0;
        foreach (var c in key)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (uint)(c - '0');
        }

        if (value >= uint.MaxValue) return false;
        index = (uint)value;
        return true;
    }
}
