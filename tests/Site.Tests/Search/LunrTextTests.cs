using System.Text;
using Site.Search.Lunr;

namespace Site.Tests.Search;

/// <summary>The JavaScript behaviours lunr.js inherits (lower-casing, number printing, Math.log), checked against node.</summary>
public sealed class LunrTextTests
{
    internal static readonly string[] TrickyTexts =
    [
        "",
        " ",
        "Hello World",
        "  leading and trailing  ",
        "hyphen-ated words -- double--dash - lone -start end-",
        "Café, naïve façade — em dash – en dash … ellipsis",
        "CAFÉ NAÏVE ÉCOLE Ærø ÅSE Œuvre",
        "Don't stop: it's the patients' choice (really!)",
        "1.5 mg/ml in 2026; 3rd dose; 10% of 50/50; v2.0; COVID-19; x-ray",
        "\"quoted\" 'single' «guillemets» ¿qué? ¡sí!",
        "tabs\tand\nnewlines\r\nand\u00A0nbsp\u2003em-space\u3000ideographic\uFEFFbom\u2028ls\u2029ps",
        "the and of a an to in is it you that", // stop words only
        "— – … ! ? . , ; : ( ) [ ] { }",          // punctuation only: lunr keeps "" terms
        "ΟΔΟΣ ΟΔΟΣ. ΑΣ'Β Σ ΣΑΣ",                  // Greek final sigma
        "İstanbul DİYARBAKIR ǅemal ǈ ǋ",          // special lower-casing
        "𐐀𐐁 𝐀𝐁 😀emoji🚀 \uD800lone \uDC00surrogates",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "internationalization's nationalizations characterizations",
        "running runner runs ran rooted rooting",
        "yes yellow Yields YOUNG y Y yy",
        "___ _a_ __init__ a_b",
        "e.g. i.e. u.s.a. U.S.A. Mr. Dr.",
    ];

    [Fact]
    public void Lower_cases_every_BMP_code_unit_as_JavaScript_does()
    {
        var inputs = new List<string>();
        for (var c = 0; c <= 0xFFFF; c++) inputs.Add(((char)c).ToString());
        AssertLowerLikeJs(inputs);
    }

    [Fact]
    public void Lower_cases_every_supplementary_code_point_with_letters_as_JavaScript_does()
    {
        // Planes 1 and 2 hold every astral letter with case (Deseret, Osage, Adlam, mathematical letters…).
        var inputs = new List<string>();
        for (var c = 0x10000; c <= 0x2FFFF; c++) inputs.Add(char.ConvertFromUtf32(c));
        AssertLowerLikeJs(inputs);
    }

    [Fact]
    public void Lower_cases_whole_strings_as_JavaScript_does()
    {
        AssertLowerLikeJs([.. TrickyTexts, "ΑΣ", "ΑΣ.", "ΑΣ.Β", "ΑΣΑ", "Σ", " Σ ", "Α Σ", "ΑΣ\u0301", "ΑΣ\u0301Β", "ΑΣ1", "1Σ"]);
    }

    private static void AssertLowerLikeJs(List<string> inputs)
    {
        var expected = LunrReference.RunLines("lower", LunrReference.QuoteArray(inputs), inputs.Count);
        var actual = inputs.Select(s => LunrReference.Quote(JsText.ToLower(s))).ToList();
        LunrReference.AssertSameLines(inputs, expected, actual);
    }

    [Fact]
    public void Tokenizes_as_lunr_tokenizer_does()
    {
        var inputs = TrickyTexts.ToList();
        var expected = LunrReference.RunLines("tokenize", LunrReference.QuoteArray(inputs), inputs.Count);
        var actual = inputs.Select(t => LunrReference.QuoteArray(LunrAnalyzer.Tokenize(t))).ToList();
        LunrReference.AssertSameLines(inputs, expected, actual);
    }

    [Fact]
    public void Analyzes_as_lunr_tokenizer_and_builder_pipeline_do()
    {
        var inputs = TrickyTexts.ToList();
        var analyzer = new LunrAnalyzer();
        var expected = LunrReference.RunLines("analyze", LunrReference.QuoteArray(inputs), inputs.Count);
        var actual = inputs.Select(t => LunrReference.QuoteArray(analyzer.Terms(t))).ToList();
        LunrReference.AssertSameLines(inputs, expected, actual);
    }

    [Fact]
    public void Prints_numbers_as_JavaScript_does()
    {
        var random = new Random(42);
        var numbers = new List<double>
        {
            0, -0.0, 1, -1, 0.5, 1.234, 0.001, 0.1 + 0.2, 1e-7, 1.5e-7, 1e-6, 1.234e-6, 123e-20, 1e20, 1e21, 1.5e21,
            123456789012345680000.0, 9007199254740993.0, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 100, 1e15,
            1e16, 12345.678, 0.000001, 0.0000001, 42.000001,
        };
        for (var i = 0; i < 3000; i++) numbers.Add(random.Next(0, 100_000) / 1000.0);
        for (var i = 0; i < 3000; i++) numbers.Add(BitConverter.Int64BitsToDouble(random.NextInt64(0, 0x7FEFFFFFFFFFFFFF)));
        for (var i = 0; i < 1000; i++) numbers.Add((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)));

        var inputs = numbers.Select(JsJson.NumberToString).ToList();
        var expected = LunrReference.RunLines("number", "[" + string.Join(',', inputs) + "]", numbers.Count);
        var actual = numbers.Select(n => LunrReference.Quote(JsJson.NumberToString(n))).ToList();
        LunrReference.AssertSameLines(inputs, expected, actual);
    }

    [Fact]
    public void Computes_Math_log_bit_for_bit_as_V8_does()
    {
        // The arguments lunr.idf passes (1 + |x| for every document count and posting count of a site),
        // and a spread of other doubles.
        var numbers = new List<double>();
        for (var n = 1; n <= 400; n += n < 50 ? 1 : 7)
        {
            for (var d = 1; d <= 2 * n; d++) numbers.Add(1 + Math.Abs((n - d + 0.5) / (d + 0.5)));
        }

        var random = new Random(7);
        for (var i = 0; i < 5000; i++) numbers.Add(random.NextDouble() * Math.Pow(2, random.Next(-60, 60)));
        numbers.AddRange([1, 2, Math.E, 0.5, 1e-300, 1e300, 1 + 1e-10, 1 - 1e-10, double.Epsilon]);

        var inputs = numbers.Select(JsJson.NumberToString).ToList();
        var expected = LunrReference.RunLines("log", "[" + string.Join(',', inputs) + "]", numbers.Count);
        var actual = numbers.Select(n => JsJson.NumberToString(JsMath.Log(n))).ToList();
        LunrReference.AssertSameLines(inputs, expected, actual);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1.5, 2)]
    [InlineData(2.5, 3)]
    [InlineData(0.49999999999999994, 0)]
    [InlineData(1234.4999, 1234)]
    [InlineData(4503599627370495.5, 4503599627370496)]
    public void Rounds_as_Math_round_does(double x, double expected) => Assert.Equal(expected, JsMath.Round(x));

    [Fact]
    public void Escapes_strings_as_JSON_stringify_does()
    {
        var sb = new StringBuilder();
        JsJson.WriteString(sb, "a\"b\\c\b\f\n\r\t\u0001\u001f\u007f\u2028é😀\uD800x\uDC00");
        Assert.Equal("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\u2028é😀\\ud800x\\udc00\"", sb.ToString());
    }
}
