using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Privacy;

/// <summary>The answer to "export my data": what the file is, how long the link works, and the link.</summary>
public static class ExportCard
{
    public static AdaptiveCard Build(string url, Language language)
    {
        var texts = PrivacyTexts.All.For(language);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = texts.ExportReady,
            Body =
            [
                new TextBlock(texts.ExportTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                new TextBlock(texts.ExportReady) { Wrap = true },
            ],
            Actions = [new OpenUrlAction(texts.Download, url)],
        };
    }
}
