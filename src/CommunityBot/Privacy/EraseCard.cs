using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Privacy;

/// <summary>What erasure means, said before the person confirms it.</summary>
public static class EraseCard
{
    public static AdaptiveCard Build(Person person, Language language)
    {
        var texts = PrivacyTexts.All.For(language);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = texts.EraseTitle,
            Body =
            [
                new TextBlock(texts.EraseTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                .. Section(texts.WhatGoes, texts.Goes),
                .. Section(texts.WhatStays, texts.Stays),
                new TextBlock(texts.CannotUndo) { Wrap = true, Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
            ],
            Actions =
            [
                new ExecuteAction(texts.ConfirmErase, PrivacyVerbs.ConfirmErase, new EraseData(person.Id)) { Style = ActionStyle.Destructive },
            ],
        };
    }

    private static IEnumerable<CardElement> Section(string heading, IReadOnlyList<string> lines) =>
    [
        new TextBlock(heading) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium },
        .. lines.Select(line => new TextBlock($"• {line}") { Wrap = true, Spacing = Spacing.Small }),
    ];
}
