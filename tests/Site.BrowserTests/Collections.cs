using Xunit.Abstractions;

// Browser tests spend most of their time waiting on chromium, so independent groups run side by side: xunit runs
// collections in parallel and the tests inside one collection one after another. Four at a time keeps a 2-core machine
// busy without starving the CMS test's preview rebuilds.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
[assembly: TestCollectionOrderer("Site.BrowserTests.LongestGroupsFirst", "Site.BrowserTests")]

namespace Site.BrowserTests;

// Each group below gets the same built site and browser (SiteFixture shares one for the whole run). A new test file
// joins "site" with [Collection(SiteCollection.Name)], running after the other files in it; a group that should run
// beside the others gets a definition of its own here (or IClassFixture<SiteFixture>, which shares the same site).

/// <summary>The default group for tests of the built site.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}

/// <summary>Every page under axe, headers, no-JS reading, small screens.</summary>
[CollectionDefinition(Name)]
public sealed class SmokeCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "smoke";
}

/// <summary>Search in the browser.</summary>
[CollectionDefinition(Name)]
public sealed class SearchCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "search";
}

/// <summary>The "Am I a candidate?" flow.</summary>
[CollectionDefinition(Name)]
public sealed class CandidateCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "candidate";
}

/// <summary>The live preview over its own copies of the site, in the shared browser.</summary>
[CollectionDefinition(Name)]
public sealed class PreviewCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "preview";
}

/// <summary>Decap CMS: local editing over a copy of the repository, and the deployed /admin/.</summary>
[CollectionDefinition(Name)]
public sealed class CmsCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "cms";
}

/// <summary>
/// Starts the longest groups first, so the run is not left waiting on one that began last. Groups not named here
/// (new ones) come after these, in name order.
/// </summary>
public sealed class LongestGroupsFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest = [CandidateCollection.Name, CmsCollection.Name, SmokeCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Longest, c.DisplayName) is var i and >= 0 ? i : Longest.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
