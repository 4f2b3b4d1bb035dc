// The Decap CMS preview pane, rendered as the site renders a page: the site's own stylesheet, numbered citations
// linked to a Sources list, care cards, figures with captions, "Where to next" cards for related articles. Loaded
// after decap-cms.js by admin/index.html (same origin, no inline script: the /admin/* CSP allows nothing else).
// Under `preview` it also checks the draft as it would be saved against the running site (POST /__preview/check) and
// refuses to publish a draft with errors; the deployed CMS has no such server, and the pane says the build checks.
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

  // An upload over the build's media limit (SITE043) is refused before Decap commits it, with the build's own message.
  // Decap's max_file_size applies only to a field's uploads, not to its Media tab, so the file input's change (and a
  // drop) is looked at here first, in the capture phase, before Decap's handler sees it.
  const maxKilobytes = Number(script.dataset.maxUploadKilobytes);
  const largeImage = script.dataset.largeImage || "";
  function refuseLarge(event) {
    const input = event.target;
    const files = event.type === "drop" ? event.dataTransfer && event.dataTransfer.files
      : input && input.type === "file" ? input.files : null;
    const big = maxKilobytes && files ? [...files].find((f) => f.size > maxKilobytes * 1024) : null;
    if (!big) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    if (input && input.type === "file") input.value = "";
    window.alert(`${big.name}: ${largeImage.replace("{0}", String(Math.floor(big.size / 1024)))} It was not uploaded.`);
  }
  window.addEventListener("change", refuseLarge, true);
  window.addEventListener("drop", refuseLarge, true);

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

  // The draft as it would be saved, checked by the preview server against the running site: the same ids, messages,
  // lines and columns as the build, within a moment of a pause in typing. Only `preview` has /__preview/check; where
  // nothing answers there (the deployed /admin/), the pane says the checks run in the build of the draft's pull request.
  const PAUSE_MS = 400;
  let checkServer = true; // false once the page's server said it has no check: asked once per page, not per keystroke

  const slugOf = (title) => String(title || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

  // The file the entry is (or, new, will be: Decap names it after its title) as the build names it.
  function draftPath(entry, collection) {
    const path = entry.get("path");
    if (path) return path;
    const folder = collection && collection.get("folder");
    return folder ? `${folder}/${slugOf(entry.getIn(["data", "title"])) || "new-article"}.md` : null;
  }

  function draftText(entry, fields) {
    const format = window.siteMarkdownFormat;
    if (!format) return null;
    const order = fields && fields.map ? fields.map((f) => f.get("name")).toJS() : [];
    return format.toFile(entry.get("data").toJS(), order);
  }

  async function checkDraft(path, text) {
    if (!checkServer) return { status: "build-only" };
    let response;
    try {
      response = await fetch(`/__preview/check?file=${encodeURIComponent(path)}`, {
        method: "POST", body: text, cache: "no-store", credentials: "same-origin",
        headers: { "Content-Type": "text/markdown; charset=utf-8" },
      });
    } catch (e) {
      return { status: "unreachable" };
    }
    if ([404, 405, 501].includes(response.status)) { checkServer = false; return { status: "build-only" }; }
    const body = await response.json().catch(() => null);
    if (!response.ok || !body) return { status: "cannot", message: (body && body.error) || `HTTP ${response.status}` };
    return { status: "checked", result: body };
  }

  const where = (d) => `Line ${d.line}, column ${d.column}: ${d.severity} ${d.id}: ${d.message}`;

  const DraftCheck = window.createClass({
    getInitialState() { return { outcome: null }; },
    componentDidMount() { this.schedule(0); },
    componentDidUpdate(before) { if (before.text !== this.props.text || before.path !== this.props.path) this.schedule(PAUSE_MS); },
    componentWillUnmount() { this.gone = true; clearTimeout(this.timer); },
    schedule(ms) { clearTimeout(this.timer); this.timer = setTimeout(() => this.run(), ms); },
    run() {
      const { path, text } = this.props;
      if (!path || text === null) return;
      const asked = (this.asked = (this.asked || 0) + 1);
      checkDraft(path, text).then((outcome) => {
        // A slower answer to an older text never replaces the newer one's.
        if (!this.gone && asked === this.asked) this.setState({ outcome });
      });
    },
    render() {
      const outcome = this.state.outcome;
      if (!outcome) return null;
      const box = (kind, state, ...children) => h("section", { className: `card card-${kind}`, "data-cms-diagnostics": "", "data-cms-check": state, role: "status" }, ...children);
      if (outcome.status === "build-only")
        return box("info", "build-only", h("p", { className: "card-label" }, "Checks run in the build."),
          h("p", null, "This CMS is not served by the preview, so nothing checks the draft while you type: after Save, the deploy preview and CI's strict build of the draft's pull request list any mistakes, and it cannot go live until they pass."));
      if (outcome.status === "unreachable")
        return box("warning", "unreachable", h("p", { className: "card-label" }, "The preview server does not answer, so this draft is not checked. Is `preview --cms` still running?"));
      if (outcome.status === "cannot")
        return box("warning", "cannot", h("p", { className: "card-label" }, `This draft cannot be checked yet: ${outcome.message}.`));
      const r = outcome.result;
      const items = r.diagnostics || [];
      const reading = r.isArticle
        ? h("p", { "data-cms-reading": "" }, `Reading grade ${Number(r.grade).toFixed(1)} (target ${r.targetGrade} or lower) · ${r.words} words · about ${r.minutes} min to read.`)
        : null;
      if (items.length === 0)
        return box("info", "clean", h("p", { className: "card-label" }, `Nothing to fix in this draft of ${r.file}.`), reading);
      return box("warning", "found",
        h("p", { className: "card-label" }, `This draft of ${r.file} has ${r.errors} error(s) and ${r.warnings} warning(s). Both stop the site going live (build --strict)${r.errors ? "; Publish is refused until the errors are fixed" : ""}.`),
        h("ul", null, items.map((d, i) => h("li", { key: i, "data-cms-diagnostic": d.id }, where(d)))),
        reading);
    },
  });

  // Publishing a draft with errors is refused with their list, where the preview can check it; on the deployed CMS
  // the pull request's strict build is the guard.
  CMS.registerEventListener({
    name: "prePublish",
    handler: async ({ entry }) => {
      const path = entry.get("path");
      const text = draftText(entry, null);
      if (!path || text === null) return;
      const outcome = await checkDraft(path, text);
      if (outcome.status !== "checked") return;
      const errors = (outcome.result.diagnostics || []).filter((d) => d.severity === "error");
      if (errors.length) throw new Error(`${path} has ${errors.length} error(s) to fix before it can be published: ${errors.map(where).join("; ")}`);
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
        h(DraftCheck, { path: draftPath(entry, this.props.collection), text: draftText(entry, this.props.fields) }),
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
