// Runs theme/admin/cms-format.js as the CMS would, in node: reads a JSON list of jobs on stdin
// ({ text, change?: { key: value } }), writes [{ out }] — the file after fromFile, the change, and toFile. The optional
// second argument is the script tag's data-when-absent, as admin/index.html gives it.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const [theme, whenAbsent] = process.argv.slice(2);
const formats = {};
const window = { jsyaml: require(path.join(theme, "node_modules", "js-yaml")), CMS: { registerCustomFormat: (name, ext, f) => { formats[name] = f; } } };
const document = { currentScript: { dataset: whenAbsent ? { whenAbsent } : {} } };
vm.runInNewContext(fs.readFileSync(path.join(theme, "admin", "cms-format.js"), "utf8"), { window, document });
const format = formats["site-markdown"];
const jobs = JSON.parse(fs.readFileSync(0, "utf8"));
const results = jobs.map((job) => {
  const data = job.text === null ? {} : format.fromFile(job.text);
  Object.assign(data, job.change || {});
  for (const k of job.remove || []) delete data[k];
  return { out: format.toFile(data, job.order || []) };
});
process.stdout.write(JSON.stringify(results));
