namespace CommunityBot.Teams.Auth;

public static class BotAuthenticationDefaults
{
    /// <summary>The authentication scheme of <c>POST /api/messages</c>.</summary>
    public const string AuthenticationScheme = "BotFramework";
}
