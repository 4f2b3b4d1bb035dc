using Site.Diagnostics;
using Site.Markdown;

namespace Site.Questionnaire;

/// <summary>
/// The questionnaire's Markdown (each question's help, each result's body), rendered once through the site's one
/// Markdown entry point: the page's JSON reads the HTML, the link check reads the links, and nothing parses it again.
/// </summary>
internal static class QuestionnaireText
{
    public static IReadOnlyDictionary<SourceText, RenderedFragment> Render(Questionnaire q, DiagnosticBag diagnostics)
    {
        var rendered = new Dictionary<SourceText, RenderedFragment>();
        IEnumerable<SourceText> texts = [.. q.Items.Select(i => i.Help).OfType<SourceText>(), .. q.Outcomes.Select(o => o.Body)];
        foreach (var text in texts) rendered.TryAdd(text, BodyRenderer.RenderFragment(text, diagnostics));
        return rendered;
    }
}
