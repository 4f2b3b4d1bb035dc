using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Site.Diagnostics;

namespace Site.Preview;

/// <summary>
/// The preview's link to open pages: a server-sent event stream that says "reload" after a good build and sends the
/// diagnostics (with the source lines around each) after every build, for the overlay: errors block the page, warnings
/// show in a panel beside it, since the production build (<c>build --strict</c>) fails on them too. Its client script
/// is served from this assembly and injected only by the preview server, so it never reaches the production output.
/// It also answers the CMS's question "what does the running build say about this file?" and points the CMS's
/// "View Live" at the preview.
/// </summary>
internal sealed class LiveReload
{
    public const string EventsPath = "/__preview/events";
    public const string ClientPath = "/__preview/client.js";
    public const string DiagnosticsPath = "/__preview/diagnostics";
    public const string CmsConfigPath = "/admin/config.yml";
    /// <summary>POST an entry's text here (<c>?file=input/articles/x.md</c>) for what the build would say about it.</summary>
    public const string CheckPath = "/__preview/check";
    /// <summary>The media type the CMS posts an entry's text with: not one a cross-site form can send without asking first.</summary>
    public const string EntryMediaType = "text/markdown";
    private const int MaxEntryBytes = 2 * 1024 * 1024;
    private const string ScriptTag = "<script src=\"" + ClientPath + "\" defer></script>";

    /// <summary>
    /// Source lines longer than this are shown as a window around the diagnostic's column, so the place is on screen
    /// (raw HTML at column 261 of a long paragraph, say) and the overlay never scrolls sideways to find it.
    /// </summary>
    public const int LineWindow = 100;

    private readonly List<Channel<string>> _clients = [];
    private readonly string _root;
    private readonly string? _outputDirectory;
    private string _state;
    private int _build;
    private IReadOnlyList<Diagnostic> _latest = [];

    /// <param name="root">The project root: diagnostics name files relative to it.</param>
    /// <param name="outputDirectory">The served site, for the CMS config the preview adapts; null serves it unchanged.</param>
    public LiveReload(string root, string? outputDirectory = null)
    {
        _root = root;
        _outputDirectory = outputDirectory;
        _state = Message("ok", 0, []);
    }

    /// <summary>Checks one entry's text against the running site (set by the preview session); null when it cannot.</summary>
    public Func<string, byte[], Site.Cms.EntryReport?>? CheckEntry { get; set; }

    /// <summary>decap-server behind the preview's /api/v1, under <c>preview --cms</c>; null otherwise.</summary>
    public CmsProxy? Cms { get; set; }

    /// <summary>True once a build has failed and none has succeeded since: a missing page then gets the overlay, not a bare 404.</summary>
    public bool LastBuildFailed { get; private set; }

    public static string Inject(string html)
    {
        var at = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + ScriptTag : html.Insert(at, ScriptTag);
    }

    /// <summary>
    /// What the browser gets for a page that does not exist while the last build failed, typically a fresh clone whose
    /// first build failed: an empty page whose script shows the errors, instead of a 404 that says nothing.
    /// </summary>
    public static string NotBuiltPage(string path) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Not built yet · preview</title>
        {ScriptTag}
        </head>
        <body>
        <main>
        <h1>This page is not built yet</h1>
        <p>The last build failed before {System.Net.WebUtility.HtmlEncode(path)} could be written. The errors are listed over this page and in the terminal; the page appears as soon as they are fixed.</p>
        </main>
        </body>
        </html>

