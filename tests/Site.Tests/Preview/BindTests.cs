using System.Net;
using System.Net.Http.Headers;
using Site.Preview;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.Preview;

/// <summary>
/// <c>preview --bind ADDRESS</c>, to check pages on a phone: the preview answers at that address, keeps refusing any
/// other Host, the CMS pane's draft check answers pages of that origin, and the command says in one line that the site
/// is then visible on the network.
/// </summary>
public sealed class BindTests(ITestOutputHelper log)
{
    [Fact]
    public async Task A_preview_bound_to_a_network_address_serves_that_address_and_still_refuses_other_hosts()
    {
        // The machine's own network address, as a phone would open it; where a machine has none, a second loopback address.
        var address = PreviewCommand.NetworkAddresses().FirstOrDefault() ?? IPAddress.Parse("127.0.0.2");
        log.WriteLine($"Bound to {address}");
        using var site = TestSite.CopyOfReal();
        await using var session = await PreviewSession.StartAsync(site.Options(), 0, cms: false, TextWriter.Null, address);
        var port = session.BaseUri.Port;
        var origin = $"http://{address}:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(origin) };

        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<h1", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = $"evil.example:{port}" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(foreign)).StatusCode);

        // The pane of a CMS opened at this address checks drafts too: its origin is this server's.
        using var check = new HttpRequestMessage(HttpMethod.Post, "/__preview/check?file=input/articles/aftercare.md")
        {
            Content = new StringContent(site.Read("input/articles/aftercare.md")) { Headers = { ContentType = new MediaTypeHeaderValue(LiveReload.EntryMediaType) } },
            Headers = { { "Origin", origin } },
        };
        var checkedDraft = await http.SendAsync(check);
        Assert.Equal(HttpStatusCode.OK, checkedDraft.StatusCode);
        Assert.Contains("\"errors\":0", await checkedDraft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Binding_beyond_this_machine_is_said_in_one_line_and_a_host_name_is_refused_plainly()
    {
        Assert.Null(PreviewCommand.NetworkWarning(null, 5080));
        Assert.Null(PreviewCommand.NetworkWarning(IPAddress.Loopback, 5080));
        var warning = PreviewCommand.NetworkWarning(IPAddress.Parse("192.168.1.20"), 5080)!;
        Assert.Equal("Warning: the preview, drafts included, is visible to anyone on the network at http://192.168.1.20:5080/; stop it (Ctrl+C) when you are done checking on a phone.", warning);
        Assert.DoesNotContain('\n', PreviewCommand.NetworkWarning(IPAddress.Any, 5080)!);

        Assert.Equal(IPAddress.Any, PreviewCommand.ParseBind("0.0.0.0", out _));
        Assert.Equal(IPAddress.Loopback, PreviewCommand.ParseBind("localhost", out _));
        Assert.Null(PreviewCommand.ParseBind("my-laptop", out var problem));
        Assert.Equal("--bind takes an IP address of this machine (for example 192.168.1.20, or 0.0.0.0 for all of them), not 'my-laptop'.", problem);
    }
}
