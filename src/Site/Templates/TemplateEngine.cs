using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using Site.Diagnostics;
using SourceSpan = Site.Diagnostics.SourceSpan;

namespace Site.Templates;

/// <summary>
/// Scriban layouts (<c>theme/layouts/*.sbn</c>) and partials (<c>theme/partials/*.sbn</c>), parsed once per build
/// and rendered with strict variables, so a misspelt variable in the theme fails the build instead of printing nothing.
/// A layout renders the inside of &lt;main&gt;; <c>_base.sbn</c> wraps it into the whole document.
/// </summary>
internal sealed class TemplateEngine
{
    public const string BaseLayout = "_base";
    private readonly Dictionary<string, Template> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _partials = new(StringComparer.Ordinal);
    private readonly string _partialsDirectory;

    private TemplateEngine(string partialsDirectory) => _partialsDirectory = partialsDirectory;

    /// <summary>Names of the layouts pages may choose (the base layout is not one of them).</summary>
    public IReadOnlySet<string> LayoutNames => _layouts.Keys.Where(k => !k.StartsWith('_')).ToHashSet(StringComparer.Ordinal);

    public static TemplateEngine Load(string themeDirectory, DiagnosticBag diagnostics)
    {
        var layoutsDirectory = Path.Combine(themeDirectory, "layouts");
        var engine = new TemplateEngine(Path.Combine(themeDirectory, "partials"));
        foreach (var (folder, target) in new[] { (layoutsDirectory, engine._layouts), (engine._partialsDirectory, engine._partials) })
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.sbn").Order(StringComparer.Ordinal))
            {
                var display = Content.ContentLoader.Display(file);
                var template = Template.Parse(File.ReadAllText(file), display);
                foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                    diagnostics.Add(TemplateDiagnostics.Syntax, SpanOf(message.Span, display), message.Message);
                if (!template.HasErrors) target[Path.GetFileNameWithoutExtension(file)] = template;
            }
        }
        if (!engine._layouts.ContainsKey(BaseLayout))
            diagnostics.Add(TemplateDiagnostics.MissingLayout, SourceSpan.FileOnly(Content.ContentLoader.Display(layoutsDirectory)), BaseLayout, Path.Combine(layoutsDirectory, BaseLayout + ".sbn"));
        return engine;
    }

    private static SourceSpan SpanOf(Scriban.Parsing.SourceSpan span, string fallbackFile) =>
        new(string.IsNullOrEmpty(span.FileName) ? fallbackFile : span.FileName, span.Start.Line + 1, span.Start.Column + 1);

    /// <summary>Renders <paramref name="layout"/> with <paramref name="model"/>, then wraps it in the base layout.</summary>
    public string? Render(string layout, ScriptObject model, string pageForMessages, DiagnosticBag diagnostics)
    {
        if (!_layouts.TryGetValue(layout, out var template) || !_layouts.TryGetValue(BaseLayout, out var baseTemplate))
            return null;
        try
        {
            var main = template.Render(NewContext(model));
            model.SetValue("content", main, readOnly: false);
            return baseTemplate.Render(NewContext(model));
        }
        catch (ScriptRuntimeException ex)
        {
            diagnostics.Add(TemplateDiagnostics.Runtime, SpanOf(ex.Span, "theme"), pageForMessages, ex.OriginalMessage);
            return null;
        }
    }

    private TemplateContext NewContext(ScriptObject model)
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            TemplateLoader = new PartialLoader(_partialsDirectory),
            LoopLimit = 100_000,
            // Scriban cuts any string past 1 MB (its default) when it writes it: a long article's body lost its end,
            // reference list included, without a word.
            LimitToString = 0,
        };
        // Partials are parsed once per build; Scriban looks here before asking the loader.
        foreach (var (name, partial) in _partials) context.CachedTemplates[Path.Combine(_partialsDirectory, name + ".sbn")] = partial;
        context.PushGlobal(model);
        return context;
    }

    private sealed class PartialLoader(string directory) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) =>
            Path.Combine(directory, templateName + ".sbn");

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            File.Exists(templatePath)
                ? File.ReadAllText(templatePath)
                : throw new ScriptRuntimeException(callerSpan, $"No partial '{Path.GetFileNameWithoutExtension(templatePath)}' in {Content.ContentLoader.Display(directory)}.");

        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
