using System.Globalization;
using System.Text;

namespace Site.Search.Lunr;

/// <summary>
/// Writes JSON exactly as <c>JSON.stringify</c> does, so our output can be compared byte for byte with lunr.js:
/// its string escaping (only quotes, backslashes, control characters and lone surrogates are escaped)
/// and ECMAScript's Number-to-String rules (<c>1</c>, <c>0.5</c>, <c>1e-7</c>, <c>1e+21</c>).
/// </summary>
internal static class JsJson
{
    private const string HexDigits = "0123456789abcdef";

    public static void WriteString(StringBuilder sb, string? s)
    {
        if (s is null)
        {
            sb.Append("null");
            return;
        }

        sb.Append('"');
        var runStart = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            string? escape = null;
            if (c < ' ' || c is '"' or '\\')
            {
                escape = c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => UnicodeEscape(c),
                };
            }
            else if (char.IsSurrogate(c))
            {
                // Well-formed JSON.stringify (ES2019) escapes lone surrogates and keeps pairs as they are.
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    i++;
                    continue;
                }

                escape = UnicodeEscape(c);
            }

            if (escape is null) continue;
            sb.Append(s, runStart, i - runStart).Append(escape);
            runStart = i + 1;
        }

        sb.Append(s, runStart, s.Length - runStart).Append('"');
    }

    private static string UnicodeEscape(char c) =>
        string.Create(6, c, static (span, ch) =>
        {
            span[0] = '\\';
            span[1] = 'u';
            span[2] = HexDigits[(ch >> 12) & 0xF];
            span[3] = HexDigits[(ch >> 8) & 0xF];
            span[4] = HexDigits[(ch >> 4) & 0xF];
            span[5] = HexDigits[ch & 0xF];
        });

    public static void WriteNumber(StringBuilder sb, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            sb.Append("null");
            return;
        }

        sb.Append(NumberToString(value));
    }

    public static void WriteNumber(StringBuilder sb, int value) => sb.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>ECMAScript Number::toString(x) for finite x.</summary>
    public static string NumberToString(double value)
    {
        if (value == 0) return "0"; // also -0
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";

        // .NET's "R" gives the shortest digits that round-trip, as ECMAScript requires;
        // only the layout differs ("1E-07" against "1e-7"), so take the digits and exponent and lay them out again.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        var digits = new StringBuilder(20);
        var pointAt = -1;
        var exponent = 0;
        for (var i = negative ? 1 : 0; i < r.Length; i++)
        {
            var c = r[i];
            if (c == '.')
            {
                pointAt = digits.Length;
            }
            else if (c is 'E' or 'e')
            {
                exponent = int.Parse(r.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits.Append(c);
            }
        }

        if (pointAt < 0) pointAt = digits.Length;

        // Normalise to digits d1..dk with no leading or trailing zeros and value = 0.d1..dk × 10^n.
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0') leading++;
        var trailing = digits.Length;
        while (trailing > leading + 1 && digits[trailing - 1] == '0') trailing--;
        var d = digits.ToString(leading, trailing - leading);
        var k = d.Length;
        var n = pointAt - leading + exponent;

        var sb = new StringBuilder(k + 8);
        if (negative) sb.Append('-');
        if (k <= n && n <= 21)
        {
            sb.Append(d).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(d, 0, n).Append('.').Append(d, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(d);
        }
        else
        {
            var e = n - 1;
            sb.Append(d[0]);
            if (k > 1) sb.Append('.').Append(d, 1, k - 1);
            sb.Append('e').Append(e >= 0 ? '+' : '-').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
