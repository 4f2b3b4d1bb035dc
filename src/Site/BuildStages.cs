using Site.Content;
using Site.Diagnostics;
using Site.Output;
using Site.Search;
using Site.Templates;

namespace Site;

/// <summary>
/// The stages of <see cref="SiteBuilder.Build(BuildOptions, OutputSink, BuildStages)"/> that the preview may answer from
/// an earlier build, each called with a value-equal record of exactly what it reads. A one-shot build runs each one;
/// the preview's <see cref="Preview.IncrementalBuild"/> overrides them to reuse an earlier result when the record is
/// equal to the one that made it.
/// </summary>
internal class BuildStages
{
    public static readonly BuildStages OneShot = new();

    /// <summary>An input file's bytes.</summary>
    public virtual FileBytes Read(string path) => FileBytes.Read(path);

    /// <summary>An equal value made before, so that later comparisons of it stop at the reference; a build keeps what it is given.</summary>
    public virtual T Same<T>(T value) where T : class => value;

    public virtual TemplateEngine LoadTheme(ThemeInputs inputs, DiagnosticBag diagnostics) => TemplateEngine.Load(inputs, diagnostics);

    public virtual (SiteConfig? Config, IReadOnlyDictionary<string, Reference> References) LoadSiteFiles(SiteFileInputs inputs, DiagnosticBag diagnostics) =>
        ContentLoader.LoadSiteFiles(inputs, diagnostics);

    /// <summary>Phase A for one Markdown file.</summary>
    public virtual LoadedFile LoadPage(PageInputs inputs) => ContentLoader.LoadFile(inputs);

    public virtual IReadOnlyDictionary<string, DateOnly> GitDates(string inputDirectory) => Content.GitDates.Read(inputDirectory);

    /// <summary>The order phase B takes the pages in (indexes into <paramref name="pages"/>); a build takes them as they come.</summary>
    public virtual IEnumerable<int> RenderOrder(IReadOnlyList<Page> pages) => Enumerable.Range(0, pages.Count);

    /// <summary>Phase B for one page: <paramref name="render"/> renders it from <paramref name="inputs"/> and writes it to <paramref name="output"/>.</summary>
    public virtual BuiltPage? RenderPage(RenderInputs inputs, OutputSink output, Func<BuiltPage?> render) => render();

    /// <summary>Starts the search index, which runs beside phase B.</summary>
    public virtual Task<SearchIndexOutput> SearchIndex(SearchInputs inputs, Func<SearchIndexOutput> build) => Task.Run(build);

    /// <summary>Waits for the index and writes its pieces (<see cref="SearchShards"/>).</summary>
    public virtual void WriteSearchIndex(Task<SearchIndexOutput> index, OutputSink output) => index.Result.WriteTo(output);
}

/// <summary>What every page's layout may read alike: the theme, the site, the article cards, the cited sources, the assets.</summary>
internal sealed record SiteRenderFacts(
    TemplateEngine Theme, SiteModel Site, ValueList<(string Section, ArticleCard Card)> Catalog,
    ValueList<(SourceModel Source, string CitedBy)> Sources, ValueList<string> Assets, FileBytes Questionnaire);

/// <summary>
/// Everything one page's second phase reads: the page (the same object while its file and what it is read against are
/// unchanged), the theme (the same object while its files are), site.yml as read, the date shown as "last updated",
/// the cards of its related articles, only when its layout reads them the catalog and the sources, and for /candidate/
/// the questionnaire.
/// </summary>
internal sealed record RenderInputs(
    Page Page, TemplateEngine Theme, SiteConfig Config, int Year, DateOnly? Updated, ValueList<string> Assets,
    ValueList<ArticleCard> Related, ValueList<(string Section, ArticleCard Card)>? Catalog, ValueList<(SourceModel Source, string CitedBy)>? Sources,
    FileBytes? Questionnaire)
{
    public static RenderInputs For(Page page, SiteRenderFacts site, LayoutReads reads, ModelBuilder models, IReadOnlyDictionary<string, object?>? variables) =>
        new(page, site.Theme, models.Config, site.Site.Year, models.UpdatedOf(page), site.Assets, ValueList.Of(models.RelatedOf(page)),
            reads.Catalog ? site.Catalog : null, reads.AllSources ? site.Sources : null,
            variables is null ? null : site.Questionnaire); // /candidate/'s own variables are made from the questionnaire's file alone
}

/// <summary>What the search index reads: every page with text (by identity: a page's text changes only with a new page) and the synonyms file.</summary>
internal sealed record SearchInputs(ValueList<Page> Pages, FileBytes Synonyms);
