using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>A coach's list of a community's agreements that are neither done nor dropped, to change or drop them.</summary>
public static class OpenAgreementsCard
{
    /// <summary>A card has a size limit in Teams; the coach closes the first ones before seeing more.</summary>
    private const int MaxShown = 20;

    public static AdaptiveCard Build(string communityName, IReadOnlyList<AgreementView> agreements, Language language, string? notice = null)
    {
        var texts = CloseLoopTexts.All.For(language);
        List<CardElement> body =
        [
            new TextBlock(texts.OpenTitle(communityName)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
        ];
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = TextColor.Good, Wrap = true, Weight = TextWeight.Bolder });
        }
        if (agreements.Count == 0)
        {
            body.Add(new TextBlock(texts.OpenNone) { Wrap = true, IsSubtle = true });
        }
        body.AddRange(agreements.Take(MaxShown).Select(a => CloseLoopCard.Block(a, null, language)));
        if (agreements.Count > MaxShown)
        {
            body.Add(new TextBlock(texts.OpenMore(agreements.Count - MaxShown)) { Wrap = true, IsSubtle = true, Separator = true });
        }
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = texts.OpenTitle(communityName), Body = body, MsTeams = TeamsCardProperties.FullWidth };
    }
}
