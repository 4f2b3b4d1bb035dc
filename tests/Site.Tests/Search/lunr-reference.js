// The reference side of the search tests: lunr.js itself, run under node.
// Usage: node lunr-reference.js <path to lunr.js> <mode>   (input JSON on stdin, output JSON on stdout)
//   build     {fields: [{name, boost}], ref: "ref", documents: [{ref, <field>: text|null, ...}]} → JSON.stringify(index)
// The other modes take a JSON array and print one JSON value per input item, one per line:
//   stem      "word" → lunr.stemmer(word)
//   analyze   "text" → [term, ...]   (lunr.tokenizer, then the builder pipeline trimmer → stopWordFilter → stemmer)
//   tokenize  "text" → [token, ...]  (lunr.tokenizer only)
//   lower     "text" → text.toLowerCase()
//   log       x → Math.log(x)
//   number    x → String(x)
//   search    {index, queries: ["q", ...]} → [ref, ...] per query (lunr.Index.load(index).search(q))
//   postings  as build → one line per term of the index, in its order: [term, _index, [[document, score], ...] per field],
//             documents numbered in the order lunr added them, scores read from lunr's own fieldVectors
//   query     {index, queries: ["q", ...]} → [[ref, score], ...] per query: idx.query with each word an optional term
'use strict';

const lunr = require(process.argv[2]);
const mode = process.argv[3];

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const data = JSON.parse(input);
  process.stdout.write(run(mode, data));
});

// JSON.stringify never emits a raw line break, so one value per line is unambiguous.
function lines(items, fn) {
  return items.map(item => JSON.stringify(fn(item))).join('\n');
}

function run(mode, data) {
  switch (mode) {
    case 'build': {
      const idx = lunr(function () {
        this.ref(data.ref);
        for (const f of data.fields) this.field(f.name, { boost: f.boost });
        for (const d of data.documents) this.add(d);
      });
      return JSON.stringify(idx);
    }
    case 'stem':
      return lines(data, w => lunr.stemmer(new lunr.Token(w)).toString());
    case 'analyze': {
      const pipeline = new lunr.Pipeline();
      pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
      return lines(data, t => pipeline.run(lunr.tokenizer(t)).map(token => token.toString()));
    }
    case 'tokenize':
      return lines(data, t => lunr.tokenizer(t).map(token => token.toString()));
    case 'lower':
      return lines(data, t => t.toLowerCase());
    case 'log':
      return lines(data, x => Math.log(x));
    case 'number':
      return lines(data, x => String(x));
    case 'search': {
      const idx = lunr.Index.load(data.index);
      return lines(data.queries, q => idx.search(q).map(r => r.ref));
    }
    case 'postings': {
      const idx = JSON.parse(run('build', data));
      const ordinal = new Map();
      const vectors = new Map();
      for (const [fieldRef, elements] of idx.fieldVectors) {
        const ref = fieldRef.slice(fieldRef.indexOf('/') + 1);
        if (!ordinal.has(ref)) ordinal.set(ref, ordinal.size);
        const byTerm = new Map();
        for (let i = 0; i < elements.length; i += 2) byTerm.set(elements[i], elements[i + 1]);
        vectors.set(fieldRef, byTerm);
      }
      return idx.invertedIndex.map(([term, posting]) => JSON.stringify([term, posting._index, idx.fields.map(field =>
        Object.keys(posting[field]).map(ref => [ordinal.get(ref), vectors.get(field + '/' + ref).get(posting._index)])
          .sort((a, b) => a[0] - b[0]))])).join('\n');
    }
    case 'query': {
      const idx = lunr.Index.load(data.index);
      return lines(data.queries, q => {
        const terms = lunr.tokenizer(q).map(t => lunr.trimmer(t)).filter(t => t.toString() && lunr.stopWordFilter(t));
        if (terms.length === 0) return [];
        return idx.query(query => terms.forEach(t => query.term(t.toString(), {}))).map(r => [r.ref, r.score]);
      });
    }
    default:
      throw new Error('unknown mode ' + mode);
  }
}
