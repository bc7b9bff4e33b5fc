namespace CommunityBot.Teams.Auth;

/// <summary>Carries a refusal from the authentication step to the challenge, which turns it into a status code.</summary>
internal sealed class BotAuthenticationException(BotAuthenticationResult result) : Exception(result?.Reason ?? result?.Status.ToString())
{
    public BotAuthenticationResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));
}
