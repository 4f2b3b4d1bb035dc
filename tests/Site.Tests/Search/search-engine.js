// The browser's search engine (theme/assets/js/search.js) under node, over a built site's /search/ files.
// Usage: node search-engine.js <lunr.js> <search.js> <folder of search/*.json> <mode>   (JSON on stdin, one line per item out)
//   pages    ["query", ...] → {pages: ["/url/", ...] best first, sections: [["/url/#id", ...] per page], suggestion}
//   typeahead ["query", ...] → the same with the last word unfinished, as the header field runs it
//   scores   ["query", ...] → [[ref, score], ...] lunr's own score for each document (no grouping, no reweighting),
//            compared by the tests with lunr.js's idx.query over the whole index
//   fetched  ["query", ...] → [file, ...] the pieces the scores mode fetched for the query, in the order asked
//   bytes    ["query", ...] → {files: [[file, bytes], ...], bytes} the pieces one query (and its first page of results)
//            fetched, as the /search/ page asks for them
'use strict';
const fs = require('fs');
const path = require('path');
const [lunrPath, enginePath, folder, mode] = process.argv.slice(2);
const lunr = require(lunrPath);
const { createEngine } = require(enginePath);

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', async () => {
  const queries = JSON.parse(input);
  const out = [];
  for (const q of queries) out.push(JSON.stringify(await run(q)));
  process.stdout.write(out.join('\n'));
});

function engine(log) {
  return createEngine(Promise.resolve(lunr), async (name) => {
    if (!/^[a-z]+(-\d+)*\.json$/.test(name)) throw new Error(`unexpected file name ${name}`);
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    if (log) log.push([name, Buffer.byteLength(text)]);
    return JSON.parse(text);
  });
}

async function run(q) {
  switch (mode) {
    case 'pages':
    case 'typeahead': {
      const e = engine();
      const result = await e.search(q, { typeAhead: mode === 'typeahead' });
      const refs = result.groups.flatMap((g) => g.hits.map((h) => h.ref));
      const docs = await e.documents(refs, []);
      return {
        pages: result.groups.map((g) => docs.get(g.hits[0].ref).url.replace(/#.*$/, '')),
        sections: result.groups.map((g) => g.hits.map((h) => docs.get(h.ref).url)),
        suggestion: result.suggestion,
      };
    }
    case 'scores': {
      const e = engine();
      return await e.scores(q);
    }
    case 'fetched': {
      const log = [];
      await engine(log).scores(q);
      return log.map(([name]) => name);
    }
    case 'bytes': {
      // As search.js's page does it: the search, then the store chunks of the first ten pages (best section with its
      // snippet, three more section titles each).
      const log = [];
      const e = engine(log);
      const result = await e.search(q);
      const shown = result.groups.slice(0, 10);
      await e.documents(shown.flatMap((g) => g.hits.slice(0, 4).map((h) => h.ref)), shown.map((g) => g.hits[0].ref));
      return { files: log, bytes: log.reduce((n, [, b]) => n + b, 0) };
    }
    default:
      throw new Error('unknown mode ' + mode);
  }
}
