using System.Diagnostics;
using Site.Output;

namespace Site.Preview;

/// <summary>
/// <c>preview</c>: builds, serves the output on 127.0.0.1 with production's headers, watches <c>input/</c> and
/// <c>theme/</c>, rebuilds on change and tells open pages to reload (or shows the errors over the page).
/// </summary>
internal static class PreviewCommand
{
    public static async Task<int> RunAsync(BuildOptions options, int port, bool cms, CancellationToken cancel)
    {
        ThemePackages.EnsureInstalled(options.ThemeDirectory);
        // The preview shows drafts (marked as drafts on the page); build and check leave them out.
        await using var session = await PreviewSession.StartAsync(options with { IncludeDrafts = true }, port, cms, Console.Out);
        Console.WriteLine($"Preview: {session.BaseUri} (watching {options.InputDirectory}/ and {options.ThemeDirectory}/; Ctrl+C to stop)");
        if (session.CmsRunning) Console.WriteLine($"CMS: {session.BaseUri}admin/ (decap-server behind {session.BaseUri}api/v1, editing files in {session.Root})");
        if (!session.LastBuildSucceeded) Console.WriteLine("The first build failed: the errors are shown above and in the browser.");
        await session.WaitForShutdownAsync(cancel);
        return 0;
    }
}
