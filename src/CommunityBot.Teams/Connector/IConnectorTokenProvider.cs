namespace CommunityBot.Teams.Connector;

/// <summary>The bearer token for Bot Connector calls.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>The token, or null to call without one (development mode with the local Agents Playground).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken ct);
}

/// <summary>Used when the bot has no outbound credentials: the local playground's connector accepts unauthenticated calls.</summary>
public sealed class NoConnectorTokenProvider : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>(null);
}
