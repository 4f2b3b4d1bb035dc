using System.Collections.Concurrent;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Links;

/// <summary>A page as written, for link checks: its URL, layout, Markdown links (with their place) and the theme's links.</summary>
internal sealed record PageLinks(string Url, string Layout, string SourceDisplayPath, IReadOnlyList<ContentLink> Written, IReadOnlyList<string> Theme);

/// <summary>
/// Checks every link, image, stylesheet and script of the site against the set of output files and the ids of each
/// target page. A broken link written in Markdown is reported at the line where it was written; one the theme made is
/// reported once for the layout that made it, not once per page.
/// </summary>
internal static class LinkChecker
{
    public static void Check(IReadOnlyList<PageLinks> pages, LinkTargets targets, string siteHost, DiagnosticBag diagnostics)
    {
        var themeReported = new ConcurrentDictionary<(string Layout, string Link), byte>();
        Parallel.ForEach(pages, page =>
        {
            foreach (var link in page.Written)
            {
                var (result, path, fragment) = targets.Check(link.Target, page.Url, siteHost);
                if (Diagnostic(result, link.Target, path, fragment, link.At, theme: null, targets) is { } d) diagnostics.Add(d);
            }
            foreach (var link in page.Theme)
            {
                var (result, path, fragment) = targets.Check(link, page.Url, siteHost);
                if (result is LinkTargets.Result.Ok or LinkTargets.Result.External || !themeReported.TryAdd((page.Layout, link), 0)) continue;
                if (Diagnostic(result, link, path, fragment, SourceSpan.FileOnly(page.SourceDisplayPath), page.Layout, targets) is { } d) diagnostics.Add(d);
            }
        });
    }

    private static Diagnostic? Diagnostic(LinkTargets.Result result, string link, string path, string? fragment, SourceSpan at, string? theme, LinkTargets targets) => result switch
    {
        LinkTargets.Result.Ok or LinkTargets.Result.External => null,
        LinkTargets.Result.NoFragment => LinkDiagnostics.BrokenFragment.At(at, link, fragment, path, targets.DidYouMean(path, fragment, result)),
        LinkTargets.Result.Draft => LinkDiagnostics.LinkToDraft.At(at, link, targets.DraftFile(path)),
        LinkTargets.Result.Redirect => LinkDiagnostics.LinkToRedirect.At(at, link, path + (fragment is null ? "" : "#" + fragment)),
        _ when theme is not null => LinkDiagnostics.ThemeLinkBroken.At(at, $"layout '{theme}'", link),
        _ => LinkDiagnostics.BrokenLink.At(at, link, targets.DidYouMean(path, fragment, result)),
    };
}
