// decap-server's own middlewares (from the theme's npm packages), behind a check of who is asking. decap-server alone
// answers any Host and any Origin from localhost: through DNS rebinding a web page the editor visits could commit into
// the repository. This app answers only requests addressed to 127.0.0.1 or localhost on its own port, and only browser
// requests from the preview's own origin. DecapServer runs it with node -e, DECAP_ROOT naming theme/node_modules/decap-server.
"use strict";
const path = require("path");
const { createRequire } = require("module");

const decapRoot = process.env.DECAP_ROOT;
const fromDecap = createRequire(path.join(decapRoot, "package.json"));
const express = fromDecap("express");
const { registerLocalGit, registerLocalFs } = fromDecap("./dist/middlewares.js");

const port = Number.parseInt(process.env.PORT, 10);
const origins = new Set((process.env.ALLOWED_ORIGINS || "").split(" ")); // the preview's, e.g. http://127.0.0.1:5080
const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

const app = express();
app.use((request, response, next) => {
  const host = (request.headers.host || "").toLowerCase();
  if (!hosts.has(host)) {
    response.status(403).type("text/plain").send(`This CMS backend answers only requests to 127.0.0.1:${port}.`);
    return;
  }
  const from = request.headers.origin;
  if (from !== undefined && !origins.has(from)) {
    response.status(403).type("text/plain").send("This CMS backend answers only the preview's own /admin/.");
    return;
  }
  next();
});

(async () => {
  const options = { logLevel: process.env.LOG_LEVEL || "warn" };
  if (process.env.MODE === "git") await registerLocalGit(app, options);
  else await registerLocalFs(app, options);
  app.listen(port, "127.0.0.1");
})().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
