using CommunityBot.Testing;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Communities;

/// <summary>Teams announces a team install twice at once; both events store the same rows, and neither is an error.</summary>
public sealed class TeamInstallRaceTests(PostgresServer postgres)
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
        var barrier = new RosterBarrier(expected: 2);
        app.Connector.AddPolicy(barrier);
        // Start-up (PostgreSQL: creating the database) is not what this test is about.
        var collector = app.Services.GetFakeLogCollector();
        collector.Clear();

        var posts = Task.WhenAll(app.PostAsync(app.Teams.InstallInTeam(Teacher)), app.PostAsync(app.Teams.BotAddedToTeam(Teacher)));
        await barrier.Reached.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        app.Clock.Advance(RosterBarrier.Hold);
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

    /// <summary>
    /// Holds each roster read (in fake time) until both install events have asked for it, so that both link the team,
    /// its people and their memberships at the same moment.
    /// </summary>
    private sealed class RosterBarrier(int expected) : IFakeConnectorPolicy
    {
        public static readonly TimeSpan Hold = TimeSpan.FromSeconds(1);

        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public Task Reached => reached.Task;

        public FakeConnectorDecision? Decide(FakeConnectorRequest request)
        {
            if (request.Operation != FakeConnectorOperation.GetPagedMembers)
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
