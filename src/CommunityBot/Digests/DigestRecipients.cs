using CommunityBot.Communities;
using CommunityBot.Intervision;
using CommunityBot.Localization;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Digests;

/// <summary>
/// Who receives a digest in a tenant and what each section may show, in three queries however large the tenant:
/// leaders get the communities they lead and those with a member of their school; coaches their communities;
/// coaches-the-coach theirs and every community of the coaches they support in those communities or in their
/// intervision groups. Names (a section's coach audience)
/// only where the person is coach or coach-the-coach of that community; everywhere else counts only.
/// </summary>
public sealed class DigestRecipients(AppDbContext db)
{
    private sealed record RoleRow(long PersonId, long CommunityId, CommunityRole Role, long? SchoolId, string? Name, Language Language, bool OptedOut);

    /// <summary>Everyone who gets this week's digest; people who turned it off are left out.</summary>
    public Task<IReadOnlyList<DigestRecipient>> ForTenantAsync(string tenantId, CancellationToken ct) => LoadAsync(tenantId, null, ct);

    /// <summary>One person's digest as they would get it, also when they turned the weekly one off (they asked for it).</summary>
    public async Task<DigestRecipient?> ForPersonAsync(string tenantId, long personId, CancellationToken ct) =>
        (await LoadAsync(tenantId, personId, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<DigestRecipient>> LoadAsync(string tenantId, long? only, CancellationToken ct)
    {
        // Every active role that brings a digest, with who holds it. For one person, the coaches too: the
        // communities of the coaches a coach-the-coach supports come from their rows.
        var roles = await db.Memberships.AsNoTracking()
            .Where(m => m.LeftAt == null && m.Role != CommunityRole.Member && m.Community.TenantId == tenantId)
            .Where(m => only == null || m.PersonId == only || m.Role == CommunityRole.Coach)
            .Select(m => new RoleRow(m.PersonId, m.CommunityId, m.Role, m.Person.SchoolId, m.Person.DisplayName, m.Person.Language,
                db.Set<DigestOptOut>().Any(o => o.PersonId == m.PersonId)))
            .ToListAsync(ct);
        var mine = roles.Where(r => only == null || r.PersonId == only).ToList();
        var bySchool = await SchoolCommunitiesAsync(tenantId, mine, ct);
        var coachesOf = roles.Where(r => r.Role == CommunityRole.Coach).ToLookup(r => r.CommunityId, r => r.PersonId);
        var coachedBy = roles.Where(r => r.Role == CommunityRole.Coach).ToLookup(r => r.PersonId, r => r.CommunityId);
        var supported = await SupportedThroughIntervisionAsync(tenantId, only, ct);

        Dictionary<long, Dictionary<long, DigestAudience>> sections = [];
        void Add(long person, long community, DigestAudience audience)
        {
            var of = sections.TryGetValue(person, out var found) ? found : sections[person] = [];
            if (!of.TryGetValue(community, out var had) || Rank(audience) > Rank(had))
            {
                of[community] = audience;
            }
        }
        foreach (var row in mine)
        {
            switch (row.Role)
            {
                case CommunityRole.Leader:
                    Add(row.PersonId, row.CommunityId, DigestAudience.Leader);
                    foreach (var community in row.SchoolId is { } school ? bySchool[school] : [])
                    {
                        Add(row.PersonId, community, DigestAudience.Leader);
                    }
                    break;
                case CommunityRole.Coach:
                    Add(row.PersonId, row.CommunityId, DigestAudience.Coach);
                    break;
                case CommunityRole.CoachTheCoach:
                    Add(row.PersonId, row.CommunityId, DigestAudience.CoachTheCoach);
                    // A supported coach's other communities: the coach-the-coach follows them, without the members' names.
                    foreach (var community in coachesOf[row.CommunityId].SelectMany(coach => coachedBy[coach]))
                    {
                        Add(row.PersonId, community, DigestAudience.Leader);
                    }
                    break;
            }
        }
        foreach (var (coachTheCoach, coach) in supported.Where(s => sections.ContainsKey(s.CoachTheCoach)))
        {
            foreach (var community in coachedBy[coach])
            {
                Add(coachTheCoach, community, DigestAudience.Leader);
            }
        }

        var people = mine.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.First());
        return [.. sections
            .Where(s => only != null || !people[s.Key].OptedOut)
            .OrderBy(s => s.Key)
            .Select(s =>
            {
                var person = people[s.Key];
                var audiences = s.Value;
                return new DigestRecipient(person.PersonId, tenantId, person.Name ?? "", person.Language,
                    audiences.Values.MaxBy(Rank), [.. audiences.Keys.Order()]) { Audiences = audiences };
            })];
    }

    /// <summary>The communities with an active plain member of each leader's school, for the leaders among <paramref name="rows"/>.</summary>
    private async Task<ILookup<long, long>> SchoolCommunitiesAsync(string tenantId, IEnumerable<RoleRow> rows, CancellationToken ct)
    {
        var schools = rows.Where(r => r.Role == CommunityRole.Leader && r.SchoolId is not null).Select(r => r.SchoolId!.Value).Distinct().ToList();
        if (schools.Count == 0)
        {
            return Array.Empty<(long, long)>().ToLookup(x => x.Item1, x => x.Item2);
        }
        var pairs = await db.Memberships.AsNoTracking()
            .Where(m => m.LeftAt == null && m.Role == CommunityRole.Member && m.Community.TenantId == tenantId
                && m.Person.SchoolId != null && schools.Contains(m.Person.SchoolId.Value))
            .Select(m => new { School = m.Person.SchoolId!.Value, m.CommunityId })
            .Distinct()
            .ToListAsync(ct);
        return pairs.ToLookup(p => p.School, p => p.CommunityId);
    }

    /// <summary>
    /// The coaches each coach-the-coach supports through an intervision group, across communities and schools, in one
    /// query. Their communities join the coach-the-coach's digest, counts only.
    /// </summary>
    private async Task<IReadOnlyList<(long CoachTheCoach, long Coach)>> SupportedThroughIntervisionAsync(string tenantId, long? only, CancellationToken ct) =>
        [.. (await db.Set<IntervisionGroup>().AsNoTracking()
                .Where(g => g.TenantId == tenantId && (only == null || g.CoachTheCoachId == only))
                .SelectMany(g => g.Members, (g, m) => new { g.CoachTheCoachId, m.PersonId })
                .Distinct()
                .ToListAsync(ct))
            .Select(s => (s.CoachTheCoachId, s.PersonId))];

    private static int Rank(DigestAudience audience) => audience switch
    {
        DigestAudience.Coach => 2,
        DigestAudience.CoachTheCoach => 1,
        _ => 0,
    };
}
