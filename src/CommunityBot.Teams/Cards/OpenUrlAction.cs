using System.Diagnostics.CodeAnalysis;

namespace CommunityBot.Teams.Cards;

public sealed class OpenUrlAction : CardAction
{
    public OpenUrlAction() { }

    [SetsRequiredMembers]
    public OpenUrlAction(string? title, string url)
    {
        Title = title;
        Url = url;
    }

    public required string Url { get; set; }
}
