using CommunityBot.Bot.Understanding;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Bot;

/// <summary>
/// Finds the command a person typed: an exact trigger first, then a natural phrasing, then a trigger with typos
/// (run when one is clearly meant, asked about when not). Anything else gets the nearest commands to try, never an error.
/// </summary>
public sealed class CommandRouter(IEnumerable<IBotCommand> commands, TurnState state, Greeter greeter, Suggestions suggestions, ILogger<CommandRouter> logger)
{
    /// <summary>Arguments a choice button may carry: a guessed command has a few words after its trigger at most.</summary>
    private const int MaxChoiceArguments = 100;

    private readonly List<(IBotCommand Command, string Trigger)> triggers =
        [.. commands.SelectMany(c => c.Triggers.Select(t => (c, t))).OrderByDescending(x => x.t.Length)];

    private Dictionary<string, IBotCommand> ByTrigger => field ??= triggers.ToDictionary(t => t.Trigger, t => t.Command);

    private TypoMatcher Typos => field ??= new TypoMatcher(triggers.Select(t => (t.Trigger, (object)t.Command)));

    public async Task RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var typed = CommandParser.AsTyped(turn.Activity.Text);
        var text = typed.ToLowerInvariant();
        // The longest trigger wins, so "next session" is not taken for a command "next".
        foreach (var (command, trigger) in triggers)
        {
            if (CommandParser.Matches(text, trigger, out var arguments))
            {
                BotLog.Command(logger, trigger);
                await command.HandleAsync(new CommandContext(turn, state, arguments) { TypedArguments = CommandParser.TypedArguments(text, typed, arguments) }, cancellationToken);
                return;
            }
        }
        var words = TextWords.Of(text);
        if (PhraseTable.Default.Match(words, TextWords.IsWhole(text, words)) is { } phrase && (phrase.IsIntent || ByTrigger.ContainsKey(phrase.Target)))
        {
            await RunPhraseAsync(turn, phrase, cancellationToken);
            return;
        }
        // A colon or an @mention makes it a message to people or a shorthand with free text: a guess would garble it.
        var guess = text.Contains(':') || text.Contains('@') ? TypoGuess.None : Typos.Guess(words);
        if (guess.Confident is { } sure)
        {
            UnderstandingLog.Typo(logger, sure.Trigger, sure.Typos);
            await RunAsync(turn, new CommandChoice(sure.Trigger, sure.Arguments), cancellationToken);
            return;
        }
        if (guess.Unsure.Count > 0)
        {
            UnderstandingLog.Unsure(logger, turn.Activity.Id ?? "", guess.Unsure.Count);
            var choices = guess.Unsure.Select(c => new CommandChoice(c.Trigger, c.Arguments)).ToList();
            await turn.ReplyCardAsync(UnderstandingCards.DidYouMean(choices, state.Language), cancellationToken);
            return;
        }
        BotLog.UnknownText(logger, turn.Activity.Id ?? "");
        var nearest = Typos.Nearest(words, Suggestions.Max).Select(c => new CommandChoice(c.Trigger, "")).ToList();
        if (nearest.Count == 0)
        {
            nearest = [.. await suggestions.ForAsync(state.RequirePerson(), turn.Activity.TeamId, state.Language, ByTrigger.ContainsKey, cancellationToken)];
        }
        await turn.ReplyCardAsync(UnderstandingCards.NotUnderstood(nearest, state.Language), cancellationToken);
    }

    /// <summary>
    /// A button of a choice card (<see cref="UnderstandingCards.ChooseVerb"/>): runs the command it names, as if typed,
    /// and turns the card into a note of what was chosen. A trigger the bot does not know (forged, or from an older
    /// version) is answered as text it does not understand, and nothing runs.
    /// </summary>
    public async Task<CardActionResult> ChooseAsync(TurnContext turn, CardActionContext action, CancellationToken cancellationToken)
    {
        if (action.ReadData<CommandChoice>() is not { } choice || !ByTrigger.ContainsKey(choice.Trigger) || choice.Arguments is not { Length: <= MaxChoiceArguments })
        {
            UnderstandingLog.UnknownChoice(logger, turn.Activity.Id ?? "");
            return CardActionResult.Refuse(BotTexts.All.For(state.Language).UnknownText);
        }
        await RunAsync(turn, choice, cancellationToken);
        return CardActionResult.UpdateCard(UnderstandingCards.Chosen(choice, state.Language));
    }

    private async Task RunPhraseAsync(TurnContext turn, PhraseMatch phrase, CancellationToken cancellationToken)
    {
        UnderstandingLog.Phrase(logger, phrase.Target);
        if (phrase.Target is PhraseTable.Greeting or PhraseTable.Thanks)
        {
            await greeter.AnswerAsync(turn, phrase.Target == PhraseTable.Thanks, ByTrigger.ContainsKey, cancellationToken);
            return;
        }
        await RunAsync(turn, new CommandChoice(phrase.Target, phrase.Arguments), cancellationToken);
    }

    private async Task RunAsync(TurnContext turn, CommandChoice choice, CancellationToken cancellationToken)
    {
        BotLog.Command(logger, choice.Trigger);
        await ByTrigger[choice.Trigger].HandleAsync(new CommandContext(turn, state, choice.Arguments), cancellationToken);
    }
}
