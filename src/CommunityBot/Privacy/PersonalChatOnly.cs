using CommunityBot.Bot;

namespace CommunityBot.Privacy;

/// <summary>Export and erasure show a person's data: only in their own chat; anywhere else a pointer there and nothing more.</summary>
internal static class PersonalChatOnly
{
    public static async Task<bool> AllowsAsync(CommandContext context, CancellationToken ct)
    {
        if (context.InPersonalChat)
        {
            return true;
        }
        await context.Turn.ReplyTextAsync(PrivacyTexts.All.For(context.Language).OnlyInPersonalChat, ct);
        return false;
    }
}
