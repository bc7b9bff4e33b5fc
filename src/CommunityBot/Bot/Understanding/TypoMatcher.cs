namespace CommunityBot.Bot.Understanding;

/// <summary>A trigger the typed words may have meant, how many typos away, and the words after it.</summary>
public sealed record TypoCandidate(string Trigger, int Typos, string Arguments)
{
    /// <summary>How many typed words the trigger accounts for: with as many typos, the one that explains more wins.</summary>
    public int Words { get; init; }
}

/// <summary>What a text with typos most likely meant: one command to run, a few to ask about, or nothing.</summary>
public sealed record TypoGuess(TypoCandidate? Confident, IReadOnlyList<TypoCandidate> Unsure)
{
    public static readonly TypoGuess None = new(null, []);
}

/// <summary>
/// Matches the first words of a text against every trigger word by word, each word allowed
/// <see cref="Typos.Allowed"/> typos. Cost: triggers × trigger words × one bounded distance of two short words.
/// </summary>
public sealed class TypoMatcher
{
    /// <summary>Words after a guessed trigger: more than this and the text is a sentence, not a mistyped command.</summary>
    public const int MaxArgumentWords = 4;

    /// <summary>A trigger of one short word ("back", "taal") is guessed only when it is all that was typed.</summary>
    private const int ShortTrigger = 5;

    private readonly List<(string Trigger, string[] Words, BotCommandInfo Command)> triggers;

    /// <summary>Triggers of one command count as one candidate ("sessie plannen" and "plan sessie" are not two guesses).</summary>
    public TypoMatcher(IEnumerable<(string Trigger, BotCommandInfo Command)> triggers) =>
        this.triggers = [.. triggers.Select(t => (t.Trigger, t.Trigger.Split(' '), t.Command))];

    /// <summary>
    /// Confident when one command is the single best match with at most one typo (two in a long trigger) and no other command
    /// comes as close (with as many typos, a trigger of more words is closer: "sessie planen" is "sessie plannen", not
    /// "sessies" with an argument); unsure (up to three, best first) when two commands come close or the match is weak.
    /// </summary>
    public TypoGuess Guess(IReadOnlyList<string> words)
    {
        var best = new Dictionary<BotCommandInfo, TypoCandidate>();
        foreach (var (trigger, triggerWords, command) in triggers)
        {
            if (Match(words, trigger, triggerWords) is { } candidate
                && (!best.TryGetValue(command, out var known) || candidate.Typos < known.Typos))
            {
                best[command] = candidate;
            }
        }
        var ranked = best.Values.OrderBy(c => c.Typos).ThenByDescending(c => c.Words).ThenByDescending(c => c.Trigger.Length).ToList();
        if (ranked.Count == 0)
        {
            return TypoGuess.None;
        }
        var top = ranked[0];
        var clear = ranked.Count == 1 || ranked[1].Typos > top.Typos || ranked[1].Words < top.Words;
        var strong = top.Typos <= 1 || (top.Typos == 2 && top.Trigger.Length >= 10);
        return clear && strong ? new TypoGuess(top, []) : new TypoGuess(null, ranked.Take(3).ToList());
    }

    /// <summary>
    /// For text that matched nothing: the commands whose first word is nearest the first word typed, within half its
    /// length in typos (so "sesies plannen morgen" still points at the session commands), at most <paramref name="count"/>.
    /// </summary>
    public IReadOnlyList<TypoCandidate> Nearest(IReadOnlyList<string> words, int count)
    {
        if (words.Count == 0)
        {
            return [];
        }
        var first = words[0];
        var loose = Math.Max(1, first.Length / 2);
        var best = new Dictionary<BotCommandInfo, TypoCandidate>();
        foreach (var (trigger, triggerWords, command) in triggers)
        {
            var distance = first.Length < 3 ? loose + 1 : Typos.Distance(first, triggerWords[0], loose);
            if (distance <= loose && (!best.TryGetValue(command, out var known) || distance < known.Typos))
            {
                best[command] = new TypoCandidate(trigger, distance, "");
            }
        }
        return [.. best.Values.OrderBy(c => c.Typos).ThenBy(c => c.Trigger.Length).Take(count)];
    }

    private static TypoCandidate? Match(IReadOnlyList<string> words, string trigger, string[] triggerWords)
    {
        var arguments = words.Count - triggerWords.Length;
        if (arguments < 0 || arguments > MaxArgumentWords || (triggerWords.Length == 1 && trigger.Length <= ShortTrigger && arguments > 0))
        {
            return null;
        }
        var total = 0;
        for (var i = 0; i < triggerWords.Length; i++)
        {
            var allowed = Typos.Allowed(triggerWords[i].Length);
            var distance = words[i] == triggerWords[i] ? 0 : Typos.Distance(words[i], triggerWords[i], allowed);
            if (distance > allowed)
            {
                return null;
            }
            total += distance;
        }
        return new TypoCandidate(trigger, total, string.Join(' ', words.Skip(triggerWords.Length))) { Words = triggerWords.Length };
    }
}
