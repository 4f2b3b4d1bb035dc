using System.Text;
using CsCheck;

namespace Site.Tests.Reliability.Fuzz;

/// <summary>
/// Generators of Markdown files with front matter: random ones, and real articles mutated the ways files really get
/// damaged (bytes flipped, cut short, lines duplicated or lost, blocks nested deeper). Each case comes from one PCG
/// seed, so a failure is reproduced from the seed printed with it.
/// </summary>
internal static class FuzzInputs
{
    private static readonly string[] KnownKeys =
        ["title", "description", "summary", "section", "order", "layout", "last_reviewed", "next_review", "updated", "sources",
         "clinical_reviewer", "keywords", "related", "search", "draft", "extra"];

    private static readonly Gen<string> OddText = Gen.String[Gen.Char[" abcxyz019:-_[]{}#&*!|>'\"%@`,.?\\/\t()<>=~^éüß€→😀\u200b\u00a0\u2028\uFEFF"], 0, 24];

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.OneOf("", "~", "null", "true", "no", "yes", "2026-01-10", "2026-02-30", "2027-06-10", "10/01/2026", "2999-01-01", "0", "-1",
            "1e9", "99999999999999999999", "basics", "understanding", "treatment", "article", "page", "home", "nowhere", "[", "]", "{", "}",
            "\"", "'", ":", "- x", "#", "&a", "*a", "!!str", "!!binary", "|", ">", "%", "@", "`", "\"unclosed", "'it''s'", "[a, b", "{a: 1}",
            "smith-2020", "aftercare", "side-effects", "\"\\u0000\"", "\"\\ud800\""),
        OddText);

    private static readonly Gen<string> Value = Gen.OneOf(
        Scalar,
        Scalar.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]"),
        Scalar.Array[1, 3].Select(items => string.Concat(items.Select(i => "\n  - " + i))),
        Gen.Select(Gen.OneOf(KnownKeys), Scalar).Array[1, 3].Select(pairs => string.Concat(pairs.Select(p => "\n  " + p.Item1 + ": " + p.Item2))),
        Gen.Select(Scalar, Gen.OneOf("|", ">", "|-", ">+")).Select(t => t.Item2 + "\n  " + t.Item1 + "\n  more"));

    private static readonly Gen<string> FrontMatterLine = Gen.Select(
        Gen.Frequency((6, Gen.OneOf(KnownKeys)), (1, OddText)),
        Value,
        Gen.Frequency((12, Gen.Const("")), (1, Gen.OneOf(" ", "  ", "\t", "- ", "? "))),
        (key, value, indent) => indent + key + ": " + value);

    private static readonly Gen<string> FrontMatter = FrontMatterLine.Array[0, 14].Select(lines => string.Join('\n', lines));

    private static readonly Gen<string> MarkdownLine = Gen.Frequency(
        (8, Gen.OneOf(
            "## A heading", "# Level one", "### Sub", "###### Deep", "#Not a heading", "- item", "* item", "+ item", "1. one", "2) two", "> quote",
            "```", "```js", "~~~", "    indented code", "| a | b |", "|---|---|", "| 1 | [x](/about/) |", "^^^", "^^^ A caption", "[^1]: A note.",
            "Text with a note[^1].", "Term", ": Definition", "***", "---", "___", "<div>", "<script>alert(1)</script>", "<!-- comment -->",
            "[a link](/articles/aftercare/)", "[broken](/nowhere/)", "[fragment](/articles/aftercare/#nope)", "[here](#first)",
            "![A figure](/media/hair-growth-cycle.svg)", "![](/media/x.png)", "![alt](javascript:alert(1))", "[x](javascript:alert(1))",
            "[x](vbscript:msgbox)", "[x](data:text/html,hi)", "[@smith-2020]", "[@nobody]", "[@]", "Cite [@a; @b].", "<https://example.org>",
            "https://example.org/path", "mail@example.org", "&amp; &#0; &#x110000; &nbsp; &bogus;", "*em* **strong** ~~gone~~ `code`",
            "\"Quotes\" -- and... 'single'", "[ref]: /about/", "[ref][]", "[ref]", "\\", "  ", "\t", "Plain sentence. Another one here.")),
        (2, OddText),
        (1, Gen.Int[1, 200].Select(n => new string('>', n) + " quoted")),
        (1, Gen.Int[1, 60].Select(n => new string(' ', 2 * n) + "- nested")),
        (1, Gen.Int[1, 400].Select(n => new string('[', n) + "x" + new string(']', n))),
        (1, Gen.Int[1, 400].Select(n => new string('*', n) + "x" + new string('*', n))),
        (1, Gen.Int[1, 100].Select(n => string.Concat(Enumerable.Repeat("[a](", n)) + "x" + new string(')', n))),
        (1, Gen.Int[1, 200].Select(n => "|" + string.Concat(Enumerable.Repeat(" c |", n)))));

    private static readonly Gen<string> Body = Gen.Select(MarkdownLine.Array[0, 40], Gen.OneOf("\n", "\n\n", "\r\n"),
        (lines, newline) => string.Join(newline, lines) + newline);

    /// <summary>A real article's front matter (so the page gets as far as rendering) with a random body.</summary>
    private static Gen<byte[]> RealFrontMatterRandomBody(IReadOnlyList<string> articles) =>
        Gen.Select(Gen.Int[0, articles.Count - 1], Body, (i, body) => Utf8(FrontMatterOf(articles[i]) + body));

    /// <summary>Random front matter over a real body.</summary>
    private static Gen<byte[]> RandomFrontMatterRealBody(IReadOnlyList<string> articles) =>
        Gen.Select(Gen.Int[0, articles.Count - 1], FrontMatter, Gen.Bool,
            (i, fm, closed) => Utf8("---\n" + fm + (closed ? "\n---\n" : "\n") + BodyOf(articles[i])));

    private static readonly Gen<byte[]> Random = Gen.Select(FrontMatter, Body, Gen.Int[0, 3],
        (fm, body, shape) => Utf8(shape switch { 0 => body, 1 => "---\n" + fm + "\n" + body, _ => "---\n" + fm + "\n---\n" + body }));

    private enum Mutation { FlipByte, SetByte, Truncate, DuplicateLine, DeleteLine, SwapLines, Nest, InsertLine }

    private static readonly Gen<(Mutation Kind, double At, double To, int Amount, string Text)> MutationGen =
        Gen.Select(Gen.Enum<Mutation>(), Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[1, 300], MarkdownLine);

    /// <summary>A real article damaged by one to six mutations, at the byte level.</summary>
    private static Gen<byte[]> Mutated(IReadOnlyList<string> articles) =>
        Gen.Select(Gen.Int[0, articles.Count - 1], MutationGen.Array[1, 6], (i, mutations) =>
        {
            var bytes = Utf8(articles[i]).ToList();
            foreach (var m in mutations) Apply(bytes, m);
            return bytes.ToArray();
        });

    public static Gen<byte[]> Article(IReadOnlyList<string> articles) => Gen.Frequency(
        (3, RealFrontMatterRandomBody(articles)),
        (2, RandomFrontMatterRealBody(articles)),
        (4, Mutated(articles)),
        (1, Random));

    private static void Apply(List<byte> bytes, (Mutation Kind, double At, double To, int Amount, string Text) m)
    {
        if (bytes.Count == 0) return;
        var at = Math.Min(bytes.Count - 1, (int)(m.At * bytes.Count));
        switch (m.Kind)
        {
            case Mutation.FlipByte: bytes[at] ^= (byte)(1 << (m.Amount % 8)); break;
            case Mutation.SetByte: bytes[at] = (byte)m.Amount; break;
            case Mutation.Truncate: bytes.RemoveRange(at, bytes.Count - at); break;
            default:
                // Line operations work on the text; bytes that are no longer UTF-8 stay as they are (Latin-1 round trip).
                var lines = Encoding.Latin1.GetString([.. bytes]).Split('\n').ToList();
                var line = Math.Min(lines.Count - 1, (int)(m.At * lines.Count));
                var other = Math.Min(lines.Count - 1, (int)(m.To * lines.Count));
                switch (m.Kind)
                {
                    case Mutation.DuplicateLine: lines.Insert(line, lines[line]); break;
                    case Mutation.DeleteLine: lines.RemoveAt(line); break;
                    case Mutation.SwapLines: (lines[line], lines[other]) = (lines[other], lines[line]); break;
                    case Mutation.Nest: lines[line] = (m.Amount % 2 == 0 ? new string('>', m.Amount) + " " : new string(' ', m.Amount)) + lines[line]; break;
                    case Mutation.InsertLine: lines.Insert(line, Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(m.Text))); break;
                }
                bytes.Clear();
                bytes.AddRange(Encoding.Latin1.GetBytes(string.Join('\n', lines)));
                break;
        }
    }

    private static string FrontMatterOf(string article)
    {
        var end = article.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? "" : article[..(end + 5)];
    }

    private static string BodyOf(string article)
    {
        var end = article.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? article : article[(end + 5)..];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
