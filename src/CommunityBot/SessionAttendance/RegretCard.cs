using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Limits;

namespace CommunityBot.SessionAttendance;

/// <summary>The session a member can send regrets for (or take them back), as a card of its own or as a button on a reminder.</summary>
public sealed record RegretSession(long SessionId, string CommunityName, DateTimeOffset StartsAt, TimeZoneInfo Zone);

/// <summary>
/// A member's regrets for one session: what happens (only the coach hears it), an optional reason, one button; once
/// sent, the card says so and offers "I can come after all".
/// </summary>
public static class RegretCard
{
    public static AdaptiveCard Build(RegretSession session, bool regretted, DateTimeOffset now, Language language, string? note = null)
    {
        var texts = AttendanceTexts.All.For(language);
        var day = Formats.DayAndTime(session.StartsAt, session.Zone, language, now);
        var title = texts.RegretTitle(session.CommunityName, day);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }];
        if (note is not null)
        {
            body.Add(new TextBlock(note) { Wrap = true, Color = TextColor.Good });
        }
        if (regretted)
        {
            body.Add(new TextBlock(texts.Regretted(day)) { Wrap = true });
        }
        else
        {
            body.AddRange(RegretForm(session.SessionId, texts));
        }
        var data = new RegretData(session.SessionId, RegretCardViews.Regrets);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body = body,
            Actions = [regretted ? TakeBack(texts, data) : Send(texts, data)],
        };
    }

    /// <summary>On an agreement's reminder: "I can't come" unfolds the same small form; after regrets, "I can come after all".</summary>
    public static CardAction ReminderAction(long sessionId, long agreementId, bool regretted, Language language) =>
        InlineAction(new RegretData(sessionId, RegretCardViews.Reminder, agreementId), regretted, language);

    /// <summary>The same button on "volgende sessie": once pressed, that card becomes the regrets card of the session.</summary>
    public static CardAction NextSessionAction(long sessionId, bool regretted, Language language) =>
        InlineAction(new RegretData(sessionId, RegretCardViews.Regrets), regretted, language);

    private static CardAction InlineAction(RegretData data, bool regretted, Language language)
    {
        var texts = AttendanceTexts.All.For(language);
        var sessionId = data.SessionId;
        if (regretted)
        {
            return TakeBack(texts, data);
        }
        var form = new AdaptiveCard { Body = [.. RegretForm(sessionId, texts)], Actions = [Send(texts, data)] };
        form.Schema = null;
        return new ShowCardAction(texts.CantCome, form);
    }

    public static string ReasonInputId(long sessionId) => $"reason-{sessionId}";

    private static IEnumerable<CardElement> RegretForm(long sessionId, AttendanceTexts texts) =>
    [
        new TextBlock(texts.OnlyCoachHears) { Wrap = true, IsSubtle = true },
        new TextInput { Id = ReasonInputId(sessionId), Label = texts.ReasonLabel, IsMultiline = true, MaxLength = TextLimits.RegretReason },
    ];

    private static ExecuteAction Send(AttendanceTexts texts, RegretData data) => new(texts.SendRegrets, AttendanceVerbs.SendRegrets, data);

    private static ExecuteAction TakeBack(AttendanceTexts texts, RegretData data) =>
        new(texts.ComeAfterAll, AttendanceVerbs.TakeBackRegrets, data) { Style = ActionStyle.Positive, AssociatedInputs = AssociatedInputs.None };
}
