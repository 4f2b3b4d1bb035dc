using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Site.Testing;

/// <summary>
/// Cross-site scripting payloads, planted in every place of a copy of the real site where an editor or a CMS user can
/// type text that a page shows: article bodies and every front-matter field a template renders, site.yml, references,
/// the questionnaire and the synonyms. Shared by the output checks (Site.Tests) and the browser checks
/// (Site.BrowserTests). Every payload calls <c>alert</c>, so a payload that runs opens a dialog.
/// </summary>
internal static class HostileSite
{
    public static readonly IReadOnlyList<string> Payloads =
    [
        "<script>alert(1)</script>",
        "<ScRiPt>alert(2)</sCrIpT>",
        "<img src=x onerror=alert(3)>",
        "<svg onload=alert(4)>",
        "<svg><script>alert(5)</script></svg>",
        "\"><script>alert(6)</script>",
        "'><img src=x onerror=alert(7)>",
        "javascript:alert(8)",
        "JaVaScRiPt:alert(9)",
        "java\tscript:alert(10)",
        "vbscript:msgbox(11)",
        "data:text/html,<script>alert(12)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMyk8L3NjcmlwdD4=",
        "<a href=\"javascript:alert(14)\">click</a>",
        "<iframe src=\"javascript:alert(15)\"></iframe>",
        "<body onload=alert(16)>",
        "<details open ontoggle=alert(17)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(18)>",
        "<scr<script>ipt>alert(19)</script>",
        "&lt;script&gt;alert(20)&lt;/script&gt;",
        "&#60;script&#62;alert(21)&#60;/script&#62;",
        "&#x3C;img src=x onerror=alert(22)&#x3E;",
        "</title><script>alert(23)</script>",
        "</textarea><script>alert(24)</script>",
        "</script><script>alert(25)</script>",
        "<object data=\"javascript:alert(26)\"></object>",
        "<embed src=\"data:text/html,<script>alert(27)</script>\">",
        "<form action=\"javascript:alert(28)\"><button>go</button></form>",
        "<input autofocus onfocus=alert(29)>",
        "<a href=\"&#106;avascript:alert(30)\">x</a>",
        "<base href=\"javascript:alert(31)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(32)\">",
        "\u2028\u2029</script><script>alert(33)</script>",
        "<!--<img src=\"--><img src=x onerror=alert(34)//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(35)>\">",
        "{{ 'x' | html.raw }}<script>alert(36)</script>",
        "<style>@import 'javascript:alert(37)';</style>",
        "\" onmouseover=\"alert(38)\" x=\"",
    ];

    /// <summary>Markdown that tries to make a script or a script URL: the build must refuse each with SITE050 or SITE058.</summary>
    public static readonly IReadOnlyList<string> MarkdownPayloads =
    [
        "[click](javascript:alert(101))",
        "[click](JAVASCRIPT:alert(102))",
        "[click](java&#x09;script:alert(103))",
        "[click](vbscript:msgbox(104))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMDUpPC9zY3JpcHQ+)",
        "![a picture](javascript:alert(106))",
        "<javascript:alert(107)>",
        "[click][evil]\n\n[evil]: javascript:alert(109)",
        "| <img src=x onerror=alert(110)> | cell |\n|---|---|\n| [x](javascript:alert(110)) | cell |",
        "<script>alert(111)</script>",
        "<div onclick=\"alert(112)\">text</div>",
        "Text <img src=x onerror=alert(113)> inline.",
        "[click](&#106;avascript:alert(114))",
        "[click](%6Aavascript:alert(115))",
    ];

    public const string ArticlePrefix = "hostile-";

