using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Demo;

/// <summary>
/// Seeds the demo tenant once (on a fresh database): the playground's people as a full community with a coach,
/// four teachers and a leader, two held sessions and the next two. Restarting keeps whatever the demo has become.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenantId = options.Value.TenantId;
        if (await db.People.AnyAsync(p => p.TenantId == tenantId, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var people = DemoPeople.All.ToDictionary(p => p.TeamsUserId, p => new Person
        {
            TenantId = tenantId,
            TeamsUserId = p.TeamsUserId,
            AadObjectId = p.AadObjectId,
            DisplayName = p.Name,
            Email = p.Email,
            FirstSeenAt = now,
            // Counted as chosen, so that the playground's client locale (en-US) does not override the demo's language
            // on the first greeting; 'taal en' / 'language nl' still changes it.
            Language = Localization.Languages.FromLocale(options.Value.Language),
            LanguageChosen = true,
        });
        db.People.AddRange(people.Values);
        var community = new Community
        {
            TenantId = tenantId,
            Name = DemoCommunity.Name,
            Theme = "Probleemoplossend denken in de eerste graad",
            Goals = "Samen rijke wiskundetaken ontwerpen, uitproberen in de klas en bespreken.",
            Phase = CommunityPhase.LearningTogether,
            TeamId = DemoCommunity.TeamId,
            CreatedAt = now,
        };
        db.Communities.Add(community);
        Join(db, community, people[DemoCommunity.CoachTeamsUserId], CommunityRole.Coach, now);
        Join(db, community, people[DemoCommunity.LeaderTeamsUserId], CommunityRole.Leader, now);
        var teachers = DemoCommunity.TeacherTeamsUserIds.Select(id => people[id]).ToList();
        teachers.ForEach(t => Join(db, community, t, CommunityRole.Member, now));

        var past = new[] { Session(community, LocalDay(now, community, -63), SessionStatus.Held, now), Session(community, LocalDay(now, community, -28), SessionStatus.Held, now) };
        var next = Session(community, LocalDay(now, community, DemoCommunity.NextSessionInDays), SessionStatus.Planned, now);
        // The session after the next one, so that closing the loop of the next session has somewhere to carry over to.
        var following = Session(community, LocalDay(now, community, DemoCommunity.FollowingSessionInDays), SessionStatus.Planned, now);
        db.Sessions.AddRange([.. past, next, following]);
        await db.SaveChangesAsync(cancellationToken);
        // Only the last held session has attendance, as the coach recorded it (the members, as on the attendance card;
        // one teacher was absent). Nobody took it at the first, so the briefing shows both a count and "not recorded",
        // which is what an unrecorded session now reads as, never "0 present".
        var coach = people[DemoCommunity.CoachTeamsUserId];
        var recorded = past[^1];
        recorded.Attendance.AddRange(teachers.Select((p, i) => new Attendance
        {
            SessionId = recorded.Id, PersonId = p.Id, Present = i != 3,
            RecordedByPersonId = coach.Id, RecordedAt = recorded.StartsAt + recorded.Duration,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SessionPlans>().RefreshAsync(community.Id, cancellationToken);

        var seed = new DemoCommunitySeed(tenantId, community.Id, people[DemoCommunity.CoachTeamsUserId].Id, [.. teachers.Select(t => t.Id)],
            people[DemoCommunity.LeaderTeamsUserId].Id, [.. past.Select(s => s.Id)], next.Id);
        foreach (var contributor in scope.ServiceProvider.GetServices<IDemoSeedContributor>())
        {
            await contributor.SeedAsync(seed, cancellationToken);
        }
        DemoLog.Seeded(logger, tenantId, DemoPeople.All.Count, community.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Join(AppDbContext db, Community community, Person person, CommunityRole role, DateTimeOffset now) =>
        db.Memberships.Add(new Membership { Community = community, Person = person, Role = role, JoinedAt = now });

    private static Session Session(Community community, DateOnly day, SessionStatus status, DateTimeOffset now)
    {
        var zone = LocalClock.Zone(community.TimeZone);
        var local = day.ToDateTime(DemoCommunity.SessionStart, DateTimeKind.Unspecified);
        return new Session
        {
            Community = community,
            StartsAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(),
            Location = "Lokaal 12, Sint-Jozefscollege",
            Status = status,
            CreatedAt = now,
        };
    }

    /// <summary>A school day <paramref name="days"/> from today in the community's time zone (weekends move to Monday).</summary>
    private static DateOnly LocalDay(DateTimeOffset now, Community community, int days)
    {
        var day = DateOnly.FromDateTime(SessionTime.Local(now, community.TimeZone)).AddDays(days);
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(2),
            DayOfWeek.Sunday => day.AddDays(1),
            _ => day,
        };
    }
}

internal static partial class DemoLog
{
    [LoggerMessage(9001, LogLevel.Information, "Demo tenant {TenantId} seeded with {PeopleCount} people and community {CommunityId}")]
    public static partial void Seeded(ILogger logger, string tenantId, int peopleCount, long communityId);

    [LoggerMessage(9002, LogLevel.Information, "Person {PersonId} now acts as person {ActorId}")]
    public static partial void ActingAs(ILogger logger, long personId, long actorId);
}
