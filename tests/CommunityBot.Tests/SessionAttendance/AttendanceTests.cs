using CommunityBot.Briefings;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.SessionAttendance.AttendanceWorld;

namespace CommunityBot.Tests.SessionAttendance;

/// <summary>The coach records who was there; the briefing shows what was recorded and says so where nothing was.</summary>
public sealed class AttendanceTests
{
    private static Dictionary<string, object?> Toggles(AgreementWorld world, long sessionId, bool megan, bool adele, bool tom) => new()
    {
        ["sessionId"] = sessionId,
        [AttendanceCard.InputId(world.Id(Megan))] = megan ? "true" : "false",
        [AttendanceCard.InputId(world.Id(Adele))] = adele ? "true" : "false",
        [AttendanceCard.InputId(world.Id(Tom))] = tom ? "true" : "false",
    };

    /// <summary>The toggle of one person on a card's JSON, e.g. <c>"title":"Megan Bowen (afgemeld)"</c> and its value.</summary>
    private static string Toggle(string card, long personId)
    {
        var id = $"\"id\":\"{AttendanceCard.InputId(personId)}\"";
        var start = card.LastIndexOf('{', card.IndexOf(id, StringComparison.Ordinal));
        return card[start..card.IndexOf('}', start)];
    }

    [Theory]
    [InlineData(Language.Dutch, "Aanwezigheid Wiskunde eerste graad: sessie van maandag 23 maart, 16:00", "Megan Bowen (afgemeld)")]
    [InlineData(Language.English, "Attendance Wiskunde eerste graad: session of Monday 23 March, 16:00", "Megan Bowen (sent regrets)")]
    public async Task When_the_session_ends_the_coach_gets_the_attendance_card_once_prefilled_from_regrets(Language language, string title, string regretted)
    {
        var (app, world) = await AttendanceWorld.CreateAsync(language);
        await using var _ = app;
        await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, new RegretData(world.NextSessionId, RegretCardViews.Regrets), "card-1", Megan, Locale(language)));

        await world.AtAsync<HeldSessionsSweep>(NextSessionEnded.AddMinutes(-1));
        (await world.OutboxAsync()).ShouldNotContain(m => m.Purpose == "attendance");
        await world.AtAsync<HeldSessionsSweep>(NextSessionEnded);
        await world.AtAsync<HeldSessionsSweep>(NextSessionEnded.AddMinutes(10));

        var sent = (await world.OutboxAsync()).Single(m => m.Purpose == "attendance");
        sent.PersonId.ShouldBe(world.Id(Coach));
        sent.DedupeKey.ShouldBe($"attendance:{world.NextSessionId}:{world.Id(Coach)}");
        var card = Shown(sent);
        card.ShouldContain(title);
        Toggle(card, world.Id(Megan)).ShouldContain(regretted);
        Toggle(card, world.Id(Megan)).ShouldContain("\"value\":\"false\"");
        Toggle(card, world.Id(Adele)).ShouldContain("\"value\":\"true\"");
        Toggle(card, world.Id(Tom)).ShouldContain("\"value\":\"true\"");
        card.ShouldNotContain("Lien Coach");
        (await ChannelMessagesAsync(world)).ShouldBeEmpty();
        (await app.QueryAsync(db => db.Sessions.SingleAsync(s => s.Id == world.NextSessionId))).Status.ShouldBe(SessionStatus.Held);
    }

    [Theory]
    [InlineData(Language.Dutch, "Opgeslagen door Lien Coach", "2 van 3 aanwezig", "niet opgenomen", "0 van")]
    [InlineData(Language.English, "Saved by Lien Coach", "2 of 3 present", "not recorded", "0 of")]
    public async Task Saved_attendance_shows_in_the_next_briefing_and_a_session_without_it_says_not_recorded(
        Language language, string savedBy, string present, string notRecorded, string zeroPresent)
    {
        var (app, world) = await AttendanceWorld.CreateAsync(language);
        await using var _ = app;
        // An older session nobody took attendance of.
        await app.QueryAsync(async db =>
        {
            db.Sessions.Add(new Session { CommunityId = world.CommunityId, StartsAt = HeldSessionStart.AddDays(-28), Status = SessionStatus.Held, CreatedAt = HeldSessionStart.AddDays(-40) });
            return await db.SaveChangesAsync();
        });

        var card = CardJson(await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.Save, Toggles(world, world.HeldSessionId, megan: true, adele: false, tom: true), "card-1", Coach, Locale(language))));

        card.ShouldContain(savedBy);
        Toggle(card, world.Id(Adele)).ShouldContain("\"value\":\"false\"");
        var rows = await app.QueryAsync(db => db.Attendance.Where(a => a.SessionId == world.HeldSessionId).ToListAsync());
        rows.Count.ShouldBe(3);
        rows.Single(r => r.PersonId == world.Id(Adele)).Present.ShouldBeFalse();
        rows.ShouldAllBe(r => r.RecordedByPersonId == world.Id(Coach));

        await world.AtAsync<BriefingSweep>(BriefingMoment);
        var briefing = Shown((await world.OutboxAsync()).Single(m => m.Purpose == "briefing"));
        briefing.ShouldContain(present);
        briefing.ShouldContain(notRecorded);
        briefing.ShouldNotContain(zeroPresent);
    }

    [Fact]
    public async Task The_attendance_command_reopens_the_card_with_the_saved_values_and_saving_again_changes_them()
    {
        var (app, world) = await AttendanceWorld.CreateAsync(Language.Dutch);
        await using var _ = app;
        await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.Save, Toggles(world, world.HeldSessionId, megan: true, adele: false, tom: true), "card-1", Coach));

        await app.PostAsync(app.Teams.Message("aanwezigheid", Coach));

        var card = LastCardIn(app, Coach);
        card.ShouldContain("Aanwezigheid Wiskunde eerste graad: sessie van donderdag 26 februari, 16:00");
        Toggle(card, world.Id(Adele)).ShouldContain("\"value\":\"false\"");
        Toggle(card, world.Id(Tom)).ShouldContain("\"value\":\"true\"");
        await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.Save, Toggles(world, world.HeldSessionId, megan: true, adele: true, tom: false), "card-2", Coach));
        var rows = await app.QueryAsync(db => db.Attendance.Where(a => a.SessionId == world.HeldSessionId).ToDictionaryAsync(a => a.PersonId, a => a.Present));
        rows.ShouldBe(new Dictionary<long, bool> { [world.Id(Megan)] = true, [world.Id(Adele)] = true, [world.Id(Tom)] = false }, ignoreOrder: true);
    }

    [Theory]
    [InlineData(Language.Dutch, "Die sessie ken ik niet, of ze is niet aan jou. Er is niets veranderd.", "Op deze kaart staat iemand die geen lid is van de gemeenschap. Er is niets opgeslagen.", "Je bent van geen enkele gemeenschap coach.")]
    [InlineData(Language.English, "I don't know that session, or it isn't yours. Nothing was changed.", "This card names someone who is not in the community. Nothing was saved.", "You don't run any community.")]
    public async Task Attendance_is_refused_for_a_member_and_for_forged_data_and_nothing_is_stored(Language language, string notCoach, string notMember, string runsNone)
    {
        var (app, world) = await AttendanceWorld.CreateAsync(language);
        await using var _ = app;
        var otherSession = await app.QueryAsync(async db =>
        {
            var community = new Community { TenantId = TeamsActivities.TenantId, Name = "Frans tweede graad", CreatedAt = HeldSessionStart };
            var session = new Session { Community = community, StartsAt = HeldSessionStart, Status = SessionStatus.Held, CreatedAt = HeldSessionStart };
            db.Sessions.Add(session);
            db.Memberships.Add(new Membership { Community = community, PersonId = world.Id(Outsider), Role = CommunityRole.Member, JoinedAt = HeldSessionStart });
            await db.SaveChangesAsync();
            return session.Id;
        });

        var byMember = await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.Save, Toggles(world, world.HeldSessionId, true, true, true), "card-1", Megan, Locale(language)));
        var forgedPerson = Toggles(world, world.HeldSessionId, true, true, true);
        forgedPerson[AttendanceCard.InputId(world.Id(Outsider))] = "true";
        var withOutsider = await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.Save, forgedPerson, "card-1", Coach, Locale(language)));
        var otherCommunity = await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.Save,
            new Dictionary<string, object?> { ["sessionId"] = otherSession, [AttendanceCard.InputId(world.Id(Outsider))] = "false" }, "card-1", Coach, Locale(language)));
        var garbled = Toggles(world, world.HeldSessionId, true, true, true);
        garbled[AttendanceCard.InputId(world.Id(Tom))] = "misschien";
        var badValue = await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.Save, garbled, "card-1", Coach, Locale(language)));
        await app.PostAsync(app.Teams.Message(language == Language.English ? "attendance" : "aanwezigheid", Megan, Locale(language)));

        MessageText(byMember).ShouldBe(notCoach);
        MessageText(withOutsider).ShouldBe(notMember);
        MessageText(otherCommunity).ShouldBe(notCoach);
        MessageText(badValue).ShouldBe(notMember);
        LastTextIn(app, Megan).ShouldBe(runsNone);
        (await app.QueryAsync(db => db.Attendance.CountAsync())).ShouldBe(0);
    }
}
