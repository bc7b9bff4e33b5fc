using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>
/// The channel's "clear report" of one session's agreements: what, who, who depends on it, which are done or
/// dropped, and for an agreement of several owners how many are done ("6 of 9 done"). It never lists people by what
/// they did not do.
/// </summary>
public static class SummaryCard
{
    public static AdaptiveCard Build(SessionRef? madeAt, IReadOnlyList<AgreementView> agreements, TimeZoneInfo zone, DateTimeOffset now, Language language)
    {
        var texts = AgreementTexts.All.For(language);
        var title = madeAt is null ? texts.SummaryTitleNoSession : texts.SummaryTitle(Formats.Day(madeAt.StartsAt, zone, language, now));
        var due = agreements.Select(a => a.DueSession).FirstOrDefault(s => s is not null);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(due is null ? texts.SummaryDueNotPlanned : texts.SummaryDueAt(ReminderCard.SessionLine(due, zone, texts, language, now))) { Wrap = true },
        ];
        foreach (var kind in Enum.GetValues<AgreementKind>())
        {
            var ofKind = agreements.Where(a => a.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }
            body.Add(new TextBlock(texts.Kind(kind)) { Weight = TextWeight.Bolder, Color = TextColor.Accent, Separator = true, Spacing = Spacing.Medium, Wrap = true });
            body.AddRange(ofKind.Select(a => Item(a, texts)));
        }
        body.Add(new TextBlock(texts.SummaryFooter) { IsSubtle = true, Size = TextSize.Small, Wrap = true });
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body, MsTeams = TeamsCardProperties.FullWidth };
    }

    /// <summary>
    /// The status the channel sees, or null for none. A help request or a "won't make it" is never shown beside names:
    /// help is between a member and the coach, and the member chooses on the card whether the group hears the rest.
    /// </summary>
    public static AgreementStatus? Shows(AgreementStatus status) =>
        status is AgreementStatus.Done or AgreementStatus.Dropped ? status : null;

    private static Container Item(AgreementView agreement, AgreementTexts texts)
    {
        List<CardFact> facts = [new(texts.WhoLabel, agreement.WholeGroup ? texts.WholeGroup : ReminderCard.Names(agreement.Owners))];
        if (agreement.WholeGroupDepends || agreement.Dependants.Count > 0)
        {
            facts.Add(new CardFact(texts.DependsLabel, agreement.WholeGroupDepends ? texts.WholeGroup : ReminderCard.Names(agreement.Dependants)));
        }
        if (Shows(agreement.Status) is { } shown)
        {
            facts.Add(new CardFact(texts.StatusLabel, texts.Status(shown)));
        }
        else if (agreement.Shared && agreement.DoneCount > 0)
        {
            facts.Add(new CardFact(texts.StatusLabel, texts.GroupDone(agreement.DoneCount, agreement.Answers.Count)));
        }
        return new Container
        {
            Items = [new TextBlock(agreement.Text) { Wrap = true }, new FactSet { Facts = facts, Spacing = Spacing.Small }],
        };
    }
}
