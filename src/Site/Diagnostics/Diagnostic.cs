namespace Site.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A place in a source file; lines and columns are 1-based, as editors and MSBuild count them.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan FileOnly(string file) => new(file, 1, 1);
}

/// <summary>The fixed part of a diagnostic: its id, default severity and message format. Tests assert these texts.</summary>
public sealed record DiagnosticDescriptor(string Id, Severity Severity, string MessageFormat)
{
    public Diagnostic At(SourceSpan where, params object?[] args) =>
        new(where, Severity, Id, args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args));
}

/// <summary>One finding, printed in the MSBuild shape: <c>file(line,col): error SITE012: message</c>.</summary>
public sealed record Diagnostic(SourceSpan Where, Severity Severity, string Id, string Message)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString() =>
        $"{Where.File}({Where.Line},{Where.Column}): {(IsError ? "error" : "warning")} {Id}: {Message}";
}
