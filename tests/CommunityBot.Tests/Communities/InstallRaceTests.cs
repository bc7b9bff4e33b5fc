using CommunityBot.Testing;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Communities;

/// <summary>Teams announces an install twice at once; both events store the same rows, and neither is an error.</summary>
public sealed class InstallRaceTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_normal_team_install_with_both_events_at_once_stores_everything_once_and_logs_no_error(string provider)
    {
        var connectionString = provider == "PostgreSql" ? await postgres.DatabaseAsync($"install_race_{Guid.NewGuid():N}") : null;
        await using var app = await BotApplication.StartAsync(
            settings =>
            {
                if (connectionString is not null)
                {
                    settings["Storage:Provider"] = provider;
                    settings["Storage:ConnectionString"] = connectionString;
                }
            },
            services => services.AddFakeLogging());
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague), OnRoster(Third)]);
        var barrier = new ConnectorBarrier(FakeConnectorOperation.GetPagedMembers, expected: 2);
        app.Connector.AddPolicy(barrier);
        // Start-up (PostgreSQL: creating the database) is not what this test is about.
        var collector = app.Services.GetFakeLogCollector();
        collector.Clear();

        var posts = Task.WhenAll(app.PostAsync(app.Teams.InstallInTeam(Teacher)), app.PostAsync(app.Teams.BotAddedToTeam(Teacher)));
        await barrier.Reached.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        app.Clock.Advance(ConnectorBarrier.Hold);
        var responses = await posts;

        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        (await app.QueryAsync(db => db.Conversations.CountAsync())).ShouldBe(1);
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(1);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(3);
        (await app.QueryAsync(db => db.Memberships.CountAsync())).ShouldBe(3);
        var logs = collector.GetSnapshot();
        logs.Where(r => r.Level >= LogLevel.Error).Select(r => $"{r.Category}: {r.Message}").ShouldBeEmpty();
        logs.Where(r => r.Exception is not null).Select(r => r.Category).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_newcomer_installing_in_a_personal_chat_with_both_events_at_once_becomes_one_person_and_no_error_is_logged()
    {
        await using var app = await BotApplication.StartAsync(services: services => services.AddFakeLogging());
        // Someone imported by e-mail waits, so both events ask Teams who the newcomer is: the barrier holds them there.
        await app.QueryAsync(async db =>
        {
            db.People.Add(new CommunityBot.People.Person { TenantId = TenantId, Email = "someone.else@school.be" });
            return await db.SaveChangesAsync();
        });
        app.Connector.SetRoster(PersonalChatOf(Teacher), [OnRoster(Teacher)]);
        var barrier = new ConnectorBarrier(FakeConnectorOperation.GetMember, expected: 2);
        app.Connector.AddPolicy(barrier);
        var collector = app.Services.GetFakeLogCollector();
        collector.Clear();

        var posts = Task.WhenAll(app.PostAsync(app.Teams.InstallPersonal(Teacher)), app.PostAsync(app.Teams.BotAddedToPersonal(Teacher)));
        await barrier.Reached.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        app.Clock.Advance(ConnectorBarrier.Hold);
        var responses = await posts;

        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        (await app.QueryAsync(db => db.People.CountAsync(p => p.TeamsUserId == Teacher.Id))).ShouldBe(1);
        (await app.QueryAsync(db => db.Conversations.SingleAsync())).PersonId.ShouldNotBeNull();
        collector.GetSnapshot().Where(r => r.Level >= LogLevel.Error || r.Exception is not null).Select(r => $"{r.Category}: {r.Message}").ShouldBeEmpty();
    }

    /// <summary>
    /// Holds each request of one kind (in fake time) until both install events have made it, so that both go on to
    /// store the same rows at the same moment.
    /// </summary>
    private sealed class ConnectorBarrier(FakeConnectorOperation operation, int expected) : IFakeConnectorPolicy
    {
        public static readonly TimeSpan Hold = TimeSpan.FromSeconds(1);

        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public Task Reached => reached.Task;

        public FakeConnectorDecision? Decide(FakeConnectorRequest request)
        {
            if (request.Operation != operation)
            {
                return null;
            }
            if (++arrived == expected)
            {
                reached.TrySetResult();
            }
            return FakeConnectorDecision.Latency(Hold);
        }
    }
}
