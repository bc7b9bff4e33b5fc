using CommunityBot.Jobs;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Sessions;

/// <summary>
/// A planned session whose time has passed was held: the briefing's attendance history, the nudges and the digests
/// count held sessions, so nothing may stay "planned" forever. Listeners (the attendance card) act in the same transaction.
/// </summary>
internal sealed class HeldSessionsSweep(AppDbContext db, IEnumerable<ISessionsHeldListener> listeners, TimeProvider clock, ILogger<HeldSessionsSweep> logger) : IRecurringJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Through the (Status, StartsAt) index: only planned sessions that have started; the end is checked here
        // because the duration is not stored as a comparable number.
        var started = await db.Sessions.Where(s => s.Status == SessionStatus.Planned && s.StartsAt <= now).ToListAsync(ct);
        var ended = started.Where(s => s.StartsAt + s.Duration <= now).ToList();
        if (ended.Count == 0)
        {
            return;
        }
        foreach (var session in ended)
        {
            session.Status = SessionStatus.Held;
        }
        // The status and what listeners enqueue (the coaches' attendance cards) are saved together: a run that fails
        // leaves the sessions planned, and the next run sends each card once.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            foreach (var listener in listeners)
            {
                await listener.SessionsHeldAsync(ended, ct);
            }
            await transaction.CommitAsync(ct);
        }
        SessionsLog.MarkedHeld(logger, ended.Count);
    }
}
