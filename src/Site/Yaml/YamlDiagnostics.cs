using Site.Diagnostics;

namespace Site.Yaml;

/// <summary>
/// What every YAML file of the site (front matter, site.yml, references.yml, the questionnaire, the synonyms) says
/// about the same mistake: one id and one message, whichever file it is in.
/// </summary>
internal static class YamlDiagnostics
{
    public static readonly DiagnosticDescriptor Syntax = new("SITE001", Severity.Error, "YAML syntax error: {0}");

    /// <summary>{1} is the advice: "Did you mean 'title'?" or the keys allowed there, and where free-form data goes.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new("SITE002", Severity.Error, "Unknown key '{0}'. {1}");

    public static readonly DiagnosticDescriptor MissingKey = new("SITE003", Severity.Error, "Required key '{0}' is missing.");
    public static readonly DiagnosticDescriptor WrongType = new("SITE004", Severity.Error, "Key '{0}' must be {1}.");
    public static readonly DiagnosticDescriptor EmptyValue = new("SITE017", Severity.Error, "Key '{0}' must not be empty.");

    public static readonly DiagnosticDescriptor AliasRefused = new("SITE030", Severity.Error,
        "YAML anchors ('&name') and aliases ('*name') are not allowed in the site's files: write the value out in full at each place it is used.");

    public static readonly DiagnosticDescriptor DuplicateKey = new("SITE031", Severity.Error,
        "Key '{0}' is written twice (first at line {1}): keep one of them and delete the other.");

    public static readonly DiagnosticDescriptor SeveralDocuments = new("SITE032", Severity.Error,
        "The file holds more than one YAML document (a line '---' or '...' starts another): keep one, and delete that line and what follows it or merge it into the first.");

    public static readonly DiagnosticDescriptor TooDeep = new("SITE034", Severity.Error,
        "Lists and mappings are nested more than {0} levels deep here, which no file of the site needs: write this part flatter (it is left out).");

    public static readonly DiagnosticDescriptor KeyNotText = new("SITE033", Severity.Error,
        "A key must be plain text before the ':', not a list or a mapping.");
}
