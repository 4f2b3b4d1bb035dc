using System.Collections;

namespace Site.Content;

/// <summary>
/// A list compared by its items, for the records the preview compares to tell whether a stage's inputs changed
/// (a record's own equality compares a list member by reference).
/// </summary>
internal sealed class ValueList<T>(IReadOnlyList<T> items) : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    public static readonly ValueList<T> Empty = new([]);

    public T this[int index] => items[index];
    public int Count => items.Count;
    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        ReferenceEquals(this, other) || other is not null && items.Count == other.Count && items.SequenceEqual(other, EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(items.Count);
        foreach (var item in items.Take(8)) hash.Add(item);
        return hash.ToHashCode();
    }
}

internal static class ValueList
{
    public static ValueList<T> Of<T>(IEnumerable<T> items) => new([.. items]);
}

/// <summary>A file's bytes as read, compared by content: what the preview keys a file's stage on.</summary>
internal sealed class FileBytes(byte[] bytes, bool exists) : IEquatable<FileBytes>
{
    public static readonly FileBytes Missing = new([], exists: false);

    public ReadOnlySpan<byte> Span => bytes;
    public bool Exists => exists;

    public static FileBytes Read(string path)
    {
        try
        {
            return new(File.ReadAllBytes(path), exists: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Missing; // deleted since it was listed: the next build, which the deletion starts, sees it gone
        }
    }

    public bool Equals(FileBytes? other) => ReferenceEquals(this, other) || other is not null && exists == other.Exists && Span.SequenceEqual(other.Span);
    public override bool Equals(object? obj) => Equals(obj as FileBytes);
    public override int GetHashCode() => bytes.Length;
}
