using System.Diagnostics;

namespace Site.Preview;

/// <summary>The theme's npm packages (lunr.js, Decap CMS), installed from the lock file on first use.</summary>
internal static class ThemePackages
{
    public static void EnsureInstalled(string themeDirectory)
    {
        if (Directory.Exists(Path.Combine(themeDirectory, "node_modules", "lunr")) || !File.Exists(Path.Combine(themeDirectory, "package-lock.json"))) return;
        Console.WriteLine($"Installing the theme's browser packages: npm ci --prefix {themeDirectory}");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--prefix", themeDirectory, "--no-audit", "--no-fund"]) { UseShellExecute = false })!;
        npm.WaitForExit();
        if (npm.ExitCode != 0) Console.Error.WriteLine("npm ci failed: search and the CMS will be missing until it succeeds.");
    }
}
