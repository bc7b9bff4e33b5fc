using CommunityBot.Localization;
using CommunityBot.SessionAttendance;
using CommunityBot.Teams.Cards;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>
/// The 1:1 reminder: the agreement, the session, who depends on it, and one-tap answers. Each owner sees their own
/// answer and, when several own it, the group's count (never who has not); the card is redrawn for each owner after
/// anyone answers (Universal Actions refresh, and every sent copy).
/// </summary>
public static class ReminderCard
{
    /// <summary>Teams refreshes automatically for at most 60 users.</summary>
    private const int MaxRefreshUsers = 60;

    /// <param name="beforeHoliday">The reminder comes on the last school day before a holiday the session follows.</param>
    /// <param name="viewerId">Whom the card is for: an owner sees their own answer and gets buttons while it is still theirs to do.</param>
    /// <param name="regretted">The reader sent regrets for the due session: the card says so and offers to take them back.</param>
    /// <param name="notice">What the tap that drew this card did, first on the card.</param>
    public static AdaptiveCard Build(AgreementView agreement, Language language, bool beforeHoliday = false, long? viewerId = null, bool regretted = false,
        AnswerNotice? notice = null)
    {
        var texts = AgreementTexts.All.For(language);
        List<CardElement> body =
        [
            new TextBlock(texts.ReminderTitle(agreement.Kind)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            .. AnswerNotice.Blocks(notice),
            .. AfterHolidayBlock(agreement, texts, language, beforeHoliday),
            new TextBlock(agreement.Text) { Size = TextSize.Large, Wrap = true },
            new FactSet { Facts = Facts(agreement, texts, language) },
            .. StatusBlocks(agreement, texts, language, viewerId),
            .. AnswerButtons(agreement, texts, viewerId),
            .. RegretBlock(agreement, language, regretted),
        ];
        var owners = agreement.Owners.Select(o => o.TeamsUserId).OfType<string>().Take(MaxRefreshUsers).ToList();
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = $"{texts.ReminderTitle(agreement.Kind)}: {agreement.Text}",
            Body = body,
            Refresh = new CardRefresh(new ExecuteAction(null, AgreementVerbs.Refresh, new RefreshData(agreement.Id)), owners),
        };
    }

    private static IEnumerable<CardElement> AfterHolidayBlock(AgreementView agreement, AgreementTexts texts, Language language, bool beforeHoliday)
    {
        if (beforeHoliday && agreement.DueSession is { } session)
        {
            yield return new TextBlock(texts.AfterHoliday(Formats.DayAndTime(session.StartsAt, agreement.Zone, language, agreement.ReadAt))) { Weight = TextWeight.Bolder, Wrap = true };
        }
    }

    /// <summary>
    /// The answers sit in the body, above the session's own part: as card actions they would share one row with the
    /// regret button, which on a phone runs off the card and reads as a fourth answer next to "won't make it".
    /// </summary>
    private static IEnumerable<CardElement> AnswerButtons(AgreementView agreement, AgreementTexts texts, long? viewerId)
    {
        if (MayAnswer(agreement, viewerId))
        {
            yield return new ActionSet { Actions = Buttons(agreement, texts, AgreementCardViews.Reminder) };
        }
    }

