using Site.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Site.Questionnaire;

/// <summary>A YAML node that remembers where it was written.</summary>
internal abstract record YNode(SourceSpan Span);

internal sealed record YScalar(string Value, ScalarStyle Style, SourceSpan Span) : YNode(Span);

internal sealed record YSequence(IReadOnlyList<YNode> Items, SourceSpan Span) : YNode(Span);

internal sealed record YEntry(YScalar Key, YNode Value);

/// <summary>A mapping that keeps its keys in written order; duplicates are reported while reading.</summary>
internal sealed record YMapping(IReadOnlyList<YEntry> Entries, SourceSpan Span) : YNode(Span);

/// <summary>
/// Builds a small tree from YamlDotNet's parser events rather than its representation model: the model throws on
/// a duplicate key without saying where, and we want every problem reported at its line, not the first one only.
/// </summary>
internal static class YamlTree
{
    public static YNode? Parse(string displayPath, string yamlText, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(yamlText));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(displayPath, parser, diagnostics);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(QuestionnaireDiagnostics.UnsupportedYaml, At(displayPath, parser.Current!.Start), "several documents in one file");
                return null;
            }
            return root;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            var (message, line, column) = YamlErrors.Explain(yamlText, e);
            diagnostics.Add(QuestionnaireDiagnostics.YamlSyntax, new SourceSpan(displayPath, line, column), message);
            return null;
        }
    }

    private static YNode ReadNode(string path, IParser parser, DiagnosticBag diagnostics)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
            return new YScalar(scalar.Value, scalar.Style, At(path, scalar.Start));

        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var items = new List<YNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(path, parser, diagnostics));
            return new YSequence(items, At(path, seqStart.Start));
        }

        if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            var entries = new List<YEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(path, parser, diagnostics);
                var value = ReadNode(path, parser, diagnostics);
                if (keyNode is not YScalar key)
                {
                    diagnostics.Add(QuestionnaireDiagnostics.UnsupportedYaml, keyNode.Span, "keys that are not plain text");
                    continue;
                }
                if (entries.Any(e => e.Key.Value == key.Value))
                {
                    diagnostics.Add(QuestionnaireDiagnostics.DuplicateKey, key.Span, key.Value);
                    continue;
                }
                entries.Add(new YEntry(key, value));
            }
            return new YMapping(entries, At(path, mapStart.Start));
        }

        var other = parser.Current!;
        if (other is AnchorAlias)
        {
            diagnostics.Add(QuestionnaireDiagnostics.UnsupportedYaml, At(path, other.Start), "anchors and aliases");
            parser.MoveNext();
            return new YScalar("", ScalarStyle.Plain, At(path, other.Start));
        }
        throw new YamlException(other.Start, other.End, $"unexpected {other.GetType().Name}");
    }

    public static SourceSpan At(string path, Mark mark) => new(path, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
