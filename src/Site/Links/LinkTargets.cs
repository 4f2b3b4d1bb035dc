namespace Site.Links;

/// <summary>Everything the site will serve: output paths and, for HTML pages, the ids on each page.</summary>
internal sealed class LinkTargets(IReadOnlySet<string> files, IReadOnlyDictionary<string, IReadOnlySet<string>> idsByFile, IReadOnlyDictionary<string, string> redirects,
    IReadOnlySet<string>? failedUrls = null, IReadOnlyDictionary<string, string>? drafts = null)
{
    public enum Result { Ok, NoFile, NoFragment, Redirect, External, Draft }

    /// <summary>The file of the draft at <paramref name="path"/>.</summary>
    public string DraftFile(string path) => drafts?.GetValueOrDefault(path) ?? "";

    /// <summary>
    /// Resolves <paramref name="target"/> as written on the page at <paramref name="pageUrl"/> and checks it.
    /// Links to other sites are not fetched (the build works offline).
    /// </summary>
    public (Result Result, string Path, string? Fragment) Check(string target, string pageUrl, string siteHost)
    {
        if (target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return (Result.External, target, null);
        string path;
        string? fragment;
        if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && !target.Contains('\\'))
        {
            // Most links are root-relative: no need to build a Uri for each.
            var end = target.IndexOfAny(['?', '#']);
            path = Unescape(end < 0 ? target : target[..end]);
            var hash = target.IndexOf('#');
            fragment = hash >= 0 && hash < target.Length - 1 ? Unescape(target[(hash + 1)..]) : null;
        }
        else if (target.StartsWith('#'))
        {
            path = pageUrl;
            fragment = target.Length > 1 ? Unescape(target[1..]) : null;
        }
        else
        {
            var baseUri = new Uri("https://" + siteHost + pageUrl);
            if (!Uri.TryCreate(baseUri, target, out var uri)) return (Result.NoFile, target, null);
            if (!string.Equals(uri.Host, siteHost, StringComparison.OrdinalIgnoreCase) || uri.Scheme is not ("http" or "https"))
                return (Result.External, target, null);
            path = Uri.UnescapeDataString(uri.AbsolutePath);
            fragment = uri.Fragment.Length > 1 ? Uri.UnescapeDataString(uri.Fragment[1..]) : null;
        }
        if (failedUrls?.Contains(path) == true) return (Result.Ok, path, fragment); // already reported where it failed
        if (redirects.TryGetValue(path, out var to)) return (Result.Redirect, to, fragment);
        if (drafts?.ContainsKey(path) == true) return (Result.Draft, path, fragment);
        var file = Content.SiteUrls.ToOutputPath(path);
        if (!files.Contains(file))
        {
            if (!path.EndsWith('/') && files.Contains(Content.SiteUrls.ToOutputPath(path + "/"))) return (Result.Redirect, path + "/", fragment);
            return (Result.NoFile, path, fragment);
        }
        if (fragment is not null && idsByFile.TryGetValue(file, out var ids) && !ids.Contains(fragment))
            return (Result.NoFragment, path, fragment);
        return (Result.Ok, path, fragment);
    }

    /// <summary>" Did you mean …?" for a link that reaches nothing: the closest page of the site, or the closest id on the page.</summary>
    public string DidYouMean(string path, string? fragment, Result result)
    {
        if (result == Result.NoFragment && fragment is not null && idsByFile.TryGetValue(Content.SiteUrls.ToOutputPath(path), out var ids))
            return Diagnostics.Suggestions.DidYouMean(fragment, ids);
        if (result != Result.NoFile || !path.StartsWith('/')) return "";
        var pages = files.Where(Content.SiteUrls.IsFolderIndex).Select(Content.SiteUrls.ToUrl);
        var close = Diagnostics.Suggestions.Closest(path.EndsWith('/') ? path : path + "/", pages);
        return close is null ? "" : $" Did you mean '{close}{(fragment is null ? "" : "#" + fragment)}'?";
    }

    private static string Unescape(string s) => s.Contains('%') ? Uri.UnescapeDataString(s) : s;

    /// <summary>True when a root-relative link (with optional #fragment) reaches a page and id that exist.</summary>
    public bool Exists(string target) => Check(target, "/", "site.invalid").Result is Result.Ok;
}
