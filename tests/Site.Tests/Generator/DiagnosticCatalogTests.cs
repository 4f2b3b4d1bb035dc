using System.Reflection;
using Site.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Generator;

public sealed class DiagnosticCatalogTests
{
    private static IReadOnlyList<DiagnosticDescriptor> All() =>
        [.. typeof(SiteBuilder).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)];

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var all = All();
        Assert.True(all.Count > 40);
        Assert.All(all, d => Assert.Matches("^SITE[0-9]{3}$", d.Id));
        Assert.Empty(all.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void The_readme_lists_every_id()
    {
        var readme = File.ReadAllText(Path.Combine(TestSite.RepoRoot, "README.md"));
        var missing = All().Where(d => !readme.Contains($"| {d.Id} |", StringComparison.Ordinal)).Select(d => d.Id).ToList();
        Assert.True(missing.Count == 0, "README.md lacks: " + string.Join(", ", missing) + " (run .ci/diagnostics-table)");
    }

    [Fact]
    public void Diagnostics_print_in_the_msbuild_shape()
    {
        var d = new DiagnosticDescriptor("SITE999", Severity.Error, "Bad {0}.").At(new SourceSpan("input/a.md", 12, 5), "thing");
        Assert.Equal("input/a.md(12,5): error SITE999: Bad thing.", d.ToString());
    }
}
