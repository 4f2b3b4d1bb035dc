using Site.Diagnostics;

namespace Site.Links;

/// <summary>Diagnostics of link checking on the final HTML (SITE200–SITE249).</summary>
internal static class LinkDiagnostics
{
    public static readonly DiagnosticDescriptor BrokenLink = new("SITE200", Severity.Error, "Broken link: '{0}' leads to no page or file of the site.{1}");
    public static readonly DiagnosticDescriptor BrokenFragment = new("SITE201", Severity.Error, "Broken link: '{0}' has no element with id '{1}' on {2}.{3}");
    public static readonly DiagnosticDescriptor LinkToRedirect = new("SITE202", Severity.Warning, "Link '{0}' is answered by a redirect to '{1}'; link to '{1}' directly.");
    public static readonly DiagnosticDescriptor LinkToDraft = new("SITE204", Severity.Error, "Link '{0}' leads to a draft (draft: true in {1}), which is not published: remove the link, or publish the page. (The preview shows drafts.)");
    public static readonly DiagnosticDescriptor ThemeLinkBroken = new("SITE203", Severity.Error, "Broken link in the theme's output for {0}: '{1}'.");
}
