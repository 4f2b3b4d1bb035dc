using Site.Diagnostics;

namespace Site.Cms;

/// <summary>Diagnostics of the Decap CMS admin (SITE260–SITE269). Tests assert these ids and texts.</summary>
internal static class CmsDiagnostics
{
    public static readonly DiagnosticDescriptor NotInstalled = new("SITE260", Severity.Error,
        "The theme ships Decap CMS but {0} is missing: run npm ci --prefix {1}");
    public static readonly DiagnosticDescriptor NotGitHub = new("SITE261", Severity.Error,
        "repository.url '{0}' is not a GitHub repository (https://github.com/owner/name): the CMS at /admin/ commits through Decap's github backend.");
}
