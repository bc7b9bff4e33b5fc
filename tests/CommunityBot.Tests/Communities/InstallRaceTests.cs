using CommunityBot.Teams.Connector;
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
        var barrier = new ConnectorBarrier("/pagedmembers", expected: 2);
        await using var app = await BotApplication.StartAsync(
            settings =>
            {
                if (connectionString is not null)
                {
                    settings["Storage:Provider"] = provider;
                    settings["Storage:ConnectionString"] = connectionString;
                }
            },
            services => barrier.AddTo(services.AddFakeLogging()));
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague), OnRoster(Third)]);
        // Start-up (PostgreSQL: creating the database) is not what this test is about.
        var collector = app.Services.GetFakeLogCollector();
        collector.Clear();

        var responses = await Task.WhenAll(app.PostAsync(app.Teams.InstallInTeam(Teacher)), app.PostAsync(app.Teams.BotAddedToTeam(Teacher)));

        barrier.WasReached.ShouldBeTrue();
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
        var barrier = new ConnectorBarrier("/members/", expected: 2);
        await using var app = await BotApplication.StartAsync(services: services => barrier.AddTo(services.AddFakeLogging()));
        // Someone imported by e-mail waits, so both events ask Teams who the newcomer is: the barrier holds them there.
        await app.QueryAsync(async db =>
        {
            db.People.Add(new CommunityBot.People.Person { TenantId = TenantId, Email = "someone.else@school.be" });
            return await db.SaveChangesAsync();
        });
        app.Connector.SetRoster(PersonalChatOf(Teacher), [OnRoster(Teacher)]);
        var collector = app.Services.GetFakeLogCollector();
        collector.Clear();

        var responses = await Task.WhenAll(app.PostAsync(app.Teams.InstallPersonal(Teacher)), app.PostAsync(app.Teams.BotAddedToPersonal(Teacher)));

        barrier.WasReached.ShouldBeTrue();
        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        (await app.QueryAsync(db => db.People.CountAsync(p => p.TeamsUserId == Teacher.Id))).ShouldBe(1);
        (await app.QueryAsync(db => db.Conversations.SingleAsync())).PersonId.ShouldNotBeNull();
        collector.GetSnapshot().Where(r => r.Level >= LogLevel.Error || r.Exception is not null).Select(r => $"{r.Category}: {r.Message}").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task When_one_install_event_links_an_imported_community_and_the_other_creates_one_the_team_ends_with_one_community_and_no_error(string provider)
    {
        var connectionString = provider == "PostgreSql" ? await postgres.DatabaseAsync($"install_link_race_{Guid.NewGuid():N}") : null;
        var barrier = new ConnectorBarrier("/pagedmembers", expected: 2);
        await using var app = await BotApplication.StartAsync(
            settings =>
            {
                if (connectionString is not null)
                {
                    settings["Storage:Provider"] = provider;
                    settings["Storage:ConnectionString"] = connectionString;
                }
            },
            services => barrier.AddTo(services.AddFakeLogging()));
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        // Imported under the team's name and coached by Teacher: Teacher's event links it, Colleague's may not.
        await app.QueryAsync(async db =>
        {
            var coach = new CommunityBot.People.Person { TenantId = TenantId, AadObjectId = Teacher.AadObjectId, TeamsUserId = Teacher.Id };
            var imported = new CommunityBot.Communities.Community { TenantId = TenantId, Name = TeamName };
            db.Memberships.Add(new CommunityBot.Communities.Membership { Community = imported, Person = coach, Role = CommunityBot.Communities.CommunityRole.Coach });
            return await db.SaveChangesAsync();
        });
        var collector = app.Services.GetFakeLogCollector();
        collector.Clear();

        var responses = await Task.WhenAll(app.PostAsync(app.Teams.InstallInTeam(Teacher)), app.PostAsync(app.Teams.BotAddedToTeam(Colleague)));

        barrier.WasReached.ShouldBeTrue();
        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        (await app.QueryAsync(db => db.Communities.CountAsync(c => c.TeamId == TeamId))).ShouldBe(1);
        collector.GetSnapshot().Where(r => r.Level >= LogLevel.Error || r.Exception is not null).Select(r => $"{r.Category}: {r.Message}").ShouldBeEmpty();
    }

    /// <summary>
    /// Holds the bot's first requests to one kind of connector path until both install events have made theirs, so that
    /// both go on to store the same rows at the same moment. Sits in the connector's HTTP pipeline, in real time.
    /// </summary>
    private sealed class ConnectorBarrier(string pathPart, int expected)
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public bool WasReached => reached.Task.IsCompletedSuccessfully;

        public IServiceCollection AddTo(IServiceCollection services)
        {
            services.AddHttpClient<ConnectorClient>().AddHttpMessageHandler(() => new Handler(this));
            return services;
        }

        private async Task PassAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.Contains(pathPart, StringComparison.Ordinal))
            {
                return;
            }
            var position = Interlocked.Increment(ref arrived);
            if (position == expected)
            {
                reached.TrySetResult();
            }
            if (position <= expected)
            {
                try
                {
                    await reached.Task.WaitAsync(Patience, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // A barrier never reached lets the requests go on: the test then fails on WasReached, not on a hang.
                }
            }
        }

        private sealed class Handler(ConnectorBarrier barrier) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                await barrier.PassAsync(request, cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
