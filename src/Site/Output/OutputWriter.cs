using System.Text;

namespace Site.Output;

/// <summary>
/// The only stage that writes to disk. It writes the whole site into a fresh folder beside <c>output/</c> and swaps it
/// in only when every file is written, so a failed or interrupted build leaves the previous site untouched.
/// </summary>
internal static class OutputWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string outputDirectory, IReadOnlyList<OutputFile> files)
    {
        var full = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(full);
        RecoverFromInterruptedBuilds(full);
        var staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            Parallel.ForEach(files, file =>
            {
                var target = Path.Combine(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                switch (file)
                {
                    case TextOutput text: File.WriteAllText(target, text.Text, Utf8); break;
                    case CopyOutput copy: File.Copy(copy.SourcePath, target, overwrite: true); break;
                }
            });
            Swap(full, staging);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// A build killed mid-way (Ctrl+C twice, a CI timeout, a closed laptop) leaves its staging folder, or, killed between
    /// the two renames of the swap, the previous site under its old-name with no output folder at all. The next build
    /// puts that previous site back and removes what the dead one left, so folders never pile up beside the output.
    /// </summary>
    internal static void RecoverFromInterruptedBuilds(string output)
    {
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        // Folders of a build that is still running (the preview and a build in another terminal) are left alone.
        var olds = Directory.EnumerateDirectories(parent, $".{name}.old-*").Where(IsLeftByADeadBuild).ToList();
        if (!Directory.Exists(output) && olds.Count == 1)
        {
            Directory.Move(olds[0], output);
            olds.Clear();
        }
        foreach (var stale in olds.Concat(Directory.EnumerateDirectories(parent, $".{name}.new-*").Where(IsLeftByADeadBuild)))
        {
            try { Directory.Delete(stale, recursive: true); }
            catch (IOException) { } // the next build tries again
        }
    }

    /// <summary>Staging names carry the process id of their build: <c>.output.new-PID-GUID</c>.</summary>
    private static bool IsLeftByADeadBuild(string folder)
    {
        var parts = Path.GetFileName(folder).Split('-');
        if (parts.Length < 3 || !int.TryParse(parts[^2], out var pid)) return true; // an older build's name, without a pid
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    private static void Swap(string output, string staging)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        var old = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.Move(output, old);
        Directory.Move(staging, output);
        Directory.Delete(old, recursive: true);
    }
}
