using System.Collections.Concurrent;
using System.Text;

namespace Site.Output;

/// <summary>
/// The only stage that writes to disk, one file at a time as the build finishes it. A build writes into a fresh
/// staging folder beside <c>output/</c> and swaps it in only when every file is written and no error was found, so a
/// failed or interrupted build leaves the previous site untouched. The preview, which owns its folder, writes in place
/// and only the files whose content changed. <c>check</c> writes nothing but still records every path, for link checks.
/// </summary>
internal sealed class OutputWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, byte> _paths = new(StringComparer.Ordinal);
    private readonly string? _target;   // where files go now: the staging folder, the preview's folder, or nowhere
    private readonly string? _output;   // the folder the staging folder replaces
    private readonly PreviewManifest? _manifest;
    private bool _committed;

    private OutputWriter(string? target, string? output, PreviewManifest? manifest)
    {
        _target = target;
        _output = output;
        _manifest = manifest;
    }

    /// <summary>Every path written (or, for <c>check</c>, that would be), relative to the output folder.</summary>
    public ICollection<string> Paths => _paths.Keys;

    public static OutputWriter DryRun() => new(null, null, null);

    /// <summary>A build's writer: a staging folder named after this process, so a later build can tell a killed build's leftovers from a running one's.</summary>
    public static OutputWriter Staging(string outputDirectory)
    {
        var full = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        RecoverFromInterruptedBuilds(full);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.new-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new OutputWriter(staging, full, null);
    }

    /// <summary>The preview's writer: in place, skipping files whose content is what the last build wrote.</summary>
    public static OutputWriter InPlace(string outputDirectory, PreviewManifest manifest)
    {
        var full = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(full);
        return new OutputWriter(full, null, manifest);
    }

    public void WriteText(string path, string text) => WritePage(path, text, [], "");

    /// <summary>Writes a page as the template's HTML around its Markdown body, without joining them in memory first.</summary>
    public void WritePage(string path, string head, byte[] body, string tail)
    {
        _paths[path] = 0;
        if (_target is null) return;
        if (_manifest is not null && !_manifest.Changed(path, head, body, tail)) return;
        var file = Prepare(path);
        using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            using (var writer = new StreamWriter(stream, Utf8, 64 * 1024, leaveOpen: true)) writer.Write(head);
            stream.Write(body);
            using (var writer = new StreamWriter(stream, Utf8, 64 * 1024, leaveOpen: true)) writer.Write(tail);
        }
        Publish(file, path);
    }

    /// <summary>Writes a file a block at a time (always, even in place: it is not hashed first).</summary>
    public void WriteStreamed(string path, Action<TextWriter> write)
    {
        _paths[path] = 0;
        if (_target is null) return;
        var file = Prepare(path);
        using (var writer = new StreamWriter(file, Utf8, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 64 * 1024 }))
            write(writer);
        Publish(file, path);
    }

    /// <summary>Marks a file the preview did not need to render again as still part of the site.</summary>
    public void Keep(string path) => _paths[path] = 0;

    public void Copy(string path, string sourcePath)
    {
        _paths[path] = 0;
        if (_target is null) return;
        if (_manifest is not null)
        {
            var destination = Path.Combine(_target, path);
            var source = new FileInfo(sourcePath);
            var existing = new FileInfo(destination);
            if (existing.Exists && existing.Length == source.Length && existing.LastWriteTimeUtc >= source.LastWriteTimeUtc) return;
        }
        var file = Prepare(path);
        File.Copy(sourcePath, file, overwrite: true);
        Publish(file, path);
    }

    private string Prepare(string path)
    {
        var target = Path.Combine(_target!, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // In place, a reader must never see half a file: write beside it, then rename over it.
        return _manifest is null ? target : target + ".tmp-" + Environment.CurrentManagedThreadId;
    }

    private void Publish(string written, string path)
    {
        if (_manifest is not null) File.Move(written, Path.Combine(_target!, path), overwrite: true);
    }

    /// <summary>Makes what was written the site: swaps the staging folder in, or (in place) removes files no longer built.</summary>
    public void Commit()
    {
        if (_target is null) return;
        if (_manifest is not null)
        {
            foreach (var stale in _manifest.Forget(_paths.Keys))
            {
                var file = Path.Combine(_target, stale);
                if (File.Exists(file)) File.Delete(file);
            }
            _committed = true;
            return;
        }
        if (!Directory.Exists(_output))
            Directory.Move(_target, _output!);
        else
        {
            var old = Path.Combine(Path.GetDirectoryName(_output)!, $".{Path.GetFileName(_output)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.Move(_output!, old);
            Directory.Move(_target, _output!);
            Directory.Delete(old, recursive: true);
        }
        _committed = true;
    }

    /// <summary>Without a commit, a build's staging folder is removed and the previous site stays as it was.</summary>
    public void Dispose()
    {
        if (_committed || _manifest is not null || _target is null) return;
        if (Directory.Exists(_target)) Directory.Delete(_target, recursive: true);
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
}

/// <summary>What the preview last wrote: a hash per file, so an unchanged page is not written again.</summary>
internal sealed class PreviewManifest
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);

    public bool Changed(string path, string head, byte[] body, string tail)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(head.AsSpan()));
        hash.AppendData(body);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tail.AsSpan()));
        var value = Convert.ToHexString(hash.GetHashAndReset());
        if (_hashes.TryGetValue(path, out var old) && old == value) return false;
        _hashes[path] = value;
        return true;
    }

    /// <summary>Forgets the files not written this time and returns them, to be deleted.</summary>
    public List<string> Forget(ICollection<string> written)
    {
        var keep = written.ToHashSet(StringComparer.Ordinal);
        var stale = _hashes.Keys.Where(p => !keep.Contains(p)).ToList();
        foreach (var path in stale) _hashes.TryRemove(path, out _);
        return stale;
    }
}
