// What one query downloads, ours beside Pagefind, each query on a cold engine (nothing cached), as the /search/ page
// asks: the search, then what its first ten results show. Run by tests/bench/search-size.
//   node search-bytes.js ours <lunr.js> <search.js> <folder of /search/>   < queries.json
//   node search-bytes.js pagefind <folder of /pagefind/>                   < queries.json
// One JSON line per query: {query, files, raw, gzip, results, ms}. raw is the files' bytes as served; gzip is each
// file gzip -9'd (Pagefind's index files are stored compressed already, so for it the two are about equal). Not
// counted: the scripts themselves (lunr.js, or pagefind.js and its WebAssembly), fetched once per visit, printed
// once by search-size. ms is the time to the first ten results under node, reading files from disk.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { pathToFileURL, fileURLToPath } = require('url');

const [mode, ...args] = process.argv.slice(2);
const gz = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

function readStdin() {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c) => { text += c; });
    process.stdin.on('end', () => resolve(JSON.parse(text)));
  });
}

function sum(log, query, results, ms) {
  return { query, files: log.length, raw: log.reduce((n, f) => n + f.raw, 0), gzip: log.reduce((n, f) => n + f.gzip, 0), results, ms };
}

async function ours(query) {
  const [lunrPath, enginePath, folder] = args;
  const lunr = require(lunrPath);
  const { createEngine } = require(enginePath);
  const log = [];
  const engine = createEngine(Promise.resolve(lunr), async (name) => {
    const buffer = fs.readFileSync(path.join(folder, name));
    log.push({ name, raw: buffer.length, gzip: gz(buffer) });
    return JSON.parse(buffer.toString('utf8'));
  });
  const start = process.hrtime.bigint();
  const result = await engine.search(query);
  const shown = result.groups.slice(0, 10);
  await engine.documents(shown.flatMap((g) => g.hits.slice(0, 4).map((h) => h.ref)), shown.map((g) => g.hits[0].ref));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return sum(log, query, result.groups.length, ms);
}

let log = [];
let generation = 0;
async function pagefind(query) {
  const [folder] = args;
  log = [];
  // Pagefind fetches its pieces relative to pagefind.js; in node, fetch reads them from disk and counts them.
  globalThis.fetch = async (input) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    const file = fileURLToPath(url.origin === 'null' || url.protocol === 'file:' ? url : pathToFileURL(path.join(folder, url.pathname)));
    const buffer = fs.readFileSync(file);
    if (!file.endsWith('.js')) log.push({ name: path.relative(folder, file), raw: buffer.length, gzip: gz(buffer) });
    return new Response(buffer, { headers: { 'content-type': file.endsWith('.pagefind') ? 'application/wasm' : 'application/octet-stream' } });
  };
  const start = process.hrtime.bigint();
  // A fresh module per query: a cold engine, as on a first visit.
  const pf = await import(pathToFileURL(path.join(folder, 'pagefind.js')).href + `?cold=${++generation}`);
  await pf.options({ basePath: pathToFileURL(folder + path.sep).href });
  const search = await pf.search(query);
  await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // The WebAssembly is fetched once per visit like a script: counted apart, as lunr.js is for ours.
  log = log.filter((f) => !f.name.startsWith('wasm.'));
  if (process.env.SEARCH_BYTES_NAMES) console.error(log.map((f) => `${f.name} ${f.raw}`).join("\n"));
  return sum(log, query, search.results.length, ms);
}

(async () => {
  const queries = await readStdin();
  const run = mode === 'ours' ? ours : mode === 'pagefind' ? pagefind : null;
  if (!run) throw new Error(`unknown mode ${mode}`);
  for (const q of queries) process.stdout.write(JSON.stringify(await run(q)) + '\n');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
