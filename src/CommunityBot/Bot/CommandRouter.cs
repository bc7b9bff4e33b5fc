using CommunityBot.Bot.Understanding;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;

namespace CommunityBot.Bot;

/// <summary>
/// Acts on what typed text means (<see cref="Interpreter"/>): runs the command, answers a greeting, asks "did you
/// mean …?", or offers the nearest commands to try; never an error.
/// </summary>
/// <param name="services">The turn's own services, which build the one command it runs.</param>
public sealed class CommandRouter(Interpreter interpreter, IServiceProvider services, TurnState state, Greeter greeter, Suggestions suggestions, ILogger<CommandRouter> logger)
{
    /// <summary>Arguments a choice button may carry: a guessed command has a few words after its trigger at most.</summary>
    private const int MaxChoiceArguments = 100;

    public async Task RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var meaning = interpreter.Interpret(turn.Activity.Text);
        switch (meaning.Kind)
        {
            case MeaningKind.Command:
                await RunAsync(turn, meaning.Command!, meaning.TypedArguments, cancellationToken);
                return;
            case MeaningKind.Greeting or MeaningKind.Thanks:
                UnderstandingLog.Greeting(logger, turn.Activity.Id ?? "");
                await greeter.AnswerAsync(turn, meaning.Kind == MeaningKind.Thanks, Knows, cancellationToken);
                return;
            case MeaningKind.Unsure:
                UnderstandingLog.Unsure(logger, turn.Activity.Id ?? "", meaning.Options.Count);
                await turn.ReplyCardAsync(UnderstandingCards.DidYouMean(meaning.Options, state.Language), cancellationToken);
                return;
        }
        BotLog.UnknownText(logger, turn.Activity.Id ?? "");
        var nearest = meaning.Options.Count > 0
            ? meaning.Options
            : await suggestions.ForAsync(state.RequirePerson(), turn.Activity.TeamId, state.Language, Knows, cancellationToken);
        await turn.ReplyCardAsync(UnderstandingCards.NotUnderstood(nearest, state.Language), cancellationToken);
    }

    /// <summary>
    /// A button of a choice card (<see cref="UnderstandingCards.ChooseVerb"/>): runs the command it names, as if typed,
    /// and turns the card into a note of what was chosen. A trigger the bot does not know (forged, or from an older
    /// version) is answered as text it does not understand, and nothing runs.
    /// </summary>
    public async Task<CardActionResult> ChooseAsync(TurnContext turn, CardActionContext action, CancellationToken cancellationToken)
    {
        if (action.ReadData<CommandChoice>() is not { } choice || !Knows(choice.Trigger) || choice.Arguments is not { Length: <= MaxChoiceArguments })
        {
            UnderstandingLog.UnknownChoice(logger, turn.Activity.Id ?? "");
            return CardActionResult.Refuse(BotTexts.All.For(state.Language).UnknownText);
        }
        await RunAsync(turn, choice, null, cancellationToken);
        return CardActionResult.UpdateCard(UnderstandingCards.Chosen(choice, state.Language));
    }

    private bool Knows(string trigger) => interpreter.CommandOf(trigger) is not null;

    private async Task RunAsync(TurnContext turn, CommandChoice choice, string? typedArguments, CancellationToken cancellationToken)
    {
        var command = (IBotCommand)services.GetRequiredService(interpreter.CommandOf(choice.Trigger)!.Type);
        BotLog.Command(logger, turn.Activity.Id ?? "", command.GetType().Name);
        var context = new CommandContext(turn, state, choice.Arguments) { TypedArguments = typedArguments ?? choice.Arguments };
        await command.HandleAsync(context, cancellationToken);
    }
}
