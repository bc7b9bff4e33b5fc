using CommunityBot.Communities;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

public sealed record CommunityPerson(long PersonId, string Name, string? TeamsUserId, CommunityRole Role, CommunityBot.Localization.Language Language);

/// <summary>Who is in a community now, for choosing owners and for finding whom to tell.</summary>
public static class CommunityPeople
{
    public static async Task<IReadOnlyList<CommunityPerson>> ActiveAsync(AppDbContext db, long communityId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.LeftAt == null)
            .Select(m => new { m.PersonId, m.Person.DisplayName, m.Person.Email, m.Person.TeamsUserId, m.Role, m.Person.Language })
            .ToListAsync(ct);
        return [.. rows.Select(r => new CommunityPerson(r.PersonId, r.DisplayName ?? r.Email ?? $"#{r.PersonId}", r.TeamsUserId, r.Role, r.Language))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>
    /// Who gets member reminders: people who are a plain member of the community now. Leaders, coaches and
    /// coaches-the-coach never do, even when a coach named them as owners; someone who left gets none.
    /// </summary>
    public static IQueryable<Membership> Remindable(AppDbContext db) =>
        db.Memberships.Where(m => m.LeftAt == null && m.Role == CommunityRole.Member);

    /// <summary>The coaches who hear about help requests and get the briefing; the coach-the-coach stands in when there is none.</summary>
    public static IReadOnlyList<CommunityPerson> Coaches(IReadOnlyList<CommunityPerson> people)
    {
        var coaches = people.Where(p => p.Role == CommunityRole.Coach).ToList();
        return coaches.Count > 0 ? coaches : [.. people.Where(p => p.Role == CommunityRole.CoachTheCoach)];
    }
}
