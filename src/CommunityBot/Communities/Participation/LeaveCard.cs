using CommunityBot.Communities.Roles;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Participation;

/// <summary>What leaving a community means, said before the member confirms it.</summary>
public static class LeaveCard
{
    public static AdaptiveCard Build(Community community, Language language)
    {
        var texts = ParticipationTexts.All.For(language);
        var title = string.Format(texts.LeaveTitle, community.Name);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                .. texts.LeaveWhatHappens.Select(line => new TextBlock($"• {line}") { Wrap = true, Spacing = Spacing.Small }),
            ],
            Actions =
            [
                new ExecuteAction(string.Format(texts.ConfirmLeave, community.Name), ParticipationVerbs.ConfirmLeave, new CommunityCardData(community.Id))
                {
                    Style = ActionStyle.Destructive,
                },
            ],
        };
    }
}
