// Preview only: reloads the page after a good build, shows build errors in an overlay (a dialog: Close or Escape
// dismisses it, a button brings it back) and warnings in a panel beside the page, which stays usable.
// Served by the preview server from the generator itself; never part of the built site. Styles are set through the
// CSSOM (element.style), which the site's strict Content-Security-Policy allows, unlike style attributes.
(() => {
  "use strict";
  let lastBuild = null;
  let overlay = null;
  let reopen = null;
  let warningsPanel = null;
  let dismissedWarnings = null;
  let focusBefore = null;

  const css = (el, styles) => { Object.assign(el.style, styles); return el; };
  const make = (tag, styles, text) => {
    const el = css(document.createElement(tag), styles || {});
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const button = (label, styles) => {
    const b = make("button", Object.assign({
      font: "bold 15px/1.2 system-ui, sans-serif", padding: "0.5rem 0.9rem", borderRadius: "4px",
      border: "2px solid currentColor", background: "#fff", color: "#111", cursor: "pointer",
    }, styles || {}), label);
    b.type = "button";
    return b;
  };

  // The source lines around a diagnostic; long lines arrive cut around the column, with the column's place as
  // `marker`, drawn as a caret on its own row (and the character itself highlighted).
  function sourceBlock(d, accent) {
    const pre = make("pre", { margin: "0", background: "#000", color: "#f5f5f5", padding: "0.75rem", overflowX: "auto", whiteSpace: "pre" });
    pre.tabIndex = 0; // scrollable with the keyboard
    pre.setAttribute("aria-label", `Source lines around line ${d.line} of ${d.file}`);
    for (const line of d.context) {
      const prefix = `${line.current ? ">" : " "} ${String(line.number).padStart(4)} | `;
      const row = make("div");
      row.dataset.sourceLine = String(line.number);
      if (line.current && line.marker !== null && line.marker !== undefined) {
        const at = Math.min(line.marker, line.text.length);
        const mark = make("mark", { background: accent, color: "#000" }, line.text.slice(at, at + 1) || " ");
        mark.dataset.column = String(d.column);
        row.append(prefix + line.text.slice(0, at), mark, line.text.slice(at + 1));
        css(row, { background: "#3a1818", color: "#fff" });
        pre.append(row);
        const caret = make("div", { color: accent }, " ".repeat(prefix.length + at) + `^ column ${d.column}`);
        caret.dataset.caret = "";
        pre.append(caret);
        continue;
      }
      row.textContent = prefix + line.text;
      if (line.current) css(row, { background: "#3a1818", color: "#fff" });
      pre.append(row);
    }
    return pre;
  }

  function diagnosticBlock(d, accent, marker) {
    const block = make("section", { margin: "0 0 1.5rem", borderLeft: `4px solid ${accent}`, paddingLeft: "1rem" });
    const head = make("p", { margin: "0 0 0.5rem", color: accent }, d.text);
    head.dataset[marker] = "";
    block.append(head);
    if (d.context && d.context.length) block.append(sourceBlock(d, accent));
    return block;
  }

  function focusables(root) {
    return [...root.querySelectorAll("button, [href], [tabindex]:not([tabindex='-1'])")];
  }

  function onOverlayKey(e) {
    if (!overlay) return;
    if (e.key === "Escape") { e.preventDefault(); closeOverlay(); return; }
    if (e.key !== "Tab") return;
    // A modal dialog keeps focus inside until it is closed.
    const items = focusables(overlay);
    if (!items.length) return;
    const first = items[0], last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    else if (!overlay.contains(document.activeElement)) { e.preventDefault(); first.focus(); }
  }

  function removeOverlay() {
    if (overlay) { overlay.remove(); overlay = null; document.removeEventListener("keydown", onOverlayKey, true); }
    if (reopen) { reopen.remove(); reopen = null; }
  }

  // Closing keeps a small button to bring the errors back: the build is still failing.
  function closeOverlay() {
    const errors = overlay ? overlay.previewErrors : [];
    removeOverlay();
    reopen = button(`Build failed: ${plural(errors.length, "error")}. Show`, {
      position: "fixed", top: "0.75rem", right: "0.75rem", zIndex: "2147483647", background: "#8b1a1a", color: "#fff",
    });
    reopen.dataset.previewReopen = "";
    reopen.addEventListener("click", () => showOverlay(errors));
    document.body.append(reopen);
    if (focusBefore && document.contains(focusBefore)) focusBefore.focus(); else reopen.focus();
  }

  function showOverlay(diagnostics) {
    const wasOpen = overlay !== null;
    removeOverlay();
    if (!wasOpen) focusBefore = document.activeElement;
    overlay = make("div", {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto", padding: "2rem",
      background: "rgba(20, 20, 24, 0.96)", color: "#f5f5f5", font: "15px/1.5 ui-monospace, Menlo, Consolas, monospace",
    });
    overlay.previewErrors = diagnostics;
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-labelledby", "preview-overlay-title");
    overlay.setAttribute("aria-describedby", "preview-overlay-help");
    overlay.dataset.previewOverlay = "";
    const bar = make("div", { display: "flex", gap: "1rem", alignItems: "flex-start", justifyContent: "space-between", margin: "0 0 1rem" });
    const title = make("h2", { color: "#ff8a80", font: "bold 20px/1.3 system-ui, sans-serif", margin: "0" },
      `Build failed: ${plural(diagnostics.length, "error")}. The last good pages are still served.`);
    title.id = "preview-overlay-title";
    const close = button("Close", {});
    close.setAttribute("aria-label", "Close the error list (Escape)");
    close.dataset.previewClose = "";
    close.addEventListener("click", closeOverlay);
    bar.append(title, close);
    const help = make("p", { margin: "0 0 1.5rem", color: "#e0e0e0", font: "15px/1.5 system-ui, sans-serif" },
      "Fix the first error first: later ones are often caused by it. This list updates on every save; Close or Escape hides it.");
    help.id = "preview-overlay-help";
    overlay.append(bar, help);
    for (const d of diagnostics) overlay.append(diagnosticBlock(d, "#ff8a80", "diagnostic"));
    document.body.append(overlay);
    document.addEventListener("keydown", onOverlayKey, true);
    close.focus();
  }

  // Warnings do not block the page: a collapsed panel at the bottom, dismissible until the warnings change.
  function showWarnings(warnings) {
    if (warningsPanel) { warningsPanel.remove(); warningsPanel = null; }
    if (!warnings.length) { dismissedWarnings = null; return; }
    const key = warnings.map((w) => w.text).join("\n");
    if (dismissedWarnings === key) return;
    warningsPanel = make("aside", {
      position: "fixed", left: "0", right: "0", bottom: "0", zIndex: "2147483646", maxHeight: "60vh", overflow: "auto",
      background: "#fff8e1", color: "#1a1a1a", borderTop: "4px solid #b26a00", padding: "0.5rem 1rem",
      font: "15px/1.5 system-ui, sans-serif", boxShadow: "0 -2px 8px rgba(0,0,0,0.25)",
    });
    warningsPanel.setAttribute("aria-label", "Build warnings");
    warningsPanel.dataset.previewWarnings = "";
    const details = make("details");
    const summary = make("summary", { cursor: "pointer", fontWeight: "bold", padding: "0.25rem 0" },
      `${plural(warnings.length, "warning")}: the page builds here, but the production build (build --strict on Netlify) fails on ${warnings.length === 1 ? "it" : "them"}.`);
    details.append(summary);
    const list = make("div", { font: "14px/1.5 ui-monospace, Menlo, Consolas, monospace", padding: "0.5rem 0" });
    for (const w of warnings) list.append(diagnosticBlock(w, "#ffd180", "warning"));
    // Dark source blocks need light text on the panel's pale background, the heading dark text.
    for (const p of list.querySelectorAll("[data-warning]")) css(p, { color: "#5d3a00" });
    details.append(list);
    const dismiss = button("Dismiss", { position: "absolute", top: "0.4rem", right: "1rem", padding: "0.25rem 0.6rem" });
    dismiss.setAttribute("aria-label", "Dismiss the warnings until they change");
    dismiss.dataset.previewDismiss = "";
    dismiss.addEventListener("click", () => { dismissedWarnings = key; warningsPanel.remove(); warningsPanel = null; });
    css(summary, { paddingRight: "7rem" });
    warningsPanel.append(details, dismiss);
    document.body.append(warningsPanel);
  }

  const events = new EventSource("/__preview/events");
  events.onmessage = (e) => {
    const message = JSON.parse(e.data);
    // Lets tests (and curious editors) see that the page is listening and which build it has seen.
    document.documentElement.dataset.previewBuild = String(message.build);
    const warnings = message.warnings || [];
    if (message.kind === "errors") {
      showOverlay(message.diagnostics);
      showWarnings(warnings);
      lastBuild = message.build;
      return;
    }
    if (message.kind === "reload" && message.build !== lastBuild) { location.reload(); return; }
    removeOverlay();
    showWarnings(warnings);
    lastBuild = message.build;
  };
})();
