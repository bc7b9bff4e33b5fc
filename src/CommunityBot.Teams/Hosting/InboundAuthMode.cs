namespace CommunityBot.Teams.Hosting;

public enum InboundAuthMode
{
    /// <summary>Every request carries a Bot Framework or Entra token that is validated.</summary>
    ValidateTokens,

    /// <summary>No tokens (the local Agents Playground sends none): only loopback callers are served.</summary>
    AnonymousLoopback,
}
