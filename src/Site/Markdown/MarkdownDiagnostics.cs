using Site.Diagnostics;

namespace Site.Markdown;

/// <summary>Diagnostics of the Markdown stage (SITE050–SITE099).</summary>
internal static class MarkdownDiagnostics
{
    public static readonly DiagnosticDescriptor RawHtml = new("SITE050", Severity.Error, "Raw HTML is not allowed in Markdown ({0}); write it in Markdown instead.");
    public static readonly DiagnosticDescriptor ImageWithoutAlt = new("SITE051", Severity.Error, "Image '{0}' has no text alternative: write it as ![what the picture shows]({0}).");
    public static readonly DiagnosticDescriptor HeadingOne = new("SITE052", Severity.Error, "Do not use a level-1 heading ('# ') in the body: the title is the page's only h1. Start sections at '## '.");
    public static readonly DiagnosticDescriptor HeadingSkipped = new("SITE053", Severity.Warning, "Heading level jumps from h{0} to h{1}; use h{2} so the outline stays readable.");
    public static readonly DiagnosticDescriptor UnknownCitation = new("SITE054", Severity.Error, "Citation '@{0}' is not in input/references.yml.{1}");
    public static readonly DiagnosticDescriptor CitationNotInSources = new("SITE055", Severity.Warning, "Citation '@{0}' is not listed in the front matter's sources; it is added to the page's list, but list it there too.");
    public static readonly DiagnosticDescriptor ReadingGrade = new("SITE056", Severity.Warning, "Reading grade {0:0.0} is above the target of {1}: use shorter sentences and plainer words.");
    public static readonly DiagnosticDescriptor UnsafeLink = new("SITE058", Severity.Error, "Link target '{0}' uses a scheme that is not allowed; use https:, mailto:, tel: or a path on this site.");
    public static readonly DiagnosticDescriptor TooDeeplyNested = new("SITE059", Severity.Error, "Markdown is nested {0} levels deep here (block quotes, lists, emphasis or links inside each other); at most {1} are allowed. Remove the extra '>', '*' or list indentation.");
    public static readonly DiagnosticDescriptor UnknownCard = new("SITE060", Severity.Error, "Unknown card ':::{0}'. Cards are: {1}.");
    public static readonly DiagnosticDescriptor DuplicateHeadingId = new("SITE057", Severity.Warning, "Two headings share the id '{0}': this one gets '{1}' and a link to #{0} reaches the other. Give each heading its own words.");
}
