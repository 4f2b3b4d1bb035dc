using Site.Diagnostics;

namespace Site.Search;

/// <summary>Diagnostics of the search stage (SITE300–SITE349). Tests assert these ids and texts.</summary>
internal static class SearchDiagnostics
{
    public static readonly DiagnosticDescriptor SynonymsNotAList =
        new("SITE302", Severity.Error, "synonyms file must be a list of entries with 'words' and 'means'");

    public static readonly DiagnosticDescriptor SynonymEntryNotAMapping =
        new("SITE303", Severity.Error, "synonym entry must be a mapping with 'words' and 'means'");

    public static readonly DiagnosticDescriptor SynonymMissingKey =
        new("SITE306", Severity.Error, "synonym entry has no '{0}' list");

    public static readonly DiagnosticDescriptor SynonymNotAList =
        new("SITE307", Severity.Error, "'{0}' must be a list of words, e.g. [blood thinners, blood thinner]");

    public static readonly DiagnosticDescriptor SynonymEmptyList =
        new("SITE308", Severity.Error, "'{0}' is an empty list");

    public static readonly DiagnosticDescriptor SynonymItemNotText =
        new("SITE309", Severity.Error, "items of '{0}' must be plain text");

    public static readonly DiagnosticDescriptor SynonymNothingSearchable =
        new("SITE310", Severity.Error, "'{0}' has no searchable word: the search index drops stop words and punctuation");

    public static readonly DiagnosticDescriptor SynonymDuplicateWord =
        new("SITE311", Severity.Error, "lay word '{0}' is already listed at line {1}");
}
