using Site.Diagnostics;

namespace Site.Links;

/// <summary>Diagnostics of link checking on the final HTML (SITE200–SITE249).</summary>
internal static class LinkDiagnostics
{
    public static readonly DiagnosticDescriptor BrokenLink = new("SITE200", Severity.Error, "Broken link: '{0}' leads to no page or file of the site.");
    public static readonly DiagnosticDescriptor BrokenFragment = new("SITE201", Severity.Error, "Broken link: '{0}' has no element with id '{1}' on {2}.");
    public static readonly DiagnosticDescriptor LinkToRedirect = new("SITE202", Severity.Warning, "Link '{0}' is answered by a redirect to '{1}'; link to '{1}' directly.");
    public static readonly DiagnosticDescriptor ThemeLinkBroken = new("SITE203", Severity.Error, "Broken link in the theme's output for {0}: '{1}'.");
}
