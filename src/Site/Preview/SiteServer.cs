using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Site.Output;

namespace Site.Preview;

/// <summary>
/// Serves a built site from disk on 127.0.0.1 the way Netlify does: pretty URLs, the 404 page, and the headers and
/// redirects of netlify.toml. The preview adds a <see cref="LiveReload"/> hub; the browser tests use it without one.
/// </summary>
internal sealed class SiteServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new() { Mappings = { [".yml"] = "text/yaml" } };
    private readonly WebApplication _app;

    private SiteServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>Serves <paramref name="outputDirectory"/> on 127.0.0.1 (the preview is for the editor's own machine)
    /// unless <paramref name="address"/> says otherwise.</summary>
    /// <param name="hostNames">Host names it answers besides its own addresses and localhost (a name the browser tests
    /// map to it, or one the editor asks for).</param>
    public static async Task<SiteServer> StartAsync(string outputDirectory, NetlifyConfig netlify, int port = 0, LiveReload? live = null, IPAddress? address = null,
        IReadOnlyCollection<string>? hostNames = null)
    {
        var names = new HashSet<string>(hostNames ?? [], StringComparer.OrdinalIgnoreCase) { "localhost" };
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(address ?? IPAddress.Loopback, port));
        var app = builder.Build();
        var root = Path.GetFullPath(outputDirectory);
        app.Run(context => OwnHost(context, names) ? Serve(context, root, netlify, live) : Refuse(context));
        await app.StartAsync();
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SiteServer(app, new Uri(listening.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1") + "/"));
    }

    public Task WaitForShutdownAsync(CancellationToken cancel) => _app.WaitForShutdownAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// True when the request names this server as its host: 127.0.0.1, localhost or [::1] on the port it came in on (or
    /// the address it was bound to, or one of <paramref name="names"/>). Anything else is a page of another site that reached this port through DNS
    /// rebinding, and must not read the preview, as Vite and webpack-dev-server refuse it too.
    /// </summary>
    private static bool OwnHost(HttpContext context, HashSet<string> names)
    {
        var host = context.Request.Host;
        if (host.Port != context.Connection.LocalPort) return false; // no Host, or none with this port (never 80)
        var name = host.Host.Trim('[', ']');
        return names.Contains(name)
            || IPAddress.TryParse(name, out var address) && (IPAddress.IsLoopback(address) || address.Equals(context.Connection.LocalIpAddress));
    }

    private static Task Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"The preview answers only requests to 127.0.0.1:{context.Connection.LocalPort} or localhost:{context.Connection.LocalPort}, not to '{context.Request.Host}'.");
    }

    private static async Task Serve(HttpContext context, string root, NetlifyConfig netlify, LiveReload? live)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? "/";
        if (live is not null && await live.TryHandle(context)) return;

        foreach (var (name, value) in netlify.HeadersFor(path)) response.Headers[name] = value;

        if (netlify.Redirects.FirstOrDefault(r => r.From == path) is { } redirect)
        {
            response.StatusCode = redirect.Status;
            response.Headers.Location = redirect.To;
            return;
        }

        var file = Resolve(root, path);
        if (file is null && !path.EndsWith('/') && Resolve(root, path + "/") is not null)
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = path + "/" + request.QueryString;
            return;
        }
        if (file is null && live is { LastBuildFailed: true })
        {
            // A fresh clone whose first build failed has no pages yet: show the errors rather than an empty 404.
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(LiveReload.NotBuiltPage(path));
            return;
        }
        if (file is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            file = Resolve(root, "/404.html");
            if (file is null) return;
        }
        if (!ContentTypes.TryGetContentType(file, out var type)) type = "application/octet-stream";
        response.ContentType = type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "application/json" or "image/svg+xml" or "application/xml"
            ? type + "; charset=utf-8" : type;
        if (HttpMethods.IsHead(request.Method)) return;
        // The CMS is an app with unsaved forms: a reload after each rebuild would throw an editor's work away.
        if (live is not null && type == "text/html" && !path.StartsWith("/admin/", StringComparison.Ordinal))
        {
            var html = await File.ReadAllTextAsync(file);
            await response.WriteAsync(LiveReload.Inject(html));
            return;
        }
        await response.SendFileAsync(file);
    }

    /// <summary>The file for a URL path, never outside the site's folder.</summary>
    private static string? Resolve(string root, string path)
    {
        var relative = Content.SiteUrls.ToOutputPath(Uri.UnescapeDataString(path));
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        return File.Exists(full) ? full : null;
    }
}
