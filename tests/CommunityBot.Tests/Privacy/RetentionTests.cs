using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Privacy;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using CommunityBot.Tests.Agreements;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Privacy;

/// <summary>The daily <c>retention</c> job at each of its boundaries, on the fake clock, and twice in a row.</summary>
public sealed class RetentionTests
{
    /// <summary>31 August 2024, 23:59:59.999 in Brussels: the last moment of school year 2023–24.</summary>
    internal static readonly DateTimeOffset LastOf2023To24 = new(2024, 8, 31, 21, 59, 59, 999, TimeSpan.Zero);

    /// <summary>1 September 2024, 00:00 in Brussels: the first moment of school year 2024–25.</summary>
    internal static readonly DateTimeOffset FirstOf2024To25 = new(2024, 8, 31, 22, 0, 0, TimeSpan.Zero);

    /// <summary>1 September 2026, 00:00 in Brussels: school year 2026–27 begins, so 2023–24 is more than two school years back.</summary>
    internal static readonly DateTimeOffset SchoolYear2026Begins = new(2026, 8, 31, 22, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-08-31T21:59:59.999Z", 2, "2023-08-31T22:00:00Z")]
    [InlineData("2026-08-31T22:00:00Z", 2, "2024-08-31T22:00:00Z")]
    [InlineData("2027-01-15T12:00:00Z", 2, "2024-08-31T22:00:00Z")]
    [InlineData("2027-01-15T12:00:00Z", 1, "2025-08-31T22:00:00Z")]
    [InlineData("2027-01-15T12:00:00Z", 10, "2016-08-31T22:00:00Z")]
    public void Kept_school_years_are_the_current_one_and_the_n_before_it_from_1_September_in_Brussels(string now, int years, string keptFrom) =>
        SchoolYears.KeptFrom(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), years)
            .ShouldBe(DateTimeOffset.Parse(keptFrom, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task History_and_check_in_answers_go_when_their_school_year_is_more_than_the_tenants_retention_back()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await SeedHistoryAsync(app, world, LastOf2023To24, "old");
        await SeedHistoryAsync(app, world, FirstOf2024To25, "kept");

        await world.AtAsync<RetentionJob>(SchoolYear2026Begins - TimeSpan.FromMilliseconds(1));
        (await HistoryAsync(app)).ShouldBe(All("kept", "old"));

        await world.AtAsync<RetentionJob>(SchoolYear2026Begins);
        (await HistoryAsync(app)).ShouldBe(All("kept"));
        (await app.QueryAsync(db => db.CheckInAnswers.CountAsync())).ShouldBe(1);

        await world.RunAsync<RetentionJob>();
        (await HistoryAsync(app)).ShouldBe(All("kept"));
    }

    [Fact]
    public async Task A_tenant_that_keeps_one_school_year_loses_the_year_before_last()
    {
        await using var app = await BotApplication.StartAsync(s => s["Privacy:RetentionSchoolYears"] = "1");
        var world = await CreateAsync(app);
        await SeedHistoryAsync(app, world, FirstOf2024To25, "2024-25");
        await SeedHistoryAsync(app, world, FirstOf2024To25.AddYears(1), "2025-26");

        await world.AtAsync<RetentionJob>(SchoolYear2026Begins);

        (await HistoryAsync(app)).ShouldBe(All("2025-26"));
    }

    [Fact]
    public async Task Sent_and_failed_messages_go_after_30_days_pending_ones_and_cards_still_updated_stay()
    {
        await using var app = await BotApplication.StartAsync();
        var now = app.Clock.GetUtcNow();
        var limit = (now - RetentionJob.MessagesKeptFor).ToUnixTimeMilliseconds();
        await app.QueryAsync(db =>
        {
            db.Set<OutboxMessage>().AddRange(
                Message("sent-31-days", OutboxState.Sent, created: limit - 10, sent: limit - 1),
                Message("sent-30-days", OutboxState.Sent, created: limit - 10, sent: limit),
                Message("failed-31-days", OutboxState.Failed, created: limit - 1),
                Message("unreachable-30-days", OutboxState.Unreachable, created: limit),
                Message("pending-old", OutboxState.Pending, created: limit - 1000),
                Message("card-updated-since", OutboxState.Sent, created: limit - 10, sent: limit - 5),
                Message("its-update", OutboxState.Sent, created: limit + 5, sent: limit + 6, replaces: "card-updated-since"));
            return db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(TestContext.Current.CancellationToken);
        }

        (await app.QueryAsync(db => db.Set<OutboxMessage>().Select(m => m.DedupeKey).ToListAsync()))
            .ShouldBe(["sent-30-days", "unreachable-30-days", "pending-old", "card-updated-since", "its-update"], ignoreOrder: true);
    }

    [Fact]
    public async Task Activity_claims_and_the_cards_they_hold_go_after_two_days()
    {
        await using var app = await BotApplication.StartAsync();
        await app.PostAsync(app.Teams.Message("help"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.PostAsync(app.Teams.Message("help"));
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(TestContext.Current.CancellationToken);
        }

        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(1);
    }

    private static OutboxMessage Message(string key, OutboxState state, long created, long? sent = null, string? replaces = null) => new()
    {
        DedupeKey = key, TenantId = TeamsActivities.TenantId, ConversationRowId = 1, Text = key, Purpose = "test",
        State = state, CreatedAt = created, SentAt = sent, ReplacesDedupeKey = replaces, NextAttemptAt = long.MaxValue,
    };

    /// <summary>One row of each kind the retention period covers, each marked with <paramref name="mark"/>.</summary>
    internal static Task SeedHistoryAsync(BotApplication app, AgreementWorld world, DateTimeOffset at, string mark) =>
        app.QueryAsync(async db =>
        {
            var agreement = new Agreement { CommunityId = world.CommunityId, Text = mark, CreatedAt = at, UpdatedAt = at, RecordedByPersonId = world.Id(Coach) };
            db.Agreements.Add(agreement);
            var round = new CheckIn { CommunityId = world.CommunityId, InstrumentVersion = 1, OpensAt = at, ClosesAt = at, State = CheckInState.Closed };
            db.CheckIns.Add(round);
            var session = new Session { CommunityId = world.CommunityId, StartsAt = at, Status = SessionStatus.Held, CreatedAt = at };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            db.AgreementChanges.Add(new AgreementChange { AgreementId = agreement.Id, PersonId = world.Id(Adele), At = at, Comment = mark });
            db.CommunityChanges.Add(new CommunityChange { CommunityId = world.CommunityId, ByPersonId = world.Id(Coach), At = at, Kind = CommunityChangeKind.Theme, NewValue = mark });
            db.Regrets.Add(new Regret { SessionId = session.Id, PersonId = world.Id(Adele), At = at, Reason = mark });
            var response = new CheckInResponse { CheckInId = round.Id, Pseudonym = mark, KeyVersion = 1, Comment = mark, AnsweredAt = at };
            response.Answers.Add(new CheckInAnswer { ItemId = "psy-1", Value = 3 });
            db.CheckInResponses.Add(response);
            return await db.SaveChangesAsync();
        });

    /// <summary>Each mark left, once per history table that still holds it (agreement answers, community changes, regrets, check-in answers).</summary>
    internal static Task<List<string>> HistoryAsync(BotApplication app) =>
        app.QueryAsync(async db =>
        {
            var answered = await db.CheckInAnswers.Select(a => a.ResponseId).ToListAsync();
            List<string> marks =
            [
                .. await db.AgreementChanges.Select(c => "answer " + c.Comment).ToListAsync(),
                .. await db.CommunityChanges.Select(c => "change " + c.NewValue).ToListAsync(),
                .. await db.Regrets.Select(r => "regret " + r.Reason).ToListAsync(),
                .. (await db.CheckInResponses.Select(r => new { r.Id, r.Comment }).ToListAsync()).Where(r => answered.Contains(r.Id)).Select(r => "check-in " + r.Comment),
            ];
            return marks.Order(StringComparer.Ordinal).ToList();
        });

    internal static string[] All(params string[] marks) =>
        [.. marks.SelectMany(m => new[] { "answer " + m, "change " + m, "check-in " + m, "regret " + m }).Order(StringComparer.Ordinal)];
}
