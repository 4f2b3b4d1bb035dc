using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Site.Diagnostics;

namespace Site.Preview;

/// <summary>
/// The preview's link to open pages: a server-sent event stream that says "reload" after a good build and sends the
/// diagnostics (with the source lines around each) after a failed one, for the overlay. Its client script is served
/// from this assembly and injected only by the preview server, so it never reaches the production output.
/// </summary>
internal sealed class LiveReload
{
    public const string EventsPath = "/__preview/events";
    public const string ClientPath = "/__preview/client.js";
    private const string ScriptTag = "<script src=\"" + ClientPath + "\" defer></script>";

    private readonly List<Channel<string>> _clients = [];
    private readonly string _root;
    private string _state;
    private int _build;

    /// <param name="root">The project root: diagnostics name files relative to it.</param>
    public LiveReload(string root)
    {
        _root = root;
        _state = Message("ok", 0, []);
    }

    public static string Inject(string html)
    {
        var at = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + ScriptTag : html.Insert(at, ScriptTag);
    }

    /// <summary>Tells every open page the outcome of a build.</summary>
    public void Publish(IReadOnlyList<Diagnostic> diagnostics)
    {
        var build = Interlocked.Increment(ref _build);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var message = errors.Count > 0 ? Message("errors", build, errors) : Message("reload", build, []);
        lock (_clients)
        {
            // A page that connects after a failed build must still see the overlay; after a good one it needs nothing.
            _state = errors.Count > 0 ? message : Message("ok", build, []);
            foreach (var client in _clients) client.Writer.TryWrite(message);
        }
    }

    private string Message(string kind, int build, IReadOnlyList<Diagnostic> errors) => JsonSerializer.Serialize(new
    {
        kind,
        build,
        diagnostics = errors.Select(d => new
        {
            text = d.ToString(),
            file = d.Where.File,
            line = d.Where.Line,
            column = d.Where.Column,
            id = d.Id,
            message = d.Message,
            context = SourceContext(d.Where),
        }),
    });

    private IEnumerable<object> SourceContext(SourceSpan where)
    {
        var file = Path.Combine(_root, where.File);
        if (!File.Exists(file)) return [];
        var lines = File.ReadAllLines(file);
        var first = Math.Max(1, where.Line - 3);
        var last = Math.Min(lines.Length, where.Line + 3);
        return Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(n => new { number = n, text = lines[n - 1], current = n == where.Line });
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
}
