using CommunityBot.Teams.Cards;

namespace CommunityBot.Teams.Hosting;

/// <summary>The rest of the turn pipeline: the next middleware, or at the end the <see cref="IActivityHandler"/>.</summary>
/// <param name="turn">The turn to pass on; a middleware may hand on <see cref="TurnContext.WithOutgoing"/> of its own.</param>
public delegate Task<InvokeResponse?> NextTurn(TurnContext turn, CancellationToken cancellationToken);
