// Eleventy as a user sets it up for a folder of Markdown: its defaults (markdown-it, .md pre-processed by Liquid,
// each file to <name>/index.html) and one Nunjucks layout for every page. tests/bench/compare copies this file and
// _includes/ beside the corpus's articles/ and runs Eleventy there.
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "article.njk");
}
