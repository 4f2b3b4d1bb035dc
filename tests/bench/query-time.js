// Times lunr.js 2.3.9 queries against a serialized index, the way theme/assets/js/search.js builds them.
// Usage: node tests/bench/query-time.js <lunr.js> <index.json> (run by tests/bench/search-size)
const [lunrPath, indexPath] = process.argv.slice(2);
const lunr = require(lunrPath);
const fs = require('fs');
const loadStart = process.hrtime.bigint();
const idx = lunr.Index.load(JSON.parse(fs.readFileSync(indexPath, 'utf8')));
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
const queries = ['blood thinners', 'how many sessions', 'can I do it while breastfeeding', 'side effects', 'hair loss after illness', 'minoxidil', 'injec', 'pain'];
function run(text) {
  const terms = lunr.tokenizer(text).map(t => lunr.stopWordFilter(lunr.trimmer(t))).filter(t => t && t.toString());
  if (terms.length === 0) return [];
  let results = idx.query(q => terms.forEach((t, i) => q.term(t.toString(), {
    presence: lunr.Query.presence.REQUIRED,
    wildcard: i === terms.length - 1 ? lunr.Query.wildcard.TRAILING | lunr.Query.wildcard.NONE : lunr.Query.wildcard.NONE,
  })));
  if (results.length === 0) results = idx.query(q => terms.forEach(t => q.term(t.toString(), { editDistance: 1 })));
  return results;
}
for (let i = 0; i < 20; i++) queries.forEach(run); // warm up
const times = [];
for (let i = 0; i < 50; i++) for (const q of queries) {
  const start = process.hrtime.bigint();
  run(q);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const pct = p => times[Math.floor(p * (times.length - 1))].toFixed(2);
console.log(`index load ${loadMs.toFixed(0)} ms; query median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms (${times.length} queries)`);
