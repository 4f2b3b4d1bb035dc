using Microsoft.AspNetCore.Http;

namespace Site.Preview;

/// <summary>
/// The CMS's backend as the preview's own <c>/api/v1</c>: Decap at /admin/ calls it on the page's own origin, and this
/// forwards the call to decap-server's loopback port. Only a same-origin JSON POST passes: the preview has already
/// checked the Host (<see cref="SiteServer"/>), the Origin must be the preview's own, and no CORS header is ever sent,
/// so a page of another site can neither read nor write through it.
/// </summary>
internal sealed class CmsProxy(Uri decapApi)
{
    public const string ApiPath = "/api/v1";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public async Task Handle(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        // A browser always names the page's origin on a POST; a local tool may send none.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != $"{request.Scheme}://{request.Host}")
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("The CMS backend answers only the preview's own /admin/.");
            return;
        }
        using var forward = new HttpRequestMessage(HttpMethod.Post, decapApi) { Content = new StreamContent(request.Body) };
        forward.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType);
        using var answer = await Http.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        response.StatusCode = (int)answer.StatusCode;
        response.ContentType = answer.Content.Headers.ContentType?.ToString() ?? "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await answer.Content.CopyToAsync(response.Body, context.RequestAborted);
    }
}
