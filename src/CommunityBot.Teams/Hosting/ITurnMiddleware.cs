using CommunityBot.Teams.Cards;

namespace CommunityBot.Teams.Hosting;

/// <summary>
/// Work every activity needs before (and after) the product handles it, such as deduplication or resolving who
/// sent it. Runs in registration order (<c>AddTurnMiddleware&lt;T&gt;()</c>), scoped to the request. Not calling
/// <c>next</c> ends the turn with the returned invoke response; an exception passes back out through the chain.
/// </summary>
public interface ITurnMiddleware
{
    Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken);
}
