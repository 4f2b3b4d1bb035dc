using System.Text;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>
/// Reads input files as strict UTF-8. .NET's default decoder replaces a bad byte with U+FFFD and carries on, so text
/// pasted from a word processor saved as Windows-1252 would be published as "Caf� au lait" without a word of warning.
/// </summary>
internal static class SourceText
{
    /// <summary>Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF).</summary>
    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The text of <paramref name="fullPath"/> without its BOM, or null after adding SITE021 at the line and column of
    /// the first byte that is not UTF-8 (or SITE022 at the first control character).
    /// </summary>
    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        var text = Decode(File.ReadAllBytes(fullPath), displayPath, out var problem);
        if (problem is not null) diagnostics.Add(problem);
        return text;
    }

    /// <summary>Decodes <paramref name="bytes"/> (a UTF-8 BOM is allowed and dropped); on a bad byte returns null and the diagnostic.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, out Diagnostic? problem)
    {
        problem = null;
        var bom = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        var body = bytes[bom..];
        if (System.Text.Unicode.Utf8.IsValid(body))
        {
            var text = Strict.GetString(body);
            var control = text.AsSpan().IndexOfAny(Invisible);
            if (control < 0) return text;
            // Control characters are invisible in most editors and not allowed in XML (the feed and sitemap): corruption.
            problem = ContentDiagnostics.ControlCharacter.At(new LineMap(text).At(displayPath, control), $"U+{(int)text[control]:X4}");
            return null;
        }

        // The first invalid byte: the longest valid prefix ends right before it. Its place is counted in characters, as
        // editors do, by the same line map as every other diagnostic: the valid prefix decoded, and its end.
        var bad = FirstInvalid(body);
        var before = Strict.GetString(body[..bad]);
        problem = ContentDiagnostics.InvalidUtf8.At(new LineMap(before).At(displayPath, before.Length), $"0x{body[bad]:X2}");
        return null;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }
}
