namespace CommunityBot.Sessions;

/// <summary>
/// A feature that keeps rows derived from a community's sessions (reminder plans, briefing plans, the cadence
/// deadline) re-plans them here. Called inside the transaction that changed the sessions, so the minute sweeps
/// only read rows that are due and never have to re-plan.
/// </summary>
public interface ISessionPlansListener
{
    Task SessionsChangedAsync(long communityId, CancellationToken ct);
}
