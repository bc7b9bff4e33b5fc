namespace CommunityBot.Bot.Understanding;

/// <summary>
/// The first words of a normalised text, for guessing what someone meant. Capped, so a 1 MB message costs no more than
/// a short one: guesses only ever look at the start of what was typed.
/// </summary>
public static class TextWords
{
    /// <summary>Enough for the longest trigger or phrasing plus a date and a time.</summary>
    public const int MaxChars = 200;
    public const int MaxWords = 12;

    private const string EdgePunctuation = ",.;!?\"()[]{}«»“”";

    /// <summary>Lower-case words with punctuation trimmed from their edges ("sessie?" → "sessie"; "15:30" stays whole).</summary>
    public static IReadOnlyList<string> Of(string normalized)
    {
        var text = normalized.Length > MaxChars ? normalized[..MaxChars] : normalized;
        var words = new List<string>();
        foreach (var raw in text.Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim(EdgePunctuation.ToCharArray());
            if (word.Length > 0)
            {
                words.Add(word);
                if (words.Count == MaxWords)
                {
                    break;
                }
            }
        }
        return words;
    }

    /// <summary>False when <see cref="Of"/> may have cut the text: then the last words seen are not the last typed.</summary>
    public static bool IsWhole(string normalized, IReadOnlyList<string> words) =>
        normalized.Length <= MaxChars && words.Count < MaxWords;
}
