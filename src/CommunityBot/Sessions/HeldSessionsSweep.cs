using CommunityBot.Jobs;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Sessions;

/// <summary>
/// A planned session whose time has passed was held: the briefing's attendance history, the nudges and the digests
/// count held sessions, so nothing may stay "planned" forever.
/// </summary>
internal sealed class HeldSessionsSweep(AppDbContext db, TimeProvider clock, ILogger<HeldSessionsSweep> logger) : IRecurringJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Through the (Status, StartsAt) index: only planned sessions that have started; the end is checked here
        // because the duration is not stored as a comparable number.
        var started = await db.Sessions.Where(s => s.Status == SessionStatus.Planned && s.StartsAt <= now).ToListAsync(ct);
        var ended = started.Where(s => s.StartsAt + s.Duration <= now).ToList();
        foreach (var session in ended)
        {
            session.Status = SessionStatus.Held;
        }
        await db.SaveChangesAsync(ct);
        if (ended.Count > 0)
        {
            SessionsLog.MarkedHeld(logger, ended.Count);
        }
    }
}
