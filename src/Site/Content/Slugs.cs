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

    /// <summary>
    /// The URL slug of a Markdown file's name (without '.md'): editors, and the tools that save files for them, use
    /// spaces, capitals and accents, so <c>Über die Kopfhaut</c> publishes at <c>uber-die-kopfhaut</c>. Empty when the
    /// name has no letter or digit to keep (the loader then reports SITE011); two names with one slug are SITE010.
    /// </summary>
    public static string FromFileName(string nameWithoutExtension) =>
        // Decomposed accents (macOS file names are NFD) transliterate as their base letter only once recomposed.
        From(nameWithoutExtension.Normalize(NormalizationForm.FormC));
}
