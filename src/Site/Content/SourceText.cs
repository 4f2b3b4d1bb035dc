using System.Text;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>
/// Reads input files as strict UTF-8. .NET's default decoder replaces a bad byte with U+FFFD and carries on, so text
/// pasted from a word processor saved as Windows-1252 would be published as "Caf� au lait" without a word of warning.
/// </summary>
internal static class SourceText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The text of <paramref name="fullPath"/> without its BOM, or null after adding SITE021 at the line and column of
    /// the first byte that is not UTF-8.
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
        if (System.Text.Unicode.Utf8.IsValid(body)) return Strict.GetString(body);

        // The first invalid byte: the longest valid prefix ends right before it.
        var bad = FirstInvalid(body);
        var lineStart = body[..bad].LastIndexOf((byte)'\n') + 1;
        var line = body[..lineStart].Count((byte)'\n') + 1;
        // Columns count characters, as editors do: decode the valid part of the line before the bad byte.
        var column = Encoding.UTF8.GetCharCount(body[lineStart..bad]) + 1;
        problem = ContentDiagnostics.InvalidUtf8.At(new SourceSpan(displayPath, line, column), $"0x{body[bad]:X2}");
        return null;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }
}
