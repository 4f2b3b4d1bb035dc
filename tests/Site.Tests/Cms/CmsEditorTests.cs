using System.Text.Json;
using Site.Cms;
using Site.Diagnostics;
using Site.Output;
using Site.Preview;
using Site.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Site.Tests.Cms;

/// <summary>
/// What an editor gets from the CMS and the preview beyond the form: review before publish, the care-card syntax in the
/// body's hint, a preview pane that renders like the site, "View Live" on the local preview, and long source lines shown
/// around the column in the overlay.
/// </summary>
public sealed class CmsEditorTests
{
    private static Lazy<BuildResult> RealBuild => TestSite.RealDryRun;

    private static string FileText(string path)
    {
        Assert.True(RealBuild.Value.Succeeded, string.Join('\n', RealBuild.Value.Diagnostics.Sorted()));
        return RealBuild.Value.Files.OfType<TextOutput>().Single(f => f.Path == path).Text;
    }

    private static YamlMappingNode Config()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(FileText("admin/config.yml")));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map.Children[new YamlScalarNode(key)]).Value!;

    [Fact]
    public void Every_cms_change_goes_through_the_editorial_workflow()
    {
        Assert.Equal("editorial_workflow", Scalar(Config(), "publish_mode"));
    }

    [Fact]
    public void The_body_hint_explains_care_cards_with_every_kind()
    {
        var collections = (YamlSequenceNode)Config().Children[new YamlScalarNode("collections")];
        var articles = collections.Children.Cast<YamlMappingNode>().Single(c => Scalar(c, "name") == "articles");
        var body = ((YamlSequenceNode)articles.Children[new YamlScalarNode("fields")]).Children.Cast<YamlMappingNode>().Single(f => Scalar(f, "name") == "body");
        var hint = Scalar(body, "hint");
        Assert.Contains(":::urgent", hint);
        Assert.Contains("a line ::: on its own", hint);
        foreach (var kind in new[] { "urgent", "emergency", "info", "warning" }) Assert.Contains(kind + " (", hint);
    }

    [Fact]
    public void The_preview_serves_the_cms_config_with_its_own_address_as_site_url_and_its_own_api_as_the_local_backend()
    {
        var built = FileText("admin/config.yml");
        Assert.Contains("site_url: https://", built);
        Assert.DoesNotContain("local_backend", built);
        var local = DecapConfig.ForPreview(built, "http://127.0.0.1:5005", null);
        var stream = new YamlStream();
        stream.Load(new StringReader(local));
        Assert.Equal("http://127.0.0.1:5005", Scalar((YamlMappingNode)stream.Documents[0].RootNode, "site_url"));
        Assert.Equal(built.Split('\n').Length, local.Split('\n').Length);
        Assert.DoesNotContain("local_backend", local); // preview without --cms: no backend to offer

        var withCms = new YamlStream();
        withCms.Load(new StringReader(DecapConfig.ForPreview(built, "http://127.0.0.1:5005", "http://127.0.0.1:5005/api/v1")));
        var root = (YamlMappingNode)withCms.Documents[0].RootNode;
        Assert.Equal("http://127.0.0.1:5005/api/v1", Scalar((YamlMappingNode)root.Children[new YamlScalarNode("local_backend")], "url"));
    }

    [Fact]
    public void The_admin_page_loads_the_preview_script_with_the_fingerprinted_site_css_and_no_inline_script()
    {
        var html = FileText("admin/index.html");
        var css = RealBuild.Value.Files.OfType<CopyOutput>().Single(f => f.Path.StartsWith("assets/css/site.", StringComparison.Ordinal)).Path;
        Assert.Matches(@"<script src=""cms-preview\.js"" data-site-css=""/assets/css/site\.[0-9a-f]{10}\.css"" data-preview-data=""preview-data\.json"" data-max-upload-kilobytes=""200"" data-large-image=""[^""]+""></script>", html);
        Assert.Contains($"data-site-css=\"/{css}\"", html);
        Assert.True(html.IndexOf("decap-cms.js", StringComparison.Ordinal) < html.IndexOf("cms-preview.js", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.Contains(RealBuild.Value.Files, f => f.Path == "admin/cms-preview.js");
    }

    [Fact]
    public void The_preview_data_has_what_the_pane_renders_sources_related_articles_and_cards()
    {
        using var json = JsonDocument.Parse(FileText("admin/preview-data.json"));
        var root = json.RootElement;
        Assert.StartsWith("Plachouri", root.GetProperty("sources").GetProperty("plachouri-2019").GetProperty("citation").GetString());
        Assert.Equal("/articles/side-effects/", root.GetProperty("articles").GetProperty("side-effects").GetProperty("url").GetString());
        Assert.Equal("Urgent advice", root.GetProperty("cards").GetProperty("urgent").GetProperty("label").GetString());
        Assert.Contains("faq", root.GetProperty("pages").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_long_line_is_shown_around_the_column_with_the_marker_on_it()
    {
        var line = new string('a', 260) + "<b>not</b>" + new string('z', 200);
        var where = new SourceSpan("input/articles/x.md", 12, 261);
        var shown = LiveReload.Window(12, line, where, current: true);
        Assert.True(shown.Text.Length <= LiveReload.LineWindow + 2, shown.Text);
        Assert.StartsWith("…", shown.Text);
        Assert.EndsWith("…", shown.Text);
        Assert.NotNull(shown.Marker);
        Assert.Equal("<b>not</b>", shown.Text.Substring(shown.Marker!.Value, 10));
        // A short line is shown whole, its marker at the column.
        var shortLine = LiveReload.Window(3, "sectoin: treatment", new SourceSpan("f", 3, 1), current: true);
        Assert.Equal("sectoin: treatment", shortLine.Text);
        Assert.Equal(0, shortLine.Marker);
        // Lines around it carry no marker.
        Assert.Null(LiveReload.Window(11, line, where, current: false).Marker);
    }
}
