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
    private readonly Func<string, string> _display;

    private TemplateEngine(string partialsDirectory, Func<string, string> display)
    {
        _partialsDirectory = partialsDirectory;
        _display = display;
    }

    /// <summary>Changes whenever a layout or partial does: a page rendered with other templates is not reused.</summary>
    public string Stamp { get; private set; } = "";

    /// <summary>Names of the layouts pages may choose (the base layout is not one of them).</summary>
    public IReadOnlySet<string> LayoutNames => _layouts.Keys.Where(k => !k.StartsWith('_')).ToHashSet(StringComparer.Ordinal);

    public static TemplateEngine Load(string themeDirectory, Content.ProjectPaths paths, DiagnosticBag diagnostics)
    {
        var layoutsDirectory = Path.Combine(themeDirectory, "layouts");
        var engine = new TemplateEngine(Path.Combine(themeDirectory, "partials"), paths.Display);
        foreach (var (folder, target) in new[] { (layoutsDirectory, engine._layouts), (engine._partialsDirectory, engine._partials) })
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.sbn").Order(StringComparer.Ordinal))
            {
                var display = paths.Display(file);
                engine.Stamp += $"{display}:{BuildCache.Stamp(file)};";
                var template = Template.Parse(File.ReadAllText(file), display);
                foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                    diagnostics.Add(TemplateDiagnostics.Syntax, SpanOf(message.Span, display), message.Message);
                if (!template.HasErrors) target[Path.GetFileNameWithoutExtension(file)] = template;
            }
        }
        if (!engine._layouts.ContainsKey(BaseLayout))
            diagnostics.Add(TemplateDiagnostics.MissingLayout, SourceSpan.FileOnly(paths.Display(layoutsDirectory)), BaseLayout, Path.Combine(layoutsDirectory, BaseLayout + ".sbn"));
        return engine;
    }

    private static SourceSpan SpanOf(Scriban.Parsing.SourceSpan span, string fallbackFile) =>
        new(string.IsNullOrEmpty(span.FileName) ? fallbackFile : span.FileName, span.Start.Line + 1, span.Start.Column + 1);

    /// <summary>
    /// A template context for one worker thread, reused for every page that thread renders: creating a context clones
    /// Scriban's builtins, which costs more than rendering a small layout.
    /// </summary>
    /// <param name="site">What every page sees alike (<see cref="ModelBuilder.SiteScope"/>): pushed once, below each page's scope.</param>
    public TemplateContext NewContext(ScriptObject site)
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            TemplateLoader = new PartialLoader(_partialsDirectory, _display),
            LoopLimit = 100_000,
            // Scriban cuts any value it prints at 1 MB by default, with "..." and no error: a big site's references page
            // (every source with every page citing it) passes that, and was silently cut off mid-link.
            LimitToString = 0,
        };
        // Partials are parsed once per build; Scriban looks here before asking the loader.
        foreach (var (name, partial) in _partials) context.CachedTemplates[Path.Combine(_partialsDirectory, name + ".sbn")] = partial;
        // Scriban's html.escape (WebUtility.HtmlEncode) writes every letter past ASCII as a numeric reference ("Über" as
        // "&#220;ber"): valid, but larger and unreadable in the page source. The page is UTF-8; only markup characters need escaping.
        if (context.BuiltinObject["html"] is ScriptObject html) html.SetValue("escape", DelegateCustomFunction.CreateFunc<string, string>(EscapeMarkup), readOnly: true);
        context.PushGlobal(site);
        return context;
    }

    /// <summary>
    /// Renders <paramref name="layout"/> with <paramref name="model"/>, then wraps it in the base layout, in
    /// <paramref name="context"/> (from <see cref="NewContext"/>). Null when the theme failed; the context may then be in
    /// any state and must not be reused.
    /// </summary>
    public string? Render(TemplateContext context, string layout, ScriptObject model, string pageForMessages, DiagnosticBag diagnostics)
    {
        if (!_layouts.TryGetValue(layout, out var template) || !_layouts.TryGetValue(BaseLayout, out var baseTemplate))
            return null;
        try
        {
            context.PushGlobal(model);
            var main = template.Render(context);
            model.SetValue("content", main, readOnly: false);
            var page = baseTemplate.Render(context);
            context.PopGlobal();
            return page;
        }
        catch (ScriptRuntimeException ex)
        {
            diagnostics.Add(TemplateDiagnostics.Runtime, SpanOf(ex.Span, "theme"), pageForMessages, ex.OriginalMessage);
            return null;
        }
    }

    /// <summary>Escapes the five characters that are markup in text and attribute values, nothing else.</summary>
    public static string EscapeMarkup(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0) return text ?? "";
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
            sb.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => c.ToString() });
        return sb.ToString();
    }

    private sealed class PartialLoader(string directory, Func<string, string> display) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) =>
            Path.Combine(directory, templateName + ".sbn");

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            File.Exists(templatePath)
                ? File.ReadAllText(templatePath)
                : throw new ScriptRuntimeException(callerSpan, $"No partial '{Path.GetFileNameWithoutExtension(templatePath)}' in {display(directory)}.");

        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
