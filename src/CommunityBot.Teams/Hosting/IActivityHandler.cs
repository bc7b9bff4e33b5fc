using CommunityBot.Teams.Cards;

namespace CommunityBot.Teams.Hosting;

/// <summary>The product's entry point for every authenticated activity. Returns a body only for invokes.</summary>
public interface IActivityHandler
{
    Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken);
}
