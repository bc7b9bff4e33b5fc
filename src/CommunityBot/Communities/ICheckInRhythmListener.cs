namespace CommunityBot.Communities;

/// <summary>
/// The check-ins keep a plan row derived from <see cref="Community.CheckInEveryWeeks"/> and recompute it here, inside
/// the transaction that changed the setting, so the communities need not know the check-ins.
/// </summary>
public interface ICheckInRhythmListener
{
    Task CheckInRhythmChangedAsync(long communityId, CancellationToken ct);
}
