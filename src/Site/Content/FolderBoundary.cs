using Site.Diagnostics;

namespace Site.Content;

/// <summary>Why a path under input/ or theme/ is not read: the link it is (or passes through) and where it leads.</summary>
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
        var before = diagnostics.ErrorCount;
        Files(folder, folder, recursive: true, _ => false, paths, diagnostics);
        return diagnostics.ErrorCount > before;
    }

    /// <summary>
    /// Every file under <paramref name="directory"/> (inside <paramref name="folder"/>) that may be read, in ordinal
    /// order; links that may not are reported and left out. Directory links are never entered.
    /// </summary>
    public static List<string> Files(string folder, string directory, bool recursive, Func<string, bool> wanted,
        ProjectPaths paths, DiagnosticBag? diagnostics)
    {
        var found = new List<string>();
        if (!Directory.Exists(directory)) return found;
        if (Check(folder, directory, paths) is { } refused)
        {
            Report(refused, paths, diagnostics);
            return found;
        }
        var realFolder = RealPath(folder) ?? Path.GetFullPath(folder);
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(directory)]);
        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false, AttributesToSkip = 0 };
        while (pending.TryPop(out var current))
        {
            foreach (var entry in current.EnumerateFileSystemInfos("*", options))
            {
                if (entry.Name == PackagesFolder) continue;
                if (entry.LinkTarget is not null)
                {
                    if (CheckLink(entry, realFolder, folder, paths) is { } refusal) Report(refusal, paths, diagnostics);
                    else if (wanted(entry.FullName)) found.Add(entry.FullName);
                }
                else if (entry is DirectoryInfo sub) { if (recursive) pending.Push(sub); }
                else if (wanted(entry.FullName)) found.Add(entry.FullName);
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>
    /// Null when every component of <paramref name="path"/> below <paramref name="folder"/> is a plain file or folder,
    /// or a last component that links to a file inside the folder; otherwise the first link that is refused.
    /// A path that does not exist is not refused here (the caller reports a missing file its own way).
    /// </summary>
    public static Refusal? Check(string folder, string path, ProjectPaths paths)
    {
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(root, full);
        if (relative == ".") return null;
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return new Refusal(full, full, string.Format(System.Globalization.CultureInfo.InvariantCulture, LeadsOutside, paths.Display(root)));
        var realFolder = RealPath(root) ?? root;
        var current = root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                if (CheckLink(info, realFolder, root, paths) is { } refusal) return refusal;
            }
            else if (!info.Exists) return null;
        }
        return null;
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

    private static void Report(Refusal refusal, ProjectPaths paths, DiagnosticBag? diagnostics) =>
        diagnostics?.Add(ContentDiagnostics.RefusedLink, SourceSpan.FileOnly(paths.Display(refusal.LinkPath)), refusal.Target, refusal.Reason);

    private static bool IsInside(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal)
        || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The path with every symbolic link on it resolved (what realpath(3) gives); null for a link loop. Components that
    /// do not exist are kept as written.
    /// </summary>
    public static string? RealPath(string path)
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
