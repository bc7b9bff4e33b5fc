using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.Nudges;
using CommunityBot.Schedule;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Xunit;

namespace CommunityBot.Tests.Agreements;

public sealed class AgreementCardsTests
{
    private static readonly TimeZoneInfo Brussels = LocalClock.Zone("Europe/Brussels");
    private static readonly SessionRef Next = new(2, new DateTimeOffset(2026, 3, 23, 15, 0, 0, TimeSpan.Zero), "Lokaal 12", null, 1);
    private static readonly SessionRef Held = new(1, new DateTimeOffset(2026, 2, 26, 15, 0, 0, TimeSpan.Zero), null, "https://teams.example/meet", 1);
    private static readonly PersonRef Megan = new(11, "Megan Bowen", "29:megan");
    private static readonly PersonRef Adele = new(12, "Adele Vance", "29:adele");
    private static readonly PersonRef Tom = new(13, "Tom Claes", "29:tom");

    /// <summary>Megan's answer is the agreement's status (Adele's too when it is done); the others are still open.</summary>
    private static AgreementView Agreement(long id, AgreementKind kind, AgreementStatus status, ChangeRef? change = null, bool wholeGroup = false)
    {
        PersonRef[] owners = wholeGroup ? [Megan, Adele, Tom] : [Megan, Adele];
        return new(id, 1, "Wiskunde eerste graad", Brussels, kind, $"Afspraak {id}", status, wholeGroup, owners, false, [Tom], Next, change)
        {
            ReadAt = BotApplication.Start,
            Route = new CommunityRoute("tenant", null, Language.Dutch),
            Answers = [.. owners.Select(o => o == Megan || status == AgreementStatus.Done
                ? new OwnerAnswer(o, status, change?.At, change?.By)
                : new OwnerAnswer(o, AgreementStatus.Open, null, null))],
        };
    }

    [Fact]
    public void Every_agreement_briefing_and_nudge_card_is_valid_in_both_languages()
    {
        var open = Agreement(1, AgreementKind.Finish, AgreementStatus.Open);
        var help = Agreement(2, AgreementKind.Review, AgreementStatus.NeedHelp, new ChangeRef("Adele Vance", Next.StartsAt.AddDays(-3), AgreementStatus.NeedHelp, "Welk hoofdstuk?"), wholeGroup: true);
        var done = Agreement(3, AgreementKind.Provide, AgreementStatus.Done, new ChangeRef("Megan Bowen", Next.StartsAt.AddDays(-2), AgreementStatus.Done, null));
        var wont = Agreement(4, AgreementKind.Finish, AgreementStatus.WontMakeIt, new ChangeRef("Megan Bowen", Next.StartsAt.AddDays(-2), AgreementStatus.WontMakeIt, null));
        var partly = Agreement(5, AgreementKind.Finish, AgreementStatus.Open) with
        {
            Answers = [new(Adele, AgreementStatus.Open, null, null), new(Megan, AgreementStatus.Done, Next.StartsAt.AddDays(-3), "Megan Bowen")],
        };
        Dictionary<string, AdaptiveCard> cards = [];
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.CardLang();
            cards[$"reminder-open-{tag}"] = ReminderCard.Build(open, language);
            cards[$"reminder-help-{tag}"] = ReminderCard.Build(help, language);
            cards[$"reminder-done-{tag}"] = ReminderCard.Build(done, language);
            cards[$"reminder-before-holiday-{tag}"] = ReminderCard.Build(open, language, beforeHoliday: true);
            cards[$"mine-{tag}"] = MyAgreementsCard.Build([open, help], language);
            cards[$"mine-empty-{tag}"] = MyAgreementsCard.Build([], language);
            cards[$"summary-{tag}"] = SummaryCard.Build(Held, [open, help, done, wont, partly], Brussels, BotApplication.Start, language);
            cards[$"summary-no-session-{tag}"] = SummaryCard.Build(null, [open], Brussels, BotApplication.Start, language);
            cards[$"record-{tag}"] = RecordCard.Build(new RecordCardModel(1, "Wiskunde eerste graad", Brussels, Held, [Megan, Adele, Tom], [Next], [open, help], BotApplication.Start), language, "Genoteerd");
            cards[$"record-no-sessions-{tag}"] = RecordCard.Build(new RecordCardModel(1, "Wiskunde eerste graad", Brussels, null, [Megan], [], [], BotApplication.Start), language);
            cards[$"briefing-{tag}"] = BriefingCard.Build(new BriefingModel("Wiskunde eerste graad", Brussels, Next, [open, help, done, wont],
                [new HelpRequest("Adele Vance", "Afspraak 2", "Welk hoofdstuk?")], [new PastAttendance(Held.StartsAt, 3, 4)], BotApplication.Start), language);
            cards[$"briefing-empty-{tag}"] = BriefingCard.Build(new BriefingModel("Wiskunde eerste graad", Brussels, Next, [], [], [], BotApplication.Start), language);
            cards[$"briefing-before-holiday-{tag}"] = BriefingCard.Build(new BriefingModel("Wiskunde eerste graad", Brussels, Next, [open], [], [], BotApplication.Start, BeforeHoliday: true), language);
            cards[$"nudge-plan-{tag}"] = PlanSessionNudgeCard.Build(1, "Wiskunde eerste graad", "donderdag 26 februari", new CadenceNudge(CadenceKind.EveryNWeeks, 6, null), language);
            cards[$"nudge-plan-per-year-{tag}"] = PlanSessionNudgeCard.Build(1, "Wiskunde eerste graad", "donderdag 26 februari", new CadenceNudge(CadenceKind.PerSchoolYear, 5, 3), language);
            cards[$"reminder-no-channel-{tag}"] = ReminderCard.Build(open with { HasChannel = false }, language);
            cards[$"reminder-own-help-{tag}"] = ReminderCard.Build(help, language, viewerId: Megan.Id);
            cards[$"reminder-other-owner-{tag}"] = ReminderCard.Build(help, language, viewerId: Adele.Id);
            cards[$"reminder-coach-{tag}"] = ReminderCard.Build(done, language, viewerId: 99);
            cards[$"mine-own-{tag}"] = MyAgreementsCard.Build([open, help], language, Megan.Id);
            cards[$"reminder-own-done-{tag}"] = ReminderCard.Build(partly, language, viewerId: Megan.Id);
        }

        CardValidator.AssertAllValid(cards);
    }
}