        """;

    /// <summary>Tells every open page the outcome of a build.</summary>
    public void Publish(IReadOnlyList<Diagnostic> diagnostics)
    {
        var build = Interlocked.Increment(ref _build);
        var failed = diagnostics.Any(d => d.IsError);
        var message = Message(failed ? "errors" : "reload", build, diagnostics);
        lock (_clients)
        {
            _latest = diagnostics;
            LastBuildFailed = failed;
            // A page that connects later must still see the overlay and the warnings; after a good one it need not reload.
            _state = failed ? message : Message("ok", build, diagnostics);
            foreach (var client in _clients) client.Writer.TryWrite(message);
        }
    }

    /// <summary>The last build's diagnostics for one file (as the build names it, relative to the project root).</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsFor(string file)
    {
        lock (_clients) return [.. _latest.Where(d => d.Where.File == file)];
    }

    private string Message(string kind, int build, IReadOnlyList<Diagnostic> diagnostics) => JsonSerializer.Serialize(new
    {
        kind,
        build,
        diagnostics = diagnostics.Where(d => d.IsError).Select(Describe),
        warnings = diagnostics.Where(d => !d.IsError).Select(Describe),
    }, JsonSerializerOptions.Web);

    private object Describe(Diagnostic d) => new
    {
        text = d.ToString(),
        file = d.Where.File,
        line = d.Where.Line,
        column = d.Where.Column,
        id = d.Id,
        message = d.Message,
        severity = d.IsError ? "error" : "warning",
        context = SourceContext(d.Where),
    };

    /// <summary>A source line as the overlay shows it: the text, and where the column's marker goes in it (null for no marker).</summary>
    internal sealed record ContextLine(int Number, string Text, bool Current, int? Marker);

    internal IReadOnlyList<ContextLine> SourceContext(SourceSpan where)
    {
        var file = Path.Combine(_root, where.File);
        if (!File.Exists(file)) return [];
        var lines = File.ReadAllLines(file);
        var first = Math.Max(1, where.Line - 3);
        var last = Math.Min(lines.Length, where.Line + 3);
        return [.. Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(n => Window(n, lines[n - 1], where, n == where.Line))];
    }

    /// <summary>
    /// A line longer than <see cref="LineWindow"/> is cut to that many characters around the column, with an ellipsis
    /// where text is left out; the marker is the column's place in what is shown (on the diagnostic's own line only).
    /// </summary>
    internal static ContextLine Window(int number, string text, SourceSpan where, bool current)
    {
        var column = Math.Clamp(where.Column, 1, text.Length + 1);
        var start = text.Length <= LineWindow ? 0 : Math.Clamp(column - 1 - LineWindow / 2, 0, text.Length - LineWindow);
        var end = Math.Min(text.Length, start + LineWindow);
        var shown = (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
        int? marker = current ? column - 1 - start + (start > 0 ? 1 : 0) : null;
        return new ContextLine(number, shown, current, marker);
    }

    public async Task<bool> TryHandle(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path == ClientPath)
        {
            context.Response.ContentType = "application/javascript; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            await using var stream = typeof(LiveReload).Assembly.GetManifestResourceStream("Site.Preview.preview-client.js")!;
            await stream.CopyToAsync(context.Response.Body);
            return true;
        }
        if (path == DiagnosticsPath) return await ServeDiagnostics(context);
        if (path == CheckPath) return await ServeCheck(context);
        if (path == CmsConfigPath && _outputDirectory is not null) return await ServeCmsConfig(context);
        if (path == CmsProxy.ApiPath && Cms is { } cms)
        {
            await cms.Handle(context);
            return true;
        }
        if (path != EventsPath) return false;

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var channel = Channel.CreateUnbounded<string>();
        string first;
        lock (_clients)
        {
            _clients.Add(channel);
            first = _state;
        }
        try
        {
            var cancel = context.RequestAborted;
            await context.Response.WriteAsync($"data: {first}\n\n", cancel);
            await context.Response.Body.FlushAsync(cancel);
            await foreach (var message in channel.Reader.ReadAllAsync(cancel))
            {
                await context.Response.WriteAsync($"data: {message}\n\n", cancel);
                await context.Response.Body.FlushAsync(cancel);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_clients) _clients.Remove(channel);
        }
        return true;
    }

    /// <summary>
    /// <c>/__preview/diagnostics?file=input/articles/x.md</c>: the running build's findings for one file, for the CMS's
    /// panel. Same origin as /admin/ (its CSP allows connect-src 'self'); exists only in the preview.
    /// </summary>
    private async Task<bool> ServeDiagnostics(HttpContext context)
    {
        var file = context.Request.Query["file"].ToString();
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        if (file.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("""{"error":"file is required, e.g. ?file=input/articles/aftercare.md"}""");
            return true;
        }
        int build;
        bool failed;
        lock (_clients)
        {
            build = _build;
            failed = LastBuildFailed;
        }
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            build,
            buildFailed = failed,
            file,
            diagnostics = DiagnosticsFor(file).Select(Describe),
        }, JsonSerializerOptions.Web));
        return true;
    }

    /// <summary>
    /// A request from a page of this server itself: the browser says so (<c>Sec-Fetch-Site</c>, and an <c>Origin</c> that is
    /// this server's), and the body's media type is one another site's page cannot send without a preflight, which this
    /// server never answers. Anything else is refused before the body is read.
    /// </summary>
    internal static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        return HttpMethods.IsPost(request.Method)
            && origin == $"{request.Scheme}://{request.Host}"
            && (fetchSite.Length == 0 || fetchSite == "same-origin")
            && (request.ContentType ?? "").Split(';')[0].Trim().Equals(EntryMediaType, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// <c>POST /__preview/check?file=input/articles/x.md</c> with the entry's text: what the build would say about it, with
    /// its reading grade and length. Only this server's own pages may ask; the text is checked in memory, never saved.
    /// </summary>
    private async Task<bool> ServeCheck(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        if (!IsSameOrigin(request))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            await response.WriteAsync("""{"error":"only the CMS served by this preview may ask, with POST and Content-Type: text/markdown"}""");
            return true;
        }
        if (request.ContentLength > MaxEntryBytes)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return true;
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxEntryBytes)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return true;
        }
        var file = request.Query["file"].ToString();
        var report = CheckEntry?.Invoke(file, buffer.ToArray());
        if (report is null)
        {
            response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await response.WriteAsync("""{"error":"file must be an entry the CMS edits, e.g. ?file=input/articles/aftercare.md, and the site's own files must build"}""");
            return true;
        }
        await response.WriteAsync(JsonSerializer.Serialize(new
        {
            file = report.File,
            errors = report.Errors,
            warnings = report.Diagnostics.Count - report.Errors,
            isArticle = report.IsArticle,
            grade = report.Grade,
            targetGrade = Markdown.Readability.TargetGrade,
            words = report.Words,
            minutes = report.Minutes,
            diagnostics = report.Diagnostics.Select(d => new
            {
                text = d.ToString(), line = d.Where.Line, column = d.Where.Column, id = d.Id, message = d.Message,
                severity = d.IsError ? "error" : "warning",
            }),
        }, JsonSerializerOptions.Web));
        return true;
    }

    /// <summary>
    /// The built CMS config with <c>site_url</c> pointing at this preview, so "View Live" opens the page being edited
    /// here rather than production, and, under <c>preview --cms</c>, the local backend at this preview's /api/v1. The
    /// built file keeps the production URL and names no local backend.
    /// </summary>
    private async Task<bool> ServeCmsConfig(HttpContext context)
    {
        var file = Path.Combine(_outputDirectory!, "admin", "config.yml");
        if (!File.Exists(file)) return false;
        var local = $"{context.Request.Scheme}://{context.Request.Host}";
        var text = Site.Cms.DecapConfig.ForPreview(await File.ReadAllTextAsync(file), local, Cms is null ? null : local + CmsProxy.ApiPath);
        context.Response.ContentType = "text/yaml; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(text);
        return true;
    }
}