    /// <summary>
    /// Plants every payload into the site at <paramref name="root"/> (a copy of the real one): one article per payload
    /// with it in every field and as text in the body, and all of them together in site.yml, a reference, the
    /// questionnaire and the synonyms. The result builds without errors: each payload is text, not markup.
    /// </summary>
    public static void PlantAsText(string root)
    {
        var input = Path.Combine(root, "input");
        var (reference, other) = FirstReferenceIds(input);
        var media = Directory.EnumerateFiles(Path.Combine(input, "media"), "*.svg").Order(StringComparer.Ordinal).First();
        for (var i = 0; i < Payloads.Count; i++)
        {
            var p = Payloads[i];
            File.WriteAllText(Path.Combine(input, "articles", $"{ArticlePrefix}{i:00}.md"), $"""
                ---
                title: {Quote(p + " Title " + i)}
                description: {Quote(p + " A description long enough for search engines to show it in results well.")}
                summary: {Quote(p + " Summary.")}
                section: treatment
                order: {90 + i}
                last_reviewed: 2026-11-01
                next_review: 2027-11-01
                sources: [{reference}, {other}]
                keywords: [{Quote(p)}, {Quote("hostile keyword " + i)}]
                clinical_reviewer: {Quote(p + " Reviewer")}
                extra:
                  note: {Quote(p)}
                ---
                Plain words first. {EscapeMarkdown(p)} and more words.

                ## {EscapeMarkdown(p)} heading {i}

                Inline code: ``{p.Replace("`", "", StringComparison.Ordinal)}``. A [link with {EscapeMarkdown(p)}](/about/ "{EscapeMarkdown(p)}").

                | Column | {EscapeMarkdown(p)} |
                | --- | --- |
                | {EscapeMarkdown(p)} | cell |

                ^^^
                ![{EscapeMarkdown(p)}](/media/{Path.GetFileName(media)})
                ^^^ {EscapeMarkdown(p)} caption

                """.Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        var all = string.Join(" ", Payloads);
        Edit(Path.Combine(input, "site.yml"), [
            ("tagline: ", "tagline: " + Quote(all) + "\nx_old_tagline: "),
            ("  - title: FAQ", "  - title: " + Quote("FAQ " + all)),
            ("    title: The treatment", "    title: " + Quote("The treatment " + all)),
        ]);
        // site.yml rejects unknown keys: the old tagline is dropped again, leaving one tagline with every payload.
        var siteYml = File.ReadAllLines(Path.Combine(input, "site.yml")).Where(l => !l.StartsWith("x_old_tagline: ", StringComparison.Ordinal));
        File.WriteAllLines(Path.Combine(input, "site.yml"), siteYml);

        Edit(Path.Combine(input, "references.yml"), [("  citation: ", "  citation: " + Quote(all) + "\n  x_old: ")]);
        var references = File.ReadAllLines(Path.Combine(input, "references.yml")).Where(l => !l.StartsWith("  x_old: ", StringComparison.Ordinal));
        File.WriteAllLines(Path.Combine(input, "references.yml"), references);

        var questionnaire = Path.Combine(input, "candidate", "questionnaire.yml");
        var q = File.ReadAllText(questionnaire);
        q = ReplaceFirst(q, "title: Could hair mesotherapy be right for me?", "title: " + Quote("Could it be right for me? " + all));
        q = ReplaceFirst(q, "    text: How old are you?", "    text: " + Quote("How old are you? " + all));
        q = ReplaceFirst(q, "        text: 18 or older", "        text: " + Quote("18 or older " + all));
        q = ReplaceFirst(q, "    title: It may be worth asking a doctor about hair mesotherapy", "    title: " + Quote("It may be worth asking a doctor " + all));
        q = ReplaceFirst(q, "    help: |\n", "    help: |\n      " + EscapeMarkdown(all) + "\n");
        File.WriteAllText(questionnaire, q);

        // Lay words must be unique after the search index's own analysis, so only a few distinct payloads go here.
        File.AppendAllText(Path.Combine(input, "search", "synonyms.yml"),
            $"\n- words: [{Quote("quokkaxss <script>alert(201)</script>")}, {Quote("wombatxss <img src=x onerror=alert(202)>")}]\n  means: [anticoagulants]\n");
    }

    /// <summary>The Markdown payloads, one article each, for builds that are expected to fail with a diagnostic.</summary>
    public static void PlantAsMarkdown(string root)
    {
        var input = Path.Combine(root, "input");
        var (reference, other) = FirstReferenceIds(input);
        for (var i = 0; i < MarkdownPayloads.Count; i++)
            File.WriteAllText(Path.Combine(input, "articles", $"{ArticlePrefix}md-{i:00}.md"), $"""
                ---
                title: Hostile Markdown {i}
                description: A description long enough for search engines to show it in their results well.
                summary: Summary.
                section: treatment
                last_reviewed: 2026-11-01
                next_review: 2027-11-01
                sources: [{reference}, {other}]
                ---
                Before.

                {MarkdownPayloads[i]}

                After.

                """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>
    /// What in a page could run a script: a script element that is neither an external same-site file nor JSON data
    /// (JSON that does not parse means something broke out of it), an event-handler attribute, a URL attribute with a
    /// script or data scheme, or an element that loads or redirects to another document. Empty when the page is safe.
    /// </summary>
    public static IReadOnlyList<string> Findings(string html)
    {
        var findings = new List<string>();
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (name == "script")
            {
                var type = element.GetAttribute("type");
                if (type is "application/ld+json" or "application/json")
                {
                    try { using var _ = JsonDocument.Parse(element.TextContent); }
                    catch (JsonException) { findings.Add($"<script type={type}> holds text that is not JSON: {Shorten(element.TextContent)}"); }
                }
                else if (element.GetAttribute("src") is not { } src || src.Contains(':', StringComparison.Ordinal) || src.StartsWith("//", StringComparison.Ordinal))
                {
                    findings.Add("script: " + Shorten(element.OuterHtml));
                }
            }
            if (name is "iframe" or "object" or "embed" or "base" or "frame" or "frameset" or "applet")
                findings.Add($"<{name}>: " + Shorten(element.OuterHtml));
            if (name == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
                findings.Add("meta refresh: " + Shorten(element.OuterHtml));
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    findings.Add($"event handler {attribute.Name}: " + Shorten(element.OuterHtml));
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "xlink:href" or "poster" or "background" or "srcdoc"
                    && IsScriptUrl(attribute.Value))
                    findings.Add($"script URL in {attribute.Name}: " + Shorten(element.OuterHtml));
                if (attribute.Name == "srcdoc") findings.Add("srcdoc: " + Shorten(element.OuterHtml));
            }
        }
        return findings;
    }

    /// <summary>True for javascript:, vbscript: and data: URLs, as a browser reads them (control characters and
    /// whitespace inside the scheme are ignored, case does not matter).</summary>
    public static bool IsScriptUrl(string value)
    {
        var scheme = new StringBuilder();
        foreach (var c in value)
        {
            if (c == ':') break;
            if (char.IsControl(c) || char.IsWhiteSpace(c)) continue;
            scheme.Append(char.ToLowerInvariant(c));
        }
        return value.Contains(':', StringComparison.Ordinal) && scheme.ToString() is "javascript" or "vbscript" or "data";
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static string Quote(string text) =>
        JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Backslash-escapes every ASCII punctuation character, so Markdown shows the payload as the text it is.</summary>
    private static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Replace("\u2028", " ", StringComparison.Ordinal).Replace("\u2029", " ", StringComparison.Ordinal).Replace('\t', ' '))
        {
            if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > 127) sb.Append(c);
            else sb.Append('\\').Append(c);
        }
        return sb.ToString();
    }

    private static (string, string) FirstReferenceIds(string input)
    {
        var ids = File.ReadLines(Path.Combine(input, "references.yml")).Where(l => l.StartsWith("- id: ", StringComparison.Ordinal)).Select(l => l[6..].Trim()).Take(2).ToList();
        return (ids[0], ids[1]);
    }

    private static void Edit(string path, (string Find, string Replace)[] edits)
    {
        var text = File.ReadAllText(path);
        foreach (var (find, replace) in edits) text = ReplaceFirst(text, find, replace);
        File.WriteAllText(path, text);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"'{find}' not found: the real site changed; update HostileSite");
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
