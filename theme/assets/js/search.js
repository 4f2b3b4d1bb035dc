/*
 * Site search, in the browser.
 *
 * 1. The header search form (form[data-search-form]) becomes an ARIA 1.2 combobox: results as you type in a
 *    listbox popup, arrow keys to move, Enter to open, Escape to close. (No single-key shortcut: WCAG 2.1.4.)
 * 2. The /search/ page (an element with [data-search-results]) lists the results for ?q=, grouped by page: each
 *    page's best section first, its other matching sections under it, ten pages at a time.
 *
 * The index is in pieces (src/Site/Search/SearchShards.cs): a small manifest, shards of the sorted terms, a
 * vocabulary per first letter and the store in chunks. A query fetches lunr.js, the manifest, the shards that hold
 * its words and the store chunks of the results it shows; nothing loads on a plain page view, and without
 * JavaScript nothing loads at all. From the shards it fetched, the engine below builds a lunr.Index holding just
 * the query's terms, with the very field-vector scores of the whole index, so lunr.js scores them exactly as it
 * would the whole index (its score is a dot product over the query's terms only). On top of lunr's score it
 * moves two things on purpose: coverage (a section with every word of the question ranks above one with some)
 * and headings (a word in the page title or a section heading, such as an FAQ question, above body text).
 *
 * Indexing ran lunr.tokenizer, then trimmer → stopWordFilter → stemmer; the index's search pipeline is only the
 * stemmer, so this file runs the tokenizer, trimmer and stop-word filter on the query itself and lets idx.query
 * stem the terms. User input never goes through lunr's query parser (idx.search), whose syntax (field:, *, ^, ~,
 * +, -) could throw or surprise: queries are built with idx.query(q => q.term(...)).
 *
 * The engine touches no DOM, so tests run it under node (module.exports). No user or document text is ever
 * parsed as HTML: everything is built with DOM methods and textContent.
 */
