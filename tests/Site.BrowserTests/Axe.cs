using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Site.BrowserTests;

/// <summary>
/// axe-core in the page, as Deque.AxeCore.Playwright runs it but without its per-call cost. Deque's
/// <c>page.RunAxe</c> injects the 500 kB script again on every call and finishes each run in a new browser page,
/// about 1.5 s per call here; the browser suite runs axe some 130 times. This runs the same axe-core (the script
/// bundled with Deque's package) with the same options and returns the same <see cref="AxeResult"/>, injecting the
/// script once per document. It has the same name on purpose: in this namespace it is the <c>RunAxe</c> every browser
/// test calls, including files written against Deque's extension. AxeTests checks it against Deque's own run.
/// </summary>
public static class AxeInPage
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    public static async Task<AxeResult> RunAxe(this IPage page, AxeRunOptions? options = null)
    {
        // Frames need Deque's cross-frame run (axe in every frame, results merged); the site's pages have none.
        if (page.Frames.Count > 1) return await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page, options);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
            await page.EvaluateAsync("() => " + Script.Value);
        var json = await page.EvaluateAsync<string>(
            "options => axe.run(document, JSON.parse(options)).then(result => JSON.stringify(result))",
            JsonConvert.SerializeObject(options ?? new AxeRunOptions()));
        return new AxeResult(JObject.Parse(json));
    }
}
