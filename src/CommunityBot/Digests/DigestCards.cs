using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Digests;

/// <summary>The digest as Adaptive Cards: usually one; more when one would pass Teams' message size limit.</summary>
public static class DigestCards
{
    public static IReadOnlyList<AdaptiveCard> Build(Digest digest)
    {
        var language = digest.Recipient.Language;
        var title = language == Language.English ? $"Week {digest.Period.WeekKey}" : $"Week {digest.Period.WeekKey}";
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }];
        body.AddRange(digest.Communities.Select(c => new TextBlock(c.Name) { Wrap = true }));
        return [new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body }];
    }
}
