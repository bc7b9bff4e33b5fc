using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;

namespace CommunityBot.Demo;

/// <summary>
/// A second community next to the demo's, so a leader follows more than one group and a coach-the-coach supports two
/// coaches (Alex and Diego): the digests and intervision need both. Its people are not playground users; play them
/// with <c>act as</c>.
/// </summary>
internal sealed class DemoNeighbours(AppDbContext db, SessionPlans plans, TimeProvider clock) : IDemoSeedContributor
{
    public const string CommunityName = "Nederlands tweede graad";
    public const string CoachName = "Diego Siciliani";
    public const string CoachTheCoachName = "Nestor Wilke";

    private static readonly string[] Teachers = ["Johanna Lorenz", "Lee Gu", "Lidia Holloway", "Grady Archie"];

    public async Task SeedAsync(DemoCommunitySeed seed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var people = new[] { CoachName, CoachTheCoachName }.Concat(Teachers)
            .Select((name, i) => new Person
            {
                TenantId = seed.TenantId,
                TeamsUserId = $"demo-user-{i + 1}",
                AadObjectId = $"00000000-0000-0000-0000-0000000001{i:D2}",
                DisplayName = name,
                Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@demo.school",
                FirstSeenAt = now,
            })
            .ToDictionary(p => p.DisplayName!);
        db.People.AddRange(people.Values);
        var community = new Community
        {
            TenantId = seed.TenantId,
            Name = CommunityName,
            Theme = "Begrijpend lezen in alle vakken",
            Goals = "Samen leesstrategieën uitproberen en de effecten in de klas bespreken.",
            Phase = CommunityPhase.ThemesOrganised,
            CreatedAt = now,
        };
        db.Communities.Add(community);
        Join(community, people[CoachName], CommunityRole.Coach, now);
        Join(community, people[CoachTheCoachName], CommunityRole.CoachTheCoach, now);
        community.Memberships.Add(new Membership { PersonId = seed.LeaderId, Role = CommunityRole.Leader, JoinedAt = now });
        foreach (var teacher in Teachers)
        {
            Join(community, people[teacher], CommunityRole.Member, now);
        }
        // Nestor supports Alex too: coach-the-coach of the first community.
        db.Memberships.Add(new Membership { CommunityId = seed.CommunityId, Person = people[CoachTheCoachName], Role = CommunityRole.CoachTheCoach, JoinedAt = now });
        db.Sessions.AddRange(Session(community, now.AddDays(-21), SessionStatus.Held, now), Session(community, now.AddDays(20), SessionStatus.Planned, now));
        await db.SaveChangesAsync(cancellationToken);
        await plans.RefreshAsync(community.Id, cancellationToken);
    }

    private static void Join(Community community, Person person, CommunityRole role, DateTimeOffset now) =>
        community.Memberships.Add(new Membership { Person = person, Role = role, JoinedAt = now });

    private static Session Session(Community community, DateTimeOffset around, SessionStatus status, DateTimeOffset now)
    {
        var zone = LocalClock.Zone(community.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(around, zone).DateTime);
        day = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
        var local = day.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Unspecified);
        return new Session
        {
            Community = community,
            StartsAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(),
            Location = "Mediatheek, Sint-Jozefscollege",
            Status = status,
            CreatedAt = now,
        };
    }
}
