// decap-server's own middlewares (from the theme's npm packages), behind a check of who is asking. decap-server alone
// answers any Host and any Origin from localhost: through DNS rebinding a web page the editor visits could commit into
// the repository. This app answers only requests addressed to 127.0.0.1 on its own port that carry no Origin, which
// is what the preview's proxy (CmsProxy) sends and no browser page can. DecapServer runs it with node -e, with
// DECAP_ROOT naming theme/node_modules/decap-server and PORT a free loopback port.
"use strict";
const path = require("path");
const { createRequire } = require("module");

const fromDecap = createRequire(path.join(process.env.DECAP_ROOT, "package.json"));
const express = fromDecap("express");
const { registerLocalGit, registerLocalFs } = fromDecap("./dist/middlewares.js");

const port = Number.parseInt(process.env.PORT, 10);
const app = express();
app.use((request, response, next) => {
  if ((request.headers.host || "").toLowerCase() !== `127.0.0.1:${port}` || request.headers.origin !== undefined) {
    response.status(403).type("text/plain").send("This CMS backend answers only the preview it was started by.");
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
