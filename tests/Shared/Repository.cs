namespace Site.Testing;

/// <summary>
/// The repository the tests run in, and copies of its site for tests that change files. Linked into every test
/// project (and the benchmarks) so there is one way to find and copy it.
/// </summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln"))) return dir.FullName;
        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Copies a folder, leaving out node_modules (large, and only ever read).</summary>
    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Contains("node_modules")) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Copies <c>input/</c>, <c>theme/</c> (linking its node_modules) and netlify.toml into <paramref name="destination"/>.</summary>
    public static void CopySiteInto(string destination)
    {
        CopyTree(PathOf("input"), Path.Combine(destination, "input"));
        CopyTree(PathOf("theme"), Path.Combine(destination, "theme"));
        var modules = PathOf(Path.Combine("theme", "node_modules"));
        if (Directory.Exists(modules)) Directory.CreateSymbolicLink(Path.Combine(destination, "theme", "node_modules"), modules);
        File.Copy(PathOf("netlify.toml"), Path.Combine(destination, "netlify.toml"));
    }
}
