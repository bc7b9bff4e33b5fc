namespace CommunityBot.CheckIns;

/// <summary>
/// Told when a check-in's window has closed, inside the transaction that closes it (the coach's result card is
/// enqueued there, so a round is reported once).
/// </summary>
public interface ICheckInClosedListener
{
    Task ClosedAsync(long checkInId, CancellationToken ct);
}
