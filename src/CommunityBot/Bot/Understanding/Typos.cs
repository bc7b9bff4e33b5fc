namespace CommunityBot.Bot.Understanding;

/// <summary>How far a typed word is from a known one: Damerau-Levenshtein (optimal string alignment), bounded.</summary>
public static class Typos
{
    /// <summary>Longer words are compared no further: nobody types a 30-letter command word.</summary>
    private const int MaxWordLength = 30;

    /// <summary>
    /// How many typos a word of this length may have and still count: none for three letters or fewer ("hoi" is not
    /// "hai"), one up to seven ("hlep", "volgnde"), two from eight ("afsprakne" would need only one).
    /// </summary>
    public static int Allowed(int length) => length switch
    {
        <= 3 => 0,
        <= 7 => 1,
        _ => 2,
    };

    /// <summary>
    /// The edit distance (insert, delete, substitute, swap two neighbours), or <paramref name="max"/> + 1 as soon as it
    /// is certain to exceed <paramref name="max"/>. Cost is the product of both lengths, each capped.
    /// </summary>
    public static int Distance(string typed, string known, int max)
    {
        if (typed.Length > MaxWordLength || known.Length > MaxWordLength || Math.Abs(typed.Length - known.Length) > max)
        {
            return max + 1;
        }
        var twoBack = new int[known.Length + 1];
        var previous = new int[known.Length + 1];
        var current = new int[known.Length + 1];
        for (var j = 0; j <= known.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= typed.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= known.Length; j++)
            {
                var cost = typed[i - 1] == known[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && typed[i - 1] == known[j - 2] && typed[i - 2] == known[j - 1])
                {
                    best = Math.Min(best, twoBack[j - 2] + 1);
                }
                current[j] = best;
                rowMin = Math.Min(rowMin, best);
            }
            if (rowMin > max)
            {
                return max + 1;
            }
            (twoBack, previous, current) = (previous, current, twoBack);
        }
        return Math.Min(previous[known.Length], max + 1);
    }
}
