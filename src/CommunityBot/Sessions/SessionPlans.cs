namespace CommunityBot.Sessions;

/// <summary>Tells every <see cref="ISessionPlansListener"/> that a community's sessions changed (planned, moved, cancelled, seeded).</summary>
public sealed class SessionPlans(IEnumerable<ISessionPlansListener> listeners)
{
    /// <summary>Call after the session change is saved and before its transaction commits.</summary>
    public async Task RefreshAsync(long communityId, CancellationToken ct)
    {
        foreach (var listener in listeners)
        {
            await listener.SessionsChangedAsync(communityId, ct);
        }
    }
}
