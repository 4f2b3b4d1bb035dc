using Site.Diagnostics;

namespace Site.Content;

/// <summary>Diagnostics of the content stage: site config, front matter, references (SITE001–SITE049).</summary>
internal static class ContentDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidDate = new("SITE005", Severity.Error, "Key '{0}' must be a date written YYYY-MM-DD, not '{1}'.");
    public static readonly DiagnosticDescriptor ReviewOrder = new("SITE006", Severity.Error, "next_review ({0}) must come after last_reviewed ({1}).");
    public static readonly DiagnosticDescriptor ReviewTooFar = new("SITE007", Severity.Error, "next_review ({0}) is more than 3 years after last_reviewed ({1}).");
    public static readonly DiagnosticDescriptor ReviewedInFuture = new("SITE008", Severity.Error, "last_reviewed ({0}) is in the future.");
    public static readonly DiagnosticDescriptor MissingFrontMatter = new("SITE009", Severity.Error, "The file has no front matter: start it with a '---' line, the YAML keys, and a closing '---' line.");
    public static readonly DiagnosticDescriptor DuplicateUrl = new("SITE010", Severity.Error, "The URL {0} is already used by {1}.");
    public static readonly DiagnosticDescriptor BadFileName = new("SITE011", Severity.Error, "The file name '{0}' has no letter or digit to make its URL from: rename it after its title, for example '{1}'.");
    public static readonly DiagnosticDescriptor UnknownSection = new("SITE012", Severity.Error, "Unknown section '{0}'.{2} Sections are defined in input/site.yml: {1}.");
    public static readonly DiagnosticDescriptor UnknownReference = new("SITE013", Severity.Error, "Unknown source '{0}'.{1} Add it to input/references.yml or fix the id.");
    public static readonly DiagnosticDescriptor ImpossibleDate = new("SITE014", Severity.Error, "Key '{0}' is not a date that exists ({1}): {2}.");
    public static readonly DiagnosticDescriptor DuplicateReference = new("SITE015", Severity.Error, "Source id '{0}' is defined twice.");
    public static readonly DiagnosticDescriptor UnknownRelated = new("SITE016", Severity.Error, "Related article '{0}' does not exist.{1} Use the file name of an article in input/articles/ without '.md'.");
    public static readonly DiagnosticDescriptor UnknownLayout = new("SITE018", Severity.Error, "Unknown layout '{0}'.{2} Layouts are the .sbn files in theme/layouts/: {1}.");
    public static readonly DiagnosticDescriptor MissingFile = new("SITE019", Severity.Error, "Required file is missing: {0}.");
    public static readonly DiagnosticDescriptor ArticleNotIndexed = new("SITE020", Severity.Error, "Articles must be written in input/articles/ and pages in input/pages/; '{0}' is in neither.");
    public static readonly DiagnosticDescriptor InvalidUtf8 = new("SITE021", Severity.Error, "The file is not valid UTF-8 at byte {0} (text pasted from a word processor is often Windows-1252): save it as UTF-8 (in Word: Save As, Plain Text, Unicode (UTF-8); in Notepad or VS Code: choose the encoding UTF-8 when saving) and check the characters around this place.");
    public static readonly DiagnosticDescriptor ControlCharacter = new("SITE022", Severity.Error, "The file contains the control character {0}, which is invisible in most editors and cannot be published: delete it (retype the characters around this place if you cannot see it).");
    public static readonly DiagnosticDescriptor RefusedLink = new("SITE025", Severity.Error, "This is a symbolic link to '{0}', {1}: the build never follows it, so nothing is read or published through it. Put the file itself here instead.");
    public static readonly DiagnosticDescriptor BadBaseUrl = new("SITE026", Severity.Error, "base_url '{0}' cannot be the site's address: {1}. Write the address the site is served at, such as https://example.org.");
    public static readonly DiagnosticDescriptor BadSiteLink = new("SITE027", Severity.Error, "'{0}' cannot be used as {1}: {2}.");
    public static readonly DiagnosticDescriptor RelatedDraft = new("SITE024", Severity.Error, "Related article '{0}' is a draft (draft: true in {1}), so it is not published: remove it from related, or publish the article.");
    public static readonly DiagnosticDescriptor FewSources = new("SITE040", Severity.Warning, "The article cites {0} source(s); cite at least two.");
    public static readonly DiagnosticDescriptor ReviewDue = new("SITE041", Severity.Warning, "next_review ({0}) {1}: review the article and update last_reviewed and next_review.");
    public static readonly DiagnosticDescriptor LargeImage = new("SITE043", Severity.Warning, "The image is {0} KB; keep images under 200 KB (simplify the SVG or compress the picture).");
    public static readonly DiagnosticDescriptor Placeholder = new("SITE044", Severity.Warning, "'{0}' is the README's example text: replace it with {1}.");
    public static readonly DiagnosticDescriptor TitleInUse = new("SITE045", Severity.Warning, "{0} already has the title '{1}' in section '{2}': give this article a title of its own, so readers can tell them apart in the section's list.");
    public static readonly DiagnosticDescriptor OrderInUse = new("SITE046", Severity.Warning, "order {0} is already used by {1} in section '{2}': use a number no other article of the section has (the first free one is {3}).");
    /// <summary>The media limit (SITE043); the CMS refuses an upload over it with the same message.</summary>
    public const int MaxImageKilobytes = 200;
    /// <summary>What SITE040 asks of an article; the CMS form asks the same.</summary>
    public const int MinSources = 2;
    /// <summary>The lengths outside which SITE042 warns (FrontMatter reads them); the CMS form refuses the same.</summary>
    public const int DescriptionMinLength = 50, DescriptionMaxLength = 170;
    public static readonly DiagnosticDescriptor DescriptionLength = new("SITE042", Severity.Warning, "description is {0} characters; search engines show about 70–160.");
}
