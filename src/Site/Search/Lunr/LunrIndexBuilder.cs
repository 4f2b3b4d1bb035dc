using System.Text;

namespace Site.Search.Lunr;

/// <summary>A field of the index and its build-time boost, as <c>this.field(name, { boost })</c> declares it.</summary>
internal sealed record LunrField(string Name, double Boost);

/// <summary>
/// A document as lunr.js sees it: its ref and one text (or null) per field, in the builder's field order.
/// This is exactly what the reference test hands to lunr.js, so both sides index the same strings.
/// </summary>
internal sealed record LunrDocument(string Ref, IReadOnlyList<string?> FieldTexts);

/// <summary>A document holding a term in one field, with lunr's score for it there (<c>Math.round(score * 1000)</c>).</summary>
internal readonly record struct LunrPosting(int Document, double Thousandths);

/// <summary>One term of the index: its text, lunr's <c>_index</c> for it, and its postings per field, by document.</summary>
internal sealed record LunrTermPostings(string Text, int Index, IReadOnlyList<LunrPosting>[] Fields);

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
    private readonly List<bool> _refIsArrayIndex = [];
    private readonly HashSet<string> _refSet = new(StringComparer.Ordinal);
    private readonly List<Term> _terms = [];
    private readonly List<FieldEntry> _fieldEntries = [];

    // Analyzer term id → lunr's _index (the order of first occurrence in this build), -1 while unseen.
    private int[] _indexOfTermId = [];

    // Scratch for counting term frequencies in one field, reused across fields.
    private readonly List<int> _scratchTerms = [];
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

    /// <summary>A term of the inverted index: its text and, per field, the ordinals of documents containing it.</summary>
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

    /// <summary>One "field/ref" of lunr: its length in terms and its (term _index, frequency) pairs.</summary>
    private readonly record struct FieldEntry(int Document, int Field, int Length, (int Term, int Frequency)[] Frequencies);

    /// <summary><c>builder.add(doc)</c>: tokenizes and runs the pipeline over each field's text.</summary>
    public void Add(LunrDocument document)
    {
        if (document.FieldTexts.Count != _fields.Count)
        {
            throw new ArgumentException($"Document '{document.Ref}' has {document.FieldTexts.Count} field texts; expected {_fields.Count}.");
        }

        var fieldTerms = new List<int>[_fields.Count];
        for (var f = 0; f < _fields.Count; f++)
        {
            fieldTerms[f] = [];
            _analyzer.AddTerms(document.FieldTexts[f], fieldTerms[f]);
        }

        Add(document.Ref, fieldTerms);
    }

    /// <summary>
    /// <c>builder.add(doc)</c> for a document whose fields this builder's analyzer has already turned into term ids,
    /// so a caller that needed the terms anyway (synonym expansion) does not analyze the text twice.
    /// </summary>
    public void Add(string docRef, IReadOnlyList<List<int>> fieldTermIds)
    {
        if (fieldTermIds.Count != _fields.Count)
        {
            throw new ArgumentException($"Document '{docRef}' has {fieldTermIds.Count} fields; expected {_fields.Count}.");
        }

        // lunr would silently overwrite the earlier document's field data and still count both; refuse instead.
        if (!_refSet.Add(docRef)) throw new ArgumentException($"Duplicate search document ref '{docRef}'.");

        var docOrdinal = _refs.Count;
        _refs.Add(docRef);
        _refIsArrayIndex.Add(TryArrayIndex(docRef, out _));

        if (_indexOfTermId.Length < _analyzer.TermCount)
        {
            var old = _indexOfTermId.Length;
            Array.Resize(ref _indexOfTermId, Math.Max(_analyzer.TermCount, old * 2));
            Array.Fill(_indexOfTermId, -1, old, _indexOfTermId.Length - old);
        }

        for (var f = 0; f < _fields.Count; f++)
        {
            var termIds = fieldTermIds[f];
            _touched.Clear();

            foreach (var termId in termIds)
            {
                var index = _indexOfTermId[termId];
                if (index < 0)
                {
                    index = _terms.Count;
                    _indexOfTermId[termId] = index;
                    _terms.Add(new Term(_analyzer.Term(termId), _fields.Count));
                    if (index >= _counts.Length) Array.Resize(ref _counts, _counts.Length * 2);
                }

                if (_counts[index]++ == 0)
                {
                    _touched.Add(index);
                    // Tokens of one field of one document are consecutive, so one check keeps postings unique.
                    _terms[index].Postings[f].Add(docOrdinal);
                }
            }

            var frequencies = new (int Term, int Frequency)[_touched.Count];
            for (var i = 0; i < _touched.Count; i++)
            {
                var index = _touched[i];
                frequencies[i] = (index, _counts[index]);
                _counts[index] = 0;
            }

            _fieldEntries.Add(new FieldEntry(docOrdinal, f, termIds.Count, frequencies));
        }
    }

    /// <summary><c>JSON.stringify(builder.build())</c>.</summary>
    public string ToJson()
    {
        using var writer = new StringWriter();
        WriteJson(writer);
        return writer.ToString();
    }

    /// <summary>
    /// <c>JSON.stringify(builder.build())</c> written to <paramref name="writer"/> a block at a time: a large site's index
    /// is tens of megabytes, and need never be one string.
    /// </summary>
    public void WriteJson(TextWriter writer)
    {
        const int Block = 64 * 1024;
        var (averageLength, idf) = Statistics();

        // Refs and field names are written many times; quote and escape each once.
        var quotedRefs = _refs.ConvertAll(Quote);
        var quotedFields = _fields.Select(f => Quote(f.Name)).ToArray();
        var fieldPrefixes = _fields.Select(f => f.Name + "/").ToArray();

        var postingCount = _terms.Sum(t => t.Postings.Sum(p => p.Count));
        var vectorLength = _fieldEntries.Sum(e => e.Frequencies.Length);
        var sb = new StringBuilder(Math.Min(Block * 2, 4096 + _terms.Count * 64 + postingCount * 48 + vectorLength * 12 + _fieldEntries.Count * 48));
        void Spill()
        {
            if (sb.Length < Block) return;
            writer.Write(sb);
            sb.Clear();
        }
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
            JsJson.WriteString(sb, fieldPrefixes[entry.Field] + _refs[entry.Document]);
            sb.Append(",[");
            WriteVector(sb, entry, idf, averageLength[entry.Field], _fields[entry.Field].Boost);
            sb.Append("]]");
            Spill();
        }

        sb.Append("],\"invertedIndex\":[");
        var sorted = new int[_terms.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = i;
        // Array.prototype.sort compares UTF-16 code units, as ordinal comparison does.
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(_terms[a].Text, _terms[b].Text));
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0) sb.Append(',');
            WritePosting(sb, sorted[i], quotedRefs, quotedFields);
            Spill();
        }

        sb.Append("],\"pipeline\":[\"stemmer\"]}");
        writer.Write(sb);
    }

    /// <summary>Each field's average length and each term's idf, as lunr.Builder#calculateAverageFieldLengths and lunr.idf compute them.</summary>
    private (double[] AverageLength, double[] Idf) Statistics()
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

        return (averageLength, idf);
    }

    // Same operations in the same order as lunr.Builder#createFieldVectors, so the doubles are identical.
    private static double Thousandths(int tf, double fieldLength, double idf, double averageLength, double boost)
    {
        var score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (fieldLength / averageLength)) + tf);
        score *= boost;
        return JsMath.Round(score * 1000);
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
            var thousandths = Thousandths(tf, fieldLength, idf[term], averageLength, boost);
            if (i > 0) sb.Append(',');
            JsJson.WriteNumber(sb, term);
            sb.Append(',');
            WriteThousandths(sb, thousandths);
        }
    }

    /// <summary>
    /// The index turned inside out: every term (in lunr's sorted order) with, per field, the documents that hold it and
    /// the score lunr's field vector gives it there. These are exactly the numbers of <c>fieldVectors</c>, regrouped by
    /// term so a reader can fetch only the terms of a query (see <see cref="SearchShards"/>).
    /// </summary>
    public IReadOnlyList<LunrTermPostings> TermPostings()
    {
        var (averageLength, idf) = Statistics();
        var perField = new List<LunrPosting>[_terms.Count][];
        for (var t = 0; t < _terms.Count; t++)
        {
            perField[t] = new List<LunrPosting>[_fields.Count];
            for (var f = 0; f < _fields.Count; f++) perField[t][f] = new List<LunrPosting>(_terms[t].Postings[f].Count);
        }

        // Field entries are in document order, so each list comes out sorted by document.
        foreach (var entry in _fieldEntries)
        {
            foreach (var (term, tf) in entry.Frequencies)
            {
                var thousandths = Thousandths(tf, entry.Length, idf[term], averageLength[entry.Field], _fields[entry.Field].Boost);
                perField[term][entry.Field].Add(new LunrPosting(entry.Document, thousandths));
            }
        }

        var sorted = new int[_terms.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = i;
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(_terms[a].Text, _terms[b].Text));
        return [.. sorted.Select(t => new LunrTermPostings(_terms[t].Text, t, perField[t]))];
    }

    /// <summary>Documents added so far, in order; a posting's <see cref="LunrPosting.Document"/> is a position in this list.</summary>
    public int DocumentCount => _refs.Count;

    /// <summary>A readable word for each term's <see cref="LunrTermPostings.Index"/> (see <see cref="LunrAnalyzer.Words"/>).</summary>
    public string[] Words()
    {
        var byTermId = _analyzer.Words();
        var words = new string[_terms.Count];
        for (var termId = 0; termId < _indexOfTermId.Length && termId < byTermId.Length; termId++)
        {
            if (_indexOfTermId[termId] is var index and >= 0) words[index] = byTermId[termId];
        }

        return [.. words.Select((w, i) => w ?? _terms[i].Text)];
    }

    // Math.round(score * 1000) / 1000 as JSON.stringify prints it. Below 10^12 thousandths the double nearest
    // to m/1000 has the three-decimal form as its shortest round-trip digits (doubles there are far closer
    // together than 0.001), so the digits can be written from the integer without formatting a double.
    internal static void WriteThousandths(StringBuilder sb, double thousandths)
    {
        if (thousandths is < 0 or >= 1e12 || double.IsNaN(thousandths))
        {
            JsJson.WriteNumber(sb, thousandths / 1000);
            return;
        }

        var m = (long)thousandths;
        sb.Append(m / 1000);
        var fraction = (int)(m % 1000);
        if (fraction == 0) return;
        sb.Append('.');
        sb.Append((char)('0' + fraction / 100));
        fraction %= 100;
        if (fraction == 0) return;
        sb.Append((char)('0' + fraction / 10));
        fraction %= 10;
        if (fraction == 0) return;
        sb.Append((char)('0' + fraction));
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        JsJson.WriteString(sb, s);
        return sb.ToString();
    }

    private void WritePosting(StringBuilder sb, int termId, List<string> quotedRefs, string[] quotedFields)
    {
        var term = _terms[termId];
        sb.Append('[');
        JsJson.WriteString(sb, term.Text);
        sb.Append(",{\"_index\":");
        JsJson.WriteNumber(sb, termId);
        for (var f = 0; f < _fields.Count; f++)
        {
            sb.Append(',').Append(quotedFields[f]).Append(":{");
            var firstRef = true;
            foreach (var docOrdinal in JsObjectKeyOrder(term.Postings[f]))
            {
                if (!firstRef) sb.Append(',');
                firstRef = false;
                sb.Append(quotedRefs[docOrdinal]).Append(":{}");
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
            if (_refIsArrayIndex[doc] && TryArrayIndex(_refs[doc], out var index)) (indices ??= []).Add((index, doc));
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
