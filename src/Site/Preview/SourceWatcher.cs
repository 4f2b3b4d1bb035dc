namespace Site.Preview;

/// <summary>
/// Calls back once a burst of file changes has settled, with the paths that changed (files or folders), ignoring
/// editors' temporary files and node_modules. Null means "anything may have changed": the watcher lost events.
/// </summary>
internal sealed class SourceWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private HashSet<string>? _pending = new(StringComparer.Ordinal);

    public SourceWatcher(IEnumerable<string> directories, Action<IReadOnlyCollection<string>?> changed)
    {
        _timer = new Timer(_ => changed(TakePending()), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            // The kernel's event queue overflowed (a checkout of many files): which paths changed is not known.
            watcher.Error += (_, _) => Note(null);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private IReadOnlyCollection<string>? TakePending()
    {
        lock (_gate)
        {
            var taken = _pending;
            _pending = new(StringComparer.Ordinal);
            return taken;
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var path = e.FullPath.Replace('\\', '/');
        if (path.Contains("/node_modules/") || path.EndsWith('~') || path.EndsWith(".swp") || Path.GetFileName(path).StartsWith(".#")) return;
        Note(e.FullPath);
        if (e is RenamedEventArgs renamed) Note(renamed.OldFullPath);
    }

    private void Note(string? path)
    {
        lock (_gate)
        {
            if (path is null) _pending = null;
            else _pending?.Add(path);
        }
        _timer.Change(30, Timeout.Infinite);
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }
}
