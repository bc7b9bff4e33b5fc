using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Bot.Understanding;

public enum MeaningKind
{
    /// <summary>Run <see cref="Meaning.Command"/>: an exact trigger, a phrasing, or a trigger with a clear typo.</summary>
    Command,
    Greeting,
    Thanks,

    /// <summary>Ask which of <see cref="Meaning.Choices"/> was meant.</summary>
    Unsure,

    /// <summary>Nothing fits; <see cref="Meaning.Choices"/> are the nearest commands, possibly none.</summary>
    Unknown,
}

/// <summary>What a typed text means. <see cref="TypedArguments"/> keeps the person's capitals for an exact trigger.</summary>
public sealed record Meaning(MeaningKind Kind, CommandChoice? Command = null, IReadOnlyList<CommandChoice>? Choices = null, string? TypedArguments = null)
{
    public IReadOnlyList<CommandChoice> Options => Choices ?? [];
}

/// <summary>
/// Reads typed text in order of certainty: an exact trigger (the longest wins), a natural phrasing from
/// <see cref="PhraseTable"/>, then a trigger with typos (<see cref="TypoMatcher"/>). Exact triggers always win, so a
/// command nobody mistyped is never second-guessed. Pure: the router acts on the answer.
/// </summary>
public sealed class Interpreter
{
    private readonly List<(string Trigger, BotCommandInfo Command)> triggers;
    private readonly Dictionary<string, BotCommandInfo> byTrigger;
    private readonly TypoMatcher typos;

    public Interpreter(IEnumerable<BotCommandInfo> commands)
    {
        triggers = [.. commands.SelectMany(c => c.Triggers.Select(t => (t, c))).OrderByDescending(x => x.t.Length)];
        byTrigger = triggers.ToDictionary(t => t.Trigger, t => t.Command);
        typos = new TypoMatcher(triggers);
    }

    /// <summary>The interpreter over every command registered with <see cref="BotServiceCollectionExtensions.AddBotCommand{T}"/>.</summary>
    public static Interpreter Read(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        return new Interpreter(scope.ServiceProvider.GetServices<IBotCommand>().Select(BotCommandInfo.Of));
    }

    /// <summary>The command a trigger starts, or null for a trigger no registered command has (a forged button).</summary>
    public BotCommandInfo? CommandOf(string trigger) => byTrigger.GetValueOrDefault(trigger);

    /// <summary>What <paramref name="activityText"/> (as it arrives, possibly HTML with an @mention) means.</summary>
    public Meaning Interpret(string? activityText)
    {
        var typed = CommandParser.AsTyped(activityText);
        var text = typed.ToLowerInvariant();
        // The longest trigger wins, so "next session" is not taken for a command "next".
        foreach (var (trigger, _) in triggers)
        {
            if (CommandParser.Matches(text, trigger, out var arguments))
            {
                return new Meaning(MeaningKind.Command, new CommandChoice(trigger, arguments), TypedArguments: CommandParser.TypedArguments(text, typed, arguments));
            }
        }
        var words = TextWords.Of(text);
        if (PhraseTable.Default.Match(words, TextWords.IsWhole(text, words)) is { } phrase)
        {
            switch (phrase.Target)
            {
                case PhraseTable.Greeting:
                    return new Meaning(MeaningKind.Greeting);
                case PhraseTable.Thanks:
                    return new Meaning(MeaningKind.Thanks);
                case var target when byTrigger.ContainsKey(target):
                    return new Meaning(MeaningKind.Command, new CommandChoice(target, phrase.Arguments));
            }
        }
        // A colon or an @mention makes it a message to people or a shorthand with free text: a guess would garble it.
        var guess = text.Contains(':') || text.Contains('@') ? TypoGuess.None : typos.Guess(words);
        if (guess.Confident is { } sure && byTrigger[sure.Trigger].RunsOnGuess)
        {
            return new Meaning(MeaningKind.Command, new CommandChoice(sure.Trigger, sure.Arguments));
        }
        if (guess.Confident is { } asked)
        {
            return new Meaning(MeaningKind.Unsure, Choices: [new CommandChoice(asked.Trigger, asked.Arguments)]);
        }
        if (guess.Unsure.Count > 0)
        {
            return new Meaning(MeaningKind.Unsure, Choices: [.. guess.Unsure.Select(c => new CommandChoice(c.Trigger, c.Arguments))]);
        }
        return new Meaning(MeaningKind.Unknown, Choices: [.. typos.Nearest(words, Suggestions.Max).Select(c => new CommandChoice(c.Trigger, ""))]);
    }
}
