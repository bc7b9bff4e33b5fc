using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Xunit;

namespace CommunityBot.Tests.Sessions;

public sealed class SessionCardTests
{
    [Fact]
    public void Every_sessions_card_is_valid_in_both_languages()
    {
        var community = new Community { Id = 7, TenantId = "t", Name = "Wiskunde eerste graad" };
        var session = new Session
        {
            Id = 3,
            CommunityId = 7,
            StartsAt = new DateTimeOffset(2026, 3, 17, 14, 30, 0, TimeSpan.Zero),
            Location = "Lokaal 12",
            OnlineUrl = "https://teams.example/meet/1",
            Version = 2,
        };
        var today = new DateOnly(2026, 3, 2);
        var cards = new Dictionary<string, AdaptiveCard>();
        foreach (var language in new[] { Language.Dutch, Language.English })
        {
            var texts = SessionTexts.All.For(language);
            cards[$"plan-form-{language}"] = SessionCards.Form(community, null, null, [], language, today);
            cards[$"plan-form-errors-{language}"] = SessionCards.Form(community, null,
                new SessionForm { Date = "2026-03-01", Time = "25:00" }, [texts.ErrorInPast, texts.ErrorTimeFormat], language, today);
            cards[$"move-form-{language}"] = SessionCards.Form(community, session, null, [], language, today);
            cards[$"pick-community-{language}"] = SessionCards.PickCommunity([community, new Community { Id = 8, TenantId = "t", Name = "Frans" }], language);
            var nextYear = new Session { Id = 4, CommunityId = 7, StartsAt = new DateTimeOffset(2027, 1, 12, 15, 0, 0, TimeSpan.Zero), Location = "Aula", Version = 1 };
            var french = new Community { Id = 8, TenantId = "t", Name = "Frans" };
            cards[$"list-{language}"] = SessionCards.List(
                [new CommunitySessions(french, false, [nextYear]), new CommunitySessions(community, true, [session, nextYear])], language, new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            cards[$"list-nothing-planned-{language}"] = SessionCards.List(
                [new CommunitySessions(french, false, []), new CommunitySessions(community, true, [])], language, new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            cards[$"move-form-from-list-{language}"] = SessionCards.Form(community, session, null, [], language, today, SessionOrigins.List);
            cards[$"plan-form-from-list-{language}"] = SessionCards.Form(community, null, null, [], language, today, SessionOrigins.List);
            cards[$"confirm-cancel-{language}"] = SessionCards.ConfirmCancel(community, session, language, SessionOrigins.Next, new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            cards[$"current-{language}"] = SessionCards.Current(community, session, language);
            cards[$"current-cancelled-{language}"] = SessionCards.Current(community, new Session { Id = 5, CommunityId = 7, StartsAt = session.StartsAt, Location = "Aula", Status = SessionStatus.Cancelled }, language, texts.NowCancelled);
            cards[$"current-held-{language}"] = SessionCards.Current(community, new Session { Id = 6, CommunityId = 7, StartsAt = session.StartsAt, Location = "Aula", Status = SessionStatus.Held }, language, texts.NowHeld);
            cards[$"next-{language}"] = SessionCards.Next(
            [
                new NextSession(community, true, session, null),
                new NextSession(french, false, nextYear, RegretCard.NextSessionAction(nextYear.Id, regretted: false, language)),
                new NextSession(new Community { Id = 9, TenantId = "t", Name = "Engels" }, false, null, null),
            ], language);
            cards[$"next-regretted-{language}"] = SessionCards.Next([new NextSession(french, false, nextYear, RegretCard.NextSessionAction(nextYear.Id, regretted: true, language))], language);
            cards[$"confirmation-changed-meanwhile-{language}"] = SessionCards.Confirmation(community, session, SessionChange.Moved, language, texts.ChangedMeanwhile);
            foreach (var change in Enum.GetValues<SessionChange>())
            {
                cards[$"confirmation-{change}-{language}"] = SessionCards.Confirmation(community, session, change, language);
                cards[$"announcement-{change}-{language}"] = SessionCards.Announcement(community, session, change, language);
            }
        }

        CardValidator.AssertAllValid(cards);
    }
}