(() => {
  'use strict';

  // -----------------------------------------------------------------------------------------------
  // The engine: fetches pieces through load(name) → Promise<JSON>, no DOM
  // -----------------------------------------------------------------------------------------------

  /** Coverage counts as its square: with two of three words a section keeps 44% of lunr's score. */
  const COVERAGE_POWER = 2;
  /** A query word in the page title or a section heading (an FAQ question) weighs this much more. */
  const HEADING_BONUS = 1.5;
  /** Type-ahead: the unfinished last word also matches the most common index terms it starts. */
  const PREFIX_TERMS = 6;
  /** "Did you mean": a word in at most this many sections "matches little". */
  const FEW_DOCUMENTS = 1;
  /** "Did you mean" for a word that is in the index only from this length on. */
  const SURE_LENGTH = 5;

  /** Optimal string alignment distance (edits and swaps of neighbours), stopping early above max. */
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let previous2 = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2] + 1);
        row.push(d);
        best = Math.min(best, d);
      }
      if (best > max) return max + 1;
      previous2 = previous;
      previous = row;
    }
    return previous[b.length];
  }

  function decodeField(list) {
    const out = [];
    let doc = 0;
    for (let i = 0; i < list.length; i += 2) {
      doc += list[i];
      out.push(doc, list[i + 1]);
    }
    return out;
  }

  /**
   * lunrReady: a promise of the lunr object; load(name): a promise of the JSON of /search/<name>.
   * Returns { prefetch, search, documents }.
   */
  function createEngine(lunrReady, load) {
    const files = new Map();
    function file(name) {
      if (!files.has(name)) {
        files.set(name, load(name).catch((error) => {
          files.delete(name);
          throw error;
        }));
      }
      return files.get(name);
    }

    let manifestPromise = null;
    function manifest() {
      if (!manifestPromise) {
        manifestPromise = file('manifest.json').then((m) => {
          const pageOf = new Int32Array(m.documents);
          const starts = [];
          let start = 0;
          for (const delta of m.pages) starts.push(start += delta);
          starts.forEach((first, page) => {
            const end = page + 1 < starts.length ? starts[page + 1] : m.documents;
            for (let d = first; d < end; d++) pageOf[d] = page;
          });
          return { ...m, pageOf };
        });
        manifestPromise.catch(() => { manifestPromise = null; });
      }
      return manifestPromise;
    }

    /** The shard holding a term: the last whose first term sorts at or before it (UTF-16 order, as the build sorted). */
    function shardOf(m, term) {
      let lo = 0;
      let hi = m.shards.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (m.shards[mid] <= term) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      return found;
    }

    // term → { term, index, fields: [[doc, score, …] per field], tail, shard, position }
    const entries = new Map();
    const decoded = new Set();

    async function loadTerms(m, terms) {
      const shards = new Set();
      for (const term of terms) {
        const shard = entries.has(term) ? -1 : shardOf(m, term);
        if (shard >= 0 && !decoded.has(shard)) shards.add(shard);
      }
      await Promise.all([...shards].map(async (shard) => {
        const list = await file(`t-${shard}.json`);
        if (decoded.has(shard)) return;
        decoded.add(shard);
        const n = m.fields.length;
        list.forEach((e, position) => entries.set(e[0], {
          term: e[0], index: e[1], fields: e.slice(2, 2 + n).map(decodeField), tail: e[2 + n] || 0, shard, position,
        }));
      }));
      return terms.filter((t) => entries.has(t)).map((t) => entries.get(t));
    }

    /** The rest of a common term's documents, beyond the best ones its shard carries. */
    function loadTail(entry) {
      if (!entry.tail) return Promise.resolve();
      if (!entry.tailPromise) {
        entry.tailPromise = file(`t-${entry.shard}-${entry.position}.json`).then((tail) => {
          if (!entry.tail) return;
          tail.forEach((list, f) => entry.fields[f].push(...decodeField(list)));
          entry.tail = 0;
        });
        entry.tailPromise.catch(() => { entry.tailPromise = null; });
      }
      return entry.tailPromise;
    }

    const vocabularies = new Map();
    /** [{ term, documents, word }] of the terms starting with letter (a UTF-16 code unit). */
    function vocabulary(m, letter) {
      const k = m.vocabulary.indexOf(letter);
      if (k < 0) return Promise.resolve([]);
      if (!vocabularies.has(k)) {
        const p = file(`v-${k}.json`).then((list) => {
          const out = [];
          for (let i = 0; i < list.length; i += 3) out.push({ term: list[i], documents: list[i + 1], word: list[i + 2] || list[i] });
          return out;
        });
        p.catch(() => vocabularies.delete(k));
        vocabularies.set(k, p);
      }
      return vocabularies.get(k);
    }

    /** A lunr.Index over just these terms, with the whole index's field-vector scores for them. */
    function indexOver(lunr, m, list) {
      const invertedIndex = Object.create(null);
      const vectors = new Map();
      for (const e of list) {
        const posting = { _index: e.index };
        m.fields.forEach((field, f) => {
          const refs = {};
          const postings = e.fields[f];
          for (let i = 0; i < postings.length; i += 2) {
            const ref = String(postings[i]);
            refs[ref] = {};
            const key = `${field}/${ref}`;
            let vector = vectors.get(key);
            if (!vector) vectors.set(key, vector = []);
            vector.push([e.index, postings[i + 1]]);
          }
          posting[field] = refs;
        });
        invertedIndex[e.term] = posting;
      }
      const fieldVectors = Object.create(null);
      for (const [key, pairs] of vectors) {
        // lunr.Vector keeps its elements sorted by term index; the dot product walks them in that order.
        pairs.sort((a, b) => a[0] - b[0]);
        fieldVectors[key] = new lunr.Vector(pairs.flat());
      }
      return new lunr.Index({
        invertedIndex,
        fieldVectors,
        tokenSet: lunr.TokenSet.fromArray(Object.keys(invertedIndex).sort()),
        fields: m.fields,
        pipeline: lunr.Pipeline.load(['stemmer']),
      });
    }

    /**
     * The words of the user's text as indexing saw words: lunr.tokenizer (lower-case, split on whitespace
     * and hyphens), lunr's query operators removed, lunr.trimmer. Each word says whether it is a stop word,
     * which the index never contains, and its index term.
     */
    function words(lunr, text) {
      const result = [];
      for (const token of lunr.tokenizer(text)) {
        token.update((s) => s.replace(/[:*^~+\-]/g, ''));
        const word = lunr.trimmer(token).toString();
        if (!word) continue;
        const stop = !lunr.stopWordFilter(new lunr.Token(word));
        result.push({ text: word, stop, term: stop ? '' : lunr.stemmer(new lunr.Token(word)).toString() });
      }
      return result;
    }

    function run(idx, clauses) {
      // A query without clauses counts as "all prohibited" in lunr and returns every document.
      if (clauses.length === 0) return [];
      try {
        // q.term keeps the options object as its clause, so each query gets fresh copies.
        return idx.query((q) => clauses.forEach(([term, options]) => q.term(term, { ...options })));
      } catch {
        // An odd query must never break the page: treat it as no match.
        return [];
      }
    }

    /** Near spellings of a term among the index's own terms of the same first letter, nearest and commonest first. */
    async function near(m, term, max) {
      if (!term) return [];
      const vocab = await vocabulary(m, term[0]);
      return vocab
        .map((v) => ({ ...v, distance: v.term === term ? 0 : editDistance(term, v.term, max) }))
        .filter((v) => v.distance > 0 && v.distance <= max)
        .sort((a, b) => a.distance - b.distance || b.documents - a.documents);
    }

    /**
     * Runs the query in up to three passes, stopping at the first that finds anything: every word required;
     * any word; then near spellings. With typeAhead, the last word is still being typed, so it is optional and also
     * matched as a prefix. With everything, common terms bring all their documents, not only their best.
     * Returns { groups: [{ page, score, hits: [{ ref, score, terms: Set }] }], suggestion, partial }.
     */
    async function search(text, { typeAhead = false, everything = false } = {}) {
      const [lunr, m] = await Promise.all([lunrReady, manifest()]);
      const all = words(lunr, text);
      const none = { groups: [], suggestion: null, partial: false };
      if (all.length === 0) return none;

      const last = typeAhead ? all[all.length - 1] : null;
      const complete = (typeAhead ? all.slice(0, -1) : all).filter((w) => !w.stop);
      const asked = last && !last.stop ? [...complete, last] : complete;
      let prefixTerms = [];
      if (last && last.text.length >= 2) {
        const vocab = await vocabulary(m, last.text[0]);
        prefixTerms = vocab.filter((v) => v.term.startsWith(last.text))
          .sort((a, b) => b.documents - a.documents).slice(0, PREFIX_TERMS).map((v) => v.term);
      }
      let loaded = await loadTerms(m, [...new Set([...asked.map((w) => w.term), ...prefixTerms])]);
      if (everything) await Promise.all(loaded.map(loadTail));

      const { REQUIRED } = lunr.Query.presence;
      const lastClauses = [];
      if (last && !last.stop) lastClauses.push([last.text, { boost: 2 }]);
      if (last && last.text.length >= 2) lastClauses.push([last.text, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING }]);

      let idx = indexOver(lunr, m, loaded);
      let results = run(idx, [...complete.map((w) => [w.text, { presence: REQUIRED }]), ...lastClauses]);
      if (results.length === 0) results = run(idx, [...complete.map((w) => [w.text, {}]), ...lastClauses]);
      let fuzzy = false;
      if (results.length === 0 && asked.length > 0) {
        const distance = (w) => (w.text.length > 6 ? 2 : 1);
        const candidates = await Promise.all(asked.map((w) => near(m, w.term, distance(w))));
        loaded = await loadTerms(m, [...new Set([...loaded.map((e) => e.term), ...candidates.flat().map((c) => c.term)])]);
        if (everything) await Promise.all(loaded.map(loadTail));
        idx = indexOver(lunr, m, loaded);
        results = run(idx, asked.map((w) => [w.text, { editDistance: distance(w) }]));
        fuzzy = true;
      }

      const groups = group(m, results, asked, last, fuzzy);
      const suggestion = typeAhead ? null : await didYouMean(m, all, complete);
      return { groups, suggestion, partial: loaded.some((e) => e.tail > 0) };
    }

    /** lunr's results, scored for coverage and headings, grouped by page: best page first, best section first. */
    function group(m, results, asked, last, fuzzy) {
      const byPage = new Map();
      for (const result of results) {
        const metadata = result.matchData.metadata;
        const terms = new Set(Object.keys(metadata));
        let covered = 0;
        for (const w of asked) {
          if (fuzzy || terms.has(w.term) || (w === last && [...terms].some((t) => t.startsWith(w.text)))) covered++;
        }
        const coverage = asked.length === 0 ? 1 : covered / asked.length;
        const heading = [...terms].some((t) => metadata[t].title || metadata[t].section);
        const score = result.score * coverage ** COVERAGE_POWER * (heading ? HEADING_BONUS : 1);
        const ref = Number(result.ref);
        const page = m.pageOf[ref];
        let g = byPage.get(page);
        if (!g) byPage.set(page, g = { page, score: 0, hits: [] });
        g.hits.push({ ref, score, terms });
        g.score = Math.max(g.score, score);
      }
      const groups = [...byPage.values()];
      for (const g of groups) g.hits.sort((a, b) => b.score - a.score || a.ref - b.ref);
      return groups.sort((a, b) => b.score - a.score || a.page - b.page);
    }

    /** "Did you mean": each word that matches nothing or little, replaced by a commoner near spelling from the index. */
    async function didYouMean(m, all, complete) {
      let changed = false;
      const replaced = new Map();
      for (const w of complete) {
        const vocab = await vocabulary(m, w.term[0]);
        const own = vocab.find((v) => v.term === w.term);
        const documents = own ? own.documents : 0;
        // A short word that is in the index is most likely meant ("bad" is not a typo of "bald").
        if (documents > FEW_DOCUMENTS || (documents > 0 && w.text.length < SURE_LENGTH)) continue;
        const [best] = (await near(m, w.term, w.text.length > 5 ? 2 : 1)).filter((c) => c.documents > Math.max(2, documents * 5));
        if (!best) continue;
        replaced.set(w, best.word);
        changed = true;
      }
      return changed ? all.map((w) => replaced.get(w) || w.text).join(' ') : null;
    }

    /** ref → { title, section, url, units } for these refs; the excerpt's units only for the refs in withText. */
    async function documents(refs, withText = refs) {
      const m = await manifest();
      const meta = [...new Set(refs.map((r) => Math.floor(r / m.meta)))];
      const text = [...new Set(withText.map((r) => Math.floor(r / m.text)))];
      const [metaChunks, textChunks] = await Promise.all([
        Promise.all(meta.map((c) => file(`m-${c}.json`))),
        Promise.all(text.map((c) => file(`x-${c}.json`))),
      ]);
      const metaOf = new Map(meta.map((c, i) => [c, metaChunks[i]]));
      const textOf = new Map(text.map((c, i) => [c, textChunks[i]]));
      const wanted = new Set(withText);
      const out = new Map();
      for (const ref of refs) {
        const row = metaOf.get(Math.floor(ref / m.meta))[ref % m.meta];
        const excerpt = wanted.has(ref) ? textOf.get(Math.floor(ref / m.text))[ref % m.text] : '';
        out.set(ref, { title: row[0] || '', section: row[1] || '', url: row[2], units: (excerpt || '').split('\n').filter(Boolean) });
      }
      return out;
    }

    /**
     * lunr's own results for the words of text, each an optional term, over the shards alone (with every document of
     * common terms): the tests compare these with lunr.js's idx.query over the whole index.
     */
    async function scores(text) {
      const [lunr, m] = await Promise.all([lunrReady, manifest()]);
      const asked = words(lunr, text).filter((w) => !w.stop);
      const loaded = await loadTerms(m, [...new Set(asked.map((w) => w.term))]);
      await Promise.all(loaded.map(loadTail));
      return run(indexOver(lunr, m, loaded), asked.map((w) => [w.text, {}])).map((r) => [r.ref, r.score]);
    }

    return { prefetch: () => manifest().then(() => {}), search, documents, scores };
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { createEngine, editDistance };
    return;
  }

  const headerForm = document.querySelector('form[data-search-form]');
  const resultsHost = document.querySelector('[data-search-results]');
  if (!headerForm && !resultsHost) return;

  const MAX_SUGGESTIONS = 8;
  const DEBOUNCE_MS = 80;
  const PAGES_SHOWN = 10;
  const MORE_SECTIONS = 3;
  const HELP = [
    { text: 'the glossary', href: '/glossary/' },
    { text: 'the FAQ', href: '/faq/' },
    { text: 'the list of articles', href: '/articles/' },
  ];

  // -----------------------------------------------------------------------------------------------
  // Loading: lunr.js by <script src>, the pieces by fetch, all same-origin, each once.
  // -----------------------------------------------------------------------------------------------

  /** The URL as an absolute string when it is on this origin, else null (then nothing is loaded). */
  function sameOrigin(value) {
    if (!value) return null;
    try {
      const url = new URL(value, document.baseURI);
      return url.origin === window.location.origin ? url.href : null;
    } catch {
      return null;
    }
  }

  const config = headerForm || document.querySelector('[data-lunr-src]');
  const sources = config && {
    lunr: sameOrigin(config.getAttribute('data-lunr-src')),
    manifest: sameOrigin(config.getAttribute('data-index-src')),
  };

  let lunrPromise = null;
  function loadLunr() {
    if (window.lunr) return Promise.resolve(window.lunr);
    if (!lunrPromise) {
      lunrPromise = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = sources.lunr;
        script.async = true;
        script.onload = () => resolve(window.lunr);
        script.onerror = () => {
          script.remove();
          lunrPromise = null;
          reject(new Error(`could not load ${sources.lunr}`));
        };
        document.head.append(script);
      });
    }
    return lunrPromise;
  }

  async function fetchJson(src) {
    const response = await fetch(src, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    return response.json();
  }

  let engine = null;
  /** The engine, or a rejected promise when the page names no same-origin sources. */
  function getEngine() {
    if (!sources || !sources.lunr || !sources.manifest) return Promise.reject(new Error('search sources missing or not same-origin'));
    if (!engine) {
      // lunr.js is fetched once per engine; a failed fetch is forgotten, so the next search tries again.
      const lunrReady = { then: (resolve, reject) => loadLunr().then(resolve, reject) };
      engine = createEngine(lunrReady, (name) => fetchJson(new URL(name, sources.manifest).href));
    }
    return Promise.resolve(engine);
  }

  /** Starts lunr.js and the manifest, so the first keystroke waits only for its shards. */
  function warm() {
    getEngine().then((e) => Promise.all([loadLunr(), e.prefetch()])).catch(() => {});
  }

  /** Groups joined with the store: [{ title, section, url, units, terms, more: [{ section, url, terms }] }]. */
  async function resolve(eng, groups, moreSections) {
    const best = groups.map((g) => g.hits[0].ref);
    const others = groups.flatMap((g) => g.hits.slice(1, 1 + moreSections).map((h) => h.ref));
    const docs = await eng.documents([...best, ...others], best);
    const shown = [];
    for (const g of groups) {
      const [top, ...rest] = g.hits;
      const doc = docs.get(top.ref);
      const url = doc && safeHref(doc.url);
      if (!url) continue;
      const more = [];
      for (const hit of rest.slice(0, moreSections)) {
        const d = docs.get(hit.ref);
        const href = d && safeHref(d.url);
        if (href && d.section) more.push({ section: d.section, url: href, terms: hit.terms });
      }
      shown.push({ title: doc.title, section: doc.section, url, units: doc.units, terms: top.terms, more, extra: rest.length - more.length });
    }
    return shown;
  }

  /** Only links into this site: store URLs are root-relative paths written by the build. */
  function safeHref(value) {
    const href = sameOrigin(value);
    return href && /^https?:$/.test(new URL(href).protocol) ? href : null;
  }

  // -----------------------------------------------------------------------------------------------
  // Rendering, with DOM methods only
  // -----------------------------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * Appends text to parent, wrapping in <mark> every word whose index term is one the result matched.
   * Words are found as lunr.tokenizer finds them and reduced by lunr.trimmer and lunr.stemmer, so "Injections,"
   * is marked for a match on "inject"; the mark covers the word without the punctuation around it.
   */
  function appendHighlighted(parent, text, terms) {
    const lunr = window.lunr;
    const wordPattern = /[^\s\-]+/g;
    const corePattern = /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/u;
    let done = 0;
    let match;
    while ((match = wordPattern.exec(text)) !== null) {
      const token = lunr.trimmer(new lunr.Token(match[0].toLowerCase()));
      const term = lunr.stemmer(token).toString();
      if (!term || !terms.has(term)) continue;
      const core = corePattern.exec(match[0]);
      if (!core) continue;
      const start = match.index + core.index;
      const end = start + core[0].length;
      parent.append(text.slice(done, start));
      parent.append(element('mark', '', text.slice(start, end)));
      done = end;
    }

    parent.append(text.slice(done));
  }

  /** The index term of a word as the index saw it (trimmed, lower-cased, stemmed). */
  function termOf(word) {
    const lunr = window.lunr;
    return lunr.stemmer(lunr.trimmer(new lunr.Token(word.toLowerCase()))).toString();
  }

  /**
   * A snippet of about `max` characters from the store's units (paragraphs, list items, table cells; never run
   * together): the first unit that holds a matched word, centred on that word and cut at word boundaries with "…";
   * the first unit when none does (the match was in the title or the keywords).
   */
  function snippet(units, terms, max = 160) {
    if (units.length === 0) return '';
    const wordPattern = /[^\s\-]+/g;
    let unit = units[0];
    let at = -1;
    for (const candidate of units) {
      let match;
      wordPattern.lastIndex = 0;
      while ((match = wordPattern.exec(candidate)) !== null) {
        if (terms.has(termOf(match[0]))) { at = match.index; break; }
      }
      if (at >= 0) { unit = candidate; break; }
    }

    const trailing = unit.endsWith('…');
    const text = trailing ? unit.slice(0, -1) : unit;
    if (text.length <= max) return unit;
    let start = Math.max(0, Math.min(at < 0 ? 0 : at - Math.floor(max / 3), text.length - max));
    let end = Math.min(text.length, start + max);
    // Whole words only: move the cuts to the nearest spaces inside the window.
    if (start > 0) {
      const space = text.indexOf(' ', start);
      if (space >= 0 && space < end) start = space + 1;
    }
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/[\s,;:(\-–—]+$/, '')}${end < text.length || trailing ? '…' : ''}`;
  }

  function appendHelp(parent, lead) {
    parent.append(lead);
    HELP.forEach((link, i) => {
      const a = element('a', '', link.text);
      a.href = link.href;
      parent.append(a, i < HELP.length - 2 ? ', ' : i === HELP.length - 2 ? ' or ' : '.');
    });
  }

  function quoted(text) {
    return `“${text}”`;
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }

  function searchPageUrl(form, input, text) {
    const url = new URL(form.getAttribute('action') || '/search/', document.baseURI);
    url.search = '';
    url.searchParams.set(input.name || 'q', text);
    return url.href;
  }

  // -----------------------------------------------------------------------------------------------
  // Header field: ARIA 1.2 combobox with a listbox popup
  // -----------------------------------------------------------------------------------------------

  function enhanceCombobox(form) {
    const input = form.querySelector('input[type="search"]');
    if (!input || !input.id) return null;

    const listbox = element('ul', 'search-listbox');
    listbox.id = `${input.id}-listbox`;
    listbox.setAttribute('role', 'listbox');
    const label = form.querySelector(`label[for="${input.id}"]`);
    if (label) {
      if (!label.id) label.id = `${input.id}-label`;
      listbox.setAttribute('aria-labelledby', label.id);
    } else {
      listbox.setAttribute('aria-label', 'Search results');
    }
    listbox.hidden = true;

    const status = element('div', 'search-visually-hidden');
    status.setAttribute('role', 'status');

    (input.parentElement || form).after(listbox);
    form.append(status);
    form.classList.add('search-combobox');

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);

    let options = [];
    let active = -1;
    let timer = 0;
    let generation = 0;

    function setExpanded(expanded) {
      listbox.hidden = !expanded;
      input.setAttribute('aria-expanded', String(expanded));
      if (!expanded) setActive(-1);
    }

    function setActive(index) {
      active = index;
      options.forEach((option, i) => option.node.setAttribute('aria-selected', String(i === index)));
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].node.id);
        options[index].node.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function move(step) {
      const enabled = options.map((o, i) => (o.href ? i : -1)).filter((i) => i >= 0);
      if (enabled.length === 0) return;
      if (listbox.hidden) setExpanded(true);
      const at = enabled.indexOf(active);
      const next = at < 0
        ? (step > 0 ? 0 : enabled.length - 1)
        : (at + step + enabled.length) % enabled.length;
      setActive(enabled[next]);
    }

    function addOption(build, href) {
      const node = element('li', 'search-option');
      node.id = `${input.id}-option-${options.length}`;
      node.setAttribute('role', 'option');
      node.setAttribute('aria-selected', 'false');
      if (!href) node.setAttribute('aria-disabled', 'true');
      build(node);
      listbox.append(node);
      options.push({ node, href });
    }

    /** hits: the suggestions (the last word may be unfinished); total: what the /search/ page will list for text. */
    function render(text, hits, total) {
      listbox.replaceChildren();
      options = [];
      active = -1;
      input.removeAttribute('aria-activedescendant');

      if (hits.length === 0) {
        addOption((node) => node.append(`No results for ${quoted(text)}. Try:`), null);
        for (const link of [
          { text: 'Glossary', href: '/glossary/' },
          { text: 'Questions and answers (FAQ)', href: '/faq/' },
          { text: 'All articles', href: '/articles/' },
        ]) {
          addOption((node) => node.append(element('span', 'search-option-title', link.text)), safeHref(link.href));
        }
        status.textContent = `No results for ${quoted(text)}. Try the glossary, the FAQ or the list of articles.`;
      } else {
        for (const hit of hits.slice(0, MAX_SUGGESTIONS)) {
          addOption((node) => {
            const title = element('span', 'search-option-title');
            appendHighlighted(title, hit.title, hit.terms);
            node.append(title);
            if (hit.section) {
              const section = element('span', 'search-option-section');
              appendHighlighted(section, hit.section, hit.terms);
              node.append(section);
            }
            const text = snippet(hit.units, hit.terms, 110);
            if (text) {
              const node2 = element('span', 'search-option-snippet');
              appendHighlighted(node2, text, hit.terms);
              node.append(node2);
            }
          }, hit.url);
        }
        // The one count the reader sees is the search page's own, so the two never disagree.
        addOption((node) => node.append(element('span', 'search-option-all', total > 0
          ? `See all ${plural(total, 'result', 'results')} for ${quoted(text)}`
          : `Search the site for ${quoted(text)}`)), searchPageUrl(form, input, text));
        const shown = Math.min(hits.length, MAX_SUGGESTIONS);
        status.textContent = `${plural(shown, 'suggestion', 'suggestions')} for ${quoted(text)}. Use the arrow keys to choose one.`;
      }

      setExpanded(true);
    }

    async function update() {
      const text = input.value.trim();
      const ticket = ++generation;
      if (!text) {
        listbox.replaceChildren();
        options = [];
        setExpanded(false);
        status.textContent = '';
        return;
      }

      let hits;
      let total;
      try {
        const eng = await getEngine();
        const [suggested, full] = await Promise.all([eng.search(text, { typeAhead: true }), eng.search(text)]);
        // A newer keystroke has started its own update: fetch no store chunks for this one.
        if (ticket !== generation) return;
        hits = await resolve(eng, suggested.groups.slice(0, MAX_SUGGESTIONS), 0);
        total = full.groups.length;
      } catch {
        if (ticket === generation) status.textContent = 'Search is unavailable right now. Press Enter to try the search page.';
        return;
      }

      if (ticket !== generation) return;
      render(text, hits, total);
    }

    function go(href) {
      setExpanded(false);
      window.location.assign(href);
    }

    input.addEventListener('focus', warm);

    input.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DEBOUNCE_MS);
    });

    input.addEventListener('keydown', (event) => {
      if (event.isComposing) return;
      switch (event.key) {
        case 'ArrowDown':
          if (options.length === 0) return;
          event.preventDefault();
          if (event.altKey) setExpanded(true);
          else move(1);
          break;
        case 'ArrowUp':
          if (options.length === 0) return;
          event.preventDefault();
          move(-1);
          break;
        case 'Enter':
          if (!listbox.hidden && active >= 0 && options[active].href) {
            event.preventDefault();
            go(options[active].href);
          }
          break;
        case 'Escape':
          if (!listbox.hidden) {
            event.preventDefault();
            setExpanded(false);
          } else if (input.value) {
            event.preventDefault();
            input.value = '';
            generation++;
            status.textContent = '';
          }
          break;
        case 'Tab':
          setExpanded(false);
          break;
        default:
          break;
      }
    });

    // Keep focus in the field when an option is pressed, so the popup does not close before the click.
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('click', (event) => {
      const node = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
      const option = options.find((o) => o.node === node);
      if (option && option.href) go(option.href);
    });

    form.addEventListener('focusout', (event) => {
      if (!form.contains(event.relatedTarget)) setExpanded(false);
    });

    return input;
  }

  // -----------------------------------------------------------------------------------------------
  // The /search/ page
  // -----------------------------------------------------------------------------------------------

  function enhanceSearchPage(host) {
    const pageForm = document.querySelector('form[data-search-page]');
    const pageInput = pageForm && pageForm.querySelector('input[type="search"]');
    const list = host.tagName === 'OL' ? host : host.appendChild(element('ol', 'search-results'));
    let status = document.querySelector('[data-search-status]');
    if (!status) {
      status = element('p', 'search-status');
      status.setAttribute('role', 'status');
      list.before(status);
    }
    const noResults = element('p', 'search-no-results');
    noResults.hidden = true;
    list.after(noResults);
    const baseTitle = document.title;

    let shownText = null;
    let shownCount = 0;
    let result = null;
    const more = element('button', 'search-more');
    more.type = 'button';
    more.hidden = true;
    noResults.after(more);

    function appendResult(hit) {
      const item = element('li', 'search-result');
      const link = element('a', 'search-result-link');
      link.href = hit.url;
      const title = element('span', 'search-result-title');
      appendHighlighted(title, hit.title, hit.terms);
      link.append(title);
      if (hit.section) {
        const section = element('span', 'search-result-section');
        appendHighlighted(section, hit.section, hit.terms);
        link.append(' › ', section);
      }
      item.append(link);
      const text = snippet(hit.units, hit.terms);
      if (text) {
        const node = element('p', 'search-result-snippet');
        appendHighlighted(node, text, hit.terms);
        item.append(node);
      }
      // The page's other matching sections, under its best one, so one page never fills the screen.
      if (hit.more.length > 0) {
        const sections = element('ul', 'search-result-more');
        sections.setAttribute('aria-label', `More on this page: ${hit.title}`);
        for (const other of hit.more) {
          const li = element('li');
          const a = element('a');
          a.href = other.url;
          appendHighlighted(a, other.section, other.terms);
          li.append(a);
          sections.append(li);
        }
        item.append(sections);
      }
      list.append(item);
    }

    /** Shows the next PAGES_SHOWN pages of results, fetching only their store chunks. */
    async function showMore(text) {
      const eng = await getEngine();
      if (result.partial && shownCount + PAGES_SHOWN >= result.groups.length) {
        // Past the best documents the shards carry for common words: fetch the rest of them, then go on.
        result = await eng.search(text, { everything: true });
      }
      const next = result.groups.slice(shownCount, shownCount + PAGES_SHOWN);
      const hits = await resolve(eng, next, MORE_SECTIONS);
      if (shownText !== text) return;
      const firstNew = list.children.length;
      hits.forEach(appendResult);
      shownCount += next.length;
      updateMore();
      return firstNew;
    }

    function updateMore() {
      const left = result.groups.length - shownCount;
      more.hidden = left <= 0 && !result.partial;
      more.textContent = left > 0 ? `Show ${Math.min(left, PAGES_SHOWN)} more` : 'Show more';
      status.textContent = `${plural(result.groups.length, 'result', 'results')}${result.partial ? ' or more' : ''} for ${quoted(shownText)}`
        + (shownCount < result.groups.length ? `, ${shownCount} shown` : '');
    }

    more.addEventListener('click', async () => {
      const text = shownText;
      let firstNew;
      try {
        firstNew = await showMore(text);
      } catch {
        status.textContent = 'Search is unavailable right now.';
        return;
      }
      // Move focus to the first new result, so keyboard and screen reader users carry on from there.
      const link = firstNew === undefined ? null : list.children[firstNew]?.querySelector('a');
      if (link) link.focus();
    });

    async function show(text) {
      list.replaceChildren();
      noResults.hidden = true;
      noResults.replaceChildren();
      more.hidden = true;
      shownText = text;
      shownCount = 0;
      document.title = text ? `${text} – ${baseTitle}` : baseTitle;
      if (!text) {
        status.textContent = '';
        warm();
        return;
      }

      status.textContent = `Searching for ${quoted(text)}…`;
      try {
        const eng = await getEngine();
        const found = await eng.search(text);
        if (shownText !== text) return;
        result = found;
        if (found.suggestion && found.suggestion !== text.toLowerCase()) {
          noResults.append('Did you mean ');
          const a = element('a', 'search-suggestion', found.suggestion);
          const url = new URL(window.location.href);
          url.searchParams.set('q', found.suggestion);
          a.href = url.href;
          noResults.append(a, '?');
          noResults.hidden = false;
        }
        if (found.groups.length > 0) await showMore(text);
      } catch {
        status.textContent = 'Search is unavailable right now.';
        appendHelp(noResults, 'You can browse ');
        noResults.hidden = false;
        return;
      }

      if (shownText !== text) return;
      if (result.groups.length === 0) {
        status.textContent = `No results for ${quoted(text)}.`;
        if (!noResults.hidden) noResults.append(' ');
        appendHelp(noResults, `Nothing matched ${quoted(text)}. Try a simpler word, or look in `);
        noResults.hidden = false;
      }
    }

    function fromLocation() {
      const text = (new URLSearchParams(window.location.search).get('q') || '').trim();
      if (pageInput) pageInput.value = text;
      show(text);
    }

    // Searching again from the page updates the list in place; the URL still says what was searched.
    if (pageForm && pageInput) {
      pageForm.addEventListener('submit', (event) => {
        event.preventDefault();
        const text = pageInput.value.trim();
        const url = new URL(window.location.href);
        url.searchParams.set(pageInput.name || 'q', text);
        window.history.pushState(null, '', url.href);
        show(text);
      });
    }

    window.addEventListener('popstate', fromLocation);
    fromLocation();
  }

  // -----------------------------------------------------------------------------------------------
  // Wiring
  // -----------------------------------------------------------------------------------------------

  if (headerForm) enhanceCombobox(headerForm);

  if (resultsHost) enhanceSearchPage(resultsHost);
})();
