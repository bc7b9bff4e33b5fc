using System.Data.Common;
using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Digests;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Digests.DigestContentWorld;

namespace CommunityBot.Tests.Digests;

/// <summary>The digest's content is set-based: the number of SQL commands does not grow with the number of communities.</summary>
public sealed class DigestQueryCountTests
{
    [Fact]
    public async Task Fifty_communities_take_as_many_sql_commands_as_five_and_give_the_same_sections()
    {
        var counter = new CommandCounter();
        var world = await StartAsync(services: s => s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(counter)));
        await using var _ = world.App;
        for (var i = 0; i < 5; i++)
        {
            await SeedAsync(world, i);
        }
        var (five, fiveCommands) = await CountAsync(world, counter);
        for (var i = 5; i < 50; i++)
        {
            await SeedAsync(world, i);
        }
        var (fifty, fiftyCommands) = await CountAsync(world, counter);

        fiveCommands.ShouldBeGreaterThan(0);
        fiftyCommands.ShouldBe(fiveCommands);
        fifty.Count.ShouldBe(50);
        // Every community was seeded alike, so each says the same; the first five say what they said among five.
        fifty.Values.ShouldAllBe(s => s.Agreements == new AgreementCounts(1, 0, 0, 0, 1) && s.RecentSessions.Count == 1 && s.CheckIns.Count == 1 && s.PreviousPhase == CommunityPhase.TeachersMotivated);
        fifty.Values.Select(s => s.CheckIns.Single()).ShouldAllBe(r => r is CheckInAggregate);
        foreach (var (id, section) in five)
        {
            fifty[id].Agreements.ShouldBe(section.Agreements);
            fifty[id].NeedsAttention.ShouldBe(section.NeedsAttention);
        }

        // One person's digest reads only their communities.
        await using var scope = world.App.Services.CreateAsyncScope();
        var only = await scope.ServiceProvider.GetRequiredService<DigestContent>()
            .ForTenantAsync(TeamsActivities.TenantId, Period, [five.Keys.First()], CancellationToken.None);
        only.Keys.ShouldBe([five.Keys.First()]);
    }

    [Fact]
    public async Task The_aggregator_for_many_communities_answers_what_it_answers_for_each_alone()
    {
        var world = await StartAsync();
        await using var _ = world.App;
        List<long> ids = [];
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SeedAsync(world, i));
        }
        await world.RoundAsync(ids[1], DaysBefore(30), [All(2), All(3), All(4)]);

        await using var scope = world.App.Services.CreateAsyncScope();
        var aggregator = scope.ServiceProvider.GetRequiredService<CheckInAggregator>();
        var all = await aggregator.ForCommunitiesAsync(ids, Period.From.AddDays(-60), Period.To, CheckInAudience.Coach, CancellationToken.None);
        foreach (var id in ids)
        {
            var alone = await aggregator.ForCommunityAsync(id, Period.From.AddDays(-60), Period.To, CheckInAudience.Coach, CancellationToken.None);
            all[id].Select(Shape).ShouldBe(alone.Select(Shape));
        }
        all[ids[1]].Select(r => r.GetType()).ShouldBe([typeof(NotEnoughAnswers), typeof(CheckInAggregate)]);
    }

    /// <summary>What a result says, comments in a fixed order (they come shuffled).</summary>
    private static string Shape(CheckInResult result) => result switch
    {
        CheckInAggregate a => $"{a.CheckInId} {a.Responses} {a.ResponseRate} {string.Join(",", a.Conditions.Select(c => $"{c.Mean}:{string.Join("/", c.Distribution)}"))} {string.Join("|", a.Comments.Order())}",
        _ => $"{result.CheckInId} {result.GetType().Name}",
    };

    /// <summary>A community with a held session with attendance, a planned one, an overdue agreement, a released round and a phase change.</summary>
    private static async Task<long> SeedAsync(DigestContentWorld world, int index)
    {
        var c = await world.CommunityAsync($"Community {index}");
        var held = await world.SessionAsync(c.Id, DaysBefore(5));
        await world.AttendanceAsync(held, c.MemberIds.Skip(1), c.MemberIds.Take(1));
        await world.SessionAsync(c.Id, DaysBefore(-20), SessionStatus.Planned);
        await world.AgreementAsync(c.Id, "homework", DaysBefore(3), held, (c.MemberIds[0], AgreementStatus.Open, null));
        await world.RoundAsync(c.Id, DaysBefore(20), [All(4), All(4), All(3), All(5)]);
        await world.PhaseChangeAsync(c.Id, c.CoachId, CommunityPhase.TeachersMotivated, CommunityPhase.ThemesOrganised, DaysBefore(2));
        return c.Id;
    }

    private static async Task<(IReadOnlyDictionary<long, CommunityDigest> Sections, int Commands)> CountAsync(DigestContentWorld world, CommandCounter counter)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        counter.Watch(db);
        var sections = await scope.ServiceProvider.GetRequiredService<DigestContent>().ForTenantAsync(TeamsActivities.TenantId, Period, null, CancellationToken.None);
        return (sections, counter.Stop());
    }

    /// <summary>Counts the commands of one DbContext (the host's delivery worker uses its own, and is not counted).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private DbContext? watched;
        private int count;

        public void Watch(DbContext context) => (watched, count) = (context, 0);

        public int Stop()
        {
            watched = null;
            return count;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context && ReferenceEquals(context, watched))
            {
                Interlocked.Increment(ref count);
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
