namespace Site.Content;

/// <summary>
/// The project a build reads: its root (the parent of <c>input/</c>, where netlify.toml lives) and how diagnostics name
/// files. Passed to every stage that reports, rather than kept in ambient state.
/// </summary>
internal sealed record ProjectPaths(string Root)
{
    public static ProjectPaths ForInput(string inputDirectory) =>
        new(Path.GetDirectoryName(Path.GetFullPath(inputDirectory).TrimEnd(Path.DirectorySeparatorChar))!);

    /// <summary>A path relative to the project root, as compilers print them: <c>input/articles/x.md</c>.</summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(path));
        return (relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative).Replace('\\', '/');
    }
}
