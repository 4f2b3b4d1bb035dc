// The Decap CMS preview pane, rendered as the site renders a page: the site's own stylesheet, numbered citations
// linked to a Sources list, care cards, figures with captions, "Where to next" cards for related articles. Loaded
// after decap-cms.js by admin/index.html (same origin, no inline script: the /admin/* CSP allows nothing else).
// Under `preview --cms` it also shows what the running build says about the entry's file, from the preview server's
// /__preview/diagnostics endpoint (which exists only there; the deployed CMS never asks for it).
(() => {
  "use strict";
  const script = document.currentScript;
  const CMS = window.CMS;
  const h = window.h;
  if (!CMS || !h || !script) return;

  CMS.registerPreviewStyle(script.dataset.siteCss);

  // Sources, article titles and card labels, built with the site. Templates render again once it has arrived.
  let data = null;
  const waiting = new Set();
  fetch(script.dataset.previewData, { credentials: "same-origin" })
    .then((r) => (r.ok ? r.json() : null))
    .then((d) => {
      data = d;
      // A files collection (pages, FAQ) looks its template up by file name.
      for (const name of (d && d.pages) || []) CMS.registerPreviewTemplate(name, Entry);
      for (const c of waiting) c.forceUpdate();
    })
    .catch(() => {});

  const local = ["localhost", "127.0.0.1"].includes(location.hostname);

  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const list = (value) => (value && value.toJS ? value.toJS() : Array.isArray(value) ? value : []);

  // The site's Markdown extensions, turned into the HTML the generator writes, before Decap's Markdown renders the rest.
  function siteMarkdown(body, sources) {
    const cardKinds = (data && data.cards) || {};
    const lines = body.replace(/\r\n?/g, "\n").split("\n");
    const out = [];
    let inFence = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) { out.push(line); continue; }
      const card = /^:::\s*([a-z]*)\s*$/.exec(line);
      if (card && card[1]) {
        const kind = cardKinds[card[1]];
        out.push(kind ? `<div class="card card-${card[1]}">` : `<div class="card">`);
        if (kind) out.push(`<p class="card-label">${escape(kind.label)}</p>`);
        out.push("");
        continue;
      }
      if (card) { out.push("", "</div>"); continue; }
      // ^^^ opens a figure; "^^^ caption" closes it with its caption.
      const figure = /^\^\^\^\s*(.*)$/.exec(line);
      if (figure) {
        const open = !out.some((l) => l === "<figure>") || out.lastIndexOf("<figure>") < out.lastIndexOf("</figure>");
        if (open) out.push("<figure>", "");
        else out.push("", figure[1] ? `<figcaption>${escape(figure[1])}</figcaption>` : "", "</figure>");
        continue;
      }
      out.push(line.replace(/\s*\{#[A-Za-z0-9_-]+\}\s*$/, ""));
    }
    // [@a] and [@a; @b]: numbered in the order of the page's sources, as the site numbers them.
    return out.join("\n").replace(/\[(@[a-z0-9][a-z0-9-]*(?:\s*;\s*@[a-z0-9][a-z0-9-]*)*)\]/g, (_, ids) => {
      const links = ids.split(";").map((s) => s.trim().slice(1)).map((id) => {
        const n = sources.indexOf(id) + 1;
        return n > 0
          ? `<a href="#ref-${id}"><span class="visually-hidden">Source </span>${n}</a>`
          : data && data.sources && !data.sources[id]
            ? `<mark title="${escape(id)} is not in input/references.yml: the build fails (error SITE054)">[@${escape(id)}]</mark>`
            : `<mark title="${escape(id)} is not in this entry's Sources: the build warns (SITE055)">[@${escape(id)}]</mark>`;
      });
      return `<sup class="cite">${links.join('<span class="cite-sep">,</span>')}</sup>`;
    });
  }

  function sourcesList(ids) {
    if (!ids.length) return null;
    const known = (data && data.sources) || {};
    return h("section", { className: "sources", "aria-labelledby": "sources-heading" },
      h("h2", { id: "sources-heading" }, "Sources"),
      h("ol", null, ids.map((id) => {
        const s = known[id];
        if (!s) return h("li", { key: id, id: `ref-${id}` }, h("mark", null, `${id}: not in input/references.yml`));
        return h("li", { key: id, id: `ref-${id}` }, s.citation,
          s.link ? [" ", h("a", { key: "a", href: s.link, rel: "external noopener noreferrer" }, s.doi ? `doi:${s.doi}` : s.link)] : null,
          s.summary ? [" ", h("span", { key: "s", className: "source-summary" }, s.summary)] : null);
      })));
  }

  function relatedCards(slugs) {
    if (!slugs.length) return null;
    const articles = (data && data.articles) || {};
    return h("aside", { className: "next-steps", "aria-labelledby": "next-heading" },
      h("h2", { id: "next-heading" }, "Where to next"),
      h("ul", { className: "cards" }, slugs.map((slug) => {
        const a = articles[slug];
        return h("li", { key: slug, className: "card" },
          h("h3", null, a ? h("a", { href: a.url }, a.title) : h("mark", null, `${slug}: no such article`)),
          a && a.summary ? h("p", null, a.summary) : null);
      })));
  }

  // The running build's findings for this entry's file, refreshed while the entry is open.
  const DiagnosticsPanel = window.createClass({
    getInitialState() { return { result: null }; },
    componentDidMount() { this.load(); this.timer = setInterval(() => this.load(), 2000); },
    componentWillUnmount() { clearInterval(this.timer); },
    load() {
      if (!this.props.path) return;
      fetch(`/__preview/diagnostics?file=${encodeURIComponent(this.props.path)}`, { cache: "no-store" })
        .then((r) => (r.ok ? r.json() : null))
        .then((result) => { if (result) this.setState({ result }); })
        .catch(() => {});
    },
    render() {
      const result = this.state.result;
      if (!result) return null;
      const items = result.diagnostics || [];
      const errors = items.filter((d) => d.severity === "error").length;
      const heading = items.length === 0
        ? `The preview build (build ${result.build}) found nothing to fix in ${result.file}.`
        : `The preview build (build ${result.build}) reports ${errors} error(s) and ${items.length - errors} warning(s) in ${result.file}. Both stop the site going live (build --strict).`;
      return h("section", { className: items.length ? "card card-warning" : "card card-info", "data-cms-diagnostics": "", role: "status" },
        h("p", { className: "card-label" }, heading),
        items.length ? h("p", null, "It reads the saved file: save the entry to check your latest changes.") : null,
        items.length ? h("ul", null, items.map((d, i) => h("li", { key: i, "data-cms-diagnostic": d.id }, `Line ${d.line}, column ${d.column}: ${d.severity} ${d.id}: ${d.message}`))) : null);
    },
  });

  const Entry = window.createClass({
    componentDidMount() { if (!data) waiting.add(this); },
    componentWillUnmount() { waiting.delete(this); },
    render() {
      const entry = this.props.entry;
      const get = (name) => entry.getIn(["data", name]);
      const sources = list(get("sources"));
      const related = list(get("related"));
      const section = get("section");
      const summary = get("summary");
      const markdown = CMS.getWidget("markdown");
      const body = h(markdown.preview, {
        value: siteMarkdown(get("body") || "", sources),
        field: this.props.fields.find((f) => f.get("name") === "body"),
        getAsset: this.props.getAsset,
        resolveWidget: (name) => CMS.resolveWidget ? CMS.resolveWidget(name) : CMS.getWidget(name),
        getRemarkPlugins: () => [],
      });
      const sectionTitle = section && data && data.sections ? data.sections[section] : section;
      return h("main", { className: "main" },
        local ? h(DiagnosticsPanel, { path: entry.get("path") }) : null,
        h("article", { className: "article" },
          h("header", { className: "article-header" },
            sectionTitle ? h("p", { className: "eyebrow" }, sectionTitle) : null,
            h("h1", null, get("title") || "")),
          summary ? h("section", { className: "in-short", "aria-labelledby": "in-short-heading" },
            h("h2", { id: "in-short-heading" }, "In short"), h("p", null, summary)) : null,
          h("div", { className: "prose", "data-prose": "" }, body),
          sourcesList(sources),
          this.props.collection.get("name") === "articles" ? relatedCards(related) : null));
    },
  });

  CMS.registerPreviewTemplate("articles", Entry);
})();
