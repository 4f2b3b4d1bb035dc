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
        var staging = Path.Combine(parent, $".{name}.new-{Guid.NewGuid():N}");
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

    private static void Swap(string output, string staging)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        var old = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.old-{Guid.NewGuid():N}");
        Directory.Move(output, old);
        Directory.Move(staging, output);
        Directory.Delete(old, recursive: true);
    }
}
