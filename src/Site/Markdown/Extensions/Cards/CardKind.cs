namespace Site.Markdown.Extensions.Cards;

/// <summary>
/// The kinds of care card an editor may write (<c>:::urgent</c> … <c>:::</c>). Each has a visible label and an icon as
/// well as a colour, so the card's meaning never rests on colour alone.
/// </summary>
internal sealed record CardKind(string Name, string Label, string IconPath)
{
    public static readonly IReadOnlyList<CardKind> All =
    [
        // A cross in a circle: needs help now.
        new("emergency", "Emergency", "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 5v4h4v2h-4v4h-2v-4H7v-2h4V7h2z"),
        // An exclamation mark in a triangle: act soon.
        new("urgent", "Urgent advice", "M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z"),
        // An exclamation mark in a circle: be careful.
        new("warning", "Take care", "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z"),
        // An "i" in a circle: worth knowing.
        new("info", "Good to know", "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z"),
    ];

    public static CardKind? Find(string? name) => All.FirstOrDefault(k => string.Equals(k.Name, name?.Trim(), StringComparison.Ordinal));

    public static string Names => string.Join(", ", All.Select(k => k.Name));
}
