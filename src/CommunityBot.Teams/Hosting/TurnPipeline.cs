using CommunityBot.Teams.Cards;

namespace CommunityBot.Teams.Hosting;

/// <summary>Runs an authenticated activity through every <see cref="ITurnMiddleware"/> and then the <see cref="IActivityHandler"/>.</summary>
public sealed class TurnPipeline(IEnumerable<ITurnMiddleware> middleware, IActivityHandler handler)
{
    private readonly IReadOnlyList<ITurnMiddleware> steps = [.. middleware];

    public Task<InvokeResponse?> RunAsync(TurnContext turn, CancellationToken cancellationToken) => Next(0)(turn, cancellationToken);

    private NextTurn Next(int index) => index < steps.Count
        ? (turn, ct) => steps[index].OnTurnAsync(turn, Next(index + 1), ct)
        : handler.OnActivityAsync;
}
