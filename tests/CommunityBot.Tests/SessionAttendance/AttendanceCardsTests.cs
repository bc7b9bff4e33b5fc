using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.SessionAttendance;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Xunit;

namespace CommunityBot.Tests.SessionAttendance;

public sealed class AttendanceCardsTests
{
    private static readonly TimeZoneInfo Brussels = LocalClock.Zone("Europe/Brussels");
    private static readonly DateTimeOffset Held = new(2026, 2, 26, 15, 0, 0, TimeSpan.Zero);
    private static readonly SessionRef Next = new(2, new DateTimeOffset(2026, 3, 23, 15, 0, 0, TimeSpan.Zero), "Lokaal 12", null, 1);

    [Fact]
    public void Every_regrets_and_attendance_card_is_valid_in_both_languages()
    {
        var session = new RegretSession(2, "Wiskunde eerste graad", Next.StartsAt, Brussels);
        var agreement = new AgreementView(1, 1, "Wiskunde eerste graad", Brussels, AgreementKind.Finish, "Afspraak 1", AgreementStatus.Open, false,
            [new PersonRef(11, "Megan Bowen", "29:megan")], false, [], Next, null) { ReadAt = BotApplication.Start, Route = new("tenant", null, Language.Dutch) };
        AttendanceLine[] lines = [new(11, "Megan Bowen", false, true), new(12, "Adele Vance", true, false)];
        Dictionary<string, AdaptiveCard> cards = [];
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.CardLang();
            cards[$"regrets-{tag}"] = RegretCard.Build(session, regretted: false, BotApplication.Start, language);
            cards[$"regrets-sent-{tag}"] = RegretCard.Build(session, regretted: true, BotApplication.Start, language);
            cards[$"regrets-taken-back-{tag}"] = RegretCard.Build(session, regretted: false, BotApplication.Start, language, "Je komt toch.");
            cards[$"reminder-regretted-{tag}"] = ReminderCard.Build(agreement, language, regretted: true);
            cards[$"reminder-done-{tag}"] = ReminderCard.Build(agreement with { Status = AgreementStatus.Done }, language);
            cards[$"attendance-{tag}"] = AttendanceCard.Build(new AttendanceSheet(1, "Wiskunde eerste graad", Held, Brussels, lines, null, null) { ReadAt = BotApplication.Start }, language);
            cards[$"attendance-saved-{tag}"] = AttendanceCard.Build(new AttendanceSheet(1, "Wiskunde eerste graad", Held, Brussels, lines, "Lien Coach", Held.AddHours(3)) { ReadAt = BotApplication.Start }, language);
            cards[$"attendance-empty-{tag}"] = AttendanceCard.Build(new AttendanceSheet(1, "Wiskunde eerste graad", Held, Brussels, [], null, null) { ReadAt = BotApplication.Start }, language);
            cards[$"briefing-regrets-{tag}"] = BriefingCard.Build(new BriefingModel("Wiskunde eerste graad", Brussels, Next, [], [],
                [new PastAttendance(Held, 3, 4), new PastAttendance(Held.AddDays(-28), 0, 0)], BotApplication.Start, Regrets: [new BriefingRegret("Megan Bowen", "Ziek"), new BriefingRegret("Tom Claes", null)]), language);
        }

        CardValidator.AssertAllValid(cards);
    }
}
