using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Site.Output;

/// <summary>
/// Where a build's files go: the only stage that writes. Three sinks: <see cref="StagingSink"/> (a build: a fresh
/// folder swapped in on success), <see cref="InPlaceSink"/> (the preview: its own folder, only what changed) and
/// <see cref="MemorySink"/> (<c>check</c> and tests: nothing on disk). Every sink records each path it was given, for
/// the link checks.
/// </summary>
internal abstract class OutputSink : IDisposable
{
    protected static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, byte> _paths = new(StringComparer.Ordinal);

    /// <summary>Every path of the site as built (written, or for <see cref="Keep"/>, still current), relative to the output folder.</summary>
    public ICollection<string> Paths => _paths.Keys;

    /// <summary>Files kept in memory with their content; empty for sinks that write to disk.</summary>
    public virtual IReadOnlyList<OutputFile> Files => [];

    /// <summary>Writes a page as the template's HTML around its Markdown body, without joining them into one string.</summary>
    public void WritePage(string path, string head, byte[] body, string tail)
    {
        _paths[path] = 0;
        // One pooled buffer for the layout's two halves, encoded once; the body is already UTF-8. No writer, no per-page buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(head.Length) + Utf8.GetMaxByteCount(tail.Length));
        try
        {
            var headLength = Utf8.GetBytes(head, buffer);
            var tailLength = Utf8.GetBytes(tail, buffer.AsSpan(headLength));
            WriteBytes(path, [buffer.AsMemory(0, headLength), body, buffer.AsMemory(headLength, tailLength)]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void WriteText(string path, string text) => WritePage(path, text, [], "");

    /// <summary>Writes a file too large to hold as one string (the search index) a block at a time.</summary>
    public void WriteStreamed(string path, Action<TextWriter> write)
    {
        _paths[path] = 0;
        WriteStreamedCore(path, write);
    }

    public void Copy(string path, string sourcePath)
    {
        _paths[path] = 0;
        CopyCore(path, sourcePath);
    }

    /// <summary>Marks a file as part of this build without writing it: the preview's unchanged pages, and the index that follows later.</summary>
    public void Keep(string path) => _paths[path] = 0;

    protected abstract void WriteBytes(string path, IReadOnlyList<ReadOnlyMemory<byte>> parts);
    protected abstract void WriteStreamedCore(string path, Action<TextWriter> write);
    protected abstract void CopyCore(string path, string sourcePath);

    /// <summary>Makes what was written the site. Called only when the build found no error.</summary>
    public abstract void Commit();

    public virtual void Dispose() { }

    /// <summary>Writes <paramref name="parts"/> into a new file with one gathered write.</summary>
    protected static void WriteFile(string file, IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        using SafeFileHandle handle = File.OpenHandle(file, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, parts, 0);
    }

    protected static void WriteStreamedFile(string file, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(file, Utf8, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 64 * 1024 });
        write(writer);
    }

    protected static string Prepared(string root, string path)
    {
        var target = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return target;
    }
}

/// <summary>
/// A build's sink: a staging folder beside <c>output/</c>, named after this process, swapped in only when every file is
/// written and no error was found, so a failed or interrupted build leaves the previous site untouched.
/// </summary>
internal sealed class StagingSink : OutputSink
{
    private readonly string _staging;
    private readonly string _output;
    private bool _committed;

    public StagingSink(string outputDirectory)
    {
        _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_output)!;
        Directory.CreateDirectory(parent);
        RecoverFromInterruptedBuilds(_output);
        _staging = Path.Combine(parent, $".{Path.GetFileName(_output)}.new-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_staging);
    }

    protected override void WriteBytes(string path, IReadOnlyList<ReadOnlyMemory<byte>> parts) => WriteFile(Prepared(_staging, path), parts);
    protected override void WriteStreamedCore(string path, Action<TextWriter> write) => WriteStreamedFile(Prepared(_staging, path), write);
    protected override void CopyCore(string path, string sourcePath) => File.Copy(sourcePath, Prepared(_staging, path), overwrite: true);

    public override void Commit()
    {
        if (!Directory.Exists(_output))
            Directory.Move(_staging, _output);
        else
        {
            var old = Path.Combine(Path.GetDirectoryName(_output)!, $".{Path.GetFileName(_output)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.Move(_output, old);
            Directory.Move(_staging, _output);
            Directory.Delete(old, recursive: true);
        }
        _committed = true;
    }

    /// <summary>Without a commit, the staging folder is removed and the previous site stays as it was.</summary>
    public override void Dispose()
    {
        if (!_committed && Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
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

/// <summary>
/// The preview's sink: it owns its folder and writes in place, for the whole session. A file whose bytes are what it
/// last wrote is not written again; a changed one is written beside its old self and renamed over it, so the server
/// never serves half a file; files no longer built are removed on commit.
/// </summary>
internal sealed class InPlaceSink : OutputSink
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);

    public InPlaceSink(string outputDirectory)
    {
        _root = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(_root);
    }

    /// <summary>A sink for the next build in the same folder, knowing what this one wrote: paths start empty, hashes carry over.</summary>
    public InPlaceSink Next() => new(_root, _hashes);

    private InPlaceSink(string root, ConcurrentDictionary<string, string> hashes)
    {
        _root = root;
        _hashes = hashes;
    }

    protected override void WriteBytes(string path, IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var part in parts) hash.AppendData(part.Span);
        var value = Convert.ToHexString(hash.GetHashAndReset());
        if (_hashes.TryGetValue(path, out var old) && old == value) return;
        var file = Beside(path);
        WriteFile(file, parts);
        File.Move(file, Path.Combine(_root, path), overwrite: true);
        _hashes[path] = value;
    }

    protected override void WriteStreamedCore(string path, Action<TextWriter> write)
    {
        var file = Beside(path);
        WriteStreamedFile(file, write);
        File.Move(file, Path.Combine(_root, path), overwrite: true);
        _hashes[path] = "";
    }

    protected override void CopyCore(string path, string sourcePath)
    {
        var destination = Path.Combine(_root, path);
        var source = new FileInfo(sourcePath);
        var existing = new FileInfo(destination);
        if (existing.Exists && existing.Length == source.Length && existing.LastWriteTimeUtc >= source.LastWriteTimeUtc) return;
        var file = Beside(path);
        File.Copy(sourcePath, file, overwrite: true);
        File.Move(file, destination, overwrite: true);
        _hashes[path] = "";
    }

    private string Beside(string path) => Prepared(_root, path) + ".tmp-" + Environment.CurrentManagedThreadId;

    /// <summary>Removes the files an earlier build wrote that this one did not build.</summary>
    public override void Commit()
    {
        var keep = Paths.ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _hashes.Keys.Where(p => !keep.Contains(p)).ToList())
        {
            _hashes.TryRemove(stale, out _);
            var file = Path.Combine(_root, stale);
            if (File.Exists(file)) File.Delete(file);
        }
    }
}

/// <summary>
/// Nothing on disk: <c>check</c> (paths only) and tests (<paramref name="keepContent"/>: every file with its text, pages
/// as they would be written, copies by their source).
/// </summary>
internal sealed class MemorySink(bool keepContent) : OutputSink
{
    private readonly ConcurrentDictionary<string, OutputFile> _files = new(StringComparer.Ordinal);

    public override IReadOnlyList<OutputFile> Files => [.. _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];

    protected override void WriteBytes(string path, IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        if (!keepContent) return;
        var bytes = new byte[parts.Sum(p => p.Length)];
        var at = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(bytes.AsSpan(at));
            at += part.Length;
        }
        _files[path] = new TextOutput(path, Utf8.GetString(bytes));
    }

    protected override void WriteStreamedCore(string path, Action<TextWriter> write)
    {
        if (!keepContent) return;
        using var writer = new StringWriter();
        write(writer);
        _files[path] = new TextOutput(path, writer.ToString());
    }

    protected override void CopyCore(string path, string sourcePath)
    {
        if (keepContent) _files[path] = new CopyOutput(path, sourcePath);
    }

    public override void Commit() { }
}
