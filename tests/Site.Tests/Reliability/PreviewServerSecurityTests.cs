using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Site.Output;
using Site.Preview;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.Reliability;

/// <summary>
/// The preview server and decap-server run on an editor's machine: the preview must never serve a file outside the
/// built site, whatever the request path says, and neither may be reachable from the network unless asked.
/// </summary>
public sealed class PreviewServerSecurityTests(ITestOutputHelper log)
{
    private const string Secret = "TOPSECRET-outside-the-site";

    /// <summary>Request targets sent byte for byte (an HTTP client would normalise most of them away).</summary>
    public static TheoryData<string> TraversalTargets() =>
    [
        "/../secret.txt",
        "/../../../../../../etc/passwd",
        "/articles/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/..%5csecret.txt",
        "/..%5c..%5csecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/%00",
        "/index.html%00.txt",
        "/..%00/secret.txt",
        "//etc/passwd",
        "/%2Fetc%2Fpasswd",
        "/%2F..%2Fsecret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/%c0%ae%c0%ae%c0%afsecret.txt",
        "/%e0%80%ae%e0%80%ae/secret.txt",
        "/%c0%af..%c0%afsecret.txt",
        "/....//secret.txt",
        "/./../secret.txt",
        "http://127.0.0.1/../secret.txt",
        "/output-sibling/../../secret.txt",
        "/%2e%2e;/secret.txt",
    ];

    [Theory]
    [MemberData(nameof(TraversalTargets))]
    public async Task A_traversal_request_gets_not_found_and_never_a_file_outside_the_site(string target)
    {
        using var site = TestSite.FromText("-- output/index.html --\n<p>home</p>\n-- output/404.html --\n<p>not found page</p>\n-- secret.txt --\n" + Secret + "\n");
        Directory.CreateDirectory(site.PathOf("output-sibling"));
        File.WriteAllText(site.PathOf("output-sibling/secret.txt"), Secret);
        await using var server = await SiteServer.StartAsync(site.PathOf("output"), NetlifyConfig.Empty);

        var (status, body) = await RawGetAsync(server.BaseUri, target);
        log.WriteLine($"{target} → {status}");
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        // Kestrel itself refuses some of these as malformed (400) before the site sees them; everything else is 404.
        Assert.True(status is 404 or 400, $"{target} answered {status}");
    }

    [Fact]
    public async Task The_server_still_serves_the_site_and_its_404_page()
    {
        using var site = TestSite.FromText("-- output/index.html --\n<p>home</p>\n-- output/404.html --\n<p>not found page</p>\n-- output/a b/index.html --\nspaced\n");
        await using var server = await SiteServer.StartAsync(site.PathOf("output"), NetlifyConfig.Empty);
        Assert.Equal((200, true), await Summary(server.BaseUri, "/", "home"));
        Assert.Equal((404, true), await Summary(server.BaseUri, "/../secret.txt", "not found page"));
        Assert.Equal((404, true), await Summary(server.BaseUri, "/nope/", "not found page"));
    }

    [Fact]
    public async Task The_preview_listens_on_loopback_only_unless_told_otherwise()
    {
        using var site = TestSite.FromText("-- output/index.html --\nhome\n");
        await using (var server = await SiteServer.StartAsync(site.PathOf("output"), NetlifyConfig.Empty))
        {
            Assert.Equal("127.0.0.1", server.BaseUri.Host);
            Assert.Equal(["127.0.0.1"], ListeningAddresses(server.BaseUri.Port));
        }
        await using (var server = await SiteServer.StartAsync(site.PathOf("output"), NetlifyConfig.Empty, address: IPAddress.Any))
            Assert.Equal(["0.0.0.0"], ListeningAddresses(server.BaseUri.Port));
    }

    /// <summary>
    /// DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 sends requests with its own Host. The
    /// preview answers only its own names on its own port, for pages, the live-reload hub and its endpoints alike.
    /// </summary>
    [Theory]
    [InlineData("evil.example:{port}", 403)]
    [InlineData("evil.example", 403)]
    [InlineData("127.0.0.1.evil.example:{port}", 403)]
    [InlineData("127.0.0.1:1", 403)]
    [InlineData("", 403)]
    [InlineData("127.0.0.1:{port}", 200)]
    [InlineData("localhost:{port}", 200)]
    [InlineData("LOCALHOST:{port}", 200)]
    public async Task The_preview_answers_only_requests_to_its_own_host(string host, int expected)
    {
        using var site = TestSite.FromText("-- output/index.html --\n<p>home " + Secret + "</p>\n-- output/404.html --\n<p>not found page</p>\n");
        await using var server = await SiteServer.StartAsync(site.PathOf("output"), NetlifyConfig.Empty, live: new LiveReload(site.Root));
        foreach (var target in new[] { "/", "/__preview/diagnostics?file=input%2Fx.md", "/nope/" })
        {
            var (status, body) = await RawGetAsync(server.BaseUri, target, host.Replace("{port}", server.BaseUri.Port.ToString(CultureInfo.InvariantCulture)));
            if (expected == 403)
            {
                Assert.Equal(403, status);
                Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
                Assert.DoesNotContain("not found page", body, StringComparison.Ordinal);
            }
            else Assert.NotEqual(403, status);
        }
    }

