using System.Text;
using AnyAscii;

namespace Site.Content;

/// <summary>Clean URL slugs from any script: transliterate to ASCII, lower-case, hyphens between words.</summary>
internal static class Slugs
{
    public static string From(string text)
    {
        var ascii = text.Transliterate().ToLowerInvariant();
        var sb = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
