using CommunityBot.Communities;
using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.Nudges;
using CommunityBot.Sessions;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Nudges;

/// <summary>
/// The "plan the next session" nudge follows each community's own norm, set by its coach on the cadence card. The
/// world's last session is Monday 23 March 2026 (held), after one on 26 February.
/// </summary>
public sealed class CadenceNudgeTests
{
    /// <summary>10:00 in Brussels (summer time) on that day.</summary>
    private static DateTimeOffset At10(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero).AddHours(month is >= 4 and <= 10 ? -2 : -1);

    private static async Task<AgreementWorld> HeldWorldAsync(BotApplication app, DateTimeOffset? lastSession = null)
    {
        var world = await CreateAsync(app, nextStart: lastSession);
        await app.QueryAsync(db => db.Sessions.Where(s => s.Id == world.NextSessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SessionStatus.Held)));
        return world;
    }

    private static async Task SetRhythmAsync(BotApplication app, long communityId, Teams.Schema.ChannelAccount coach, string kind, int count)
    {
        var data = kind == CadenceCard.KindEveryWeeks
            ? new { communityId, save = true, kind, weeks = count.ToString(), perYear = "5", duration = "150" }
            : new { communityId, save = true, kind, weeks = "6", perYear = count.ToString(), duration = "150" };
        CardJson(await app.InvokeAsync(app.Teams.Execute(CadenceVerbs.Change, data, "card-rhythm", coach))).ShouldContain("✓");
    }

    /// <summary>As if the person chose the language with the language command (a chosen language is not taken from Teams' locale).</summary>
    private static async Task SpeaksAsync(BotApplication app, Teams.Schema.ChannelAccount person, Language language) =>
        await app.QueryAsync(db => db.People.Where(p => p.TeamsUserId == person.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, language).SetProperty(p => p.LanguageChosen, true)));

    private static async Task<List<string>> PlanNudgesAsync(AgreementWorld world, long communityId) =>
        [.. (await world.OutboxAsync()).Where(m => m.DedupeKey.StartsWith($"nudge:plan:{communityId}:", StringComparison.Ordinal)).Select(m => Readable(m.Card!.Value.GetRawText()))];

    [Fact]
    public async Task A_community_meeting_every_4_weeks_is_asked_to_plan_before_one_meeting_every_8_weeks()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await HeldWorldAsync(app);
        // A second community with the same last session, coached by Adele, who reads English.
        var second = await app.QueryAsync(async db =>
        {
            var community = new Community { TenantId = TeamsActivities.TenantId, Name = "Aardrijkskunde", CreatedAt = app.Clock.GetUtcNow() };
            db.Communities.Add(community);
            await db.SaveChangesAsync();
            db.Memberships.AddRange(
                new Membership { CommunityId = community.Id, PersonId = world.Id(Adele), Role = CommunityRole.Coach, JoinedAt = app.Clock.GetUtcNow() },
                new Membership { CommunityId = community.Id, PersonId = world.Id(Tom), Role = CommunityRole.Member, JoinedAt = app.Clock.GetUtcNow() });
            db.Sessions.Add(new Session { CommunityId = community.Id, StartsAt = NextSessionStart, Status = SessionStatus.Held, Location = "Lokaal 3", CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            return community.Id;
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SessionPlans>().RefreshAsync(second, CancellationToken.None);
        }
        await SpeaksAsync(app, Adele, Language.English);
        await SetRhythmAsync(app, world.CommunityId, Coach, CadenceCard.KindEveryWeeks, 4);
        await SetRhythmAsync(app, second, Adele, CadenceCard.KindEveryWeeks, 8);

        // Four weeks after 23 March fall in the Easter holiday: the first school day after it.
        await world.AtAsync<NudgeSweep>(At10(2026, 4, 21));
        var fourWeekly = (await PlanNudgesAsync(world, world.CommunityId)).ShouldHaveSingleItem();
        (await PlanNudgesAsync(world, second)).ShouldBeEmpty();
        await world.AtAsync<NudgeSweep>(At10(2026, 5, 5));
        (await PlanNudgesAsync(world, second)).ShouldBeEmpty();
        await world.AtAsync<NudgeSweep>(At10(2026, 5, 12));
        var eightWeekly = (await PlanNudgesAsync(world, second)).ShouldHaveSingleItem();

        fourWeekly.ShouldContain("Tijd om de volgende sessie van Wiskunde eerste graad te plannen");
        fourWeekly.ShouldContain("De groep spreekt af om minstens elke 4 weken samen te komen.");
        eightWeekly.ShouldContain("Time to plan the next session of Aardrijkskunde");
        eightWeekly.ShouldContain("The group meets at least every 8 weeks.");
    }

    [Theory]
    [InlineData(Language.Dutch, "De groep spreekt af om minstens 5 keer per schooljaar samen te komen. Om er nog 3 te houden voor de zomervakantie, met minstens drie weken ertussen, plan je best nu de volgende.")]
    [InlineData(Language.English, "The group meets at least 5 times a school year. To hold 3 more before the summer holiday, at least three weeks apart, best plan the next one now.")]
    public async Task A_community_meeting_5_times_a_school_year_is_asked_when_the_sessions_still_needed_no_longer_fit_three_weeks_apart(Language language, string norm)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await HeldWorldAsync(app);
        await SpeaksAsync(app, Coach, language);
        await SetRhythmAsync(app, world.CommunityId, Coach, CadenceCard.KindPerYear, 5);

        // Two sessions held, three to go before 1 July: school weeks of 18 May, 8 June and 29 June at the latest,
        // so the coach is asked from the week before 18 May, not at six weeks (28 April).
        await world.AtAsync<NudgeSweep>(At10(2026, 4, 28));
        await world.AtAsync<NudgeSweep>(At10(2026, 5, 8));
        (await PlanNudgesAsync(world, world.CommunityId)).ShouldBeEmpty();
        await world.AtAsync<NudgeSweep>(At10(2026, 5, 11));

        (await PlanNudgesAsync(world, world.CommunityId)).ShouldHaveSingleItem().ShouldContain(norm);
    }

    [Fact]
    public async Task A_community_meeting_per_school_year_is_not_asked_at_the_end_of_june_nor_in_the_summer_but_in_time_next_school_year()
    {
        await using var app = await BotApplication.StartAsync();
        // The last session on Monday 15 June 2026: three weeks later is the summer holiday.
        var world = await HeldWorldAsync(app, lastSession: new DateTimeOffset(2026, 6, 15, 14, 0, 0, TimeSpan.Zero));
        await SpeaksAsync(app, Coach, Language.English);
        await SetRhythmAsync(app, world.CommunityId, Coach, CadenceCard.KindPerYear, 5);

        foreach (var day in new[] { At10(2026, 6, 30), At10(2026, 7, 14), At10(2026, 8, 25), At10(2026, 9, 1), At10(2026, 10, 6), At10(2027, 3, 9) })
        {
            await world.AtAsync<NudgeSweep>(day);
        }
        (await PlanNudgesAsync(world, world.CommunityId)).ShouldBeEmpty();

        // Five sessions three school weeks apart before 1 July 2027 (Easter holiday skipped): the first by the week of 22 March.
        await world.AtAsync<NudgeSweep>(At10(2027, 3, 16));
        (await PlanNudgesAsync(world, world.CommunityId)).ShouldHaveSingleItem()
            .ShouldContain("The group meets at least 5 times a school year. To hold 5 more before the summer holiday");
    }
}
