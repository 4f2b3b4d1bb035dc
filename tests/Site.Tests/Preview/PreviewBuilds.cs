using Site.Tests.Support;

namespace Site.Tests.Preview;

/// <summary>A preview's builds of a test site, without its server: the first builds everything, each later one is told what changed.</summary>
internal sealed class PreviewBuilds(TestSite site) : IDisposable
{
    private readonly BuildOptions _options = site.Options() with { KeepOutput = false, Cache = new BuildCache() };

    public BuildResult Build(params string[] changed) => SiteBuilder.Build(_options);

    public void Dispose() { }
}
