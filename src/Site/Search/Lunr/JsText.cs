using System.Globalization;
using System.Text;

namespace Site.Search.Lunr;

/// <summary>
/// The few JavaScript string operations lunr.js relies on, reproduced for .NET:
/// <c>String.prototype.toLowerCase</c>, the <c>\s</c> and <c>\w</c> regex classes.
/// </summary>
internal static class JsText
{
    /// <summary>
    /// <c>String.prototype.toLowerCase</c>: full Unicode lower-case mapping, not .NET's simple one.
    /// The differences that matter are the two SpecialCasing rules that are not language-specific:
    /// U+0130 becomes two code units, and a capital sigma at the end of a word becomes final sigma.
    /// </summary>
    public static string ToLower(string s)
    {
        // Most text is ASCII: lower-case it with the vectorised helpers.
        if (Ascii.IsValid(s))
        {
            return s.AsSpan().IndexOfAnyInRange('A', 'Z') < 0
                ? s
                : string.Create(s.Length, s, static (destination, source) => Ascii.ToLower(source, destination, out _));
        }

        var firstChange = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 0x80 ? c is >= 'A' and <= 'Z' : NeedsLowering(s, i))
            {
                firstChange = i;
                break;
            }
        }

        if (firstChange < 0) return s;

        var sb = new StringBuilder(s.Length + 4);
        sb.Append(s, 0, firstChange);
        for (var i = firstChange; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 0x80)
            {
                sb.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(LowerOf(new Rune(c, s[i + 1])).ToString());
                i++;
            }
            else if (c == '\u0130')
            {
                sb.Append("i\u0307");
            }
            else if (c == '\u03A3')
            {
                sb.Append(IsFinalSigma(s, i) ? '\u03C2' : '\u03C3');
            }
            else
            {
                sb.Append(LowerOf(c));
            }
        }

        return sb.ToString();
    }

    // Unicode 16 capitals (Latin additions, Garay) that node 20's ICU lower-cases and .NET 10's casing tables
    // do not know yet; the test that lower-cases every code point with node finds any new gap.
    private static Rune LowerOf(Rune r) =>
        r.Value is >= 0x16EA0 and <= 0x16EB8 ? new Rune(r.Value + 0x1B) : Rune.ToLowerInvariant(r);

    private static char LowerOf(char c) => c switch
    {
        '\uA7CE' => '\uA7CF',
        '\uA7D2' => '\uA7D3',
        '\uA7D4' => '\uA7D5',
        _ => char.ToLowerInvariant(c),
    };

    private static bool NeedsLowering(string s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var rune = new Rune(c, s[i + 1]);
            return LowerOf(rune) != rune;
        }

        return c is '\u0130' or '\u03A3' || LowerOf(c) != c;
    }

    // Unicode Final_Sigma: preceded by a cased letter (skipping case-ignorables) and not followed by one.
    private static bool IsFinalSigma(string s, int at)
    {
        var before = false;
        for (var i = at - 1; i >= 0; i--)
        {
            var c = s[i];
            if (IsCaseIgnorable(c)) continue;
            before = IsCased(c);
            break;
        }

        if (!before) return false;

        for (var i = at + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (IsCaseIgnorable(c)) continue;
            return !IsCased(c);
        }

        return true;
    }

    // An approximation of the Unicode Cased property that is exact for the scripts a site is written in.
    private static bool IsCased(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter;

    // An approximation of the Unicode Case_Ignorable property: marks, format characters, modifiers and the
    // word-internal punctuation (apostrophes, dots, colons) of Word_Break MidLetter / MidNumLet / Single_Quote.
    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '\u00B7' or '\u0387' or '\u05F4' or '\u2018' or '\u2019' or '\u2024' or '\u2027'
            or '\uFE13' or '\uFE52' or '\uFE55' or '\uFF07' or '\uFF0E' or '\uFF1A' or '^' or '`' or '\u00A8'
            or '\u00AD' or '\u00AF' or '\u00B4' or '\u00B8'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    /// <summary>One code unit of the JavaScript regex class <c>\s</c> (WhiteSpace and LineTerminator).</summary>
    public static bool IsWhiteSpace(char c) =>
        c <= ' '
            ? c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r'
            : c >= '\u00A0' && c is '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029'
                or '\u202F' or '\u205F' or '\u3000' or '\uFEFF';

    /// <summary>One code unit of the JavaScript regex class <c>\w</c>, which is ASCII-only without the u flag.</summary>
    public static bool IsWordChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}
