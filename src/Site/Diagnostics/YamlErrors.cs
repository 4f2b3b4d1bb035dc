using YamlDotNet.Core;

namespace Site.Diagnostics;

/// <summary>
/// What every YAML reader of the site (front matter and site.yml, the questionnaire, the synonyms) does when
/// YamlDotNet gives up: a message without YamlDotNet's own position prefix, and a place to point at when it gives up
/// without one.
/// </summary>
internal static class YamlErrors
{
    /// <summary>The message without the "(Line: 3, Col: 5, Idx: 40) - (Line: …): " prefix; the diagnostic prints the place itself.</summary>
    public static string Message(Exception ex)
    {
        var message = (ex.InnerException ?? ex).Message;
        if (!message.StartsWith("(Line:", StringComparison.Ordinal)) return message.Trim();
        var cut = message.IndexOf("): ", message.IndexOf(") - (", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        return cut < 0 ? message.Trim() : message[(cut + 3)..].Trim();
    }

    /// <summary>
    /// YamlDotNet's scanner throws InvalidOperationException, with no position, on some unterminated flow collections
    /// ("[a, b" continued on the next line). The last scalar or opening bracket it read is the nearest place we know.
    /// </summary>
    public static Mark LastGoodToken(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        var last = new Mark(0, 1, 1);
        try
        {
            while (scanner.MoveNext())
                if (scanner.Current is YamlDotNet.Core.Tokens.Scalar or YamlDotNet.Core.Tokens.FlowSequenceStart or YamlDotNet.Core.Tokens.FlowMappingStart)
                    last = scanner.Current.Start;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
        }
        return last;
    }

    public const string UnclosedHint = "the YAML could not be read after this point; look for an unclosed [ or { or quote";
}
