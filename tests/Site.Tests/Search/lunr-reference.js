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
    default:
      throw new Error('unknown mode ' + mode);
  }
}
