using Site.Diagnostics;

namespace Site.Templates;

/// <summary>Diagnostics of the template stage (SITE100–SITE149).</summary>
internal static class TemplateDiagnostics
{
    public static readonly DiagnosticDescriptor Syntax = new("SITE100", Severity.Error, "Template syntax error: {0}");
    public static readonly DiagnosticDescriptor Runtime = new("SITE101", Severity.Error, "Template error while rendering {0}: {1}");
    public static readonly DiagnosticDescriptor MissingLayout = new("SITE102", Severity.Error, "The theme has no layout '{0}' (expected {1}).");
    public static readonly DiagnosticDescriptor MissingAsset = new("SITE103", Severity.Error, "The theme has no asset '{0}' (looked in {1}).");
}
