using System.CommandLine;
using Site;
using Site.Diagnostics;

// The command line is a contract other tools rely on: exit 0 on success, 1 when content has errors, 2 on bad usage.
var input = new Option<string>("--input") { Description = "Folder of content (Markdown, site.yml).", DefaultValueFactory = _ => "input" };
var theme = new Option<string>("--theme") { Description = "Folder of layouts, partials and assets.", DefaultValueFactory = _ => "theme" };
var output = new Option<string>("--output") { Description = "Folder the site is written to.", DefaultValueFactory = _ => "output" };
var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is served from (overrides site.yml)." };
var drafts = new Option<bool>("--drafts") { Description = "Include pages marked draft: true." };
var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors." };
var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 for the preview server.", DefaultValueFactory = _ => 5080 };
var bind = new Option<string?>("--bind") { Description = "Listen on this IP address instead of 127.0.0.1 (0.0.0.0 for every network), to check pages on a phone. Everyone on that network can then see the preview.", HelpName = "ADDRESS" };
var cms = new Option<bool>("--cms") { Description = "Also start decap-server so /admin/ edits local files." };
var due = new Option<int?>("--due") { Description = "List articles whose next_review is past or within DAYS days (60 when no number is given), soonest first.", Arity = ArgumentArity.ZeroOrOne, HelpName = "DAYS" };
var linksTo = new Option<string?>("--links-to") { Description = "List where other pages link to a page: an article's file name (aftercare), its path or its address (/glossary/).", HelpName = "PAGE" };
var verbose = new Option<bool>("--verbose") { Description = "Also print each article's reading grade and how long each stage took." };

BuildOptions OptionsOf(ParseResult r) => new()
{
    InputDirectory = r.GetValue(input)!,
    ThemeDirectory = r.GetValue(theme)!,
    OutputDirectory = r.GetValue(output)!,
    BaseUrl = r.GetValue(baseUrl),
    IncludeDrafts = r.GetValue(drafts),
};

var build = new Command("build", "Build the site into the output folder (replaced only when the build succeeds).") { input, theme, output, baseUrl, drafts, strict, verbose };
build.SetAction(r =>
{
    Site.Preview.ThemePackages.EnsureInstalled(r.GetValue(theme)!);
    return Cli.Report(SiteBuilder.Build(OptionsOf(r)), r.GetValue(strict), r.GetValue(verbose), "build");
});

var check = new Command("check", "Run every stage and validation, write nothing, and report reading grades.") { input, theme, output, baseUrl, drafts, strict, verbose, due, linksTo };
due.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 0) r.AddError("--due takes a number of days, 0 or more."); });
check.SetAction(r =>
{
    Site.Preview.ThemePackages.EnsureInstalled(r.GetValue(theme)!);
    using var nowhere = new Site.Output.MemorySink(keepContent: false); // check writes nothing
    var options = OptionsOf(r);
    var result = SiteBuilder.Build(options, nowhere, BuildStages.OneShot);
    Cli.PrintGrades(result, r.GetValue(verbose));
    var exit = Cli.Report(result, r.GetValue(strict), r.GetValue(verbose), "check");
    if (r.GetResult(due) is not null) Cli.PrintDue(result, options.Today, r.GetValue(due) ?? Site.Cms.EditorLists.DefaultDueDays);
    if (r.GetValue(linksTo) is { } name && !Cli.PrintLinksTo(result, options, name)) return 2;
    return exit;
});

var preview = new Command("preview", "Build, serve on 127.0.0.1, rebuild on change and reload open pages.") { input, theme, output, baseUrl, drafts, port, cms, bind };
bind.Validators.Add(r => { if (r.GetValueOrDefault<string?>() is { } v && Site.Preview.PreviewCommand.ParseBind(v, out var problem) is null) r.AddError(problem!); });
preview.SetAction((r, cancel) => Site.Preview.PreviewCommand.RunAsync(OptionsOf(r), r.GetValue(port), r.GetValue(cms),
    r.GetValue(bind) is { } address ? Site.Preview.PreviewCommand.ParseBind(address, out _) : null, cancel));

var root = new RootCommand("Builds the hair mesotherapy site from Markdown.") { build, check, preview };
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}
return await parsed.InvokeAsync();