    /// <summary>
    /// preview --cms: decap-server is reachable only as the preview's own /api/v1, from the preview's own pages. Its own
    /// port listens on loopback, is named by no config, and refuses any request that did not come through the preview.
    /// </summary>
    [Fact]
    public async Task The_cms_backend_answers_only_the_preview_s_own_pages()
    {
        var script = Path.Combine(TestSite.RepoRoot, "theme", "node_modules", "decap-server", "dist", "middlewares.js");
        Assert.True(File.Exists(script), $"{script} is missing: tests/run installs the theme's packages");
        using var repository = TestSite.FromText("-- input/site.yml --\ntitle: x\n-- output/index.html --\nhome\n");
        var messages = new StringWriter();
        using var decap = await DecapServer.StartAsync(Path.Combine(TestSite.RepoRoot, "theme"), repository.Root, messages);
        Assert.True(decap is not null, "decap-server did not start: " + messages);
        Assert.Equal(["127.0.0.1"], ListeningAddresses(decap.ApiUrl.Port));
        var live = new LiveReload(repository.Root, repository.PathOf("output")) { Cms = new CmsProxy(decap.ApiUrl) };
        await using var preview = await SiteServer.StartAsync(repository.PathOf("output"), NetlifyConfig.Empty, live: live);
        var api = new Uri(preview.BaseUri, CmsProxy.ApiPath);
        var own = preview.BaseUri.GetLeftPart(UriPartial.Authority);

        const string persist = """{"action":"persistMedia","params":{"branch":"main","asset":{"path":"input/media/evil.txt","content":"ZXZpbA==","encoding":"base64"},"options":{"commitMessage":"evil"}}}""";
        // What a page of another site sends, directly or through DNS rebinding: refused, nothing written.
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(api, persist, host: "evil.example:" + preview.BaseUri.Port, origin: null));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(api, persist, host: null, origin: "http://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(api, persist, host: null, origin: "http://127.0.0.1:1"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(decap.ApiUrl, persist, host: null, origin: own)); // decap-server's own port, from a page
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(decap.ApiUrl, persist, host: "localhost:" + decap.ApiUrl.Port, origin: null));
        Assert.False(File.Exists(repository.PathOf("input/media/evil.txt")));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await new HttpClient().GetAsync(api)).StatusCode);

        // The preview's own /admin/: the call goes through, and no CORS header invites anyone else.
        using var http = new HttpClient();
        using var info = new HttpRequestMessage(HttpMethod.Post, api) { Content = new StringContent("""{"action":"info"}""", Encoding.UTF8, "application/json") };
        info.Headers.Add("Origin", own);
        using var answer = await http.SendAsync(info);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("\"repo\"", await answer.Content.ReadAsStringAsync());
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(api, persist, host: null, origin: own));
        Assert.True(File.Exists(repository.PathOf("input/media/evil.txt")), "the preview's own request should have written the file: " + messages);
    }

    private static async Task<HttpStatusCode> PostAsync(Uri url, string json, string? host, string? origin)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (host is not null) request.Headers.Host = host;
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<(int, bool)> Summary(Uri baseUri, string target, string expected)
    {
        var (status, body) = await RawGetAsync(baseUri, target);
        return (status, body.Contains(expected, StringComparison.Ordinal));
    }

    private static async Task<(int Status, string Body)> RawGetAsync(Uri baseUri, string target, string? host = null)
    {
        host ??= $"127.0.0.1:{baseUri.Port}";
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, baseUri.Port);
        await using var stream = client.GetStream();
        var request = Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var statusLine = response.Split("\r\n", 2)[0];
        return (int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture), response);
    }

    /// <summary>The local addresses with a listening TCP socket on <paramref name="port"/>, read from the kernel's tables.</summary>
    private static List<string> ListeningAddresses(int port)
    {
        var found = new List<string>();
        foreach (var (table, v6) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] != "0A" || int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) != port) continue; // 0A: LISTEN
                var bytes = Convert.FromHexString(local[0]);
                // The kernel prints each 32-bit word in host (little-endian) order.
                for (var i = 0; i < bytes.Length; i += 4) Array.Reverse(bytes, i, 4);
                var address = new IPAddress(bytes);
                found.Add(v6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString());
            }
        }
        return found;
    }
}
