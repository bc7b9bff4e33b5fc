namespace CommunityBot.Teams.Hosting;

/// <summary>The authorization policies of <c>POST /api/messages</c>; the host picks one at start-up.</summary>
public static class BotPolicies
{
    /// <summary>A caller authenticated by the bot scheme (a Bot Framework or Bot Service Entra token).</summary>
    public const string Channel = "bot-channel";

    /// <summary>Development without <c>Bot:AppId</c>: no token, but only callers on this machine.</summary>
    public const string AnonymousDevelopment = "bot-anonymous-development";

    public static string For(InboundAuthMode mode) => mode == InboundAuthMode.AnonymousLoopback ? AnonymousDevelopment : Channel;
}
