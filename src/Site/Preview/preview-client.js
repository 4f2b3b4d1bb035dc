// Preview only: reloads the page after a good build and shows build errors in an overlay.
// Served by the preview server from the generator itself; never part of the built site.
(() => {
  "use strict";
  let lastBuild = null;
  let overlay = null;

  const css = (el, styles) => { Object.assign(el.style, styles); return el; };

  function hideOverlay() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function showOverlay(diagnostics) {
    hideOverlay();
    overlay = css(document.createElement("div"), {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto", padding: "2rem",
      background: "rgba(20, 20, 24, 0.94)", color: "#f5f5f5", font: "15px/1.5 ui-monospace, Menlo, Consolas, monospace",
    });
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "preview-overlay-title");
    overlay.dataset.previewOverlay = "";
    const title = css(document.createElement("h2"), { color: "#ff8a80", font: "bold 20px/1.3 system-ui, sans-serif", margin: "0 0 1rem" });
    title.id = "preview-overlay-title";
    title.textContent = `Build failed: ${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}. The last good pages are still served.`;
    overlay.append(title);
    for (const d of diagnostics) {
      const block = css(document.createElement("section"), { margin: "0 0 1.5rem", borderLeft: "4px solid #ff8a80", paddingLeft: "1rem" });
      const head = css(document.createElement("p"), { margin: "0 0 0.5rem", color: "#ffd180" });
      head.textContent = d.text;
      head.dataset.diagnostic = "";
      block.append(head);
      if (d.context && d.context.length) {
        const pre = css(document.createElement("pre"), { margin: "0", background: "#000", padding: "0.75rem", overflowX: "auto" });
        for (const line of d.context) {
          const row = document.createElement("div");
          row.textContent = `${line.current ? ">" : " "} ${String(line.number).padStart(4)} | ${line.text}`;
          if (line.current) css(row, { background: "#5c1f1f", color: "#fff" });
          pre.append(row);
        }
        block.append(pre);
      }
      overlay.append(block);
    }
    document.body.append(overlay);
  }

  const events = new EventSource("/__preview/events");
  events.onmessage = (e) => {
    const message = JSON.parse(e.data);
    // Lets tests (and curious editors) see that the page is listening and which build it has seen.
    document.documentElement.dataset.previewBuild = String(message.build);
    if (message.kind === "errors") { showOverlay(message.diagnostics); lastBuild = message.build; return; }
    if (message.kind === "reload" && lastBuild !== null && message.build !== lastBuild) { location.reload(); return; }
    if (message.kind === "reload" && lastBuild === null) { location.reload(); return; }
    hideOverlay();
    lastBuild = message.build;
  };
})();
