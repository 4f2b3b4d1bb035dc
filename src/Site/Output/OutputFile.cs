namespace Site.Output;

/// <summary>A file of the built site, by its path under the output folder.</summary>
internal abstract record OutputFile(string Path);

internal sealed record TextOutput(string Path, string Text) : OutputFile(Path);

internal sealed record CopyOutput(string Path, string SourcePath) : OutputFile(Path);

/// <summary>A file too large to hold as one string (the search index): written straight to disk by <see cref="Write"/>.</summary>
internal sealed record StreamedOutput(string Path, Action<TextWriter> Write) : OutputFile(Path);
