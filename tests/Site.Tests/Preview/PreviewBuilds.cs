using Site.Preview;
using Site.Tests.Support;

namespace Site.Tests.Preview;

/// <summary>A preview's builds of a test site, without its server: the first builds everything, each later one is told what changed.</summary>
internal sealed class PreviewBuilds(TestSite site) : IDisposable
{
    private readonly IncrementalBuild _build = new(site.Options());

    /// <param name="changed">Paths relative to the site's root, as the watcher reports them.</param>
    public BuildResult Build(params string[] changed) => _build.Build(changed.Select(site.PathOf));

    /// <summary>The URLs the last build rendered again.</summary>
    public IReadOnlySet<string> Rendered => _build.LastRendered;

    public void Dispose() => _build.Dispose();
}
