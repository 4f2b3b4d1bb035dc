using Site.Diagnostics;
using Site.Yaml;

namespace Site.Content;

/// <summary>One published source from <c>input/references.yml</c>, cited by its <see cref="Id"/>.</summary>
internal sealed record Reference(string Id, string Citation, string? Doi, string? Pmid, string? Url, string? Summary, SourceSpan DefinedAt)
{
    /// <summary>Where a reader can follow the source: the DOI resolver first, then PubMed, then the given URL.</summary>
    public string? Link => Doi is not null ? $"https://doi.org/{Doi}"
        : Pmid is not null ? $"https://pubmed.ncbi.nlm.nih.gov/{Pmid}/"
        : Url;

    public const string FileName = "references.yml";

    public static IReadOnlyDictionary<string, Reference> LoadAll(string displayPath, string text, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, Reference>(StringComparer.Ordinal);
        var root = YamlDocument.Parse(text, displayPath, 0, diagnostics).Root;
        if (root is null) return result;
        if (root is not YSequence seq)
        {
            diagnostics.Add(YamlDiagnostics.WrongType, new SourceSpan(displayPath, 1, 1), "references.yml", "a list of sources");
            return result;
        }
        foreach (var node in seq.Items)
        {
            if (node is not YMapping map)
            {
                diagnostics.Add(YamlDiagnostics.WrongType, node.Span, "source", "a mapping with id and citation");
                continue;
            }
            var f = new YamlFields(map, diagnostics);
            var id = f.String("id", required: true);
            var citation = f.String("citation", required: true);
            var reference = new Reference(id ?? "", citation ?? "", f.String("doi"), f.String("pmid"), f.String("url"), f.String("summary"), f.MapSpan);
            f.RejectUnknownKeys();
            if (id is null || citation is null) continue;
            if (!result.TryAdd(id, reference)) diagnostics.Add(ContentDiagnostics.DuplicateReference, f.SpanOf("id"), id);
        }
        return result;
    }
}
