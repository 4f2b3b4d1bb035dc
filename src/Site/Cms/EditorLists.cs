using System.Text.RegularExpressions;
using Site.Content;
using Site.Diagnostics;
using Site.Links;

namespace Site.Cms;

/// <summary>An article whose next review is past or near, with the place of its <c>next_review</c> value.</summary>
internal sealed record ReviewDue(SourceSpan At, string Title, DateOnly NextReview, int DaysLeft)
{
    /// <summary>The place in the MSBuild shape diagnostics use, <c>file(line,col)</c>, which editors jump to.</summary>
    public string Where => EditorLists.Place(At);
}

/// <summary>A place that leads to a page: a link written in Markdown, or an entry of an article's <c>related:</c>.</summary>
internal sealed record LinkHere(SourceSpan At, string FromTitle, string Written, bool Related)
{
    public string Where => EditorLists.Place(At);
}

/// <summary>
/// The lists an editor asks the build for (<c>check --due</c>, <c>check --links-to</c>): which articles are due for
/// review, and what links to a page. Both read the pages the build made; nothing is written.
/// </summary>
internal static partial class EditorLists
{
    public static string Place(SourceSpan at) => $"{at.File}({at.Line},{at.Column})";

    /// <summary>The window SITE041 warns in; <c>check --due</c> without a number uses it too.</summary>
    public const int DefaultDueDays = 60;

    /// <summary>Articles whose next review is before <paramref name="today"/> plus <paramref name="days"/>, soonest first.</summary>
    /// <param name="text">The source text of a page's file, for the line and column of its next_review.</param>
    public static IReadOnlyList<ReviewDue> Due(IEnumerable<Page> pages, DateOnly today, int days, Func<Page, string?> text) =>
    [
        .. pages.Where(p => p.IsArticle && p.Meta.NextReview is { } due && due <= today.AddDays(days))
            .Select(p => new ReviewDue(PlaceOfNextReview(p, text(p)), p.Meta.Title, p.Meta.NextReview!.Value, p.Meta.NextReview.Value.DayNumber - today.DayNumber))
            .OrderBy(d => d.NextReview).ThenBy(d => d.At.File, StringComparer.Ordinal),
    ];

    [GeneratedRegex(@"\A---[ \t]*\r?\n(?<matter>[\s\S]*?)^---[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterBlock();

    [GeneratedRegex(@"^next_review[ \t]*:[ \t]*", RegexOptions.Multiline)]
    private static partial Regex NextReviewKey();

    /// <summary>Where the value of next_review is written (as SITE041 points at it); the file alone when it cannot be found.</summary>
    private static SourceSpan PlaceOfNextReview(Page page, string? text)
    {
        var file = page.Source.DisplayPath;
        if (text is null || FrontMatterBlock().Match(text) is not { Success: true } block) return SourceSpan.FileOnly(file);
        var matter = block.Groups["matter"];
        if (NextReviewKey().Match(text, matter.Index, matter.Length) is not { Success: true } key) return SourceSpan.FileOnly(file);
        var line = 1 + text.AsSpan(0, key.Index).Count('\n');
        return new SourceSpan(file, line, key.Length + 1);
    }

    /// <summary>
    /// The page an editor names: an article's file name (<c>aftercare</c>), its path (<c>input/articles/aftercare.md</c>)
    /// or its address (<c>/articles/aftercare/</c>, <c>/glossary/</c>).
    /// </summary>
    public static Page? Find(IReadOnlyList<Page> pages, string name)
    {
        var url = name.StartsWith('/') ? (name.EndsWith('/') ? name : name + "/") : null;
        return pages.FirstOrDefault(p => p.IsArticle && p.Slug == name)
            ?? pages.FirstOrDefault(p => p.Source.DisplayPath == name || p.Url == url)
            ?? pages.FirstOrDefault(p => p.Slug == name);
    }

    /// <summary>" Did you mean …?" among the pages' file names, for a name that is none of them.</summary>
    public static string DidYouMean(IReadOnlyList<Page> pages, string name) =>
        Suggestions.DidYouMean(name.Trim('/').Split('/').Last().Replace(".md", "", StringComparison.Ordinal), pages.Select(p => p.Slug));

    /// <summary>
    /// Every place in another page's Markdown or <c>related:</c> that leads to <paramref name="target"/>, in file order.
    /// Links the theme makes (navigation, article lists) are the same on every page and are not listed.
    /// </summary>
    public static IReadOnlyList<LinkHere> LinksTo(Page target, IReadOnlyList<Page> pages, string siteHost)
    {
        // Resolution only: the targets' existence is the link check's business.
        var resolver = new LinkTargets(new HashSet<string>(), new Dictionary<string, IReadOnlySet<string>>(), new Dictionary<string, string>(), null, null);
        var places = new List<LinkHere>();
        foreach (var page in pages.Where(p => p != target && p.FromMarkdown))
        {
            foreach (var link in page.Body.Links.Where(l => !l.IsImage))
            {
                var (result, path, _) = resolver.Check(link.Target, page.Url, siteHost);
                if (result == LinkTargets.Result.External) continue;
                if (path == target.Url || path + "/" == target.Url || path == target.Url + SiteUrls.IndexFile)
                    places.Add(new LinkHere(link.At, page.Meta.Title, link.Target, Related: false));
            }
            if (target.IsArticle)
                foreach (var related in page.Meta.Related.Where(r => r.Id == target.Slug))
                    places.Add(new LinkHere(related.At, page.Meta.Title, related.Id, Related: true));
        }
        return [.. places.OrderBy(p => p.At.File, StringComparer.Ordinal).ThenBy(p => p.At.Line).ThenBy(p => p.At.Column)];
    }
}