    /// <summary>
    /// Regrets for the due session in one tap, whatever the agreement's state (coming is not homework), below a line
    /// so that nobody takes "I can't come" for an answer about the agreement.
    /// </summary>
    private static IEnumerable<CardElement> RegretBlock(AgreementView agreement, Language language, bool regretted)
    {
        if (agreement.DueSession is not { } session)
        {
            yield break;
        }
        var texts = AttendanceTexts.All.For(language);
        yield return new Container
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Items =
            [
                new TextBlock(regretted ? texts.RegrettedShort : texts.CantComeQuestion) { Wrap = true, IsSubtle = true },
                new ActionSet { Actions = [RegretCard.ReminderAction(session.Id, agreement.Id, regretted, language)] },
            ],
        };
    }

    internal static List<CardFact> Facts(AgreementView agreement, AgreementTexts texts, Language language)
    {
        List<CardFact> facts = [new(texts.KindLabel, texts.Kind(agreement.Kind))];
        if (agreement.DueSession is { } session)
        {
            facts.Add(new CardFact(texts.SessionLabel, SessionLine(session, agreement.Zone, texts, language, agreement.ReadAt)));
        }
        facts.Add(new CardFact(texts.WhoLabel, agreement.WholeGroup ? texts.WholeGroup : Names(agreement.Owners)));
        if (agreement.WholeGroupDepends || agreement.Dependants.Count > 0)
        {
            facts.Add(new CardFact(texts.DependsLabel, agreement.WholeGroupDepends ? texts.WholeGroup : Names(agreement.Dependants)));
        }
        return facts;
    }

    /// <summary>The buttons are shown while the viewer still has it to do (or, for a card without a viewer, anyone has).</summary>
    internal static bool MayAnswer(AgreementView agreement, long? viewerId) =>
        viewerId is { } id ? agreement.IsActiveFor(id) : agreement.IsActive;

    /// <summary>
    /// The viewer's own answer, then the group's count when several own it. Someone else's help request or "won't
    /// make it" never shows here: that is between them and the coach (or the group, if they chose so).
    /// </summary>
    internal static IEnumerable<CardElement> StatusBlocks(AgreementView agreement, AgreementTexts texts, Language language, long? viewerId = null)
    {
        if (agreement.Status == AgreementStatus.Dropped)
        {
            yield return new TextBlock($"{texts.StatusLabel}: {texts.Status(agreement.Status)}") { Weight = TextWeight.Bolder, Wrap = true };
            yield break;
        }
        var own = viewerId is { } id ? agreement.AnswerOf(id) : null;
        if (own is { AnsweredAt: { } at })
        {
            var color = own.Status switch
            {
                AgreementStatus.Done => TextColor.Good,
                AgreementStatus.NeedHelp or AgreementStatus.WontMakeIt => TextColor.Warning,
                _ => TextColor.Default,
            };
            var label = agreement.Shared ? texts.YourStatusLabel : texts.StatusLabel;
            yield return new TextBlock($"{label}: {texts.Status(own.Status)}") { Weight = TextWeight.Bolder, Color = color, Wrap = true };
            // The help comment is meant for the coach: it is in the coach's alert and briefing, not on the card.
            yield return new TextBlock(texts.AnsweredBy(own.AnsweredBy ?? own.Person.Name, Formats.Short(at, agreement.Zone, language, agreement.ReadAt))) { IsSubtle = true, Size = TextSize.Small, Wrap = true };
        }
        else if (own is null && agreement.Status == AgreementStatus.Done)
        {
            yield return new TextBlock($"{texts.StatusLabel}: {texts.Status(agreement.Status)}") { Weight = TextWeight.Bolder, Color = TextColor.Good, Wrap = true };
            if (agreement.LastChange is { } change)
            {
                yield return new TextBlock(texts.AnsweredBy(change.By, Formats.Short(change.At, agreement.Zone, language, agreement.ReadAt))) { IsSubtle = true, Size = TextSize.Small, Wrap = true };
            }
        }
        if (agreement.Shared && agreement.Answers.Count > 0)
        {
            yield return new TextBlock($"{texts.GroupLabel}: {texts.GroupDone(agreement.DoneCount, agreement.Answers.Count)}") { Wrap = true };
        }
        if (own?.AnsweredAt is null && agreement.IsActive && (agreement.WholeGroupDepends || agreement.Dependants.Count > 0))
        {
            yield return new TextBlock(texts.ReminderDependsNudge) { IsSubtle = true, Wrap = true };
        }
    }

    internal static List<CardAction> Buttons(AgreementView agreement, AgreementTexts texts, string view)
    {
        var help = new AdaptiveCard
        {
            Body =
            [
                new TextInput
                {
                    Id = CommentInputId(agreement.Id),
                    Label = texts.HelpCommentLabel,
                    Placeholder = texts.HelpCommentPlaceholder,
                    IsMultiline = true,
                    MaxLength = TextLimits.Comment,
                },
            ],
            Actions = [new ExecuteAction(texts.SendHelpRequest, AgreementVerbs.Answer, new AnswerData(agreement.Id, AgreementAnswers.NeedHelp, view))],
        };
        help.Schema = null;
        return
        [
            new ExecuteAction(texts.Done, AgreementVerbs.Answer, new AnswerData(agreement.Id, AgreementAnswers.Done, view)) { Style = ActionStyle.Positive, AssociatedInputs = AssociatedInputs.None },
            new ShowCardAction(texts.NeedHelp, help),
            new ShowCardAction(texts.WontMakeIt, WontMakeItChoice(agreement, texts, view)),
        ];
    }

    /// <summary>
    /// Before anything is sent, the member reads who will hear it and chooses: the group (a named message in the
    /// channel) or only the coach. Voluntary participation means not being exposed without knowing it. Without a
    /// channel the card says that only the coach can be told.
    /// </summary>
    private static AdaptiveCard WontMakeItChoice(AgreementView agreement, AgreementTexts texts, string view)
    {
        ExecuteAction Choice(string title, string audience) =>
            new(title, AgreementVerbs.Answer, new AnswerData(agreement.Id, AgreementAnswers.WontMakeIt, view, audience)) { AssociatedInputs = AssociatedInputs.None };
        var choice = agreement.HasChannel
            ? new AdaptiveCard
            {
                Body = [new TextBlock(texts.WontMakeItWhoHears) { Wrap = true }],
                Actions = [Choice(texts.TellGroup, AgreementAudiences.Group), Choice(texts.OnlyCoach, AgreementAudiences.Coach)],
            }
            : new AdaptiveCard
            {
                Body = [new TextBlock(texts.WontMakeItNoChannel) { Wrap = true }],
                Actions = [Choice(texts.TellCoach, AgreementAudiences.Coach)],
            };
        choice.Schema = null;
        return choice;
    }

    public static string CommentInputId(long agreementId) => $"comment-{agreementId}";

    internal static string SessionLine(SessionRef session, TimeZoneInfo zone, AgreementTexts texts, Language language, DateTimeOffset now)
    {
        var when = Formats.DayAndTime(session.StartsAt, zone, language, now);
        var where = session.Location ?? (session.OnlineUrl is null ? null : texts.Online);
        return where is null ? when : $"{when} – {where}";
    }

    internal static string Names(IEnumerable<PersonRef> people) => string.Join(", ", people.Select(p => p.Name));
}