internal static class Cli
{
    public static int Report(BuildResult result, bool strict, bool verbose, string verb)
    {
        var diagnostics = result.Diagnostics.Sorted();
        foreach (var d in diagnostics)
        {
            var shown = strict && !d.IsError ? d with { Severity = Severity.Error } : d;
            (shown.IsError ? Console.Error : Console.Out).WriteLine(shown);
        }
        var errors = strict ? diagnostics.Count : diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        var total = result.Timings.Sum(t => t.Took.TotalMilliseconds);
        var stages = verbose ? " (" + string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Took.TotalMilliseconds:0} ms")) + ")" : "";
        if (warnings > 0 && !strict)
            Console.WriteLine($"{warnings} warning(s): the site builds, but the production build (build --strict, as Netlify runs it) fails on them.");
        Console.WriteLine($"{verb}: {result.Pages.Count} pages, {result.FileCount} files; {errors} error(s), {warnings} warning(s); {total:0} ms{stages}");
        return errors > 0 ? 1 : 0;
    }

    /// <summary><c>check --due</c>: articles by next review date, each at its next_review, so an editor can jump there.</summary>
    public static void PrintDue(BuildResult result, DateOnly today, int days)
    {
        var pages = result.Pages.Select(p => p.Page).ToList();
        var due = Site.Cms.EditorLists.Due(pages, today, days, p => File.Exists(p.Source.FullPath) ? File.ReadAllText(p.Source.FullPath) : null);
        Console.WriteLine($"Articles due for review by {today.AddDays(days):yyyy-MM-dd} (today {today:yyyy-MM-dd} + {days} days), soonest first: {(due.Count == 0 ? "none." : due.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        foreach (var d in due)
        {
            var when = d.DaysLeft switch { < 0 => $"{-d.DaysLeft} day(s) overdue", 0 => "due today", _ => $"in {d.DaysLeft} day(s)" };
            Console.WriteLine($"{d.Where}: next_review {d.NextReview:yyyy-MM-dd}, {when}: {d.Title}");
        }
    }

    /// <summary><c>check --links-to NAME</c>: "what links here"; false (bad usage) when no page has that name.</summary>
    public static bool PrintLinksTo(BuildResult result, BuildOptions options, string name)
    {
        var pages = result.Pages.Select(p => p.Page).ToList();
        if (Site.Cms.EditorLists.Find(pages, name) is not { } target)
        {
            Console.Error.WriteLine($"error: --links-to: no page is called '{name}'.{Site.Cms.EditorLists.DidYouMean(pages, name)} Give an article's file name (aftercare), its path (input/articles/aftercare.md) or a page's address (/glossary/).");
            return false;
        }
        var paths = Site.Content.ProjectPaths.ForInput(options.InputDirectory);
        var (config, _) = Site.Content.ContentLoader.LoadSiteFiles(Site.Content.SiteFileInputs.Read(options.InputDirectory, paths, options.BaseUrl, Site.Content.FileBytes.Read), new DiagnosticBag());
        var host = config is not null && Uri.TryCreate(options.BaseUrl ?? config.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "";
        var places = Site.Cms.EditorLists.LinksTo(target, pages, host);
        Console.WriteLine($"What links to {target.Url} ({target.Source.DisplayPath}): {places.Count} place(s) in {places.Select(p => p.At.File).Distinct().Count()} file(s). Links the theme makes on every page (navigation, lists of articles) are not counted.");
        foreach (var p in places)
            Console.WriteLine(p.Related ? $"{p.Where}: related: {p.Written} ({p.FromTitle})" : $"{p.Where}: link '{p.Written}' ({p.FromTitle})");
        return true;
    }

    /// <summary>Reading grades, as an editor needs them: a line for the site, and one per article with <c>--verbose</c>.</summary>
    public static void PrintGrades(BuildResult result, bool verbose)
    {
        var articles = result.Pages.Where(p => p.Page.IsArticle).OrderBy(p => p.Page.Source.DisplayPath, StringComparer.Ordinal).ToList();
        if (articles.Count == 0) return;
        if (verbose)
            foreach (var p in articles)
                Console.WriteLine($"{p.Page.Source.DisplayPath}: reading grade {p.Body.Readability.Grade:0.0} ({p.Body.Readability.Words} words, {p.Body.ReadingMinutes} min)");
        var grades = articles.Select(p => p.Body.Readability.Grade).ToList();
        var above = articles.Count(p => p.Body.Readability.Grade > Site.Markdown.Readability.TargetGrade);
        Console.WriteLine($"Reading grades of {articles.Count} articles: {grades.Min():0.0} to {grades.Max():0.0} (target {Site.Markdown.Readability.TargetGrade:0} or lower); "
            + (above == 0 ? "none above the target." : $"{above} above it, listed as warnings."));
    }
}
