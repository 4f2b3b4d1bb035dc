using System.Diagnostics;

namespace Site.Content;

/// <summary>
/// "Last updated" dates from Git: the date of the last commit that touched each file, read with one
/// <c>git log</c> for the whole folder. Empty when there is no history (a zip download) or no git;
/// pages then fall back to the front matter's <c>updated</c> date.
/// </summary>
internal static class GitDates
{
    public static IReadOnlyDictionary<string, DateOnly> Read(string directory)
    {
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        try
        {
            var root = Run(directory, "rev-parse", "--show-toplevel")?.Trim();
            if (string.IsNullOrEmpty(root)) return result;
            // A shallow clone would date every file by its single commit: that is not the truth, so use front matter.
            if (Run(directory, "rev-parse", "--is-shallow-repository")?.Trim() == "true") return result;
            var log = Run(directory, "log", "--format=#%cs", "--name-only", "--no-renames", "--", ".");
            if (log is null) return result;
            DateOnly current = default;
            foreach (var line in log.Split('\n'))
            {
                if (line.StartsWith('#')) { DateOnly.TryParse(line[1..], out current); continue; }
                if (line.Length == 0) continue;
                var full = Path.GetFullPath(Path.Combine(root, line));
                result.TryAdd(full, current); // newest first: the first date seen is the last change
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
        }
        return result;
    }

    private static string? Run(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : null;
    }
}
