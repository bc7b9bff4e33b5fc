using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>"My agreements": every agreement the member still has to do, with their own answer, the group's count and the reminder's buttons.</summary>
public static class MyAgreementsCard
{
    /// <param name="notice">What the last tap did to one of them (<c>AgreementId</c>): shown on that item, which stays on the list even when answered.</param>
    public static AdaptiveCard Build(IReadOnlyList<AgreementView> agreements, Language language, long? viewerId = null, (long AgreementId, AnswerNotice Notice)? notice = null)
    {
        var texts = AgreementTexts.All.For(language);
        List<CardElement> body =
        [
            new TextBlock(texts.MyTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
        ];
        if (agreements.Count == 0)
        {
            body.Add(new TextBlock(texts.MyNone) { Wrap = true });
        }
        foreach (var agreement in agreements)
        {
            List<CardElement> items =
            [
                .. AnswerNotice.Blocks(notice is { } n && n.AgreementId == agreement.Id ? n.Notice : null),
                new TextBlock(agreement.Text) { Weight = TextWeight.Bolder, Wrap = true },
                new FactSet { Facts = ReminderCard.Facts(agreement, texts, language) },
                .. ReminderCard.StatusBlocks(agreement, texts, language, viewerId),
            ];
            if (ReminderCard.MayAnswer(agreement, viewerId))
            {
                items.Add(new ActionSet { Actions = ReminderCard.Buttons(agreement, texts, AgreementCardViews.Mine) });
            }
            body.Add(new Container { Items = items, Separator = true, Spacing = Spacing.Medium });
        }
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = texts.MyTitle, Body = body };
    }
}
