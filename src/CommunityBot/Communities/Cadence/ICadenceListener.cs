namespace CommunityBot.Communities.Cadence;

/// <summary>
/// A feature that keeps rows derived from a community's cadence norm (the plan nudge's deadline) recomputes them here.
/// Called inside the transaction that changed the norm, like <c>ISessionPlansListener</c> for session changes.
/// </summary>
public interface ICadenceListener
{
    Task CadenceChangedAsync(long communityId, CancellationToken ct);
}
