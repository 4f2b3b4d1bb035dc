using System.Diagnostics;
using System.ComponentModel;

namespace Site.Preview;

/// <summary>
/// The theme's npm packages (lunr.js, Decap CMS), installed from the lock file on first use by <c>build</c>,
/// <c>check</c> and <c>preview</c> alike, and again whenever the lock file is newer than the install.
/// </summary>
internal static class ThemePackages
{
    /// <summary>npm writes this file at the end of every install: its age is the install's age.</summary>
    private const string InstallStamp = ".package-lock.json";

    public static void EnsureInstalled(string themeDirectory)
    {
        var reason = ReasonToInstall(themeDirectory);
        if (reason is null) return;
        Console.WriteLine($"Installing the theme's browser packages ({reason}): npm ci --prefix {themeDirectory}");
        var info = new ProcessStartInfo("npm", ["ci", "--prefix", themeDirectory, "--no-audit", "--no-fund"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var npm = Process.Start(info)!;
            // npm's own progress stays quiet unless it fails: the line above says what is happening.
            var stdout = npm.StandardOutput.ReadToEndAsync();
            var stderr = npm.StandardError.ReadToEndAsync();
            npm.WaitForExit();
            if (npm.ExitCode != 0)
                Console.Error.WriteLine($"{stdout.Result}{stderr.Result}npm ci failed (exit {npm.ExitCode}): search and the CMS will be missing until it succeeds.");
        }
        catch (Win32Exception)
        {
            Console.Error.WriteLine("npm was not found: install Node.js and npm, then run the command again (search and the CMS need the theme's packages).");
        }
    }

    /// <summary>Why the packages must be installed now, or null when they are up to date or not ours to install.</summary>
    public static string? ReasonToInstall(string themeDirectory)
    {
        var lockFile = new FileInfo(Path.Combine(themeDirectory, "package-lock.json"));
        if (!lockFile.Exists) return null;
        var modules = new DirectoryInfo(Path.Combine(themeDirectory, "node_modules"));
        // A linked node_modules belongs to another checkout (a worktree, a test's copy of the site): npm ci here would
        // empty that checkout's folder, and its own commands keep it current.
        if (modules.LinkTarget is not null) return null;
        if (!modules.Exists) return $"{Display(modules.FullName, themeDirectory)} is missing";
        var stamp = new FileInfo(Path.Combine(modules.FullName, InstallStamp));
        if (!stamp.Exists || stamp.LastWriteTimeUtc < lockFile.LastWriteTimeUtc)
            return $"{Display(modules.FullName, themeDirectory)} is older than {Display(lockFile.FullName, themeDirectory)}";
        return null;
    }

    private static string Display(string path, string themeDirectory) =>
        Path.Combine(themeDirectory, Path.GetFileName(path)).Replace('\\', '/');
}
