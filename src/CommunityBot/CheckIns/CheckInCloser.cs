using CommunityBot.Storage;

namespace CommunityBot.CheckIns;

/// <summary>
/// Closes a round and tells every <see cref="ICheckInClosedListener"/>, inside the caller's transaction: what a
/// listener enqueues (the coach's results) is saved with the closed state or not at all, so a round is reported once.
/// </summary>
public sealed class CheckInCloser(AppDbContext db, IEnumerable<ICheckInClosedListener> listeners, ILogger<CheckInCloser> logger)
{
    public async Task CloseAsync(CheckIn checkIn, CancellationToken ct)
    {
        checkIn.State = CheckInState.Closed;
        checkIn.ReminderDueAt = null;
        await db.SaveChangesAsync(ct);
        foreach (var listener in listeners)
        {
            await listener.ClosedAsync(checkIn.Id, ct);
        }
        CheckInsLog.Closed(logger, checkIn.Id);
    }
}
