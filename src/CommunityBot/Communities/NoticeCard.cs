using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities;

/// <summary>A card that only says what happened, in place of a form that no longer applies (e.g. after leaving).</summary>
public static class NoticeCard
{
    public static AdaptiveCard Build(string notice, Language language) => new()
    {
        Lang = language.CardLang(),
        FallbackText = notice,
        Body = [new TextBlock(notice) { Wrap = true }],
    };
}
