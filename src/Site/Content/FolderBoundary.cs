using Site.Diagnostics;

namespace Site.Content;

/// <summary>Why a link under input/ or theme/ is refused: the link, what it points to, and why.</summary>
internal sealed record Refusal(string LinkPath, string Target, string Reason);

/// <summary>
/// Keeps every file the build reads or copies inside its folder (input/ or theme/). A symbolic link is followed only
/// when it is a link to a file whose real path is inside the same folder; a link to a folder (it would publish the
/// folder, or loop), a link that leads outside, and a link to nothing are refused at the link's path (SITE025) and
/// never followed, read or copied. One pull request with <c>input/media/x.svg → /etc/passwd</c> must not publish the
/// build machine's files.
/// </summary>
internal static class FolderBoundary
{
    public const string LeadsOutside = "which is outside {0}";
    public const string LeadsToFolder = "a folder (links to folders are never followed)";
    public const string LeadsNowhere = "which does not exist";

    /// <summary>The folder npm installs into: written by <c>npm ci</c> from the lock file, never by content, so not scanned.</summary>
    public const string PackagesFolder = "node_modules";

    /// <summary>
    /// Reports every refused link under <paramref name="folder"/> (input/ or theme/, without its node_modules) and
    /// returns whether there was one. The build stops before reading anything when there is, so a link that leads out is
    /// never read, copied or served, whichever stage would have read it.
    /// </summary>
    public static bool Scan(string folder, ProjectPaths paths, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(folder)) return false; // a missing folder is reported by the stage that needs it
        var refused = false;
        var realFolder = RealPath(folder) ?? Path.GetFullPath(folder);
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(folder)]);
        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false, AttributesToSkip = 0 };
        while (pending.TryPop(out var current))
        {
            foreach (var entry in current.EnumerateFileSystemInfos("*", options))
            {
                if (entry.Name == PackagesFolder) continue;
                if (entry.LinkTarget is not null)
                {
                    if (CheckLink(entry, realFolder, folder, paths) is not { } refusal) continue;
                    diagnostics.Add(ContentDiagnostics.RefusedLink, SourceSpan.FileOnly(paths.Display(refusal.LinkPath)), refusal.Target, refusal.Reason);
                    refused = true;
                }
                else if (entry is DirectoryInfo sub) pending.Push(sub); // folder links are never entered: they are refused above
            }
        }
        return refused;
    }

    private static Refusal? CheckLink(FileSystemInfo link, string realFolder, string folder, ProjectPaths paths)
    {
        var target = link.LinkTarget!;
        string? real;
        try { real = RealPath(link.FullName); }
        catch (IOException) { real = null; }
        if (real is null || !(File.Exists(real) || Directory.Exists(real))) return new Refusal(link.FullName, target, LeadsNowhere);
        if (!IsInside(real, realFolder))
            return new Refusal(link.FullName, target, string.Format(System.Globalization.CultureInfo.InvariantCulture, LeadsOutside, paths.Display(folder)));
        if (Directory.Exists(real)) return new Refusal(link.FullName, target, LeadsToFolder);
        return null;
    }

    private static bool IsInside(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal)
        || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The path with every symbolic link on it resolved (what realpath(3) gives); null for a link loop. Components that
    /// do not exist are kept as written.
    /// </summary>
    private static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var hops = 0;
        while (parts.TryDequeue(out var part))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++hops > 40) return null;
                var resolved = Path.GetFullPath(Path.Combine(current, target));
                var resolvedRoot = Path.GetPathRoot(resolved)!;
                parts = new Queue<string>([.. resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries), .. parts]);
                current = resolvedRoot;
                continue;
            }
            current = next;
        }
        return current;
    }
}
