using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.SessionAttendance;

/// <summary>
/// Attendance of one held session. <paramref name="Recorded"/> is false when no coach took attendance: then the
/// counts are zero and mean nothing, and every card says "not recorded" instead.
/// </summary>
public sealed record HeldSessionAttendance(long SessionId, long CommunityId, DateTimeOffset StartsAt, bool Recorded, int Present, int Absent);

/// <summary>Someone who sent regrets for a session; the reason is for the coach only.</summary>
public sealed record SessionRegret(long PersonId, string Name, string? Reason);

/// <summary>Read side of regrets and attendance, for the briefing, the reminder card and (later) the leaders' digest.</summary>
public sealed class AttendanceQueries(AppDbContext db)
{
    public Task<bool> HasRegretsAsync(long personId, long sessionId, CancellationToken ct) =>
        db.Regrets.AnyAsync(r => r.PersonId == personId && r.SessionId == sessionId, ct);

    public async Task<IReadOnlyList<SessionRegret>> RegretsAsync(long sessionId, CancellationToken ct)
    {
        var rows = await db.Regrets.AsNoTracking()
            .Where(r => r.SessionId == sessionId)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.PersonId, p.DisplayName, p.Email, r.Reason, r.At })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.At).Select(r => new SessionRegret(r.PersonId, r.DisplayName ?? r.Email ?? $"#{r.PersonId}", r.Reason))];
    }

    /// <summary>The community's last <paramref name="count"/> held sessions, oldest first, recorded or not.</summary>
    public async Task<IReadOnlyList<HeldSessionAttendance>> LastHeldAsync(long communityId, int count, CancellationToken ct) =>
        [.. (await WithAttendance(Held(db.Sessions).Where(s => s.CommunityId == communityId).OrderByDescending(s => s.StartsAt).Take(count))
            .ToListAsync(ct)).OrderBy(s => s.StartsAt)];

    /// <summary>
    /// For the leaders' digest: every session of these communities held from <paramref name="from"/> up to
    /// <paramref name="until"/>, with its attendance, recorded or not.
    /// </summary>
    public async Task<IReadOnlyList<HeldSessionAttendance>> HeldBetweenAsync(
        IReadOnlyCollection<long> communityIds, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        await WithAttendance(Held(db.Sessions)
                .Where(s => communityIds.Contains(s.CommunityId) && s.StartsAt >= from && s.StartsAt < until)
                .OrderBy(s => s.CommunityId).ThenBy(s => s.StartsAt))
            .ToListAsync(ct);

    /// <summary>
    /// For the digest, set-based: per community its last <paramref name="count"/> sessions held before
    /// <paramref name="before"/>, with attendance recorded or not, oldest first. One query however many communities;
    /// the communities are a query (a tenant's), not a list of parameters.
    /// </summary>
    public async Task<IReadOnlyList<HeldSessionAttendance>> LastHeldForCommunitiesAsync(
        IQueryable<long> communityIds, DateTimeOffset before, int count, CancellationToken ct)
    {
        var held = Held(db.Sessions).Where(s => s.StartsAt < before);
        // "Among the last count": fewer than count later held sessions of the same community (index CommunityId, StartsAt).
        var last = held.Where(s => communityIds.Contains(s.CommunityId)
            && held.Count(l => l.CommunityId == s.CommunityId && (l.StartsAt > s.StartsAt || (l.StartsAt == s.StartsAt && l.Id > s.Id))) < count);
        return await WithAttendance(last.OrderBy(s => s.CommunityId).ThenBy(s => s.StartsAt)).ToListAsync(ct);
    }

    /// <summary>
    /// For the coach's digest: per community who was marked absent at the last session held before
    /// <paramref name="before"/> whose attendance was recorded, named as the briefing names them.
    /// </summary>
    public async Task<IReadOnlyList<(long CommunityId, string Name)>> AbsentAtLastRecordedAsync(
        IQueryable<long> communityIds, DateTimeOffset before, CancellationToken ct)
    {
        var recorded = Held(db.Sessions).Where(s => s.StartsAt < before && db.Attendance.Any(a => a.SessionId == s.Id));
        var rows = await recorded
            .Where(s => communityIds.Contains(s.CommunityId)
                && !recorded.Any(l => l.CommunityId == s.CommunityId && (l.StartsAt > s.StartsAt || (l.StartsAt == s.StartsAt && l.Id > s.Id))))
            .Join(db.Attendance.Where(a => !a.Present), s => s.Id, a => a.SessionId, (s, a) => new { s.CommunityId, a.PersonId })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.CommunityId, x.PersonId, p.DisplayName, p.Email })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.CommunityId, r.DisplayName ?? r.Email ?? $"#{r.PersonId}")).OrderBy(r => r.CommunityId).ThenBy(r => r.Item2, StringComparer.CurrentCulture)];
    }

    private static IQueryable<Session> Held(IQueryable<Session> sessions) =>
        sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Held);

    private IQueryable<HeldSessionAttendance> WithAttendance(IQueryable<Session> sessions) =>
        sessions.Select(s => new HeldSessionAttendance(
            s.Id,
            s.CommunityId,
            s.StartsAt,
            db.Attendance.Any(a => a.SessionId == s.Id),
            db.Attendance.Count(a => a.SessionId == s.Id && a.Present),
            db.Attendance.Count(a => a.SessionId == s.Id && !a.Present)));
}
