namespace CommunityBot.Sessions;

/// <summary>
/// Told when sessions are marked held, inside the transaction that marks them: what a feature writes here (an outbox
/// message with a dedupe key) is saved with the status or not at all, so it happens once.
/// </summary>
public interface ISessionsHeldListener
{
    Task SessionsHeldAsync(IReadOnlyList<Session> sessions, CancellationToken ct);
}
