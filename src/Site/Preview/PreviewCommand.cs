using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Site.Preview;

/// <summary>
/// <c>preview</c>: builds, serves the output on 127.0.0.1 with production's headers, watches <c>input/</c> and
/// <c>theme/</c>, rebuilds on change and tells open pages to reload (or shows the errors over the page).
/// </summary>
internal static class PreviewCommand
{
    /// <param name="bind">Where to listen (<c>--bind</c>): null for 127.0.0.1, this machine only.</param>
    public static async Task<int> RunAsync(BuildOptions options, int port, bool cms, IPAddress? bind, CancellationToken cancel)
    {
        ThemePackages.EnsureInstalled(options.ThemeDirectory);
        // The preview shows drafts (marked as drafts on the page); build and check leave them out.
        await using var session = await PreviewSession.StartAsync(options with { IncludeDrafts = true }, port, cms, Console.Out, bind);
        Console.WriteLine($"Preview: {session.BaseUri} (watching {options.InputDirectory}/ and {options.ThemeDirectory}/; Ctrl+C to stop)");
        if (NetworkWarning(bind, session.BaseUri.Port) is { } warning) Console.WriteLine(warning);
        if (session.CmsRunning) Console.WriteLine($"CMS: {session.BaseUri}admin/ (decap-server behind {session.BaseUri}api/v1, editing files in {session.Root})");
        if (!session.LastBuildSucceeded) Console.WriteLine("The first build failed: the errors are shown above and in the browser.");
        await session.WaitForShutdownAsync(cancel);
        return 0;
    }

    /// <summary>
    /// Reads <c>--bind</c>: an IP address (<c>0.0.0.0</c> for every network of this machine, or one of its addresses),
    /// or <c>localhost</c>. Null with a message when it is none: host names are not accepted, as the server's Host check
    /// knows only addresses.
    /// </summary>
    public static IPAddress? ParseBind(string value, out string? problem)
    {
        problem = null;
        if (value.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (IPAddress.TryParse(value, out var address)) return address;
        problem = $"--bind takes an IP address of this machine (for example 192.168.1.20, or 0.0.0.0 for all of them), not '{value}'.";
        return null;
    }

    /// <summary>
    /// The one line said when the preview listens beyond this machine: the site, drafts included, is then visible to
    /// everyone on the network, and the addresses a phone can open.
    /// </summary>
    public static string? NetworkWarning(IPAddress? bind, int port)
    {
        if (bind is null || IPAddress.IsLoopback(bind)) return null;
        var addresses = bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any) ? NetworkAddresses() : [bind];
        var urls = string.Join(", ", addresses.Select(a => $"http://{(a.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{a}]" : a.ToString())}:{port}/"));
        return $"Warning: the preview, drafts included, is visible to anyone on the network at {(urls.Length == 0 ? $"port {port} of this machine" : urls)}; stop it (Ctrl+C) when you are done checking on a phone.";
    }

    /// <summary>This machine's IPv4 addresses on networks that are up, other than the loopback.</summary>
    internal static List<IPAddress> NetworkAddresses() =>
    [
        .. NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)),
    ];
}
