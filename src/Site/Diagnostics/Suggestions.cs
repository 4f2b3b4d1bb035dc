namespace Site.Diagnostics;

/// <summary>"Did you mean …?" for a name that is not one of the known ones: the same name in other case, or the closest by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The known name closest to <paramref name="input"/>, or null when none is close enough to be a typo of it.</summary>
    public static string? Closest(string input, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            if (candidate == input) continue;
            if (string.Equals(candidate, input, StringComparison.OrdinalIgnoreCase)) return candidate;
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)
                (best, bestDistance) = (candidate, distance);
        }
        // One edit in three characters is a typo; more is a different word.
        return best is not null && bestDistance <= Math.Max(1, Math.Min(input.Length, best.Length) / 3) ? best : null;
    }

    /// <summary>" Did you mean 'x'?" with a leading space, or "" when nothing is close.</summary>
    public static string DidYouMean(string input, IEnumerable<string> known) =>
        Closest(input, known) is { } c ? $" Did you mean '{c}'?" : "";

    /// <summary>Levenshtein distance, with a swap of two neighbouring letters counted as one edit.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
