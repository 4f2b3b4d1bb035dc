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
internal sealed partial class TemplateEngine
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

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal); // "layouts/x" or "partials/x" → source

    /// <summary>Names of the layouts pages may choose (the base layout is not one of them).</summary>
    public IReadOnlySet<string> LayoutNames => _layouts.Keys.Where(k => !k.StartsWith('_')).ToHashSet(StringComparer.Ordinal);

    /// <summary>Parses the theme's layouts and partials as read into <paramref name="inputs"/>.</summary>
    public static TemplateEngine Load(ThemeInputs inputs, DiagnosticBag diagnostics)
    {
        var layoutsDirectory = Path.Combine(inputs.ThemeDirectory, "layouts");
        var engine = new TemplateEngine(Path.Combine(inputs.ThemeDirectory, "partials"), inputs.Paths.Display);
        foreach (var (file, bytes) in inputs.Templates)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file));
            var target = folder == "layouts" ? engine._layouts : engine._partials;
            var display = inputs.Paths.Display(file);
            var text = System.Text.Encoding.UTF8.GetString(bytes.Span);
            engine._texts[$"{folder}/{Path.GetFileNameWithoutExtension(file)}"] = text;
            var template = Template.Parse(text, display);
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                diagnostics.Add(TemplateDiagnostics.Syntax, SpanOf(message.Span, display), message.Message);
            if (!template.HasErrors) target[Path.GetFileNameWithoutExtension(file)] = template;
        }
        if (!engine._layouts.ContainsKey(BaseLayout))
            diagnostics.Add(TemplateDiagnostics.MissingLayout, SourceSpan.FileOnly(inputs.Paths.Display(layoutsDirectory)), BaseLayout, Path.Combine(layoutsDirectory, BaseLayout + ".sbn"));
        return engine;
    }

    /// <summary>
    /// What a layout reads of other pages, with the base layout and every partial it may include: the article cards
    /// (<c>catalog</c>, <c>site.sections</c> or <c>page.section.articles</c>) and the sources with the pages citing them (<c>all_sources</c>). Read from
    /// the templates' text, erring towards "reads it": a name in a comment counts, and an include whose name is not a
    /// literal counts as including every partial. The preview re-renders a page when what its layout reads changed.
    /// </summary>
    public LayoutReads ReadsOf(string layout)
    {
        var texts = new List<string>();
        var partials = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([$"layouts/{layout}", $"layouts/{BaseLayout}"]);
        while (pending.TryDequeue(out var name))
        {
            if (!_texts.TryGetValue(name, out var text)) continue;
            texts.Add(text);
            foreach (System.Text.RegularExpressions.Match include in IncludePattern().Matches(text))
            {
                var names = include.Groups["name"].Success ? [include.Groups["name"].Value] : _partials.Keys.ToArray();
                foreach (var partial in names)
                    if (partials.Add(partial)) pending.Enqueue($"partials/{partial}");
            }
        }
        bool Mentions(string word) => texts.Any(t => t.Contains(word, StringComparison.Ordinal));
        return new LayoutReads(Mentions("catalog") || Mentions("sections") || Mentions(".articles"), Mentions("all_sources"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\binclude\s+(?:'(?<name>[^']+)'|""(?<name>[^""]+)""|(?!['""]))")]
    private static partial System.Text.RegularExpressions.Regex IncludePattern();

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

/// <summary>Every template file of the theme with its bytes: what parsing the theme reads.</summary>
internal sealed record ThemeInputs(string ThemeDirectory, Content.ProjectPaths Paths, Content.ValueList<(string File, Content.FileBytes Bytes)> Templates)
{
    /// <summary>The theme's <c>layouts/*.sbn</c> and <c>partials/*.sbn</c>, in a fixed order, read with <paramref name="read"/>.</summary>
    public static ThemeInputs Read(string themeDirectory, Content.ProjectPaths paths, Func<string, Content.FileBytes> read) =>
        new(themeDirectory, paths, Content.ValueList.Of(new[] { "layouts", "partials" }
            .Select(folder => Path.Combine(themeDirectory, folder)).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.sbn").Order(StringComparer.Ordinal))
            .Select(file => (file, read(file)))));
}

/// <summary>What a layout reads of other pages (see <see cref="TemplateEngine.ReadsOf"/>).</summary>
internal sealed record LayoutReads(bool Catalog, bool AllSources);
