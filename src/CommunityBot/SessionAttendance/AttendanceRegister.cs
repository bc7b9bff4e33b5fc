using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.SessionAttendance;

public enum AttendanceOutcome
{
    Saved,
    UnknownSession,
    NotAllowed,
    NotStarted,

    /// <summary>The card named someone who is not on this session's list: a forged or foreign payload; nothing is saved.</summary>
    UnknownPerson,
}

public sealed record AttendanceResult(AttendanceOutcome Outcome, AttendanceSheet? Sheet = null);

/// <summary>
/// The coach's attendance record of a session: who is on the card (the community's active members, and anyone already
/// recorded), prefilled from regrets, saved per person and editable later. Only someone who runs the community may save.
/// </summary>
public sealed class AttendanceRegister(AppDbContext db, CommunityDirectory access, TimeProvider clock, ILogger<AttendanceRegister> logger)
{
    /// <summary>The session of the community that was held last (or has begun), for the <c>attendance</c> command.</summary>
    public Task<Session?> LatestHeldAsync(long communityId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == communityId && (s.Status == SessionStatus.Held || (s.Status == SessionStatus.Planned && s.StartsAt <= now)))
            .OrderByDescending(s => s.StartsAt)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<AttendanceSheet> SheetAsync(long sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Community).SingleAsync(s => s.Id == sessionId, ct);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == session.CommunityId && m.LeftAt == null && m.Role == CommunityRole.Member)
            .Select(m => m.PersonId)
            .ToListAsync(ct);
        var saved = await db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId).ToListAsync(ct);
        var regretted = (await db.Regrets.AsNoTracking().Where(r => r.SessionId == sessionId).Select(r => r.PersonId).ToListAsync(ct)).ToHashSet();
        var ids = members.Concat(saved.Select(a => a.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var values = saved.ToDictionary(a => a.PersonId, a => a.Present);
        var lines = ids
            .Select(id => new AttendanceLine(id, PersonRef.NameOf(people[id]), values.TryGetValue(id, out var present) ? present : !regretted.Contains(id), regretted.Contains(id)))
            .OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var last = saved.Where(a => a.RecordedAt is not null).MaxBy(a => a.RecordedAt);
        var savedBy = last?.RecordedByPersonId is { } byId
            ? await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == byId, ct)
            : null;
        return new AttendanceSheet(session.Id, session.Community.Name, session.StartsAt, LocalClock.Zone(session.Community.TimeZone), lines,
            savedBy is null ? null : PersonRef.NameOf(savedBy), last?.RecordedAt)
        {
            ReadAt = clock.GetUtcNow(),
        };
    }

    /// <param name="values">Present or not, per person id, as the card's toggles said: untrusted.</param>
    public async Task<AttendanceResult> SaveAsync(Person actor, long sessionId, IReadOnlyDictionary<long, bool> values, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Community)
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.Community.TenantId == actor.TenantId && s.Status != SessionStatus.Cancelled, ct);
        if (session is null)
        {
            return new AttendanceResult(AttendanceOutcome.UnknownSession);
        }
        if (!await access.CanManageAsync(actor, session.CommunityId, ct))
        {
            AttendanceLog.AttendanceRefused(logger, actor.Id, sessionId);
            return new AttendanceResult(AttendanceOutcome.NotAllowed);
        }
        var now = clock.GetUtcNow();
        if (session.StartsAt > now)
        {
            return new AttendanceResult(AttendanceOutcome.NotStarted);
        }
        var onCard = (await SheetAsync(sessionId, ct)).Lines.Select(l => l.PersonId).ToHashSet();
        if (!values.Keys.All(onCard.Contains))
        {
            AttendanceLog.UnknownPersonOnCard(logger, sessionId);
            return new AttendanceResult(AttendanceOutcome.UnknownPerson);
        }
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Insert-or-ignore, then update: two coaches saving at once both succeed, the later value stays.
            await db.InsertOrIgnoreRangeAsync([.. values.Select(v => new Attendance
            {
                SessionId = sessionId, PersonId = v.Key, Present = v.Value, RecordedByPersonId = actor.Id, RecordedAt = now,
            })], ct);
            foreach (var present in new[] { true, false })
            {
                var ids = values.Where(v => v.Value == present).Select(v => v.Key).ToList();
                await db.Attendance.Where(a => a.SessionId == sessionId && ids.Contains(a.PersonId))
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.Present, present).SetProperty(a => a.RecordedByPersonId, actor.Id).SetProperty(a => a.RecordedAt, (DateTimeOffset?)now), ct);
            }
            await transaction.CommitAsync(ct);
        }
        AttendanceLog.AttendanceSaved(logger, actor.Id, sessionId, values.Count);
        return new AttendanceResult(AttendanceOutcome.Saved, await SheetAsync(sessionId, ct));
    }
}
