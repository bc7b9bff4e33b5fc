using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities;

/// <summary>
/// Who may be written to as a member at a given moment: in the community (not left) and not on a pause. Reminders
/// ask this at send time; the check-ins ask it before each round.
/// </summary>
public static class ActiveMembers
{
    /// <summary>The memberships of people in the community at <paramref name="at"/>, not left and not paused.</summary>
    public static IQueryable<Membership> At(AppDbContext db, long communityId, DateTimeOffset at) =>
        db.Memberships.Where(m => m.CommunityId == communityId && m.LeftAt == null
            && !(m.PausedFrom != null && m.PausedFrom <= at && (m.PausedUntil == null || m.PausedUntil > at)));

    /// <summary>The memberships of people in the community who are on a pause at <paramref name="at"/> (the coach's sheet shows them).</summary>
    public static IQueryable<Membership> PausedAt(AppDbContext db, long communityId, DateTimeOffset at) =>
        db.Memberships.Where(m => m.CommunityId == communityId && m.LeftAt == null
            && m.PausedFrom != null && m.PausedFrom <= at && (m.PausedUntil == null || m.PausedUntil > at));

    /// <summary>True when the person is in the community and not paused at <paramref name="at"/>.</summary>
    public static Task<bool> IncludesAsync(AppDbContext db, long communityId, long personId, DateTimeOffset at, CancellationToken ct) =>
        At(db, communityId, at).AnyAsync(m => m.PersonId == personId, ct);
}
