using System.Diagnostics;
using Site.Preview;
using Site.Tests.Support;

namespace Site.Tests.Generator;

/// <summary>
/// <c>build</c>, <c>check</c> and <c>preview</c> install the theme's npm packages alike: when node_modules is missing
/// or older than the lock file, saying so in one line. A fresh clone builds with no other step.
/// </summary>
public sealed class ThemePackagesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("site-theme-packages-");

    public void Dispose()
    {
        try { _root.Delete(recursive: true); } catch (IOException) { }
    }

    private string Theme(bool withLock = true)
    {
        var theme = Path.Combine(_root.FullName, "theme");
        Directory.CreateDirectory(theme);
        if (withLock) File.WriteAllText(Path.Combine(theme, "package-lock.json"), "{}");
        return theme;
    }

    private static void Installed(string theme, DateTime at)
    {
        var stamp = Path.Combine(theme, "node_modules", ".package-lock.json");
        Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
        File.WriteAllText(stamp, "{}");
        File.SetLastWriteTimeUtc(stamp, at);
    }

    [Fact]
    public void Missing_packages_are_installed()
    {
        var theme = Theme();
        Assert.Equal($"{theme}/node_modules is missing", ThemePackages.ReasonToInstall(theme));
    }

    [Fact]
    public void Packages_older_than_the_lock_file_are_installed_again()
    {
        var theme = Theme();
        File.SetLastWriteTimeUtc(Path.Combine(theme, "package-lock.json"), new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc));
        Installed(theme, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal($"{theme}/node_modules is older than {theme}/package-lock.json", ThemePackages.ReasonToInstall(theme));
        Installed(theme, new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc));
        Assert.Null(ThemePackages.ReasonToInstall(theme));
    }

    [Fact]
    public void A_folder_npm_never_finished_is_installed_again()
    {
        var theme = Theme();
        Directory.CreateDirectory(Path.Combine(theme, "node_modules", "lunr"));
        Assert.Equal($"{theme}/node_modules is older than {theme}/package-lock.json", ThemePackages.ReasonToInstall(theme));
    }

    [Fact]
    public void A_theme_without_a_lock_file_or_with_linked_packages_is_left_alone()
    {
        Assert.Null(ThemePackages.ReasonToInstall(Theme(withLock: false)));
        var theme = Theme();
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root.FullName, "other-checkout", "node_modules")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(theme, "node_modules"), elsewhere);
        // Even though the link's packages look older than this lock file: installing through the link would empty them.
        Assert.Null(ThemePackages.ReasonToInstall(theme));
    }

    /// <summary>
    /// The commands themselves, on a copy of the site without node_modules, with a stand-in for npm on the PATH that
    /// records its arguments and links the repository's installed packages (no network in tests).
    /// </summary>
    [Fact]
    public void Build_and_check_install_the_packages_first_and_say_so_in_one_line()
    {
        var installed = Path.Combine(TestSite.RepoRoot, "theme", "node_modules");
        Assert.True(File.Exists(Path.Combine(installed, "lunr", "lunr.js")), $"{installed} is not installed (tests/run installs it)");
        using var site = TestSite.CopyOfReal();
        File.Delete(site.PathOf("theme/node_modules")); // the copy's link to the repository's packages
        Assert.False(Directory.Exists(site.PathOf("theme/node_modules")));
        var bin = Directory.CreateDirectory(Path.Combine(_root.FullName, "bin")).FullName;
        var log = Path.Combine(_root.FullName, "npm.log");
        var npm = Path.Combine(bin, "npm");
        File.WriteAllText(npm, """
            #!/bin/sh
            echo "$*" >> "$FAKE_NPM_LOG"
            [ "$1" = ci ] && [ "$2" = --prefix ] || exit 3
            mkdir -p "$3/node_modules"
            for package in "$FAKE_NPM_FROM"/*; do ln -sfn "$package" "$3/node_modules/$(basename "$package")"; done
            echo '{}' > "$3/node_modules/.package-lock.json"
            echo "added 3 packages in 1s"
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(npm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        (int Exit, List<string> Lines) Run(string command)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = site.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Site.dll"));
            info.ArgumentList.Add(command);
            info.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            info.Environment["FAKE_NPM_LOG"] = log;
            info.Environment["FAKE_NPM_FROM"] = installed;
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, [.. (stdout.Result + stderr.Result).Split('\n')]);
        }
        static List<string> Installing(List<string> lines) => [.. lines.Where(l => l.Contains("npm", StringComparison.Ordinal))];

        // check on a copy without packages: installs them first, then passes.
        var check = Run("check");
        Assert.True(check.Exit == 0, string.Join('\n', check.Lines));
        Assert.Equal(["Installing the theme's browser packages (theme/node_modules is missing): npm ci --prefix theme"], Installing(check.Lines));
        Assert.Equal(["ci --prefix theme --no-audit --no-fund"], File.ReadAllLines(log));

        // build after a pull changed the lock file: installs again, then builds. (That an install newer than the lock
        // file is left alone is checked above without starting the command.)
        File.SetLastWriteTimeUtc(site.PathOf("theme/package-lock.json"), DateTime.UtcNow.AddMinutes(1));
        var build = Run("build");
        Assert.True(build.Exit == 0, string.Join('\n', build.Lines));
        Assert.Equal(["Installing the theme's browser packages (theme/node_modules is older than theme/package-lock.json): npm ci --prefix theme"], Installing(build.Lines));
        Assert.Equal(2, File.ReadAllLines(log).Length);
        Assert.True(File.Exists(site.PathOf("output/index.html")));
    }
}
