using Site.Diagnostics;
using Site.PostProcess;

namespace Site.Links;

/// <summary>
/// Checks every link, image, stylesheet and script on the final HTML against the set of output files and the ids of
/// each target page. A broken link written in Markdown is reported at the line where it was written; one the theme
/// made is reported against the page with the layout named.
/// </summary>
internal static class LinkChecker
{
    public static void Check(IReadOnlyList<ProcessedPage> pages, LinkTargets targets, string siteHost, DiagnosticBag diagnostics)
    {
        // A broken link in a layout or partial is on every page that uses it: say so once per layout, not once per page.
        var themeReported = new System.Collections.Concurrent.ConcurrentDictionary<(string Layout, string Link), byte>();
        Parallel.ForEach(pages, page =>
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var link in page.Links.Distinct(StringComparer.Ordinal))
            {
                var (result, path, fragment) = targets.Check(link, page.Page.Url, siteHost);
                if (result is LinkTargets.Result.Ok or LinkTargets.Result.External || !reported.Add(link)) continue;
                var written = page.Body.Links.Where(l => l.Target == link).Select(l => l.At).ToList();
                if (written.Count == 0 && !themeReported.TryAdd((page.Page.Layout, link), 0)) continue;
                foreach (var at in written.Count > 0 ? written : [SourceSpan.FileOnly(page.Page.Source.DisplayPath)])
                {
                    var diagnostic = result switch
                    {
                        LinkTargets.Result.NoFragment => LinkDiagnostics.BrokenFragment.At(at, link, fragment, path),
                        LinkTargets.Result.Redirect => LinkDiagnostics.LinkToRedirect.At(at, link, path + (fragment is null ? "" : "#" + fragment)),
                        _ when written.Count == 0 => LinkDiagnostics.ThemeLinkBroken.At(at, $"layout '{page.Page.Layout}'", link),
                        _ => LinkDiagnostics.BrokenLink.At(at, link),
                    };
                    diagnostics.Add(diagnostic);
                }
            }
        });
    }
}
