using Site.Diagnostics;

namespace Site.Output;

/// <summary>Checks that netlify.toml gives every page of the built site exactly one Content-Security-Policy (SITE250–SITE259).</summary>
internal static class DeployChecks
{
    public static readonly DiagnosticDescriptor NoCsp = new("SITE250", Severity.Error, "netlify.toml gives {0} no Content-Security-Policy: add a [[headers]] rule for its path.");
    public static readonly DiagnosticDescriptor SeveralCsp = new("SITE251", Severity.Error, "netlify.toml gives {0} more than one Content-Security-Policy (browsers would enforce all of them): make the rules for its path not overlap.");

    public static void Check(NetlifyConfig config, string displayPath, IEnumerable<string> htmlOutputPaths, DiagnosticBag diagnostics)
    {
        foreach (var file in htmlOutputPaths)
        {
            var url = Content.SiteUrls.ToUrl(file);
            var rules = config.Headers.Count(r => r.Matches(url) && r.Values.ContainsKey("Content-Security-Policy"));
            if (rules == 0) diagnostics.Add(NoCsp, SourceSpan.FileOnly(displayPath), url);
            else if (rules > 1) diagnostics.Add(SeveralCsp, SourceSpan.FileOnly(displayPath), url);
        }
    }
}
