// The site's Markdown files as Decap CMS reads and writes them, so that a save changes only what the editor changed.
// Decap's own yaml-frontmatter format rewrites the whole front matter on every save (flow lists become block lists,
// long strings are re-wrapped and lose their quotes, keys are reordered, comments vanish). This format keeps the file's
// text and replaces only the lines of the keys whose values changed, in the file's own style; the body is written as
// the editor left it. A new entry is written in the same style, keys in the schema's order.
// Loaded after decap-cms.js and js-yaml (same origin, no inline script). The collections name it in config.yml.
(() => {
  "use strict";
  const CMS = window.CMS;
  const yaml = window.jsyaml;
  if (!CMS || !yaml) return;

  // What a key means when a file leaves it out (search: true, draft: false), from the build's schema: a new entry does
  // not write such a value unless the file already had the key, so the CMS writes no field the editor did not set
  // (Decap fills a new entry's defaults in on its own).
  const script = typeof document !== "undefined" ? document.currentScript : null;
  const whenAbsent = script && script.dataset.whenAbsent ? JSON.parse(script.dataset.whenAbsent) : {};
  const meansAbsent = (key, value) => Object.prototype.hasOwnProperty.call(whenAbsent, key) && whenAbsent[key] === value;

  // Kept in the entry's data, never written: the file as it was read, which the next save patches.
  const RAW = "__site_file";

  function split(text) {
    const m = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/.exec(text);
    if (!m) return { matter: "", head: "", body: text };
    return { matter: m[1] || "", head: m[0], body: text.slice(m[0].length) };
  }

  function fromFile(text) {
    const { matter, body } = split(text);
    // The core schema: dates stay the strings the datetime widget expects ("2026-11-20"), not Date objects.
    const data = matter.trim() ? yaml.load(matter, { schema: yaml.CORE_SCHEMA }) || {} : {};
    return Object.assign({}, data, { body, [RAW]: text });
  }

  const equal = (a, b) => JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b);
  const empty = (v) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

  // A string as the site's files write it: plain when YAML reads it back as the same string, double-quoted otherwise.
  function scalar(value, inFlow) {
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    const s = String(value);
    const plainSafe = s.length > 0 && s === s.trim() && !/^[-?:,\[\]{}#&*!|>'"%@`]/.test(s)
      && !/: |:$| #|[\n\t]/.test(s) && !(inFlow && /[,\[\]{}]/.test(s));
    if (plainSafe) {
      try {
        const back = yaml.load(`k: ${s}`, { schema: yaml.CORE_SCHEMA });
        if (back && back.k === s) return s;
      } catch (e) { /* quote it */ }
    }
    return JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
  }

  function serialise(key, value, original) {
    if (Array.isArray(value)) {
      // A block list stays a block list; otherwise the site's style, a flow list on one line.
      if (original && /^[^:]+:\s*$/.test(original[0]) && original.slice(1).some((l) => /^\s*- /.test(l)))
        return [`${key}:`, ...value.map((v) => `  - ${scalar(v, false)}`)];
      return [`${key}: [${value.map((v) => scalar(v, true)).join(", ")}]`];
    }
    if (value !== null && typeof value === "object") {
      return [`${key}:`, ...yaml.dump(value, { schema: yaml.CORE_SCHEMA, lineWidth: -1 }).trimEnd().split("\n").map((l) => "  " + l)];
    }
    return [`${key}: ${scalar(value, false)}`];
  }

  // Top-level keys and their lines. Comment lines at the margin belong to no key, so they always stay.
  function blocks(matter) {
    const lines = matter.replace(/\r?\n$/, "").split(/\r?\n/);
    const result = [];
    let current = null;
    for (const line of lines) {
      const key = /^([A-Za-z_][A-Za-z0-9_-]*)\s*:/.exec(line);
      if (key) { current = { key: key[1], lines: [line] }; result.push(current); continue; }
      if (/^#/.test(line) || line.trim() === "" && !current) { result.push({ key: null, lines: [line] }); current = null; continue; }
      if (current) current.lines.push(line); else result.push({ key: null, lines: [line] });
    }
    return result;
  }

  function toFile(data, sortedKeys) {
    const values = Object.assign({}, data);
    const raw = values[RAW];
    delete values[RAW];
    const body = values.body === undefined ? "" : values.body;
    delete values.body;
    const order = (sortedKeys || []).filter((k) => k !== "body");
    if (typeof raw !== "string") {
      const keys = [...order, ...Object.keys(values).filter((k) => !order.includes(k))]
        .filter((k) => k in values && !empty(values[k]) && !meansAbsent(k, values[k]));
      const lines = keys.flatMap((k) => serialise(k, values[k], null));
      return `---\n${lines.join("\n")}\n---\n\n${body.replace(/^\n+/, "")}`;
    }
    const { matter, head, body: oldBody } = split(raw);
    const before = matter.trim() ? yaml.load(matter, { schema: yaml.CORE_SCHEMA }) || {} : {};
    const eol = head.includes("\r\n") ? "\r\n" : "\n";
    const parts = blocks(matter);
    const out = [];
    const seen = new Set();
    for (const part of parts) {
      if (part.key === null || !(part.key in before)) { out.push(...part.lines); continue; }
      seen.add(part.key);
      const value = values[part.key];
      if (equal(before[part.key], value)) { out.push(...part.lines); continue; }
      if (empty(value) && !empty(before[part.key])) continue; // cleared in the form: the key goes
      if (empty(value) && empty(before[part.key])) { out.push(...part.lines); continue; }
      out.push(...serialise(part.key, value, part.lines));
    }
    // Keys the file did not have, each after the key that comes before it in the schema (or at the end).
    for (const key of [...order, ...Object.keys(values)]) {
      if (seen.has(key) || !(key in values) || empty(values[key]) || meansAbsent(key, values[key])) continue;
      seen.add(key);
      const lines = serialise(key, values[key], null);
      const prior = order.slice(0, Math.max(0, order.indexOf(key))).reverse().find((k) => out.some((l) => l.startsWith(`${k}:`)));
      let at = out.length;
      if (prior) {
        at = out.findIndex((l) => l.startsWith(`${prior}:`)) + 1;
        while (at < out.length && /^\s+\S|^\s*-/.test(out[at]) && !/^[A-Za-z_#]/.test(out[at])) at++;
      }
      out.splice(at, 0, ...lines);
    }
    const newBody = body === oldBody ? oldBody : body;
    const closing = head.slice(head.lastIndexOf("---"));
    return `---${eol}${out.join(eol)}${eol}${closing}${newBody}`;
  }

  CMS.registerCustomFormat("site-markdown", "md", { fromFile, toFile });
  // The preview pane checks the draft as it would be saved: the same text this format writes.
  window.siteMarkdownFormat = { toFile };
})();
