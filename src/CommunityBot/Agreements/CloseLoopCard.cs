using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>What the close-the-loop card of one session shows.</summary>
/// <param name="NextSession">Where "carry over" goes; null when none is planned yet.</param>
/// <param name="Now">When the card is made: its dates carry the year only when that is not the current one.</param>
public sealed record CloseLoopModel(
    long SessionId,
    string CommunityName,
    TimeZoneInfo Zone,
    DateTimeOffset StartsAt,
    IReadOnlyList<AgreementView> Agreements,
    SessionRef? NextSession,
    DateTimeOffset Now);

/// <summary>
/// The coach's card at and after a session: every agreement due at it (and any still open from an earlier one), each
/// with its state and one closing choice: done, carry over, change, drop.
/// </summary>
public static class CloseLoopCard
{
    public static AdaptiveCard Build(CloseLoopModel model, Language language, string? notice = null)
    {
        var texts = CloseLoopTexts.All.For(language);
        var agreementTexts = AgreementTexts.All.For(language);
        var title = texts.Title(model.CommunityName, Formats.Day(model.StartsAt, model.Zone, language, model.Now));
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(texts.Intro) { Wrap = true },
            new TextBlock(model.NextSession is { } next ? texts.CarryTo(ReminderCard.SessionLine(next, model.Zone, agreementTexts, language, model.Now)) : texts.CarryWaits)
            {
                Wrap = true,
                IsSubtle = true,
            },
        ];
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = TextColor.Good, Wrap = true, Weight = TextWeight.Bolder });
        }
        if (model.Agreements.Count == 0)
        {
            body.Add(new TextBlock(texts.Nothing) { Wrap = true, IsSubtle = true });
        }
        body.AddRange(model.Agreements.Select(a => Block(a, model.SessionId, language)));
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body, MsTeams = TeamsCardProperties.FullWidth };
    }

    /// <summary>
    /// One agreement with its state and, while not closed, the closing buttons. <paramref name="loopSessionId"/> is the
    /// session whose close-the-loop card this is; null on the open-agreements list (which offers change and drop).
    /// </summary>
    internal static Container Block(AgreementView agreement, long? loopSessionId, Language language)
    {
        var texts = CloseLoopTexts.All.For(language);
        var agreementTexts = AgreementTexts.All.For(language);
        List<CardElement> items = [new TextBlock(agreement.Text) { Weight = TextWeight.Bolder, Wrap = true }];
        if (loopSessionId is not null && agreement.DueSession is { } due && due.Id != loopSessionId)
        {
            items.Add(new TextBlock(texts.FromEarlier(Formats.Day(due.StartsAt, agreement.Zone, language, agreement.ReadAt))) { Color = TextColor.Warning, Wrap = true });
        }
        var facts = ReminderCard.Facts(agreement, agreementTexts, language);
        facts.Add(new CardFact(agreementTexts.StatusLabel, agreementTexts.ForCoach(agreement)));
        items.Add(new FactSet { Facts = facts });
        if (agreement.Status is not (AgreementStatus.Done or AgreementStatus.Dropped))
        {
            // Two short rows: four buttons in one do not fit a phone, and closing comes before changing.
            if (loopSessionId is not null)
            {
                items.Add(new ActionSet
                {
                    Actions =
                    [
                        Choice(texts.Done, agreement.Id, CloseChoices.Done, loopSessionId, ActionStyle.Positive),
                        Choice(texts.CarryOver, agreement.Id, CloseChoices.CarryOver, loopSessionId, null),
                    ],
                });
            }
            items.Add(new ActionSet
            {
                Actions =
                [
                    new ExecuteAction(texts.Change, CloseLoopVerbs.Change, new ChangeData(agreement.Id, loopSessionId)) { AssociatedInputs = AssociatedInputs.None },
                    new ShowCardAction(texts.Drop, DropForm(agreement.Id, loopSessionId, texts)),
                ],
            });
        }
        return new Container { Items = items, Separator = true, Spacing = Spacing.Medium };
    }

    public static string ReasonInputId(long agreementId) => $"reason-{agreementId}";

    private static ExecuteAction Choice(string title, long agreementId, string choice, long? sessionId, ActionStyle? style) =>
        new(title, CloseLoopVerbs.Close, new CloseData(agreementId, choice, sessionId)) { Style = style, AssociatedInputs = AssociatedInputs.None };

    private static AdaptiveCard DropForm(long agreementId, long? sessionId, CloseLoopTexts texts)
    {
        var form = new AdaptiveCard
        {
            Body =
            [
                new TextInput { Id = ReasonInputId(agreementId), Label = texts.DropReasonLabel, IsMultiline = true, MaxLength = TextLimits.Comment },
            ],
            Actions = [new ExecuteAction(texts.DropConfirm, CloseLoopVerbs.Close, new CloseData(agreementId, CloseChoices.Drop, sessionId)) { Style = ActionStyle.Destructive }],
        };
        form.Schema = null;
        return form;
    }
}
