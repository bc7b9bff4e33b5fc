using CommunityBot.Teams.Hosting;

namespace CommunityBot.Bot;

/// <summary>Finds the command a person typed; anything else gets a friendly hint, never an error.</summary>
public sealed class CommandRouter(IEnumerable<IBotCommand> commands, TurnState state, ILogger<CommandRouter> logger)
{
    private readonly List<(IBotCommand Command, string Trigger)> triggers =
        [.. commands.SelectMany(c => c.Triggers.Select(t => (c, t))).OrderByDescending(x => x.t.Length)];

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
        BotLog.UnknownText(logger, turn.Activity.Id ?? "");
        await turn.ReplyTextAsync(BotTexts.All.For(state.Language).UnknownText, cancellationToken);
    }
}
