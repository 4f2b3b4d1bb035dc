/*
 * Site search, in the browser.
 *
 * 1. The header search form (form[data-search-form]) becomes an ARIA 1.2 combobox: results as you type in a
 *    listbox popup, arrow keys to move, Enter to open, Escape to close. (No single-key shortcut: WCAG 2.1.4.)
 * 2. The /search/ page (an element with [data-search-results]) lists every result for ?q=.
 *
 * lunr.js, the index and the store load lazily and only from this origin: on the first focus of the field,
 * or at once on /search/; never on a plain page view. Without JavaScript the form still submits to /search/.
 *
 * The index is lunr.js 2.3.9's, written by the build (src/Site/Search/SearchIndexWriter.cs). Indexing ran
 * lunr.tokenizer, then trimmer → stopWordFilter → stemmer; the index's own search pipeline is only the
 * stemmer, so this file runs the tokenizer, trimmer and stop-word filter on the query itself and lets
 * idx.query stem the terms. User input never goes through lunr's query parser (idx.search), whose syntax
 * (field:, *, ^, ~, +, -) could throw or surprise: queries are built with idx.query(q => q.term(...)).
 *
 * No user or document text is ever parsed as HTML: everything is built with DOM methods and textContent.
 */
(() => {
  'use strict';

  const headerForm = document.querySelector('form[data-search-form]');
  const resultsHost = document.querySelector('[data-search-results]');
  if (!headerForm && !resultsHost) return;

  const MAX_SUGGESTIONS = 8;
  const DEBOUNCE_MS = 80;
  const HELP = [
    { text: 'the glossary', href: '/glossary/' },
    { text: 'the FAQ', href: '/faq/' },
    { text: 'the list of articles', href: '/articles/' },
  ];

  // -----------------------------------------------------------------------------------------------
  // Loading: lunr.js by <script src>, index and store by fetch, all same-origin, once.
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
    index: sameOrigin(config.getAttribute('data-index-src')),
    store: sameOrigin(config.getAttribute('data-store-src')),
  };
  let enginePromise = null;

  function loadScript(src) {
    if (window.lunr) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
  }

  async function fetchJson(src) {
    const response = await fetch(src, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    return response.json();
  }

  /** Resolves to { idx, store }. A failed load is forgotten, so the next focus tries again. */
  function loadEngine() {
    if (!enginePromise) {
      if (!sources || !sources.lunr || !sources.index || !sources.store) {
        return Promise.reject(new Error('search sources missing or not same-origin'));
      }

      enginePromise = Promise.all([loadScript(sources.lunr), fetchJson(sources.index), fetchJson(sources.store)])
        .then(([, index, store]) => ({ idx: window.lunr.Index.load(index), store }))
        .catch((error) => {
          enginePromise = null;
          throw error;
        });
    }

    return enginePromise;
  }

  // -----------------------------------------------------------------------------------------------
  // Queries
  // -----------------------------------------------------------------------------------------------

  /**
   * The words of the user's text as indexing saw words: lunr.tokenizer (lower-case, split on whitespace
   * and hyphens), lunr's query operators removed, lunr.trimmer. Each word says whether it is a stop word,
   * which the index never contains.
   */
  function words(text) {
    const lunr = window.lunr;
    const result = [];
    for (const token of lunr.tokenizer(text)) {
      token.update((s) => s.replace(/[:*^~+\-]/g, ''));
      const word = lunr.trimmer(token).toString();
      if (!word) continue;
      result.push({ text: word, stop: !lunr.stopWordFilter(new lunr.Token(word)) });
    }

    return result;
  }

  /**
   * Runs the query in up to three passes, stopping at the first that finds anything: every word required;
   * any word; then near spellings (edit distance on the stemmed word). With typeAhead, the last word is
   * still being typed, so it is optional and also matched as a prefix.
   * Returns lunr results: [{ ref, score, matchData }].
   */
  function runQuery(idx, text, typeAhead) {
    const lunr = window.lunr;
    const all = words(text);
    if (all.length === 0) return [];

    const last = typeAhead ? all[all.length - 1] : null;
    const complete = (typeAhead ? all.slice(0, -1) : all).filter((w) => !w.stop);
    const { REQUIRED } = lunr.Query.presence;

    const lastClauses = [];
    if (last && !last.stop) lastClauses.push([last.text, { boost: 2 }]);
    if (last && last.text.length >= 2) {
      lastClauses.push([last.text, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING }]);
    }

    const fuzzy = last && !last.stop ? [...complete, last] : complete;
    const passes = [
      [...complete.map((w) => [w.text, { presence: REQUIRED }]), ...lastClauses],
      [...complete.map((w) => [w.text, {}]), ...lastClauses],
      fuzzy.map((w) => [w.text, { editDistance: w.text.length > 6 ? 2 : 1 }]),
    ];

    for (const clauses of passes) {
      // A query without clauses counts as "all prohibited" in lunr and returns every document.
      if (clauses.length === 0) continue;
      try {
        // q.term keeps the options object as its clause, so each query gets fresh copies.
        const results = idx.query((q) => clauses.forEach(([term, options]) => q.term(term, { ...options })));
        if (results.length > 0) return results;
      } catch {
        // An odd query must never break the page: treat it as no match and try the next pass.
      }
    }

    return [];
  }

  /** Results joined with the store: [{ ref, title, section, url, units: [text], terms:Set }]. */
  function search(engine, text, typeAhead) {
    const hits = [];
    for (const result of runQuery(engine.idx, text, typeAhead)) {
      const doc = engine.store[result.ref];
      const url = doc && safeHref(doc.u);
      if (!url) continue;
      hits.push({
        ref: result.ref,
        title: doc.t || '',
        section: doc.s || '',
        url,
        units: (doc.x || '').split('\n').filter(Boolean),
        terms: new Set(Object.keys(result.matchData.metadata)),
      });
    }

    return hits;
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

      let engine;
      try {
        engine = await loadEngine();
      } catch {
        if (ticket === generation) status.textContent = 'Search is unavailable right now. Press Enter to try the search page.';
        return;
      }

      // A newer keystroke has started its own update: drop this one.
      if (ticket !== generation) return;
      render(text, search(engine, text, true), search(engine, text, false).length);
    }

    function go(href) {
      setExpanded(false);
      window.location.assign(href);
    }

    input.addEventListener('focus', () => {
      loadEngine().catch(() => {});
    });

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

    async function show(text) {
      list.replaceChildren();
      noResults.hidden = true;
      noResults.replaceChildren();
      document.title = text ? `${text} – ${baseTitle}` : baseTitle;
      if (!text) {
        status.textContent = '';
        // The page preloads lunr, the index and the store; load them now so the first search is instant.
        loadEngine().catch(() => {});
        return;
      }

      status.textContent = `Searching for ${quoted(text)}…`;
      let engine;
      try {
        engine = await loadEngine();
      } catch {
        status.textContent = 'Search is unavailable right now.';
        appendHelp(noResults, 'You can browse ');
        noResults.hidden = false;
        return;
      }

      const hits = search(engine, text, false);
      for (const hit of hits) {
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
        list.append(item);
      }

      if (hits.length === 0) {
        status.textContent = `No results for ${quoted(text)}.`;
        appendHelp(noResults, `Nothing matched ${quoted(text)}. Try a simpler word, or look in `);
        noResults.hidden = false;
      } else {
        status.textContent = `${plural(hits.length, 'result', 'results')} for ${quoted(text)}`;
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
