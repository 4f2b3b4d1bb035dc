namespace Site.Bench;

/// <summary>
/// The corpus's vocabulary: short, mostly one- and two-syllable words, so generated text reads at a low grade (the
/// build warns above grade 9) while the search index still sees a few hundred distinct terms, as with real prose.
/// Nothing here is taken from the site's articles.
/// </summary>
internal static class Words
{
    public static readonly string[] Adjectives =
    [
        "soft", "dry", "warm", "cool", "thin", "thick", "fine", "short", "long", "small", "large", "mild", "strong",
        "clean", "calm", "brief", "slow", "quick", "plain", "clear", "firm", "light", "dark", "fresh", "gentle",
        "usual", "rare", "common", "early", "late", "daily", "weekly", "simple", "careful", "steady", "patchy",
        "even", "faint", "tender", "sore", "red", "pale", "loose", "tight", "smooth", "rough", "bright", "new",
        "old", "young", "full", "sparse", "weak", "healthy", "normal", "local", "safe", "fair", "good", "kind",
    ];

    public static readonly string[] Nouns =
    [
        "scalp", "skin", "hair", "root", "strand", "crown", "part", "edge", "patch", "spot", "line", "layer",
        "needle", "visit", "session", "course", "week", "month", "day", "year", "plan", "step", "choice", "question",
        "answer", "doctor", "nurse", "clinic", "friend", "family", "habit", "diet", "meal", "sleep", "rest", "stress",
        "photo", "mirror", "comb", "brush", "towel", "pillow", "hat", "sun", "rain", "wind", "heat", "cold",
        "shampoo", "soap", "water", "cream", "gel", "oil", "lotion", "tablet", "dose", "bottle", "label", "list",
        "note", "record", "chart", "test", "sample", "result", "change", "growth", "shed", "cycle", "phase", "sign",
        "bruise", "swelling", "itch", "rash", "ache", "sting", "bump", "mark", "scar", "wound", "germ", "cut",
        "cost", "price", "budget", "fee", "bill", "shop", "form", "leaflet", "guide", "book", "page", "study",
        "trial", "group", "team", "room", "chair", "light", "lamp", "glove", "mask", "tray", "tube", "cap",
        "blood", "iron", "protein", "fruit", "bread", "rice", "fish", "egg", "milk", "bean", "nut", "seed",
        "walk", "swim", "run", "sport", "game", "trip", "holiday", "home", "work", "school", "town", "road",
        "goal", "hope", "worry", "fear", "doubt", "fact", "claim", "myth", "story", "view", "reason", "risk",
    ];

    /// <summary>Verbs in the third person with the object they take, so "the {noun} {verb} the {noun}" stays plain.</summary>
    public static readonly string[] Verbs =
    [
        "needs", "shows", "helps", "changes", "keeps", "holds", "covers", "protects", "marks", "follows", "meets",
        "finds", "checks", "tracks", "lists", "names", "reaches", "leaves", "takes", "gives", "brings", "moves",
        "shapes", "guides", "warns", "calms", "cools", "warms", "cleans", "dries", "lifts", "feeds", "slows",
        "speeds", "joins", "splits", "fills", "hides", "shares", "tests", "eases", "cuts", "softens", "supports",
    ];

    public static readonly string[] Endings =
    [
        "at home", "after a visit", "in the first week", "for a few days", "over time", "in most cases", "with care",
        "each morning", "at night", "before a session", "during a course", "in the sun", "on a cold day",
        "for a short while", "after a wash", "in a calm room", "at the clinic", "on the way home", "in the long run",
        "for some people", "in a small group", "now and then", "from time to time", "as a rule", "with a friend",
    ];

    public static readonly string[] People = ["doctor", "nurse", "pharmacist", "family doctor", "skin doctor", "care team"];
}
